import type { Role, UserView } from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { clearMfa } from '../auth/mfa-reset.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import { newToken, tokenHash } from '../auth/tokens.ts';
import {
  deleteResetRequests,
  emailTaken,
  findUserById,
  insertInvitedUser,
  listUsers,
  openResetRequest,
  presentUser,
  replaceOneTimeToken,
  type UserRow,
  updateUser,
  upsertResetRequest,
} from './users.repo.ts';

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
  await replaceOneTimeToken(scope.tx, {
    tokenHash: tokenHash(token),
    agencyId: user.agency_id,
    userId: user.id,
    purpose,
    createdBy: scope.actor.userId,
    now: scope.now,
    expiresAt,
  });
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
    if (await emailTaken(scope.tx, input.email)) throw conflict('Diese E-Mail-Adresse ist bereits vergeben.');
    const id = await insertInvitedUser(scope.tx, {
      agencyId: actor.agencyId,
      email: input.email,
      displayName: input.displayName,
      roles: [...new Set(input.roles)],
      now: scope.now,
    });
    const user = (await findUserById(scope.tx, id ?? '')) as UserRow;
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
    await updateUser(
      scope.tx,
      id,
      { display_name: input.displayName ?? user.display_name, roles, status },
      scope.now,
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
  const request = { agencyId: user.agency_id, userId: user.id, kind };
  const open = await openResetRequest(scope.tx, {
    ...request,
    since: new Date(scope.now.getTime() - RESET_REQUEST_VALID_MS),
  });
  if (open && open.requested_by !== actor.userId) {
    await deleteResetRequests(scope.tx, request);
    return { approved: true as const, requestedBy: open.requested_by };
  }
  if (open)
    throw conflict('Sie haben das bereits beantragt; eine zweite Administratorin muss es bestätigen.');
  await upsertResetRequest(scope.tx, { ...request, requestedBy: actor.userId, now: scope.now });
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
