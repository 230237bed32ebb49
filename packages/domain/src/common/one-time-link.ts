import { z } from 'zod';

/**
 * Parts shared by the one-time links to the client's and the partner's public pages (self-assessment,
 * referral feedback). Only a hash of the token is stored.
 */

/** A 256-bit token in base64url: exactly 43 characters. */
export const oneTimeLinkToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Ungültiger Link.');

/** What the guide gets once when the link is created: the token is never shown again. */
export const issuedLinkFields = { token: z.string(), path: z.string(), expiresAt: z.string() };

/** The state of a link in the guide's list (never the token), followed by what each kind adds. */
export const linkStateFields = <const S extends readonly [string, ...string[]]>(statuses: S) => ({
  status: z.enum(statuses),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  expiresAt: z.string(),
});
