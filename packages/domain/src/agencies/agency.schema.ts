import { z } from 'zod';
import { isTimeZone } from '../common/time-zone.ts';
import { adminRoleConflict, roles } from './roles.ts';

export * from './roles.ts';

export const agencyKinds = [
  'jobcenter',
  'social_office',
  'pension_insurance',
  'provider',
  'network',
] as const;
export const agencyKind = z.enum(agencyKinds);
export type AgencyKind = z.infer<typeof agencyKind>;

export const role = z.enum(roles);

/** Image types a letterhead logo may have (checked by content, not by the declared type alone). */
export const agencyLogoTypes = ['image/png', 'image/jpeg'] as const;
/** A logo is printed small; 512 KiB is plenty and keeps every PDF small. */
export const AGENCY_LOGO_MAX_BYTES = 512 * 1024;

export const agencySettings = z.strictObject({
  /** Roles whose members must sign in with a second factor (TOTP). */
  mfaRequiredRoles: z.array(role).max(roles.length),
  /**
   * Counts below this are suppressed in anything that leaves the agency. The installation's
   * LOTSE_SUPPRESSION_THRESHOLD is the floor: an agency can raise it, never lower it.
   */
  suppressionThreshold: z.number().int().min(2).max(100).optional(),
  /**
   * Contact notes are need-to-know: by default only the guide, the deputies and leads read them (other
   * caseworkers see that a contact happened). True lets every caseworker of the agency read them.
   */
  contactNotesTeamWide: z.boolean().optional(),
  /**
   * IANA time zone in which the agency's staff enter and read times (events, report time stamps);
   * Europe/Berlin when unset.
   */
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, { message: 'Unbekannte Zeitzone (IANA-Name wie "Europe/Berlin")' })
    .optional(),
  /**
   * The name printed in the letterhead of the agency's PDFs (with the logo, if one is uploaded); the
   * agency's own name when unset or empty.
   */
  letterheadName: z.string().trim().max(120).optional(),
});
export type AgencySettings = z.infer<typeof agencySettings>;
export const defaultAgencySettings: AgencySettings = { mfaRequiredRoles: ['admin', 'researcher'] };

export const agencyView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: agencyKind,
    settings: agencySettings.optional(),
    /** The letterhead logo, when one is uploaded (the image itself: GET /api/agency/logo). */
    logo: z
      .object({ contentType: z.enum(agencyLogoTypes), bytes: z.number().int(), updatedAt: z.iso.datetime() })
      .nullable()
      .optional(),
  })
  .meta({ id: 'Agency' });
export type AgencyView = z.infer<typeof agencyView>;

export const updateAgencySettings = agencySettings.partial();

/** Upload of the letterhead logo: a PNG or JPEG, base64-encoded, at most AGENCY_LOGO_MAX_BYTES. */
export const uploadAgencyLogoRequest = z.strictObject({
  contentType: z.enum(agencyLogoTypes),
  /** The image, base64-encoded. */
  data: z
    .string()
    .max(Math.ceil(AGENCY_LOGO_MAX_BYTES / 3) * 4 + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'Keine gültigen Base64-Daten' }),
});
export type UploadAgencyLogoRequest = z.infer<typeof uploadAgencyLogoRequest>;

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
    agency: z.object({
      id: z.uuid(),
      name: z.string(),
      kind: agencyKind,
      /** The agency's time zone (times are entered and shown in it). */
      timeZone: z.string().optional(),
    }),
    status: z.enum(['active', 'invited', 'disabled']),
    mfaEnabled: z.boolean(),
    lastLoginAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });
export type UserView = z.infer<typeof userView>;

const userRoles = z
  .array(role)
  .min(1)
  .max(roles.length)
  .refine((rs) => !adminRoleConflict(rs), {
    message:
      'Die Administrationsrolle kann nicht mit Leitung, Fallbearbeitung oder Koordination kombiniert werden (Administratoren sehen keine Klientendaten).',
  });

export const createUserRequest = z.strictObject({
  email: emailAddress,
  displayName: z.string().trim().min(1).max(200),
  roles: userRoles,
});

export const updateUserRequest = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  roles: userRoles.optional(),
  disabled: z.boolean().optional(),
});

/** Answer when resetting another administrator waits for a second administrator. */
export const resetApprovalPending = z
  .object({
    approvalRequired: z.literal(true),
    requestedAt: z.iso.datetime(),
  })
  .meta({ id: 'ResetApprovalPending' });
export type ResetApprovalPending = z.infer<typeof resetApprovalPending>;

/** A one-time link an admin hands over (no mail server needed): invitation or password reset. */
export const oneTimeLink = z.object({ url: z.string(), token: z.string(), expiresAt: z.iso.datetime() });
