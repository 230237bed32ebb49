import { type MfaState, permissionsOf, type SessionResponse } from '@lotse/domain';
import { appendAudit } from '../../platform/audit.ts';
import {
  type Actor,
  type ActorScope,
  type AppContext,
  withActor,
  withSystem,
} from '../../platform/context.ts';
import type { Queryable } from '../../platform/db.ts';
import { AppError, badRequest, forbidden, notFound, unauthenticated } from '../../platform/errors.ts';
import type { AuthenticatedSession } from '../../platform/http.ts';
import {
  findUserByEmail,
  findUserById,
  mfaRequiredFor,
  presentUser,
  type UserRow,
} from '../users/users.service.ts';
import {
  completeSessionMfa,
  countMfaAttempt,
  enableMfa,
  findOneTimeToken,
  markOneTimeTokenUsed,
  setLastLogin,
  setMfaLastStep,
  setPassword,
  setPendingMfaSecret,
} from './auth.repo.ts';
import { beginAttempt, recordFailure, recordSuccess } from './login-throttle.ts';
import { clearMfa } from './mfa-reset.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { checkPassword, passwordProblemMessages } from './password-policy.ts';
import { issueRecoveryCodes, redeemRecoveryCode } from './recovery-codes.ts';
import { openTotpSecret, sealTotpSecret } from './secrets-at-rest.ts';
import { createSession, deleteSession, deleteUserSessions, lookupSession } from './sessions.ts';
import { tokenHash } from './tokens.ts';
import { newTotpSecret, totpEnrollment, verifyTotp } from './totp.ts';

const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'E-Mail-Adresse oder Passwort ist nicht korrekt.');
const invalidMfaCode = () => new AppError(401, 'invalid_mfa_code', 'Der Code ist nicht gültig.');

/** Demo users skip the second factor, but only while the installation runs in demo mode. */
const mfaExempt = (ctx: AppContext, user: UserRow) => ctx.config.demo && user.is_demo;

function mfaStateAfterPassword(ctx: AppContext, user: UserRow): MfaState {
  if (mfaExempt(ctx, user)) return 'ok';
  if (user.mfa_enabled) return 'verify';
  return mfaRequiredFor(user) ? 'enroll' : 'ok';
}

export function passwordContext(user: Pick<UserRow, 'email' | 'display_name' | 'agency_name'>): string[] {
  return [
    user.email.split('@')[0] ?? '',
    user.email.split('@')[1] ?? '',
    user.display_name,
    user.agency_name,
  ];
}

export function assertAcceptablePassword(password: string, context: string[]) {
  const problem = checkPassword(password, context);
  if (problem) throw new AppError(400, 'weak_password', passwordProblemMessages[problem]);
}

export async function login(
  ctx: AppContext,
  input: { email: string; password: string },
  source: string,
  previousToken: string | undefined,
): Promise<{ token: string; body: SessionResponse }> {
  const email = input.email.trim().toLowerCase();
  const outcome = await withSystem(ctx, async (tx, now) => {
    await beginAttempt(tx, email, source, now);
    const user = await findUserByEmail(tx, email);
    const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
    if (!user || !passwordOk || user.status !== 'active') {
      await recordFailure(tx, email, source, now, ctx.config.login);
      await appendAudit(
        tx,
        {
          action: 'auth.login',
          outcome: 'failure',
          agencyId: user?.agency_id ?? null,
          actorUserId: user?.id ?? null,
          resourceType: 'user',
          resourceId: user?.id ?? null,
          details: {
            reason: !user ? 'unknown_account' : !passwordOk ? 'wrong_password' : `status_${user.status}`,
          },
        },
        now,
      );
      return null;
    }
    const mfa = mfaStateAfterPassword(ctx, user);
    // With a second factor outstanding the failures stay counted until the code is right, so that
    // knowing the password does not reset the lock-out that guards the code.
    if (mfa !== 'verify') await recordSuccess(tx, email);
    // A new session id at every sign-in; a session the browser still carried ends here.
    if (previousToken) await deleteSession(tx, tokenHash(previousToken));
    const token = await createSession(tx, user, mfa, now, ctx.config.session);
    if (mfa === 'ok') await setLastLogin(tx, user.id, now);
    await appendAudit(
      tx,
      {
        action: 'auth.login',
        agencyId: user.agency_id,
        actorUserId: user.id,
        resourceType: 'user',
        resourceId: user.id,
        details: { mfa },
      },
      now,
    );
    return {
      token,
      body: {
        user: presentUser({ ...user, last_login_at: mfa === 'ok' ? now : user.last_login_at }),
        mfa,
        permissions: permissionsOf(user.roles),
      },
    };
  });
  if (!outcome) throw invalidCredentials();
  return outcome;
}

/** Resolves the session cookie to an actor; null when there is no valid session. */
export async function authenticate(
  ctx: AppContext,
  token: string | undefined,
): Promise<{ status: 'valid'; session: AuthenticatedSession } | { status: 'expired' | 'none' }> {
  const found = await lookupSession(ctx, token, ctx.clock.now());
  if (found.status !== 'valid') return found;
  const s = found.session;
  return {
    status: 'valid',
    session: {
      actor: { userId: s.user_id, agencyId: s.agency_id, roles: s.roles, sessionKey: s.token_hash },
      mfa: s.mfa_state,
    },
  };
}

export async function logout(ctx: AppContext, actor: Actor) {
  await withActor(ctx, actor, async (scope) => {
    await deleteSession(scope.tx, actor.sessionKey);
    await scope.audit({ action: 'auth.logout', resourceType: 'user', resourceId: actor.userId });
  });
}

async function currentUser(tx: Queryable, actor: Actor): Promise<UserRow> {
  const user = await findUserById(tx, actor.userId);
  if (!user) throw unauthenticated();
  return user;
}

export async function me(ctx: AppContext, session: AuthenticatedSession): Promise<SessionResponse> {
  return withActor(ctx, session.actor, async (scope) => ({
    user: presentUser(await currentUser(scope.tx, session.actor)),
    mfa: session.mfa,
    permissions: permissionsOf(session.actor.roles),
  }));
}

/** Wrong codes one pending sign-in may enter before it ends. */
export const MFA_MAX_ATTEMPTS = 5;

const mfaAttemptsExceeded = () =>
  new AppError(
    401,
    'mfa_attempts_exceeded',
    'Zu viele falsche Codes. Die Anmeldung wurde beendet; bitte melden Sie sich erneut an.',
  );

/**
 * Completes a sign-in with a TOTP or recovery code. The session gets a new id because its
 * privileges change. Each pending sign-in may try `MFA_MAX_ATTEMPTS` codes, then it ends; every
 * wrong code also counts against the account's sign-in throttle, which is checked first, and the
 * attempt is counted before the code is checked, so parallel guesses cannot get more tries.
 */
export async function verifyMfa(
  ctx: AppContext,
  session: AuthenticatedSession,
  code: string,
  source: string,
) {
  if (session.mfa !== 'verify') throw badRequest('Für diese Sitzung ist keine Bestätigung offen.');
  const result = await withActor(ctx, session.actor, async (scope) => {
    const user = await currentUser(scope.tx, scope.actor);
    await beginAttempt(scope.tx, user.email, source, scope.now);
    const attempt = await countMfaAttempt(scope.tx, scope.actor.sessionKey, MFA_MAX_ATTEMPTS);
    if (attempt === undefined) throw mfaAttemptsExceeded();
    const step = user.mfa_secret
      ? await verifyTotp(openTotpSecret(ctx, user.mfa_secret), code, scope.now, user.mfa_last_step)
      : null;
    const viaRecovery =
      step === null && (await redeemRecoveryCode(scope.tx, ctx.config, user.id, code, scope.now));
    if (step === null && !viaRecovery) {
      // Failed codes count like failed passwords, so the six digits cannot be guessed at leisure.
      await recordFailure(scope.tx, user.email, source, scope.now, ctx.config.login);
      const ended = attempt >= MFA_MAX_ATTEMPTS;
      if (ended) await deleteSession(scope.tx, scope.actor.sessionKey);
      await scope.audit({
        action: 'auth.mfa.verify',
        outcome: 'failure',
        resourceType: 'user',
        resourceId: user.id,
        details: { attempt, signInEnded: ended },
      });
      return { ok: false as const, ended };
    }
    if (step !== null) await setMfaLastStep(scope.tx, user.id, step);
    await setLastLogin(scope.tx, user.id, scope.now);
    await recordSuccess(scope.tx, user.email);
    await deleteSession(scope.tx, scope.actor.sessionKey);
    const token = await createSession(scope.tx, user, 'ok', scope.now, ctx.config.session);
    await scope.audit({
      action: 'auth.mfa.verify',
      resourceType: 'user',
      resourceId: user.id,
      details: { method: viaRecovery ? 'recovery_code' : 'totp' },
    });
    return {
      ok: true as const,
      token,
      body: {
        user: presentUser({ ...user, last_login_at: scope.now }),
        mfa: 'ok' as const,
        permissions: permissionsOf(user.roles),
      },
    };
  });
  if (!result.ok) throw result.ended ? mfaAttemptsExceeded() : invalidMfaCode();
  return result;
}

export async function startMfaEnrollment(ctx: AppContext, session: AuthenticatedSession) {
  return withActor(ctx, session.actor, async (scope) => {
    const user = await currentUser(scope.tx, scope.actor);
    if (user.mfa_enabled) throw badRequest('Die Zwei-Faktor-Anmeldung ist bereits eingerichtet.');
    if (session.mfa === 'verify') throw badRequest('Bitte bestätigen Sie zuerst die Anmeldung.');
    const secret = newTotpSecret();
    await setPendingMfaSecret(scope.tx, user.id, sealTotpSecret(ctx, secret), scope.now);
    await scope.audit({ action: 'auth.mfa.enroll_start', resourceType: 'user', resourceId: user.id });
    return totpEnrollment(secret, user.email);
  });
}

export async function confirmMfaEnrollment(ctx: AppContext, session: AuthenticatedSession, code: string) {
  return withActor(ctx, session.actor, async (scope) => {
    const user = await currentUser(scope.tx, scope.actor);
    if (user.mfa_enabled || !user.mfa_secret) throw badRequest('Es ist keine Einrichtung offen.');
    const step = await verifyTotp(openTotpSecret(ctx, user.mfa_secret), code, scope.now, null);
    if (step === null) throw invalidMfaCode();
    await enableMfa(scope.tx, user.id, step, scope.now);
    if (session.mfa === 'enroll') {
      await completeSessionMfa(scope.tx, scope.actor.sessionKey);
      await setLastLogin(scope.tx, user.id, scope.now);
    }
    const recoveryCodes = await issueRecoveryCodes(scope.tx, ctx.config, user);
    await scope.audit({ action: 'auth.mfa.enroll', resourceType: 'user', resourceId: user.id });
    return { recoveryCodes };
  });
}

/**
 * Runs `fn` only after the signed-in user proved to be present: with the password or a current TOTP
 * code. A wrong proof counts against the account's sign-in throttle (a stolen session must not become
 * a way to guess the password or the code) and is audited; the failure is committed before the error.
 */
async function withReauthentication<T>(
  ctx: AppContext,
  actor: Actor,
  proof: { password?: string | undefined; code?: string | undefined },
  source: string,
  action: string,
  fn: (scope: ActorScope, user: UserRow) => Promise<T>,
): Promise<T> {
  const result = await withActor(ctx, actor, async (scope) => {
    const user = await currentUser(scope.tx, actor);
    if (!user.mfa_enabled || !user.mfa_secret)
      throw badRequest('Die Zwei-Faktor-Anmeldung ist nicht eingerichtet.');
    await beginAttempt(scope.tx, user.email, source, scope.now);
    let ok = false;
    if (proof.code !== undefined) {
      const step = await verifyTotp(
        openTotpSecret(ctx, user.mfa_secret),
        proof.code,
        scope.now,
        user.mfa_last_step,
      );
      if (step !== null) {
        await setMfaLastStep(scope.tx, user.id, step);
        ok = true;
      }
    } else if (proof.password !== undefined) {
      ok = await verifyPassword(user.password_hash, proof.password);
    }
    if (!ok) {
      await recordFailure(scope.tx, user.email, source, scope.now, ctx.config.login);
      await scope.audit({ action, outcome: 'failure', resourceType: 'user', resourceId: user.id });
      return { ok: false as const, viaCode: proof.code !== undefined };
    }
    return { ok: true as const, value: await fn(scope, user) };
  });
  if (!result.ok)
    throw result.viaCode
      ? invalidMfaCode()
      : new AppError(400, 'invalid_credentials', 'Das Passwort ist nicht korrekt.');
  return result.value;
}

/** New recovery codes need the password or a current code, so a borrowed session cannot take them. */
export async function regenerateRecoveryCodes(
  ctx: AppContext,
  actor: Actor,
  proof: { password?: string | undefined; code?: string | undefined },
  source: string,
) {
  return withReauthentication(ctx, actor, proof, source, 'auth.mfa.recovery_codes', async (scope, user) => {
    const recoveryCodes = await issueRecoveryCodes(scope.tx, ctx.config, user);
    await scope.audit({ action: 'auth.mfa.recovery_codes', resourceType: 'user', resourceId: user.id });
    return { recoveryCodes };
  });
}

export async function disableMfa(ctx: AppContext, actor: Actor, code: string, source: string) {
  await withActor(ctx, actor, async (scope) => {
    const user = await currentUser(scope.tx, actor);
    if (user.mfa_enabled && mfaRequiredFor(user))
      throw forbidden('Ihre Behörde verlangt die Zwei-Faktor-Anmeldung für Ihre Rolle.');
  });
  await withReauthentication(ctx, actor, { code }, source, 'auth.mfa.disable', async (scope, user) => {
    await clearMfa(scope.tx, user.id, scope.now);
    await scope.audit({ action: 'auth.mfa.disable', resourceType: 'user', resourceId: user.id });
  });
}

export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
) {
  await withActor(ctx, actor, async (scope) => {
    const user = await currentUser(scope.tx, actor);
    if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
      await scope.audit({
        action: 'auth.password.change',
        outcome: 'failure',
        resourceType: 'user',
        resourceId: user.id,
      });
      throw new AppError(400, 'invalid_credentials', 'Das bisherige Passwort ist nicht korrekt.');
    }
    assertAcceptablePassword(input.newPassword, passwordContext(user));
    await setPassword(scope.tx, user.id, await hashPassword(input.newPassword), scope.now);
    // Other devices signed in with the old password are signed out.
    await deleteUserSessions(scope.tx, user.id, actor.sessionKey);
    await scope.audit({ action: 'auth.password.change', resourceType: 'user', resourceId: user.id });
  });
}

async function findUsableToken(tx: Queryable, token: string, now: Date) {
  const row = await findOneTimeToken(tx, tokenHash(token));
  if (!row || row.used_at || row.expires_at <= now) throw notFound('Der Link ist ungültig oder abgelaufen.');
  const user = await findUserById(tx, row.user_id);
  if (!user || user.status === 'disabled') throw notFound('Der Link ist ungültig oder abgelaufen.');
  return { row, user };
}

export async function tokenInfo(ctx: AppContext, token: string) {
  return withSystem(ctx, async (tx, now) => {
    const { row, user } = await findUsableToken(tx, token, now);
    return { email: user.email, purpose: row.purpose };
  });
}

/** Sets the password from an invitation or reset link; the link works once. */
export async function acceptToken(ctx: AppContext, input: { token: string; password: string }) {
  await withSystem(ctx, async (tx, now) => {
    const { row, user } = await findUsableToken(tx, input.token, now);
    assertAcceptablePassword(input.password, passwordContext(user));
    await setPassword(tx, user.id, await hashPassword(input.password), now, true);
    await markOneTimeTokenUsed(tx, row.token_hash, now);
    await deleteUserSessions(tx, user.id);
    await appendAudit(
      tx,
      {
        action: row.purpose === 'invite' ? 'auth.invite.accept' : 'auth.password.reset',
        agencyId: user.agency_id,
        actorUserId: user.id,
        resourceType: 'user',
        resourceId: user.id,
      },
      now,
    );
  });
}
