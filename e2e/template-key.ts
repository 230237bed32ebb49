/** Name under which the e2e global set-up provides the seeded template data directory. */
export const E2E_TEMPLATE_KEY = 'lotseE2eTemplateDir';

declare module 'vitest' {
  export interface ProvidedContext {
    lotseE2eTemplateDir: string;
  }
}
