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
 */
const CASES_IN_VIEW = `
  SELECT k.id AS case_id, k.opened_on, c.id AS client_id, c.client_number, c.first_name, c.last_name,
         k.guide_user_id AS guide_id, lotse_user_display_name(k.guide_user_id) AS guide_name
    FROM cases k JOIN clients c ON c.id = k.client_id
   WHERE k.status = 'open' AND c.anonymised_at IS NULL
     AND ((k.agency_id = $1 AND ($3 OR k.guide_user_id = $2 OR $2 = ANY (k.deputy_user_ids)))
          OR (k.agency_id <> $1 AND EXISTS (
                SELECT 1 FROM case_shares s WHERE s.client_id = c.id AND s.partner_agency_id = $1
                   AND s.ended_at IS NULL)))`;

/** Reminders for a guide or a team: what needs attention now. Shown in the app, no e-mail needed. */
export function caseload(ctx: AppContext, actor: Actor, q: CaseloadQuery): Promise<CaseloadView> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'caseload.read');
    const team = actor.roles.includes('lead') && q.scope !== 'mine';
    const params = [actor.agencyId, actor.userId, team];
    const t = today(scope.now);
    const count = await scope.tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (${CASES_IN_VIEW}) v`,
      params,
    );
    const goals = await scope.tx.query<
      ClientRefRow & { goal_id: string; title: string; target_date: string }
    >(
      `SELECT v.*, g.id AS goal_id, g.title, g.target_date
         FROM (${CASES_IN_VIEW}) v JOIN goals g ON g.client_id = v.client_id AND g.status = 'open'
        WHERE g.target_date <= $4
        ORDER BY g.target_date, v.last_name LIMIT ${LIMIT}`,
      [...params, addDays(t, q.days)],
    );
    const silent = await scope.tx.query<ClientRefRow & { last_contact: string | null }>(
      `SELECT v.*, lc.last_contact
         FROM (${CASES_IN_VIEW}) v
         LEFT JOIN LATERAL (SELECT max(contact_date) AS last_contact FROM contacts WHERE client_id = v.client_id) lc
           ON true
        WHERE coalesce(lc.last_contact, v.opened_on) < $4
        ORDER BY lc.last_contact NULLS FIRST, v.last_name LIMIT ${LIMIT}`,
      [...params, addDays(t, -7 * q.weeks)],
    );
    // Follow-up assessments: due when the instrument's interval (months) since the last completed
    // assessment ends within the look-ahead window, or has ended already.
    const followUps = await scope.tx.query<ClientRefRow & { last_assessment: string; due_on: string }>(
      `SELECT v.*, la.assessed_on::text AS last_assessment, la.due_on::text AS due_on
         FROM (${CASES_IN_VIEW}) v
         JOIN LATERAL (
           SELECT a.assessed_on,
                  (a.assessed_on + make_interval(months => coalesce(
                     (i.definition->'scoring'->>'followUpMonths')::int, 6)))::date AS due_on
             FROM assessments a JOIN instruments i ON i.id = a.instrument_id
            WHERE a.client_id = v.client_id AND a.status = 'completed'
            ORDER BY a.assessed_on DESC LIMIT 1) la ON true
        WHERE la.due_on <= $4
        ORDER BY la.due_on, v.last_name LIMIT ${LIMIT}`,
      [...params, addDays(t, q.days)],
    );
    const referrals = await scope.tx.query<ClientRefRow & { referred_on: string }>(
      `SELECT v.*, r.referred_on
         FROM (${CASES_IN_VIEW}) v JOIN referrals r ON r.client_id = v.client_id
        WHERE r.status = 'referred' AND r.feedback IS NULL AND r.feedback_outcome IS NULL
          AND r.referred_on IS NOT NULL
        ORDER BY r.referred_on LIMIT ${LIMIT}`,
      params,
    );
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
