import type { Endpoint } from './route.ts';

/** The own account: sign-in, session, second factor, password, invitation and reset links. */

export const authEndpoints = {
  login: { method: 'POST', path: '/api/auth/login' },
  logout: { method: 'POST', path: '/api/auth/logout' },
  me: { method: 'GET', path: '/api/auth/me' },
  readSession: { method: 'GET', path: '/api/auth/session' },
  verifyMfa: { method: 'POST', path: '/api/auth/mfa/verify' },
  startMfaEnrollment: { method: 'POST', path: '/api/auth/mfa/enroll' },
  confirmMfaEnrollment: { method: 'POST', path: '/api/auth/mfa/enroll/confirm' },
  regenerateRecoveryCodes: { method: 'POST', path: '/api/auth/mfa/recovery-codes' },
  disableMfa: { method: 'POST', path: '/api/auth/mfa/disable' },
  changePassword: { method: 'POST', path: '/api/auth/password' },
  readToken: { method: 'GET', path: '/api/auth/tokens/:token' },
  acceptToken: { method: 'POST', path: '/api/auth/tokens/accept' },
} as const satisfies Record<string, Endpoint>;
