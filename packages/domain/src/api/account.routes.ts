import { z } from 'zod';
import {
  acceptTokenRequest,
  changePasswordRequest,
  loginRequest,
  mfaCodeRequest,
  mfaEnrollment,
  recoveryCodes,
  regenerateRecoveryCodesRequest,
  sessionProbe,
  sessionResponse,
  tokenInfo,
} from '../auth/auth.schema.ts';
import { authEndpoints } from './account.endpoints.ts';
import { answers, behindLink } from './contracts.ts';
import { defineRoutes } from './define-routes.ts';

const group = { tags: ['Anmeldung'] };

export const authRoutes = defineRoutes(authEndpoints, group, {
  login: {
    access: 'public',
    summary: 'Sign in with e-mail and password',
    body: loginRequest,
    response: { 200: sessionResponse },
  },
  logout: { access: 'account.self', mfaPending: true, summary: 'Sign out' },
  me: {
    access: 'account.self',
    mfaPending: true,
    summary: 'The signed-in user',
    response: { 200: sessionResponse },
  },
  readSession: answers('public', 'Whether a session exists, and its user', sessionProbe),
  verifyMfa: {
    access: 'account.self',
    mfaPending: true,
    summary: 'Complete sign-in with a TOTP or recovery code',
    body: mfaCodeRequest,
    response: { 200: sessionResponse },
  },
  startMfaEnrollment: {
    access: 'account.self',
    mfaPending: true,
    summary: 'Start setting up TOTP',
    response: { 200: mfaEnrollment },
  },
  confirmMfaEnrollment: {
    access: 'account.self',
    mfaPending: true,
    summary: 'Confirm TOTP set-up; returns recovery codes once',
    body: mfaCodeRequest,
    response: { 200: recoveryCodes },
  },
  regenerateRecoveryCodes: {
    access: 'account.self',
    summary: 'Replace the recovery codes; needs the password or a current code',
    body: regenerateRecoveryCodesRequest,
    response: { 200: recoveryCodes },
  },
  disableMfa: {
    access: 'account.self',
    summary: 'Turn TOTP off (if the agency allows)',
    body: mfaCodeRequest,
  },
  changePassword: { access: 'account.self', summary: 'Change the own password', body: changePasswordRequest },
  readToken: {
    ...behindLink(z.object({ token: z.string().min(20).max(200) })),
    summary: 'What an invitation or reset link is for',
    response: { 200: tokenInfo },
  },
  acceptToken: {
    access: 'public',
    summary: 'Set a password from an invitation or reset link',
    body: acceptTokenRequest,
  },
});
