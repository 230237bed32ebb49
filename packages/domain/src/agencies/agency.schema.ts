import { z } from 'zod';

export const agencyKinds = [
  'jobcenter',
  'social_office',
  'pension_insurance',
  'provider',
  'network',
] as const;
export const agencyKind = z.enum(agencyKinds);
export type AgencyKind = z.infer<typeof agencyKind>;

/** Staff roles within one agency. The client role (self-service) is not a staff role. */
export const roles = ['admin', 'lead', 'caseworker', 'coordinator', 'researcher'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

export const agencySettings = z.strictObject({
  /** Roles whose members must sign in with a second factor (TOTP). */
  mfaRequiredRoles: z.array(role).max(roles.length),
  /**
   * Counts below this are suppressed in anything that leaves the agency. The installation's
   * LOTSE_SUPPRESSION_THRESHOLD is the floor: an agency can raise it, never lower it.
   */
  suppressionThreshold: z.number().int().min(2).max(100).optional(),
});
export type AgencySettings = z.infer<typeof agencySettings>;
export const defaultAgencySettings: AgencySettings = { mfaRequiredRoles: ['admin', 'researcher'] };

export const agencyView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: agencyKind,
    settings: agencySettings.optional(),
  })
  .meta({ id: 'Agency' });
export type AgencyView = z.infer<typeof agencyView>;

export const updateAgencySettings = agencySettings.partial();

export const emailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Keine gültige E-Mail-Adresse' }));

export const userView = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(role),
    agency: z.object({ id: z.uuid(), name: z.string(), kind: agencyKind }),
    status: z.enum(['active', 'invited', 'disabled']),
    mfaEnabled: z.boolean(),
    lastLoginAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });
export type UserView = z.infer<typeof userView>;

export const createUserRequest = z.strictObject({
  email: emailAddress,
  displayName: z.string().trim().min(1).max(200),
  roles: z.array(role).min(1).max(roles.length),
});

export const updateUserRequest = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  roles: z.array(role).min(1).max(roles.length).optional(),
  disabled: z.boolean().optional(),
});

/** A one-time link an admin hands over (no mail server needed): invitation or password reset. */
export const oneTimeLink = z.object({ url: z.string(), token: z.string(), expiresAt: z.iso.datetime() });
