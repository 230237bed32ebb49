import type { CaseloadQuery, CaseloadView } from '@lotse/domain';
import { type Actor, type AppContext, withActor } from '../../platform/context.ts';
import { authorize } from '../../platform/policy.ts';
import { addDays, today } from '../clients/date-rules.ts';

const LIMIT = 100;

interface ClientRefRow {
  client_id: string;
  client_number: string;
  first_name: string;
  last_name: string;
  guide_id: string | null;
  guide_name: string | null;
}

const clientRef = (r: ClientRefRow) => ({
  id: r.client_id,
  clientNumber: r.client_number,
  firstName: r.first_name,
  lastName: r.last_name,
  guide: r.guide_id ? { id: r.guide_id, displayName: r.guide_name ?? '' } : null,
});

/**
 * The open cases in view: for a guide the ones they lead or deputise plus cases shared with their agency;
 * for a team lead every open case of the agency. Parameters: $1 agency, $2 user, $3 team (boolean).
 * Three index-driven branches instead of one OR (which read every open case of the installation):
 * own agency by guide (or all of it for a team), own agency by deputy, and the cases shared with the
 * agency (owned by another). MATERIALIZED: every section below reads it once.
 */
const CASES_IN_VIEW = `
  SELECT k.id AS case_id, k.opened_on, k.client_id, k.guide_user_id AS guide_id, k.agency_id
    FROM cases k
   WHERE k.status = 'open' AND k.agency_id = $1 AND ($3 OR k.guide_user_id = $2)
  UNION
  SELECT k.id, k.opened_on, k.client_id, k.guide_user_id, k.agency_id
    FROM cases k
   WHERE k.status = 'open' AND k.agency_id = $1 AND NOT $3 AND cardinality(k.deputy_user_ids) > 0
     AND $2 = ANY (k.deputy_user_ids)
  UNION
  SELECT k.id, k.opened_on, k.client_id, k.guide_user_id, k.agency_id
    FROM case_shares s JOIN cases k ON k.client_id = s.client_id AND k.status = 'open'
   WHERE s.partner_agency_id = $1 AND s.ended_at IS NULL AND k.agency_id <> $1`;

/**
 * One section of the caseload as a JSON array: `pick` chooses and orders at most LIMIT rows from the
 * cases in view (vc, with the client's last name for ordering); only those are joined to the client
 * for names and numbers. `fields` adds the section's own fields.
 */
const section = (pick: string, fields: string, order: string) => `(
  SELECT coalesce(json_agg(json_build_object('client_id', c.id, 'client_number', c.client_number,
           'first_name', c.first_name, 'last_name', c.last_name, 'guide_id', p.guide_id,
           'guide_name', lotse_user_display_name(p.guide_id)${fields}) ORDER BY ${order}), '[]')
    FROM (${pick} LIMIT ${LIMIT}) p JOIN clients c ON c.id = p.client_id)`;

/**
 * The whole caseload in one statement (one round trip instead of five, the cases in view computed
 * once). Silent clients and follow-ups read the precomputed client_schedule (kept by triggers in the
 * transaction of every contact or assessment change, migration 020).
 * $4 goals due until, $5 silent if no contact since, $6 follow-ups due until.
 * A goal, referral or schedule row carries its client's agency, which is its case's: restricting the
 * sections to the agencies of the cases in view lets a team lead's caseload read them by the agency
 * indexes instead of probing per case (the planner picks; a guide's stays per case).
 * Plans on the large data set: caseload.plans.md (bench/explain-plans.ts).
 */
export const CASELOAD_SQL = `
  WITH v AS MATERIALIZED (${CASES_IN_VIEW}),
  vc AS MATERIALIZED (
    SELECT v.*, c.last_name FROM v
      -- One primary-key lookup per case (OFFSET 0 keeps it a lookup): a hash join read every client of
      -- the installation for a team lead's caseload.
      JOIN LATERAL (SELECT c.last_name FROM clients c
                     WHERE c.id = v.client_id AND c.anonymised_at IS NULL OFFSET 0) c ON true)
  SELECT
    (SELECT count(*)::int FROM vc) AS open_cases,
    ${section(
      `SELECT vc.client_id, vc.guide_id, vc.last_name, g.id AS goal_id, g.title, g.target_date
         FROM vc JOIN goals g ON g.client_id = vc.client_id
        WHERE g.status = 'open' AND g.target_date <= $4 AND g.agency_id = ANY (ARRAY(SELECT DISTINCT agency_id FROM v))
        ORDER BY g.target_date, vc.last_name, g.id`,
      `, 'goal_id', p.goal_id, 'title', p.title, 'target_date', p.target_date`,
      'p.target_date, p.last_name, p.goal_id',
    )} AS goals,
    ${section(
      `SELECT vc.client_id, vc.guide_id, vc.last_name, s.last_contact_on
         FROM vc LEFT JOIN client_schedule s ON s.client_id = vc.client_id
        WHERE coalesce(s.last_contact_on, vc.opened_on) < $5
        ORDER BY s.last_contact_on NULLS FIRST, vc.last_name, vc.client_id`,
      `, 'last_contact', p.last_contact_on`,
      'p.last_contact_on NULLS FIRST, p.last_name, p.client_id',
    )} AS silent,
    ${section(
      `SELECT vc.client_id, vc.guide_id, vc.last_name, s.last_assessment_on, s.follow_up_due_on
         FROM vc JOIN client_schedule s ON s.client_id = vc.client_id
        WHERE s.follow_up_due_on <= $6 AND s.agency_id = ANY (ARRAY(SELECT DISTINCT agency_id FROM v))
        ORDER BY s.follow_up_due_on, vc.last_name, vc.client_id`,
      `, 'last_assessment', p.last_assessment_on, 'due_on', p.follow_up_due_on`,
      'p.follow_up_due_on, p.last_name, p.client_id',
    )} AS follow_ups,
    ${section(
      `SELECT vc.client_id, vc.guide_id, r.id AS referral_id, r.referred_on
         FROM vc JOIN referrals r ON r.client_id = vc.client_id
        WHERE r.status = 'referred' AND r.feedback IS NULL AND r.feedback_outcome IS NULL
          AND r.referred_on IS NOT NULL AND r.agency_id = ANY (ARRAY(SELECT DISTINCT agency_id FROM v))
        ORDER BY r.referred_on, r.id`,
      `, 'referred_on', p.referred_on`,
      'p.referred_on, p.referral_id',
    )} AS referrals`;

interface CaseloadRow {
  open_cases: number;
  goals: (ClientRefRow & { goal_id: string; title: string; target_date: string })[];
  silent: (ClientRefRow & { last_contact: string | null })[];
  follow_ups: (ClientRefRow & { last_assessment: string; due_on: string })[];
  referrals: (ClientRefRow & { referred_on: string })[];
}

/** Reminders for a guide or a team: what needs attention now. Shown in the app, no e-mail needed. */
export function caseload(ctx: AppContext, actor: Actor, q: CaseloadQuery): Promise<CaseloadView> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'caseload.read');
    const team = actor.roles.includes('lead') && q.scope !== 'mine';
    const t = today(scope.now);
    const row = (
      await scope.tx.query<CaseloadRow>(CASELOAD_SQL, [
        actor.agencyId,
        actor.userId,
        team,
        addDays(t, q.days),
        addDays(t, -7 * q.weeks),
        addDays(t, q.days),
      ])
    ).rows[0] as CaseloadRow;
    const count = { rows: [{ n: row.open_cases }] };
    const goals = { rows: row.goals };
    const silent = { rows: row.silent };
    const followUps = { rows: row.follow_ups };
    const referrals = { rows: row.referrals };
    // The ids of every client named in the reminders, so each client's trail shows the list read.
    const shown = [...goals.rows, ...silent.rows, ...followUps.rows, ...referrals.rows].map(
      (r) => r.client_id,
    );
    await scope.audit({
      action: 'caseload.read',
      resourceType: 'caseload',
      details: {
        scope: team ? 'team' : 'mine',
        openCases: count.rows[0]?.n ?? 0,
        clientIds: [...new Set(shown)],
      },
    });
    return {
      scope: team ? 'team' : 'mine',
      openCases: count.rows[0]?.n ?? 0,
      goalsDue: goals.rows.map((r) => ({
        goalId: r.goal_id,
        title: r.title,
        targetDate: r.target_date,
        client: clientRef(r),
      })),
      withoutContact: silent.rows.map((r) => ({ client: clientRef(r), lastContact: r.last_contact })),
      followUpsDue: followUps.rows.map((r) => ({
        client: clientRef(r),
        lastAssessment: r.last_assessment,
        dueOn: r.due_on,
      })),
      referralsAwaitingFeedback: referrals.rows.map((r) => ({
        client: clientRef(r),
        referredOn: r.referred_on,
      })),
    };
  });
}
