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
import { defineRoutes } from './route.ts';

const tags = ['Anmeldung'];

export const authRoutes = defineRoutes(authEndpoints, {
  login: {
    tags,
    summary: 'Sign in with e-mail and password',
    body: loginRequest,
    response: { 200: sessionResponse },
  },
  logout: { tags, summary: 'Sign out' },
  me: { tags, summary: 'The signed-in user', response: { 200: sessionResponse } },
  readSession: { tags, summary: 'Whether a session exists, and its user', response: { 200: sessionProbe } },
  verifyMfa: {
    tags,
    summary: 'Complete sign-in with a TOTP or recovery code',
    body: mfaCodeRequest,
    response: { 200: sessionResponse },
  },
  startMfaEnrollment: { tags, summary: 'Start setting up TOTP', response: { 200: mfaEnrollment } },
  confirmMfaEnrollment: {
    tags,
    summary: 'Confirm TOTP set-up; returns recovery codes once',
    body: mfaCodeRequest,
    response: { 200: recoveryCodes },
  },
  regenerateRecoveryCodes: {
    tags,
    summary: 'Replace the recovery codes; needs the password or a current code',
    body: regenerateRecoveryCodesRequest,
    response: { 200: recoveryCodes },
  },
  disableMfa: { tags, summary: 'Turn TOTP off (if the agency allows)', body: mfaCodeRequest },
  changePassword: { tags, summary: 'Change the own password', body: changePasswordRequest },
  readToken: {
    tags,
    summary: 'What an invitation or reset link is for',
    params: z.object({ token: z.string().min(20).max(200) }),
    response: { 200: tokenInfo },
  },
  acceptToken: { tags, summary: 'Set a password from an invitation or reset link', body: acceptTokenRequest },
});
