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

/** Issues a one-time link's token hash; an older open link of the user stops working. */
export async function replaceOneTimeToken(
  tx: Queryable,
  t: {
    tokenHash: string;
    agencyId: string;
    userId: string;
    purpose: 'invite' | 'reset';
    createdBy: string;
    now: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await tx.query('UPDATE one_time_tokens SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [
    t.userId,
    t.now,
  ]);
  await tx.query(
    `INSERT INTO one_time_tokens (token_hash, agency_id, user_id, purpose, created_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [t.tokenHash, t.agencyId, t.userId, t.purpose, t.createdBy, t.now, t.expiresAt],
  );
}

/** Whether any agency has a user with this e-mail address (the unique index; RLS hides the rows). */
export async function emailTaken(tx: Queryable, email: string): Promise<boolean> {
  const taken = await tx.query<{ taken: boolean }>(`SELECT lotse_email_taken($1) AS taken`, [email]);
  return !!taken.rows[0]?.taken;
}

/** A new invited user; returns its id. */
export async function insertInvitedUser(
  tx: Queryable,
  u: { agencyId: string; email: string; displayName: string; roles: Role[]; now: Date },
): Promise<string | undefined> {
  const inserted = await tx.query<Pick<Tables['users'], 'id'>>(
    `INSERT INTO users (agency_id, email, display_name, roles, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'invited', $5, $5) RETURNING id`,
    [u.agencyId, u.email, u.displayName, u.roles, u.now],
  );
  return inserted.rows[0]?.id;
}

export async function updateUser(
  tx: Queryable,
  id: string,
  u: Pick<UserRow, 'display_name' | 'roles' | 'status'>,
  now: Date,
): Promise<void> {
  await tx.query(
    'UPDATE users SET display_name = $2, roles = $3, status = $4, updated_at = $5 WHERE id = $1',
    [id, u.display_name, u.roles, u.status, now],
  );
}

export type ResetRequestRow = Pick<Tables['admin_reset_requests'], 'requested_by' | 'requested_at'>;

/** A reset request for the user newer than `since`, locked for the rest of the transaction. */
export async function openResetRequest(
  tx: Queryable,
  r: { agencyId: string; userId: string; kind: string; since: Date },
): Promise<ResetRequestRow | undefined> {
  return (
    await tx.query<ResetRequestRow>(
      `SELECT requested_by, requested_at FROM admin_reset_requests
        WHERE agency_id = $1 AND user_id = $2 AND kind = $3 AND requested_at > $4 FOR UPDATE`,
      [r.agencyId, r.userId, r.kind, r.since],
    )
  ).rows[0];
}

export async function deleteResetRequests(
  tx: Queryable,
  r: { agencyId: string; userId: string; kind: string },
): Promise<void> {
  await tx.query('DELETE FROM admin_reset_requests WHERE agency_id = $1 AND user_id = $2 AND kind = $3', [
    r.agencyId,
    r.userId,
    r.kind,
  ]);
}

/** Records (or renews) the request of `requestedBy`. */
export async function upsertResetRequest(
  tx: Queryable,
  r: { agencyId: string; userId: string; kind: string; requestedBy: string; now: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO admin_reset_requests (agency_id, user_id, kind, requested_by, requested_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (agency_id, user_id, kind) DO UPDATE SET requested_by = $4, requested_at = $5`,
    [r.agencyId, r.userId, r.kind, r.requestedBy, r.now],
  );
}
