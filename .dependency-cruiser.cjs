// The layers of Lotse, checked by `npm test` (decision 0011, docs/ARCHITECTURE.md "Layers"):
//
//   packages/domain  <-  server platform  <-  server features  <-  server app (app.ts, main.ts, cli.ts)
//   packages/web     ->  packages/domain only
//
// A feature uses another feature through that feature's service (`<f>.service.ts` and the helpers it
// names), never through its repository (`*.repo.ts`, the SQL) or its routes (`*.routes.ts`, the HTTP
// surface). Tests (`*.test.ts`) and the test harness (`src/testing/`) sit above the app: they may start
// it and reach into any layer. Paths are relative to the directory depcruise runs in, which lets the
// fixture in scripts/dependency-rules/ prove each rule with the same file.

const SERVER = '^packages/server/src';
const TEST_FILE = '\\.test\\.ts$';
const APP = `${SERVER}/(app|main|cli)\\.ts$`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules import each other in one direction only; a cycle hides which one is the lower layer.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-stands-alone',
      comment:
        'The domain package (shapes and pure rules) is shared by server and web and depends on neither.',
      severity: 'error',
      from: { path: '^packages/domain/' },
      to: { path: '^packages/(server|web)/' },
    },
    {
      name: 'web-uses-domain-only',
      comment: 'The browser app talks to the server over HTTP; it shares only the domain package with it.',
      severity: 'error',
      from: { path: '^packages/web/' },
      to: { path: '^packages/server/' },
    },
    {
      name: 'platform-below-features',
      comment:
        'The platform (database, context, policy, audit, HTTP plumbing) knows no feature: the app wires ' +
        'features into it (for example the session lookup into the auth hook).',
      severity: 'error',
      from: { path: `${SERVER}/platform/`, pathNot: TEST_FILE },
      to: { path: [`${SERVER}/(features|testing)/`, APP] },
    },
    {
      name: 'features-below-app',
      comment: 'Features do not know the app that assembles them, nor the test harness.',
      severity: 'error',
      from: { path: `${SERVER}/features/`, pathNot: TEST_FILE },
      to: { path: [`${SERVER}/testing/`, APP] },
    },
    {
      name: 'feature-internals',
      comment:
        "A feature uses another feature's service, never its repository or routes: the owning feature " +
        'keeps its SQL and its HTTP surface to itself and can change them.',
      severity: 'error',
      from: { path: `${SERVER}/features/([^/]+)/` },
      to: {
        path: `${SERVER}/features/[^/]+/[^/]+\\.(repo|routes)\\.ts$`,
        pathNot: `${SERVER}/features/$1/`,
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    // Type-only imports count too: a type from another layer is a dependency on it.
    tsPreCompilationDeps: true,
  },
};
