import { CASELOAD_SECTION_LIMIT } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Tables } from '../../platform/rows.ts';

const LIMIT = CASELOAD_SECTION_LIMIT;

export type ClientRefRow = Pick<Tables['clients'], 'client_number' | 'first_name' | 'last_name'> & {
  client_id: Tables['clients']['id'];
  guide_id: Tables['cases']['guide_user_id'];
  guide_name: string | null;
};

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
 * One section of the caseload as a JSON object: `items`, at most LIMIT rows that `pick` chooses and
 * orders from the cases in view (vc, with the client's last name for ordering), and the section's full
 * numbers `total` and `overdue`, which `pick` computes as window counts over all its rows before the
 * LIMIT (the top-N sort reads them all anyway, so the summary costs no second pass). Only the chosen
 * rows are joined to the client for names and numbers (and to `joins`); `fields` adds the section's own.
 */
const section = (pick: string, fields: string, order: string, joins = '') => `(
  SELECT json_build_object('total', coalesce(max(p.total), 0), 'overdue', coalesce(max(p.overdue), 0),
           'items', coalesce(json_agg(json_build_object('client_id', c.id, 'client_number', c.client_number,
           'first_name', c.first_name, 'last_name', c.last_name, 'guide_id', p.guide_id,
           'guide_name', (SELECT gn.name FROM guides gn WHERE gn.guide_id = p.guide_id)${fields})
           ORDER BY ${order}), '[]'))
    FROM (${pick} LIMIT ${LIMIT}) p JOIN clients c ON c.id = p.client_id${joins})`;

/**
 * The whole caseload in one statement (one round trip instead of five, the cases in view computed
 * once). Silent clients and follow-ups read the precomputed client_schedule (kept by triggers in the
 * transaction of every contact or assessment change, migration 020).
 * $4 goals due until, $5 silent if no contact since, $6 follow-ups due until, $7 today (anything
 * dated before it is overdue).
 * A goal, referral or schedule row carries its client's agency, which is its case's: restricting the
 * sections to the agencies of the cases in view lets a team lead's caseload read them by the agency
 * indexes instead of probing per case (the planner picks; a guide's stays per case).
 * Plans on the large data set: caseload.plans.md (bench/explain-plans.ts).
 */
const CASELOAD_SQL = `
  WITH v AS MATERIALIZED (${CASES_IN_VIEW}),
  vc AS MATERIALIZED (
    SELECT v.*, c.last_name FROM v
      -- One primary-key lookup per case (OFFSET 0 keeps it a lookup): a hash join read every client of
      -- the installation for a team lead's caseload.
      JOIN LATERAL (SELECT c.last_name FROM clients c
                     WHERE c.id = v.client_id AND c.anonymised_at IS NULL OFFSET 0) c ON true),
  -- Each guide's name once (a function call with a query of its own), not once per listed row.
  guides AS MATERIALIZED (
    SELECT g.guide_id, lotse_user_display_name(g.guide_id) AS name FROM (SELECT DISTINCT guide_id FROM v) g)
  SELECT
    (SELECT count(*)::int FROM vc) AS open_cases,
    ${section(
      `SELECT vc.client_id, vc.guide_id, vc.last_name, g.id AS goal_id, g.title, g.target_date,
              count(*) OVER () AS total, count(*) FILTER (WHERE g.target_date < $7) OVER () AS overdue
         FROM vc JOIN goals g ON g.client_id = vc.client_id
        WHERE g.status = 'open' AND g.target_date <= $4 AND g.agency_id = ANY (ARRAY(SELECT DISTINCT agency_id FROM v))
        ORDER BY g.target_date, vc.last_name, g.id`,
      `, 'goal_id', p.goal_id, 'title', p.title, 'target_date', p.target_date`,
      'p.target_date, p.last_name, p.goal_id',
    )} AS goals,
    ${section(
      `SELECT vc.client_id, vc.guide_id, vc.last_name, s.last_contact_on, count(*) OVER () AS total, 0 AS overdue
         FROM vc LEFT JOIN client_schedule s ON s.client_id = vc.client_id
        WHERE coalesce(s.last_contact_on, vc.opened_on) < $5
        ORDER BY s.last_contact_on NULLS FIRST, vc.last_name, vc.client_id`,
      `, 'last_contact', p.last_contact_on`,
      'p.last_contact_on NULLS FIRST, p.last_name, p.client_id',
    )} AS silent,
    ${section(
      `SELECT vc.client_id, vc.guide_id, vc.last_name, s.last_assessment_on, s.follow_up_due_on,
              count(*) OVER () AS total, count(*) FILTER (WHERE s.follow_up_due_on < $7) OVER () AS overdue
         FROM vc JOIN client_schedule s ON s.client_id = vc.client_id
        WHERE s.follow_up_due_on <= $6 AND s.agency_id = ANY (ARRAY(SELECT DISTINCT agency_id FROM v))
        ORDER BY s.follow_up_due_on, vc.last_name, vc.client_id`,
      `, 'last_assessment', p.last_assessment_on, 'due_on', p.follow_up_due_on`,
      'p.follow_up_due_on, p.last_name, p.client_id',
    )} AS follow_ups,
    ${section(
      `SELECT vc.client_id, vc.guide_id, r.id AS referral_id, r.offer_id, r.referred_on,
              count(*) OVER () AS total, 0 AS overdue
         FROM vc JOIN referrals r ON r.client_id = vc.client_id
        WHERE r.status = 'referred' AND r.feedback IS NULL AND r.feedback_outcome IS NULL
          AND r.referred_on IS NOT NULL AND r.agency_id = ANY (ARRAY(SELECT DISTINCT agency_id FROM v))
        ORDER BY r.referred_on, r.id`,
      `, 'referred_on', p.referred_on, 'referral_id', p.referral_id, 'offer_title', coalesce(o.title, '')`,
      'p.referred_on, p.referral_id',
      // Only the listed referrals' offers, by primary key (an offer withdrawn from the shared
      // directory is hidden by row-level security and shows without a title).
      ' LEFT JOIN offers o ON o.id = p.offer_id',
    )} AS referrals`;

interface Section<T> {
  total: number;
  overdue: number;
  items: (ClientRefRow & T)[];
}

export interface CaseloadRow {
  open_cases: number;
  goals: Section<{ goal_id: string; title: string; target_date: string }>;
  silent: Section<{ last_contact: string | null }>;
  follow_ups: Section<{ last_assessment: string; due_on: string }>;
  referrals: Section<{ referred_on: string; referral_id: string; offer_title: string }>;
}

/** The caseload's open cases and its four sections (CASELOAD_SQL). Dates are 'YYYY-MM-DD'. */
export async function caseloadOf(
  tx: Queryable,
  p: {
    agencyId: string;
    userId: string;
    team: boolean;
    goalsDueUntil: string;
    silentSince: string;
    followUpsDueUntil: string;
    today: string;
  },
): Promise<CaseloadRow> {
  return (
    await tx.query<CaseloadRow>(CASELOAD_SQL, [
      p.agencyId,
      p.userId,
      p.team,
      p.goalsDueUntil,
      p.silentSince,
      p.followUpsDueUntil,
      p.today,
    ])
  ).rows[0] as CaseloadRow;
}
