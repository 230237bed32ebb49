// The API's routes with their schemas, for the server (and OpenAPI). The web app imports
// `@lotse/domain/endpoints` at run time and these only as types.
export * from './account.routes.ts';
export * from './administration.routes.ts';
export * from './casework.routes.ts';
export * from './define-routes.ts';
export * from './evaluation.routes.ts';
export * from './home.routes.ts';
export * from './instruments.routes.ts';
export * from './network.routes.ts';
export * from './params.ts';
export * from './programmes.routes.ts';
export * from './route.ts';
