// Routes of this context: `export const xRoutes = defineRoutes(xEndpoints, { ... });`
export {};
