import type {
  AgencyRef,
  AssessmentView,
  ClientView,
  ConsentView,
  ContactView,
  DimensionScore,
  EnrolmentView,
  GoalView,
  PersonRef,
  ReferralView,
} from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import {
  listAmendments,
  listClientAssessments,
  presentAssessment,
} from '../assessments/assessments.service.ts';
import { agencyNames, userNames } from '../cases/cases.service.ts';
import { readClient } from '../clients/access.ts';
import { clientView } from '../clients/clients.service.ts';
import * as consents from '../consents/consents.service.ts';
import { contactsOfClient } from '../contacts/contacts.service.ts';
import { goalsOfClient } from '../goals/goals.service.ts';
import { findEnrolment, presentEnrolment } from '../programmes/enrolments.service.ts';
import { listReferrals, presentReferral } from '../referrals/referrals.service.ts';
import {
  accessLogRows,
  caseSharesOf,
  expendituresOf,
  feedbackLinkRows,
  ownEnrolmentsOf,
  selfAssessmentLinkRows,
} from './client-records.repo.ts';

/** A sharing of the record with another agency: the recipient (GDPR Art. 15 (1) c). */
export interface ShareExport {
  id: string;
  recipient: AgencyRef;
  consentId: string;
  sharedBy: PersonRef | null;
  since: string;
  endedAt: string | null;
}

export type AssessmentExport = Omit<AssessmentView, 'amendments'> & {
  amendments: (AssessmentView['amendments'][number] & {
    previousAnswers: Record<string, unknown>;
    previousScores: DimensionScore[];
    previousTotal: number | null;
  })[];
};

export interface SelfAssessmentLinkExport {
  id: string;
  instrumentId: string;
  occasion: string;
  createdAt: string;
  expiresAt: string;
  draftAnswers: Record<string, unknown>;
  draftSavedAt: string | null;
  completedAt: string | null;
  revokedAt: string | null;
  assessmentId: string | null;
}

/** One-time links handed to a partner for feedback on a referral (the token itself is not stored). */
export interface ReferralFeedbackLinkExport {
  id: string;
  referralId: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
}

export interface ExpenditureExport {
  id: string;
  bookedOn: string;
  fundingLine: string;
  amount: string;
  reference: string;
}

export type EnrolmentExport = EnrolmentView & {
  programme: { id: string; name: string };
  overbookingReason: string | null;
  expenditures: ExpenditureExport[];
};

/** Who did what with the record when: from the audit log, every agency's entries for the owner. */
export interface AccessLogEntry {
  id: number;
  at: string;
  agency: AgencyRef | null;
  actor: (PersonRef & { roles: string[] }) | null;
  action: string;
  outcome: string;
}

/**
 * Everything Lotse holds about one client (GDPR Art. 15). `client-data-map.ts` names the place of
 * every table's rows here, and its test checks that each row of the client appears.
 */
export interface ClientRecord {
  exportedAt: string;
  /** Master data with every case and its history (`cases[].events`). */
  client: ClientView;
  consents: ConsentView[];
  goals: GoalView[];
  contacts: ContactView[];
  shares: ShareExport[];
  assessments: AssessmentExport[];
  selfAssessmentLinks: SelfAssessmentLinkExport[];
  referrals: ReferralView[];
  referralFeedbackLinks: ReferralFeedbackLinkExport[];
  enrolments: EnrolmentExport[];
  accessLog: AccessLogEntry[];
}

export function exportRecord(ctx: AppContext, actor: Actor, clientId: string, format: 'json' | 'pdf') {
  return withActor(ctx, actor, (scope) =>
    readClient(scope, { action: 'clients.export' }, clientId, async (client) => {
      const record: ClientRecord = {
        exportedAt: scope.now.toISOString(),
        client: await clientView(scope, client),
        consents: await consents.consentsOfClient(scope, clientId),
        goals: await goalsOfClient(scope, clientId),
        contacts: (await contactsOfClient(scope, clientId)).items,
        shares: await sharesOf(scope, clientId),
        assessments: await assessmentsOf(scope, clientId),
        selfAssessmentLinks: await selfAssessmentLinksOf(scope, clientId),
        referrals: (await listReferrals(scope.tx, clientId, {}, 100_000, 0)).rows.map(presentReferral),
        referralFeedbackLinks: await referralFeedbackLinksOf(scope, clientId),
        enrolments: await enrolmentsOf(scope, clientId),
        accessLog: await accessLogOf(scope, clientId),
      };
      return { value: record, details: { format } };
    }),
  );
}

async function sharesOf(scope: ActorScope, clientId: string): Promise<ShareExport[]> {
  const rows = await caseSharesOf(scope.tx, clientId);
  const agencies = await agencyNames(scope.tx, scope.actor.agencyId);
  const names = await userNames(
    scope.tx,
    rows.map((r) => r.shared_by),
  );
  return rows.map((r) => ({
    id: r.id,
    recipient: { id: r.partner_agency_id, name: agencies.get(r.partner_agency_id) ?? '' },
    consentId: r.consent_id,
    sharedBy: r.shared_by ? { id: r.shared_by, displayName: names.get(r.shared_by) ?? '' } : null,
    since: r.created_at.toISOString(),
    endedAt: r.ended_at?.toISOString() ?? null,
  }));
}

async function assessmentsOf(scope: ActorScope, clientId: string): Promise<AssessmentExport[]> {
  const result: AssessmentExport[] = [];
  for (const row of await listClientAssessments(scope.tx, clientId)) {
    const amendments = await listAmendments(scope.tx, row.id);
    const view = presentAssessment(row, amendments);
    result.push({
      ...view,
      amendments: view.amendments.map((m, i) => ({
        ...m,
        previousAnswers: amendments[i]?.previous_answers ?? {},
        previousScores: amendments[i]?.previous_scores ?? [],
        previousTotal: amendments[i]?.previous_total ?? null,
      })),
    });
  }
  return result;
}

async function selfAssessmentLinksOf(
  scope: ActorScope,
  clientId: string,
): Promise<SelfAssessmentLinkExport[]> {
  const rows = await selfAssessmentLinkRows(scope.tx, clientId);
  return rows.map((r) => ({
    id: r.id,
    instrumentId: r.instrument_id,
    occasion: r.occasion,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    draftAnswers: r.draft_answers,
    draftSavedAt: r.draft_saved_at?.toISOString() ?? null,
    completedAt: r.completed_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
    assessmentId: r.assessment_id,
  }));
}

async function referralFeedbackLinksOf(
  scope: ActorScope,
  clientId: string,
): Promise<ReferralFeedbackLinkExport[]> {
  const rows = await feedbackLinkRows(scope.tx, clientId);
  return rows.map((r) => ({
    id: r.id,
    referralId: r.referral_id,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    usedAt: r.used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  }));
}

/** The agency's own enrolments of the client (a partner agency's enrolments are in its export). */
async function enrolmentsOf(scope: ActorScope, clientId: string): Promise<EnrolmentExport[]> {
  const rows = await ownEnrolmentsOf(scope.tx, clientId, scope.actor.agencyId);
  const spent = await expendituresOf(
    scope.tx,
    rows.map((r) => r.id),
  );
  const result: EnrolmentExport[] = [];
  for (const r of rows) {
    const row = await findEnrolment(scope.tx, scope.actor.agencyId, r.id);
    if (!row) continue;
    result.push({
      ...presentEnrolment(row),
      programme: { id: r.programme_id, name: r.programme_name ?? '' },
      overbookingReason: r.overbooking_reason,
      expenditures: spent
        .filter((x) => x.enrolment_id === r.id)
        .map((x) => ({
          id: x.id,
          bookedOn: x.booked_on,
          fundingLine: x.funding_line,
          amount: x.amount,
          reference: x.reference,
        })),
    });
  }
  return result;
}

async function accessLogOf(scope: ActorScope, clientId: string): Promise<AccessLogEntry[]> {
  const rows = await accessLogRows(scope.tx, clientId);
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at.toISOString(),
    agency: r.agency_id ? { id: r.agency_id, name: r.agency_name ?? '' } : null,
    actor: r.actor_user_id
      ? { id: r.actor_user_id, displayName: r.actor_name ?? '', roles: r.actor_roles ?? [] }
      : null,
    action: r.action,
    outcome: r.outcome,
  }));
}
