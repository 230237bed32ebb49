import { z } from 'zod';
import { caseEventKinds, outcomes } from './casework.codes.ts';
import { agencyRef, isoDate, personRef } from './common.ts';

export const caseEventView = z.object({
  id: z.uuid(),
  kind: z.enum(caseEventKinds),
  at: z.iso.datetime(),
  actor: personRef.nullable(),
  from: personRef.nullable(),
  to: personRef.nullable(),
  partnerAgency: agencyRef.nullable(),
  reason: z.string().nullable(),
});

export const caseView = z
  .object({
    id: z.uuid(),
    status: z.enum(['open', 'closed']),
    guide: personRef.nullable(),
    deputies: z.array(personRef),
    openedOn: z.string(),
    /** The day the case's work began: openedOn, or an earlier contact recorded for it (the closure date may not precede it). */
    beganOn: z.string(),
    closedOn: z.string().nullable(),
    outcome: z.enum(outcomes).nullable(),
    closureReason: z.string().nullable(),
    sharedWith: z.array(z.object({ agency: agencyRef, since: z.iso.datetime(), consentId: z.uuid() })),
    events: z.array(caseEventView),
  })
  .meta({ id: 'Case' });
export type CaseView = z.infer<typeof caseView>;

export const closeCaseRequest = z.strictObject({
  outcome: z.enum(outcomes, { error: 'Unbekanntes Ergebnis.' }),
  date: isoDate,
  reason: z.string().trim().max(2000).optional(),
});
export type CloseCaseRequest = z.infer<typeof closeCaseRequest>;

export const reopenCaseRequest = z.strictObject({
  date: isoDate,
  reason: z.string().trim().min(3, 'Bitte einen Grund angeben.').max(2000),
});

export const handoverRequest = z.strictObject({
  guideUserId: z.uuid(),
  deputyUserIds: z.array(z.uuid()).max(5).optional(),
  reason: z.string().trim().min(3, 'Bitte einen Grund angeben.').max(2000),
});
export type HandoverRequest = z.infer<typeof handoverRequest>;

export const shareCaseRequest = z.strictObject({ partnerAgencyId: z.uuid() });

export const staffList = z.object({ items: z.array(personRef) });
export const partnerAgencyList = z.object({
  items: z.array(agencyRef.extend({ kind: z.string() })),
});
