import type { Config } from './config.ts';
import { type Database, openPglite, openPostgres, type Queryable } from './db.ts';

/** The connection requests run on: on PostgreSQL the app's login role (DATABASE_URL). */
export function openDatabase(config: Config): Promise<Database> {
  return config.database.kind === 'postgres'
    ? openPostgres(config.database.url, config.database.poolSize)
    : openPglite(config.database.dataDir);
}

/**
 * The schema owner's connection, for migrations and the CLI: LOTSE_OWNER_DATABASE_URL, or DATABASE_URL
 * when only that is set. The embedded database has one user, so it is the same as openDatabase.
 */
export function openOwnerDatabase(config: Config): Promise<Database> {
  return config.database.kind === 'postgres'
    ? openPostgres(config.database.ownerUrl ?? config.database.url, 2)
    : openPglite(config.database.dataDir);
}

export interface AppRoleFacts {
  role: string;
  superuser: boolean;
  bypassRls: boolean;
  ownsTables: number;
  memberOfOwner: boolean;
  memberOfDefiner: boolean;
  memberOfApp: boolean;
}

/** What the request connection's role may do beyond lotse_app; the owner is the owner of audit_log. */
export async function appRoleFacts(db: Queryable): Promise<AppRoleFacts> {
  const r = await db.query<AppRoleFacts>(
    `SELECT current_user AS role, r.rolsuper AS superuser, r.rolbypassrls AS "bypassRls",
            (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND c.relowner = r.oid) AS "ownsTables",
            pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'audit_log'::regclass), 'MEMBER')
              AS "memberOfOwner",
            pg_has_role(current_user, 'lotse_definer', 'MEMBER') AS "memberOfDefiner",
            pg_has_role(current_user, 'lotse_app', 'MEMBER') AS "memberOfApp"
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  return r.rows[0] as AppRoleFacts;
}

/**
 * With separate owner and app connections, refuses an app role that could step around row-level
 * security (superuser, BYPASSRLS, owner or member of the owner) or cannot switch to lotse_app.
 * Returns a warning for the single-connection set-up, undefined when all is well.
 */
export async function checkAppRole(config: Config, db: Database): Promise<string | undefined> {
  if (config.database.kind !== 'postgres') return undefined;
  const f = await appRoleFacts(db);
  if (!config.database.ownerUrl)
    return f.superuser || f.bypassRls
      ? `DATABASE_URL connects as ${f.role}, a role that bypasses row-level security. Set LOTSE_OWNER_DATABASE_URL to the owner and DATABASE_URL to a login role that is only a member of lotse_app (see OPERATIONS.md).`
      : `DATABASE_URL is also the owner connection. Row-level security binds it, but a separate login role for requests (LOTSE_OWNER_DATABASE_URL for the owner) is safer (see OPERATIONS.md).`;
  const problems = [
    f.superuser && 'is a superuser',
    f.bypassRls && 'has BYPASSRLS',
    f.ownsTables > 0 && `owns ${f.ownsTables} table(s)`,
    f.memberOfOwner && 'is the owner or a member of the owner role',
    f.memberOfDefiner && 'is a member of lotse_definer',
    !f.memberOfApp && `is not a member of lotse_app (run as the owner: GRANT lotse_app TO ${f.role})`,
  ].filter(Boolean);
  if (problems.length)
    throw new Error(`The app role ${f.role} (DATABASE_URL) ${problems.join(', ')}. See OPERATIONS.md.`);
  return undefined;
}
