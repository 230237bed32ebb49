import type { AgencyKind, AgencySettings, Role, UserView } from '@lotse/domain';
import { DEFAULT_TIME_ZONE, defaultAgencySettings } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Row, Tables } from '../../platform/rows.ts';

export type UserRow = Pick<
  Row<'users', { roles: Role[]; status: 'active' | 'invited' | 'disabled' }>,
  | 'id'
  | 'agency_id'
  | 'email'
  | 'display_name'
  | 'roles'
  | 'status'
  | 'password_hash'
  | 'mfa_secret'
  | 'mfa_enabled'
  | 'mfa_last_step'
  | 'is_demo'
  | 'last_login_at'
  | 'created_at'
> & {
  agency_name: Tables['agencies']['name'];
  agency_kind: AgencyKind;
  agency_settings: Partial<AgencySettings>;
};

const SELECT_USER = `
  SELECT u.id, u.agency_id, u.email, u.display_name, u.roles, u.status, u.password_hash, u.mfa_secret,
         u.mfa_enabled, u.mfa_last_step, u.is_demo, u.last_login_at, u.created_at,
         a.name AS agency_name, a.kind AS agency_kind, a.settings AS agency_settings
    FROM users u JOIN agencies a ON a.id = u.agency_id`;

export async function findUserByEmail(tx: Queryable, email: string): Promise<UserRow | undefined> {
  return (await tx.query<UserRow>(`${SELECT_USER} WHERE u.email = $1`, [email])).rows[0];
}

export async function findUserById(tx: Queryable, id: string): Promise<UserRow | undefined> {
  return (await tx.query<UserRow>(`${SELECT_USER} WHERE u.id = $1`, [id])).rows[0];
}

/** Users of one agency, optionally only those whose name or e-mail contains `query`. */
export async function listUsers(
  tx: Queryable,
  agencyId: string,
  limit: number,
  offset: number,
  query?: string,
) {
  const pattern = query ? `%${query.toLowerCase().replace(/[\\%_]/g, '\\$&')}%` : null;
  const rows = await tx.query<UserRow & { total: number }>(
    `${SELECT_USER.replace('SELECT', 'SELECT count(*) OVER ()::int AS total,')}
      WHERE u.agency_id = $1
        AND ($4::text IS NULL OR lower(u.display_name) LIKE $4 OR u.email LIKE $4)
      ORDER BY u.display_name, u.email LIMIT $2 OFFSET $3`,
    [agencyId, limit, offset, pattern],
  );
  return { rows: rows.rows, total: rows.rows[0]?.total ?? 0 };
}

export function agencySettingsOf(row: Pick<UserRow, 'agency_settings'>): AgencySettings {
  return { ...defaultAgencySettings, ...row.agency_settings };
}

/** Whether this user's agency requires a second factor for one of the user's roles. */
export function mfaRequiredFor(row: UserRow): boolean {
  const required = agencySettingsOf(row).mfaRequiredRoles;
  return row.roles.some((r) => required.includes(r));
}

export function presentUser(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles,
    agency: {
      id: row.agency_id,
      name: row.agency_name,
      kind: row.agency_kind,
      timeZone: row.agency_settings?.timeZone ?? DEFAULT_TIME_ZONE,
    },
    status: row.status,
    mfaEnabled: row.mfa_enabled,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
