import type { Role, UserView } from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { clearMfa } from '../auth/mfa-reset.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import { newToken, tokenHash } from '../auth/tokens.ts';
import { findUserById, listUsers, presentUser, type UserRow } from './users.repo.ts';

/** What other features (sign-in) may use of the user accounts. */
export {
  findUserByEmail,
  findUserById,
  mfaRequiredFor,
  presentUser,
  type UserRow,
} from './users.repo.ts';

const INVITE_VALID_MS = 7 * 24 * 3_600_000;
const RESET_VALID_MS = 24 * 3_600_000;
/** How long a first administrator's request to reset another administrator waits for a second one. */
const RESET_REQUEST_VALID_MS = 24 * 3_600_000;

async function loadUser(scope: ActorScope, id: string): Promise<UserRow> {
  const user = await findUserById(scope.tx, id);
  if (!user) throw notFound('Benutzerkonto nicht gefunden.');
  authorize(scope.actor, 'users.manage', { agencyId: user.agency_id });
  return user;
}

async function oneTimeLink(ctx: AppContext, scope: ActorScope, user: UserRow, purpose: 'invite' | 'reset') {
  const token = newToken();
  const expiresAt = new Date(scope.now.getTime() + (purpose === 'invite' ? INVITE_VALID_MS : RESET_VALID_MS));
  // An older open link of the same user stops working when a new one is issued.
  await scope.tx.query('UPDATE one_time_tokens SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [
    user.id,
    scope.now,
  ]);
  await scope.tx.query(
    `INSERT INTO one_time_tokens (token_hash, agency_id, user_id, purpose, created_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [tokenHash(token), user.agency_id, user.id, purpose, scope.actor.userId, scope.now, expiresAt],
  );
  const base = ctx.config.publicUrl ?? '';
  return { url: `${base}/einladung/${token}`, token, expiresAt: expiresAt.toISOString() };
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) => [...a].sort().join() === [...b].sort().join();

export async function list(ctx: AppContext, actor: Actor, page: number, pageSize: number, query?: string) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'users.read');
    const { rows, total } = await listUsers(scope.tx, actor.agencyId, pageSize, (page - 1) * pageSize, query);
    await scope.audit({ action: 'users.list', resourceType: 'user', details: { count: rows.length } });
    return { items: rows.map(presentUser), page, pageSize, total };
  });
}

export async function create(
  ctx: AppContext,
  actor: Actor,
  input: { email: string; displayName: string; roles: Role[] },
) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'users.manage');
    // E-mail addresses are unique across agencies; RLS hides other agencies' rows, so ask the index.
    const taken = await scope.tx.query(`SELECT lotse_email_taken($1) AS taken`, [input.email]);
    if (taken.rows[0]?.taken) throw conflict('Diese E-Mail-Adresse ist bereits vergeben.');
    const inserted = await scope.tx.query<{ id: string }>(
      `INSERT INTO users (agency_id, email, display_name, roles, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'invited', $5, $5) RETURNING id`,
      [actor.agencyId, input.email, input.displayName, [...new Set(input.roles)], scope.now],
    );
    const user = (await findUserById(scope.tx, inserted.rows[0]?.id ?? '')) as UserRow;
    const link = await oneTimeLink(ctx, scope, user, 'invite');
    await scope.audit({
      action: 'users.create',
      resourceType: 'user',
      resourceId: user.id,
      details: { roles: user.roles },
    });
    return { user: presentUser(user), link };
  });
}

export async function update(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { displayName?: string | undefined; roles?: Role[] | undefined; disabled?: boolean | undefined },
): Promise<{ user: UserView }> {
  // Nobody grants or drops their own roles: another administrator must (decision 0004). The refusal
  // is audited in its own transaction, so that it stays recorded although the request fails.
  const ownRolesRefused =
    id === actor.userId &&
    input.roles !== undefined &&
    (await withActor(ctx, actor, async (scope) => {
      const user = await loadUser(scope, id);
      const roles = [...new Set(input.roles)];
      if (sameRoles(roles, user.roles)) return false;
      await scope.audit({
        action: 'users.roles.change',
        outcome: 'denied',
        resourceType: 'user',
        resourceId: id,
        details: { from: user.roles, to: roles, reason: 'own_account' },
      });
      return true;
    }));
  if (ownRolesRefused)
    throw forbidden('Sie können Ihre eigenen Rollen nicht ändern; das muss eine andere Administratorin tun.');
  return withActor(ctx, actor, async (scope) => {
    const user = await loadUser(scope, id);
    const roles = input.roles ? [...new Set(input.roles)] : user.roles;
    const status =
      input.disabled === undefined
        ? user.status
        : input.disabled
          ? 'disabled'
          : user.password_hash
            ? 'active'
            : 'invited';
    const rolesChange = !sameRoles(roles, user.roles);
    if (id === actor.userId && status === 'disabled') {
      throw conflict('Sie können sich nicht selbst sperren.');
    }
    await scope.tx.query(
      'UPDATE users SET display_name = $2, roles = $3, status = $4, updated_at = $5 WHERE id = $1',
      [id, input.displayName ?? user.display_name, roles, status, scope.now],
    );
    if (rolesChange) {
      await scope.audit({
        action: 'users.roles.change',
        resourceType: 'user',
        resourceId: id,
        details: { from: user.roles, to: roles },
      });
    }
    if (status !== user.status) {
      if (status === 'disabled') await deleteUserSessions(scope.tx, id);
      await scope.audit({
        action: status === 'disabled' ? 'users.disable' : 'users.enable',
        resourceType: 'user',
        resourceId: id,
      });
    }
    if (input.displayName !== undefined && input.displayName !== user.display_name) {
      await scope.audit({
        action: 'users.update',
        resourceType: 'user',
        resourceId: id,
        details: { field: 'displayName' },
      });
    }
    return { user: presentUser((await findUserById(scope.tx, id)) as UserRow) };
  });
}

/**
 * Password and second-factor resets of other users. Nobody resets their own account here (the
 * account page needs the current password or code). Resetting another administrator takes two
 * administrators: the first call records a request, a call by a second administrator carries it out,
 * so that one administrator cannot take over another's account alone.
 */
async function resetGate(scope: ActorScope, user: UserRow, kind: 'password' | 'mfa') {
  const actor = scope.actor;
  if (user.id === actor.userId) {
    throw forbidden(
      kind === 'password'
        ? 'Ihr eigenes Passwort ändern Sie unter „Mein Konto“.'
        : 'Ihren eigenen zweiten Faktor verwalten Sie unter „Mein Konto“.',
    );
  }
  if (!user.roles.includes('admin')) return { approved: true as const };
  const open = (
    await scope.tx.query<{ requested_by: string; requested_at: Date }>(
      `SELECT requested_by, requested_at FROM admin_reset_requests
        WHERE agency_id = $1 AND user_id = $2 AND kind = $3 AND requested_at > $4 FOR UPDATE`,
      [user.agency_id, user.id, kind, new Date(scope.now.getTime() - RESET_REQUEST_VALID_MS)],
    )
  ).rows[0];
  if (open && open.requested_by !== actor.userId) {
    await scope.tx.query(
      'DELETE FROM admin_reset_requests WHERE agency_id = $1 AND user_id = $2 AND kind = $3',
      [user.agency_id, user.id, kind],
    );
    return { approved: true as const, requestedBy: open.requested_by };
  }
  if (open)
    throw conflict('Sie haben das bereits beantragt; eine zweite Administratorin muss es bestätigen.');
  await scope.tx.query(
    `INSERT INTO admin_reset_requests (agency_id, user_id, kind, requested_by, requested_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (agency_id, user_id, kind) DO UPDATE SET requested_by = $4, requested_at = $5`,
    [user.agency_id, user.id, kind, actor.userId, scope.now],
  );
  await scope.audit({
    action: kind === 'password' ? 'users.password.reset_request' : 'users.mfa.reset_request',
    resourceType: 'user',
    resourceId: user.id,
  });
  return {
    approved: false as const,
    pending: { approvalRequired: true as const, requestedAt: scope.now.toISOString() },
  };
}

export async function resetPassword(ctx: AppContext, actor: Actor, id: string) {
  return withActor(ctx, actor, async (scope) => {
    const user = await loadUser(scope, id);
    const gate = await resetGate(scope, user, 'password');
    if (!gate.approved) return { pending: gate.pending };
    const link = await oneTimeLink(ctx, scope, user, user.status === 'invited' ? 'invite' : 'reset');
    await scope.audit({
      action: 'users.password.reset',
      resourceType: 'user',
      resourceId: id,
      ...(gate.requestedBy ? { details: { requestedBy: gate.requestedBy } } : {}),
    });
    return { link };
  });
}

export async function resetMfa(ctx: AppContext, actor: Actor, id: string) {
  return withActor(ctx, actor, async (scope) => {
    const user = await loadUser(scope, id);
    const gate = await resetGate(scope, user, 'mfa');
    if (!gate.approved) return { pending: gate.pending };
    await clearMfa(scope.tx, id, scope.now);
    await deleteUserSessions(scope.tx, id);
    await scope.audit({
      action: 'users.mfa.reset',
      resourceType: 'user',
      resourceId: id,
      ...(gate.requestedBy ? { details: { requestedBy: gate.requestedBy } } : {}),
    });
    return {};
  });
}
