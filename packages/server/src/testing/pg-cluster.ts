import pg from 'pg';

/**
 * Databases on a PostgreSQL cluster set up like production: an owner role without superuser rights
 * runs the migrations, and the requests run as a role that is a member of lotse_app. The test harness
 * and the benchmark data set both set up their databases this way, each with its own role names.
 */

/** The admin connection's address with another database and, optionally, another user (trust auth). */
export function databaseUrl(adminUrl: string, database: string, user?: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  if (user) {
    url.username = user;
    url.password = '';
  }
  return url.toString();
}

/** Runs `fn` on one connection, closed afterwards. */
export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The statement, where a parallel creator of the same role or grant is not an error. */
export const tolerant = (statement: string) => `DO $$ BEGIN ${statement};
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`;

/** Creates the owner role (may create roles, for lotse_app) and the app role, unless they exist. */
export const createRoleStatements = (ownerRole: string, appRole: string) => [
  tolerant(`CREATE ROLE ${ownerRole} LOGIN NOSUPERUSER NOBYPASSRLS CREATEROLE NOCREATEDB`),
  tolerant(`CREATE ROLE ${appRole} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB`),
];

/** lotse_app exists once the first migration ran; membership is cluster-wide and granted once. */
export const grantAppRoleStatement = (appRole: string) => `DO $$ BEGIN
  IF NOT pg_has_role('${appRole}', 'lotse_app', 'MEMBER') THEN GRANT lotse_app TO ${appRole}; END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`;
