import { z } from 'zod';
import { emailAddress, userView } from '../agencies/agency.schema.ts';
import { actions } from './grants.ts';

/** Upper bound far above what anyone types; keeps hashing cost bounded. */
export const PASSWORD_MAX = 128;
export const PASSWORD_MIN = 12;

export const loginRequest = z.strictObject({
  email: z.string().max(254),
  password: z.string().max(PASSWORD_MAX * 4),
});

/**
 * After the password step a session is either complete (`ok`) or waits for the second factor:
 * `verify` (enter a TOTP or recovery code) or `enroll` (the agency requires TOTP, set it up first).
 */
export const mfaState = z.enum(['ok', 'verify', 'enroll']);
export type MfaState = z.infer<typeof mfaState>;

/**
 * The actions the user's roles are granted (the server's grants table), so the web app offers
 * exactly what the server allows. Granted is not yet usable while the second factor is pending.
 */
export const permissions = z.array(z.enum(actions)).meta({ id: 'Permissions' });

export const sessionResponse = z
  .object({ user: userView, mfa: mfaState, permissions })
  .meta({ id: 'Session' });
export type SessionResponse = z.infer<typeof sessionResponse>;

/**
 * Answer of the session probe: always 200, so a browser on a public page (no session yet) does not
 * log a failed request; `user`, `mfa` and `permissions` are present exactly when `authenticated` is true.
 */
export const sessionProbe = z
  .object({ authenticated: z.boolean(), ...sessionResponse.partial().shape })
  .meta({ id: 'SessionProbe' });
export type SessionProbe = z.infer<typeof sessionProbe>;

export const mfaCodeRequest = z.strictObject({ code: z.string().trim().min(6).max(32) });

export const mfaEnrollment = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrSvg: z.string(),
});

export const recoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });

export const newPassword = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);

/** Replacing recovery codes needs proof that the signed-in person is present: password or a current code. */
export const regenerateRecoveryCodesRequest = z
  .strictObject({
    password: z
      .string()
      .min(1)
      .max(PASSWORD_MAX * 4)
      .optional(),
    code: z.string().trim().min(6).max(32).optional(),
  })
  .refine((b) => b.password !== undefined || b.code !== undefined, {
    message: 'Bitte geben Sie Ihr Passwort oder einen aktuellen Code ein.',
    path: ['password'],
  });

export const changePasswordRequest = z.strictObject({
  currentPassword: z.string().max(PASSWORD_MAX * 4),
  newPassword,
});

export const acceptTokenRequest = z.strictObject({
  token: z.string().min(20).max(200),
  password: newPassword,
});

export const tokenInfo = z.object({ email: z.string(), purpose: z.enum(['invite', 'reset']) });

export { emailAddress };
