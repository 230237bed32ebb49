/**
 * The plain code lists of the domain (no zod), for the web app: a page that needs only a list imports
 * it from `@lotse/domain/codes` and leaves the schemas (and zod) out of its bundle. The schemas build
 * their enums from the same lists.
 */
export * from './agencies/roles.ts';
export * from './auth/grants.ts';
export * from './casework/casework.codes.ts';
export * from './network/languages.ts';
export * from './network/network.codes.ts';
export * from './programmes/programme.codes.ts';
