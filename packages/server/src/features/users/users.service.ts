import type { Role, UserView } from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { clearMfa } from '../auth/auth.service.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import { newToken, tokenHash } from '../auth/tokens.ts';
import { findUserById, listUsers, presentUser, type UserRow } from './users.repo.ts';

const INVITE_VALID_MS = 7 * 24 * 3_600_000;
const RESET_VALID_MS = 24 * 3_600_000;

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
    if (id === actor.userId && (status === 'disabled' || !roles.includes('admin'))) {
      throw conflict('Sie können sich nicht selbst sperren oder die eigene Administrationsrolle entziehen.');
    }
    await scope.tx.query(
      'UPDATE users SET display_name = $2, roles = $3, status = $4, updated_at = $5 WHERE id = $1',
      [id, input.displayName ?? user.display_name, roles, status, scope.now],
    );
    if (input.roles && roles.join() !== user.roles.join()) {
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

export async function resetPassword(ctx: AppContext, actor: Actor, id: string) {
  return withActor(ctx, actor, async (scope) => {
    const user = await loadUser(scope, id);
    const link = await oneTimeLink(ctx, scope, user, user.status === 'invited' ? 'invite' : 'reset');
    await scope.audit({ action: 'users.password.reset', resourceType: 'user', resourceId: id });
    return { link };
  });
}

export async function resetMfa(ctx: AppContext, actor: Actor, id: string) {
  await withActor(ctx, actor, async (scope) => {
    await loadUser(scope, id);
    await clearMfa(scope.tx, id, scope.now);
    await deleteUserSessions(scope.tx, id);
    await scope.audit({ action: 'users.mfa.reset', resourceType: 'user', resourceId: id });
  });
}
