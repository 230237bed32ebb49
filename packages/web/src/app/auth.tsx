import type { Action, MfaState, UserView } from '@lotse/domain';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { Loading } from '../ui/Page.tsx';
import { onSessionLost } from './api.ts';
import { api } from './client.ts';

export interface Session {
  user: UserView;
  mfa: MfaState;
  /** The actions the server grants the user's roles: what the UI offers. */
  permissions: readonly Action[];
}

/** Why the sign-in page is shown; passed as router location state. */
export interface SignInState {
  from?: string;
  reason?: 'expired' | 'signedOut' | 'passwordSet' | 'mfaAttempts';
}

interface AuthContextValue {
  /** undefined while the session is being probed on start, null when signed out. */
  session: Session | null | undefined;
  exitReason: SignInState['reason'];
  setSession: (session: Session | null) => void;
  refresh: () => Promise<Session | null>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthRoot');
  return value;
}

/** The signed-in user with a complete session (second factor done), or null. */
export function useUser(): UserView | null {
  const { session } = useAuth();
  return session?.mfa === 'ok' ? session.user : null;
}

const none: readonly Action[] = [];

/** What the signed-in user may do (the server's grants); nothing until the session is complete. */
export function usePermissions(): readonly Action[] {
  const { session } = useAuth();
  return session?.mfa === 'ok' ? session.permissions : none;
}

/**
 * Whether the user may perform the action: menu items, pages and buttons ask this instead of naming
 * roles, so the UI offers exactly what the server allows.
 */
export function useCan(action: Action): boolean {
  return usePermissions().includes(action);
}

/** A path inside the app to return to after sign-in; anything else falls back to the start page. */
export function safeReturnPath(from: unknown): string {
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//')) return '/';
  if (from.startsWith('/anmelden') || from.startsWith('/einladung')) return '/';
  return from;
}

/**
 * Root route element: probes the session once, offers it through context, and turns any 401 of a
 * later API call into "session expired" (back to sign-in with a message).
 */
export function AuthRoot() {
  const [session, setSessionState] = useState<Session | null | undefined>(undefined);
  // Why the session ended (shown on the sign-in page); cleared by the next sign-in.
  const [exitReason, setExitReason] = useState<SignInState['reason']>();
  const navigate = useNavigate();
  const location = useLocation();

  const setSession = useCallback((next: Session | null) => {
    if (next) setExitReason(undefined);
    setSessionState(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      // The probe answers 200 either way, so public pages log no failed request.
      const probe = await api.auth.readSession();
      const next =
        probe.authenticated && probe.user && probe.mfa
          ? { user: probe.user, mfa: probe.mfa, permissions: probe.permissions ?? none }
          : null;
      setSessionState(next);
      return next;
    } catch {
      setSessionState(null);
      return null;
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  /**
   * Ends the session locally and goes to sign-in with the reason. The page guard (RequireSession) may
   * redirect first; it passes the same reason, so whichever navigation wins shows the message.
   */
  const leave = useCallback(
    (reason: 'expired' | 'signedOut' | 'mfaAttempts', from?: string) => {
      setExitReason(reason);
      setSessionState(null);
      const state: SignInState = { reason, from };
      void navigate('/anmelden', { replace: true, state });
    },
    [navigate],
  );

  const currentPath = `${location.pathname}${location.search}`;
  useEffect(
    () =>
      onSessionLost((error) =>
        // Too many wrong codes end the pending sign-in: say so instead of "session expired".
        leave(error.code === 'mfa_attempts_exceeded' ? 'mfaAttempts' : 'expired', currentPath),
      ),
    [leave, currentPath],
  );

  const signOut = useCallback(async () => {
    try {
      await api.auth.logout({}, { expectUnauthenticated: true });
    } catch {
      // Signed out either way: the session is dropped locally.
    }
    leave('signedOut');
  }, [leave]);

  const value = useMemo(
    () => ({ session, exitReason, setSession, refresh, signOut }),
    [session, exitReason, setSession, refresh, signOut],
  );
  return (
    <AuthContext.Provider value={value}>
      <Outlet />
    </AuthContext.Provider>
  );
}

/** Guards pages that need a complete session; sends everyone else to sign-in or the 2FA set-up. */
export function RequireSession({ children }: { children?: ReactNode }) {
  const { session, exitReason } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  if (session === undefined) return <Loading label={t('common.loading')} />;
  if (session === null || session.mfa === 'verify') {
    const from = exitReason === 'signedOut' ? undefined : `${location.pathname}${location.search}`;
    const state: SignInState = { from, reason: exitReason };
    return <Navigate to="/anmelden" replace state={state} />;
  }
  if (session.mfa === 'enroll') return <Navigate to="/zwei-faktor-einrichten" replace />;
  return children ?? <Outlet />;
}
