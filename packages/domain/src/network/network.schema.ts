import { z } from 'zod';
import { agencyRef } from '../casework/common.ts';
import { pageQuery } from '../common/paging.ts';
import { publishedCount } from '../statistics/published-count.ts';
import { districtKey, MAX_DISTRICTS } from './district.schema.ts';
import { offerLanguageCodes } from './languages.ts';
import {
  eventKinds,
  partnerKinds,
  publicationKinds,
  type ReferralStatus,
  referralStatuses,
  targetGroups,
} from './network.codes.ts';
import { referralFeedbackOutcome } from './referral-feedback.schema.ts';

/**
 * Offers and network: partners, offers, suggestions, referrals, planning, events and
 * publications. Field names and codes are part of the public API.
 */

export const partnerKind = z.enum(partnerKinds);
export const targetGroup = z.enum(targetGroups);
export const referralStatus = z.enum(referralStatuses, {
  message: `Unbekannter Status; erlaubt: ${referralStatuses.join(', ')}`,
});
/** Statuses in which a referral holds a place of the offer. */
export const placeHoldingStatuses: readonly ReferralStatus[] = ['referred', 'started'];
/** Statuses from which a referral may move on. */
export const openReferralStatuses: readonly ReferralStatus[] = ['suggested', 'referred', 'started'];
export const eventKind = z.enum(eventKinds);
export const publicationKind = z.enum(publicationKinds);

export const languageCode = z.enum(offerLanguageCodes, { message: 'Unbekannte Sprache' });
/** A dimension key of the participation instrument (checked against the instrument on the server). */
export const dimensionKey = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, { message: 'Ungültiger Dimensionsschlüssel' });

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const isoDate = z.iso.date({ message: 'Datum im Format JJJJ-MM-TT' });
const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .transform((list) => [...new Set(list)] as z.infer<T>[]);
const postalCode = z
  .string()
  .trim()
  .regex(/^\d{5}$/, { message: 'Postleitzahl mit 5 Ziffern' })
  .nullable()
  .optional();
/** A web address people can open: http or https only. */
const webAddress = z
  .url({ protocol: /^https?$/, message: 'Adresse mit http(s)://' })
  .max(500)
  .nullable()
  .optional();
/** The free-text search of a directory list. */
const searchText = z.string().trim().max(200).optional();
const queryBool = z
  .enum(['true', 'false'], { message: 'true oder false' })
  .transform((v) => v === 'true')
  .optional();

// ---------------------------------------------------------------------------------------------------
// Partners

export const contactPerson = z.strictObject({
  name: text(200),
  role: optionalText(200),
  phone: optionalText(50),
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email({ message: 'Keine gültige E-Mail-Adresse' }))
    .nullable()
    .optional(),
});
export type ContactPerson = z.infer<typeof contactPerson>;

/** An employer's inclusion profile (Inklusionsprofil). */
export const inclusionProfile = z.strictObject({
  jobsForPeopleWithDisabilities: z.boolean().default(false),
  accessibleWorkplace: z.boolean().default(false),
  partTimePossible: z.boolean().default(false),
  note: optionalText(1000),
});
export type InclusionProfile = z.infer<typeof inclusionProfile>;

export const createPartnerRequest = z.strictObject({
  name: text(200),
  kind: partnerKind,
  contactPersons: z.array(contactPerson).max(20).default([]),
  street: optionalText(200),
  postalCode,
  city: optionalText(100),
  districts: uniqueList(districtKey, MAX_DISTRICTS).default([]),
  website: webAddress,
  notes: optionalText(4000),
  inclusion: inclusionProfile.nullable().optional(),
});
export type CreatePartnerRequest = z.infer<typeof createPartnerRequest>;

/** Change a partner of the own agency: only the given fields change (so no defaults). */
export const updatePartnerRequest = z
  .strictObject({
    ...createPartnerRequest.shape,
    contactPersons: z.array(contactPerson).max(20),
    districts: uniqueList(districtKey, MAX_DISTRICTS),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'Nichts zu ändern' });
export type UpdatePartnerRequest = z.infer<typeof updatePartnerRequest>;

export const partnerView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: partnerKind,
    contactPersons: z.array(contactPerson),
    street: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
    districts: z.array(z.string()),
    website: z.string().nullable(),
    notes: z.string().nullable(),
    inclusion: inclusionProfile.nullable(),
    agency: agencyRef,
    own: z.boolean(),
    offerCount: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Partner' });
export type PartnerView = z.infer<typeof partnerView>;

export const partnerQuery = pageQuery.extend({
  query: searchText,
  kind: partnerKind.optional(),
  district: districtKey.optional(),
});

// ---------------------------------------------------------------------------------------------------
// Offers

const offerFields = {
  title: text(200),
  description: z.string().trim().max(8000).default(''),
  partnerId: z.uuid(),
  dimensions: uniqueList(dimensionKey, 20).refine((l) => l.length > 0, {
    message: 'Mindestens ein Teilhabebereich',
  }),
  targetGroups: uniqueList(targetGroup, targetGroups.length).default([]),
  district: districtKey,
  street: optionalText(200),
  postalCode,
  city: optionalText(100),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lon: z.number().min(-180).max(180).nullable().optional(),
  stepFree: z.boolean().default(false),
  easyLanguage: z.boolean().default(false),
  languages: uniqueList(languageCode, 30).default(['de']),
  /** Cost for the client in euro cents; 0 = free of charge, null = not known. */
  costCents: z.number().int().min(0).max(100_000_00).nullable().optional(),
  costNote: optionalText(500),
  schedule: optionalText(1000),
  capacity: z.number().int().min(0).max(100_000).nullable().optional(),
  freePlaces: z.number().int().min(0).max(100_000).nullable().optional(),
  howToRefer: optionalText(2000),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
  /** Published to the shared regional directory that other agencies can read. */
  shared: z.boolean().default(false),
};

const offerRules = (
  o: {
    capacity?: number | null;
    freePlaces?: number | null;
    validFrom?: string | null;
    validTo?: string | null;
  },
  ctx: z.RefinementCtx,
) => {
  if (o.capacity != null && o.freePlaces != null && o.freePlaces > o.capacity)
    ctx.addIssue({ code: 'custom', path: ['freePlaces'], message: 'Mehr freie Plätze als Plätze insgesamt' });
  if (o.validFrom && o.validTo && o.validTo < o.validFrom)
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'Ende vor dem Beginn' });
};

export const createOfferRequest = z.strictObject(offerFields).superRefine(offerRules);
export type CreateOfferRequest = z.infer<typeof createOfferRequest>;

/** Change an offer: only the given fields change (so no defaults). */
export const updateOfferRequest = z
  .strictObject({
    ...offerFields,
    description: z.string().trim().max(8000),
    targetGroups: uniqueList(targetGroup, targetGroups.length),
    stepFree: z.boolean(),
    easyLanguage: z.boolean(),
    languages: uniqueList(languageCode, 30),
    shared: z.boolean(),
  })
  .partial()
  .superRefine(offerRules);
export type UpdateOfferRequest = z.infer<typeof updateOfferRequest>;

export const offerView = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string(),
    partner: z.object({ id: z.uuid(), name: z.string(), kind: partnerKind }),
    dimensions: z.array(z.string()),
    targetGroups: z.array(targetGroup),
    district: z.string(),
    /** The district's name in the list of the agency that offers it (also for shared offers). */
    districtName: z.string(),
    street: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    stepFree: z.boolean(),
    easyLanguage: z.boolean(),
    languages: z.array(z.string()),
    costCents: z.number().int().nullable(),
    costNote: z.string().nullable(),
    schedule: z.string().nullable(),
    capacity: z.number().int().nullable(),
    freePlaces: z.number().int().nullable(),
    howToRefer: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    shared: z.boolean(),
    /** Whether the offer belongs to the caller's agency (else it comes from the shared directory). */
    own: z.boolean(),
    agency: agencyRef,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Offer' });
export type OfferView = z.infer<typeof offerView>;

export const offerQuery = pageQuery.extend({
  query: searchText,
  dimension: dimensionKey.optional(),
  district: districtKey.optional(),
  targetGroup: targetGroup.optional(),
  language: languageCode.optional(),
  stepFree: queryBool,
  easyLanguage: queryBool,
  /** Only offers with free places (or without a place limit). */
  available: queryBool,
  partnerId: z.uuid().optional(),
  /** own: the agency's directory; shared: other agencies' published offers; all (default): both. */
  scope: z.enum(['all', 'own', 'shared']).default('all'),
  /** Include offers outside their validity period. */
  includeExpired: queryBool,
});
export type OfferQuery = z.infer<typeof offerQuery>;

// ---------------------------------------------------------------------------------------------------
// Suggestions and referrals

/**
 * The consent a referral to the offer needs (the server enforces it): none for an offer of the client's
 * own agency, whose partner learns nothing from Lotse but what a feedback link shows; for an offer of
 * another agency (shared directory) an active consent of the client to share with that agency.
 */
export const referralConsent = z.object({
  required: z.enum(['none', 'sharing']),
  /** The agency the consent must name (`sharing` only). */
  agency: agencyRef.nullable(),
  /** The client has it (always true when none is required). */
  given: z.boolean(),
});
export type ReferralConsent = z.infer<typeof referralConsent>;

export const offerSuggestion = z
  .object({
    offer: offerView,
    score: z.number(),
    /** Human-readable, e.g. "passt: soziale Kontakte, Witten, Deutsch/Türkisch". */
    reason: z.string(),
    matches: z.object({
      dimensions: z.array(z.string()),
      district: z.boolean(),
      languages: z.array(z.string()),
      stepFree: z.boolean(),
      easyLanguage: z.boolean(),
    }),
    /** No free places: a referral needs an explicit override. */
    full: z.boolean(),
    consent: referralConsent,
  })
  .meta({ id: 'OfferSuggestion' });
export type OfferSuggestion = z.infer<typeof offerSuggestion>;

export const suggestionsResponse = z.object({
  items: z.array(offerSuggestion),
  total: z.number().int(),
  /** What the suggestions were based on. */
  basis: z.object({
    needs: z.array(z.string()),
    assessmentDate: z.string().nullable(),
    district: z.string().nullable(),
    language: z.string().nullable(),
  }),
});
export type SuggestionsResponse = z.infer<typeof suggestionsResponse>;

export const suggestionQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const createReferralRequest = z.strictObject({
  offerId: z.uuid(),
  status: z.enum(['suggested', 'referred']).default('referred'),
  note: optionalText(2000),
  /** Refer even though the offer has no free places (recorded on the referral). */
  overrideCapacity: z.boolean().default(false),
});
export type CreateReferralRequest = z.infer<typeof createReferralRequest>;

export const updateReferralRequest = z
  .strictObject({
    status: referralStatus.optional(),
    /** Why the referral was dropped; required with status `dropped`. */
    reason: optionalText(1000),
    /** Feedback from the partner. */
    feedback: optionalText(4000),
    /** Date of the status change (default: today). */
    date: isoDate.optional(),
    overrideCapacity: z.boolean().optional(),
  })
  .superRefine((r, ctx) => {
    if (r.status === 'dropped' && !r.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Grund für den Abbruch fehlt' });
    if (r.status === undefined && r.feedback === undefined && r.reason === undefined)
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'Nichts zu ändern' });
  });
export type UpdateReferralRequest = z.infer<typeof updateReferralRequest>;

export const referralView = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    offer: z.object({
      id: z.uuid(),
      title: z.string(),
      partnerName: z.string(),
      district: z.string(),
    }),
    status: referralStatus,
    reason: z.string().nullable(),
    note: z.string().nullable(),
    feedback: z.string().nullable(),
    /** Structured feedback from the partner (link or entered by staff), with its day and source. */
    feedbackOutcome: referralFeedbackOutcome.nullable(),
    feedbackOn: z.string().nullable(),
    feedbackSource: z.enum(['staff', 'partner_link']).nullable(),
    suggestedOn: z.string().nullable(),
    referredOn: z.string().nullable(),
    startedOn: z.string().nullable(),
    endedOn: z.string().nullable(),
    capacityOverride: z.boolean(),
    createdBy: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Referral' });
export type ReferralView = z.infer<typeof referralView>;

export const referralQuery = pageQuery.extend({
  status: referralStatus.optional(),
  open: queryBool,
});

// ---------------------------------------------------------------------------------------------------
// Planning

export const planningQuery = z.object({
  district: districtKey.optional(),
  dimension: dimensionKey.optional(),
});

export const planningCell = z.object({
  district: z.string(),
  dimension: z.string(),
  /** Clients of the agency with need in this dimension (latest assessment), suppressed below the threshold. */
  clientsWithNeed: publishedCount,
  offers: z.number().int(),
  freePlaces: z.number().int(),
  /** Offers without a place limit (their places are not counted). */
  unlimitedOffers: z.number().int(),
  /** gap: need but no offer or fewer free places than clients; ok; none (no need); null when suppressed. */
  gap: z.enum(['gap', 'tight', 'ok', 'none']).nullable(),
});
export type PlanningCell = z.infer<typeof planningCell>;

export const planningResponse = z
  .object({
    threshold: z.number().int(),
    districts: z.array(z.object({ key: z.string(), name: z.string() })),
    dimensions: z.array(z.object({ key: z.string(), label: z.string() })),
    cells: z.array(planningCell),
    /**
     * Sums of `clientsWithNeed` (suppressed like the cells): per dimension these are clients; per
     * district and overall, needs (a client with need in two dimensions counts twice).
     */
    totals: z.object({
      byDistrict: z.record(z.string(), publishedCount),
      byDimension: z.record(z.string(), publishedCount),
      all: publishedCount,
    }),
  })
  .meta({ id: 'NeedsVsOffers' });
export type PlanningResponse = z.infer<typeof planningResponse>;

// ---------------------------------------------------------------------------------------------------
// Events

export const eventCode = z
  .string()
  .trim()
  .regex(/^V \d{2}\/\d{3}$/, { message: 'Code im Format "V 24/203"' });

/** A wall-clock time in the agency's time zone, "2027-01-20T14:00". */
export const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'Datum und Uhrzeit im Format JJJJ-MM-TTTHH:MM' });

const eventFields = {
  title: text(300),
  kind: eventKind,
  /** An instant with offset ("2027-01-20T13:00:00Z"); or give `localStart`. */
  startsAt: z.iso.datetime({ offset: true, message: 'Zeitpunkt im ISO-Format' }).optional(),
  endsAt: z.iso.datetime({ offset: true, message: 'Zeitpunkt im ISO-Format' }).optional(),
  /**
   * Start as wall-clock time in the agency's time zone (Europe/Berlin unless the agency set another),
   * so that a browser in another zone enters what the organiser means. Instead of `startsAt`.
   */
  localStart: localDateTime.optional(),
  localEnd: localDateTime.optional(),
  place: optionalText(300),
  onlineUrl: webAddress,
  description: z.string().trim().max(8000).default(''),
  capacity: z.number().int().min(1).max(10_000).nullable().optional(),
};

/** Both ways of giving a time at once are ambiguous. */
const oneWayOfTiming = (
  e: {
    startsAt?: string | undefined;
    endsAt?: string | undefined;
    localStart?: string | undefined;
    localEnd?: string | undefined;
  },
  ctx: z.RefinementCtx,
) => {
  if (e.startsAt && e.localStart)
    ctx.addIssue({
      code: 'custom',
      path: ['localStart'],
      message: 'Entweder startsAt oder localStart angeben',
    });
  if (e.endsAt && e.localEnd)
    ctx.addIssue({ code: 'custom', path: ['localEnd'], message: 'Entweder endsAt oder localEnd angeben' });
  if (e.startsAt && e.endsAt && Date.parse(e.endsAt) <= Date.parse(e.startsAt))
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Ende muss nach dem Beginn liegen' });
  if (e.localStart && e.localEnd && e.localEnd <= e.localStart)
    ctx.addIssue({ code: 'custom', path: ['localEnd'], message: 'Ende muss nach dem Beginn liegen' });
};

export const createEventRequest = z
  .strictObject({ code: eventCode.optional(), ...eventFields })
  .superRefine((e, ctx) => {
    oneWayOfTiming(e, ctx);
    if (!e.startsAt && !e.localStart)
      ctx.addIssue({ code: 'custom', path: ['startsAt'], message: 'Beginn angeben' });
    if (!e.endsAt && !e.localEnd) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Ende angeben' });
    if (!e.place && !e.onlineUrl)
      ctx.addIssue({ code: 'custom', path: ['place'], message: 'Ort oder Online-Link angeben' });
  });
export type CreateEventRequest = z.infer<typeof createEventRequest>;

/** Changes to an event by its organiser; only the given fields change (the code stays). */
export const updateEventRequest = z
  .strictObject({
    ...eventFields,
    title: eventFields.title.optional(),
    kind: eventKind.optional(),
    description: z.string().trim().max(8000).optional(),
  })
  .superRefine(oneWayOfTiming);
export type UpdateEventRequest = z.infer<typeof updateEventRequest>;

/** Cancelling an event: the registered people are notified in the app. */
export const cancelEventRequest = z
  .strictObject({ reason: z.string().trim().max(1000).nullable().optional() })
  .nullish();

/** The organiser's list of who registered and who waits (staff of any agency). */
export const eventAttendee = z.object({
  registrationId: z.uuid(),
  name: z.string(),
  email: z.string(),
  agency: z.string(),
  status: z.enum(['registered', 'waitlisted']),
  registeredAt: z.iso.datetime(),
  /** Place on the waiting list (1 = next), null when registered. */
  waitlistPosition: z.number().int().nullable(),
});
export const eventAttendeesView = z
  .object({ eventId: z.uuid(), registered: z.array(eventAttendee), waitlisted: z.array(eventAttendee) })
  .meta({ id: 'EventAttendees' });
export type EventAttendeesView = z.infer<typeof eventAttendeesView>;

export const registrationStatus = z.enum(['registered', 'waitlisted']);
export type RegistrationStatus = z.infer<typeof registrationStatus>;

export const eventView = z
  .object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    kind: eventKind,
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    place: z.string().nullable(),
    onlineUrl: z.string().nullable(),
    description: z.string(),
    capacity: z.number().int().nullable(),
    registered: z.number().int(),
    waitlisted: z.number().int(),
    myRegistration: registrationStatus.nullable(),
    organiser: agencyRef,
    own: z.boolean(),
    /** Set when the organiser cancelled the event (it stays listed, marked as cancelled). */
    cancelledAt: z.iso.datetime().nullable().optional(),
    cancelReason: z.string().nullable().optional(),
    /** Start and end as wall-clock time in the reader's agency time zone ("2027-01-20T14:00"). */
    localStart: z.string().optional(),
    localEnd: z.string().optional(),
    timeZone: z.string().optional(),
  })
  .meta({ id: 'NetworkEvent' });
export type EventView = z.infer<typeof eventView>;

export const eventQuery = pageQuery.extend({
  from: isoDate.optional(),
  to: isoDate.optional(),
  kind: eventKind.optional(),
  query: searchText,
});

export const registerRequest = z.strictObject({}).nullish();

export const registrationView = z.object({
  eventId: z.uuid(),
  status: registrationStatus,
  /** Place on the waiting list (1 = next), null when registered. */
  waitlistPosition: z.number().int().nullable(),
});

/** The result of cancelling the own registration; a freed place goes to the first of the waiting list. */
export const cancelRegistrationView = z.object({
  eventId: z.uuid(),
  /** The status the cancelled registration had. */
  cancelled: registrationStatus,
  /** Whether someone moved up from the waiting list. */
  promoted: z.boolean(),
});
export type CancelRegistrationView = z.infer<typeof cancelRegistrationView>;

/** The caller's personal iCalendar feed link (the token is shown only when it is created). */
export const feedTokenView = z.object({
  active: z.boolean(),
  createdAt: z.iso.datetime().nullable(),
  /** Path of the feed with the secret token; only in the answer that created it. */
  path: z.string().nullable(),
});
export type FeedTokenView = z.infer<typeof feedTokenView>;

export const feedTokenParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'Ungültiger Feed-Schlüssel' }),
});

// ---------------------------------------------------------------------------------------------------
// Publications

/** Maximum size of an uploaded publication file. */
export const PUBLICATION_MAX_BYTES = 10 * 1024 * 1024;
export const publicationContentTypes = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'image/png',
  'image/jpeg',
  'text/plain',
] as const;
export const publicationContentType = z.enum(publicationContentTypes, {
  message: 'Dateityp nicht erlaubt (PDF, DOCX, XLSX, ODT, PNG, JPEG, TXT)',
});

export const uploadedFile = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^/\\\0]+$/, { message: 'Ungültiger Dateiname' }),
  contentType: publicationContentType,
  /** File content, base64-encoded. */
  data: z
    .string()
    .max(Math.ceil((PUBLICATION_MAX_BYTES * 4) / 3) + 8, { message: 'Datei größer als 10 MB' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'Kein gültiges Base64' }),
});

export const createPublicationRequest = z.strictObject({
  title: text(300),
  kind: publicationKind,
  summary: z.string().trim().max(4000).default(''),
  tags: uniqueList(z.string().trim().min(1).max(50), 20).default([]),
  publishedOn: isoDate.nullable().optional(),
  file: uploadedFile.nullable().optional(),
});
export type CreatePublicationRequest = z.infer<typeof createPublicationRequest>;

export const publicationView = z
  .object({
    id: z.uuid(),
    title: z.string(),
    kind: publicationKind,
    summary: z.string(),
    tags: z.array(z.string()),
    publishedOn: z.string().nullable(),
    file: z.object({ name: z.string(), contentType: z.string(), size: z.number().int() }).nullable(),
    agency: agencyRef,
    own: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Publication' });
export type PublicationView = z.infer<typeof publicationView>;

export const publicationQuery = pageQuery.extend({
  query: searchText,
  kind: publicationKind.optional(),
  tag: z.string().trim().max(50).optional(),
});

// ---------------------------------------------------------------------------------------------------
// Import and export

export const importRequest = z.strictObject({
  format: z.enum(['csv', 'xlsx']),
  /** The file, base64-encoded. */
  data: z
    .string()
    .min(1)
    .max(14_000_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'Kein gültiges Base64' }),
  /** preview: check only, nothing is written; commit: write (all or nothing unless skipInvalid). */
  mode: z.enum(['preview', 'commit']).default('preview'),
  /** Write the valid rows and skip the invalid ones (only when chosen explicitly). */
  skipInvalid: z.boolean().default(false),
});
export type ImportRequest = z.infer<typeof importRequest>;

export const importResult = z.object({
  mode: z.enum(['preview', 'commit']),
  rows: z.number().int(),
  valid: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
  created: z.number().int(),
  skipped: z.number().int(),
  /** The first rows as they would be written. */
  preview: z.array(z.record(z.string(), z.unknown())),
});
export type ImportResult = z.infer<typeof importResult>;

export const exportQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
