/**
 * Method and path of every endpoint, one group per server feature, without zod: what the browser
 * needs to call them. Each context's schemas are in its `*.routes.ts`. Each group is its own export so
 * a bundle keeps only the groups its pages call.
 */
export * from './account.endpoints.ts';
export * from './administration.endpoints.ts';
export * from './casework.endpoints.ts';
export * from './evaluation.endpoints.ts';
export * from './home.endpoints.ts';
export * from './instruments.endpoints.ts';
export * from './network.endpoints.ts';
export * from './programmes.endpoints.ts';
