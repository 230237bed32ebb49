import type { Endpoint } from './route.ts';

// This context's groups: `export const xEndpoints = { ... } as const satisfies Record<string, Endpoint>;`
export const _programmesPending: Record<string, Endpoint> = {};
