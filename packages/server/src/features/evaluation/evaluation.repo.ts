import type { funnelSteps, Perspective } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Row } from '../../platform/rows.ts';
import type { InstrumentRow } from '../instruments/instruments.service.ts';

/** Cases of the own agency (row-level security), optionally only clients enrolled in a programme. */
const CASES = `
  SELECT k.* FROM cases k
   WHERE ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM enrolments e WHERE e.client_id = k.client_id
                                       AND e.agency_id = k.agency_id AND e.programme_id = $3::uuid))`;

/** A report period; `programmeId` limits it to the clients enrolled in that programme. */
export interface Period {
  from: string;
  to: string;
  programmeId: string | null;
}

export interface OutcomeRow {
  outcome: string;
  month: string;
  n: number;
}

/** Closed cases of the period by outcome and month. */
export async function closuresByMonth(tx: Queryable, p: Period): Promise<OutcomeRow[]> {
  return (
    await tx.query<OutcomeRow>(
      `WITH k AS (${CASES})
       SELECT outcome, to_char(closed_on, 'YYYY-MM') AS month, count(*)::int AS n
         FROM k WHERE status = 'closed' AND closed_on BETWEEN $1 AND $2 GROUP BY 1, 2`,
      [p.from, p.to, p.programmeId],
    )
  ).rows;
}

export type DaysRow = { n: number; median: number | null; q1: number | null; q3: number | null };
/** Days from opening to closure of the cases closed in the period (count, median, quartiles). */
export async function daysToOutcome(tx: Queryable, p: Period): Promise<DaysRow | undefined> {
  return (
    await tx.query<DaysRow>(
      `WITH k AS (${CASES})
       SELECT count(*)::int AS n,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY closed_on - opened_on) AS median,
              percentile_cont(0.25) WITHIN GROUP (ORDER BY closed_on - opened_on) AS q1,
              percentile_cont(0.75) WITHIN GROUP (ORDER BY closed_on - opened_on) AS q3
         FROM k WHERE status = 'closed' AND closed_on BETWEEN $1 AND $2`,
      [p.from, p.to, p.programmeId],
    )
  ).rows[0];
}

export type ProgrammeOutcomeRow = { id: string; name: string; closures: number; employment: number };
/** Closures and placements in the period per programme the agency enrols in. */
export async function programmeOutcomes(
  tx: Queryable,
  from: string,
  to: string,
  placements: readonly string[],
  agencyId: string,
): Promise<ProgrammeOutcomeRow[]> {
  return (
    await tx.query<ProgrammeOutcomeRow>(
      `SELECT g.id, g.name,
              count(DISTINCT k.id) FILTER (WHERE k.id IS NOT NULL)::int AS closures,
              count(DISTINCT k.id) FILTER (WHERE k.outcome = ANY ($3))::int AS employment
         FROM programmes g
         JOIN enrolments e ON e.programme_id = g.id AND e.agency_id = $4
         LEFT JOIN cases k ON k.client_id = e.client_id AND k.agency_id = e.agency_id
                          AND k.status = 'closed' AND k.closed_on BETWEEN $1 AND $2
        GROUP BY g.id, g.name ORDER BY g.name`,
      [from, to, placements, agencyId],
    )
  ).rows;
}

export type ChangeByOutcomeRow = { outcome: string; n: number; sum: number | null };
/** Per outcome, the summed change of the professional total score between the first and last assessment of the closed case. */
export async function scoreChangeByOutcome(tx: Queryable, p: Period): Promise<ChangeByOutcomeRow[]> {
  return (
    await tx.query<ChangeByOutcomeRow>(
      `WITH k AS (${CASES}),
       closed AS (SELECT client_id, outcome, opened_on, closed_on FROM k
                   WHERE status = 'closed' AND closed_on BETWEEN $1 AND $2),
       firsts AS (
         SELECT DISTINCT ON (c.client_id) c.client_id, a.total_score
           FROM closed c JOIN assessments a ON a.client_id = c.client_id
          WHERE a.status = 'completed' AND a.perspective = 'professional' AND a.total_score IS NOT NULL
            AND a.assessed_on BETWEEN c.opened_on AND c.closed_on
          ORDER BY c.client_id, a.assessed_on, a.id),
       lasts AS (
         SELECT DISTINCT ON (c.client_id) c.client_id, c.outcome, a.total_score, a.assessed_on
           FROM closed c JOIN assessments a ON a.client_id = c.client_id
          WHERE a.status = 'completed' AND a.perspective = 'professional' AND a.total_score IS NOT NULL
            AND a.assessed_on BETWEEN c.opened_on AND c.closed_on
          ORDER BY c.client_id, a.assessed_on DESC, a.id DESC)
       SELECT l.outcome, count(*)::int AS n, sum(l.total_score - f.total_score) AS sum
         FROM lasts l JOIN firsts f ON f.client_id = l.client_id
        WHERE EXISTS (SELECT 1 FROM assessments x WHERE x.client_id = l.client_id AND x.status = 'completed'
                        AND x.perspective = 'professional' AND x.assessed_on < l.assessed_on)
        GROUP BY l.outcome`,
      [p.from, p.to, p.programmeId],
    )
  ).rows;
}

export type DisabilityGroupRow = {
  grp: string;
  clients: number;
  with_contacts: number;
  contacts: number;
  qualification: number;
  placements: number;
  sustained: number;
};
/** The MIAR view: activity and placements of the clients with cases in the period, per disability group. */
export async function disabilityGroups(
  tx: Queryable,
  p: Period,
  placements: readonly string[],
  sustainedDays: number,
  today: string,
): Promise<DisabilityGroupRow[]> {
  return (
    await tx.query<DisabilityGroupRow>(
      `WITH k AS (${CASES}),
       active AS (
         SELECT DISTINCT k.client_id, lotse_disability_status(c.severe_disability, c.reduced_earning_capacity) AS grp
           FROM k JOIN clients c ON c.id = k.client_id
          WHERE k.opened_on <= $2 AND (k.closed_on IS NULL OR k.closed_on >= $1))
       SELECT a.grp, count(*)::int AS clients,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM contacts t WHERE t.client_id = a.client_id
                                              AND t.contact_date BETWEEN $1 AND $2))::int AS with_contacts,
              coalesce(sum((SELECT count(*) FROM contacts t WHERE t.client_id = a.client_id
                             AND t.contact_date BETWEEN $1 AND $2)), 0)::int AS contacts,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM referrals r JOIN offers o ON o.id = r.offer_id JOIN partners p ON p.id = o.partner_id
                 WHERE r.client_id = a.client_id AND p.kind = 'training'
                   AND coalesce(r.referred_on, r.started_on) BETWEEN $1 AND $2))::int AS qualification,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM k x WHERE x.client_id = a.client_id
                                              AND x.status = 'closed' AND x.closed_on BETWEEN $1 AND $2
                                              AND x.outcome = ANY ($4)))::int AS placements,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM k x WHERE x.client_id = a.client_id AND x.status = 'closed'
                   AND x.closed_on BETWEEN $1 AND $2 AND x.outcome = ANY ($4)
                   AND x.closed_on + $5::int <= $6::date
                   AND NOT EXISTS (SELECT 1 FROM k y WHERE y.client_id = x.client_id AND y.opened_on > x.closed_on
                                     AND y.opened_on <= x.closed_on + $5::int)))::int AS sustained
         FROM active a GROUP BY a.grp`,
      [p.from, p.to, p.programmeId, placements, sustainedDays, today],
    )
  ).rows;
}

export type FunnelRow = Record<(typeof funnelSteps)[number], number> & {
  contacts: number;
  client_months: number;
};
/** The process funnel of the clients whose case was opened in the period. */
export async function funnelCounts(
  tx: Queryable,
  p: Period,
  defaultFollowUpMonths: number,
  placements: readonly string[],
  today: string,
): Promise<FunnelRow | undefined> {
  return (
    await tx.query<FunnelRow>(
      `WITH k AS (${CASES}),
       cohort AS (SELECT DISTINCT ON (client_id) client_id, opened_on, closed_on, status, outcome
                    FROM k WHERE opened_on BETWEEN $1 AND $2 ORDER BY client_id, opened_on),
       intake AS (SELECT DISTINCT ON (a.client_id) a.client_id, a.assessed_on, i.key,
                         coalesce((i.definition->'scoring'->>'followUpMonths')::int, $4::int) AS follow_up_months
                    FROM cohort c JOIN assessments a ON a.client_id = c.client_id
                    JOIN instruments i ON i.id = a.instrument_id
                   WHERE a.status = 'completed' AND a.occasion = 'intake'
                   ORDER BY a.client_id, a.assessed_on)
       SELECT count(*)::int AS intake,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM goals g WHERE g.client_id = c.client_id))::int AS goals,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM goals g WHERE g.client_id = c.client_id
                                              AND g.status = 'achieved'))::int AS goals_achieved,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM referrals r WHERE r.client_id = c.client_id
                                              AND r.referred_on IS NOT NULL))::int AS referred,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM referrals r WHERE r.client_id = c.client_id
                                              AND r.started_on IS NOT NULL))::int AS referral_started,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM referrals r WHERE r.client_id = c.client_id
                                              AND r.status = 'completed'))::int AS referral_completed,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM intake i JOIN assessments a ON a.client_id = i.client_id
                 JOIN instruments v ON v.id = a.instrument_id AND v.key = i.key
                 WHERE i.client_id = c.client_id AND a.status = 'completed' AND a.occasion IN ('follow_up', 'exit')
                   AND a.assessed_on > i.assessed_on
                   AND a.assessed_on <= i.assessed_on + make_interval(months => i.follow_up_months + 1)))::int
                AS follow_up_on_time,
              count(*) FILTER (WHERE c.status = 'closed')::int AS outcome,
              count(*) FILTER (WHERE c.status = 'closed' AND c.outcome = ANY ($5))::int AS employment,
              (SELECT count(*) FROM contacts t JOIN cohort x ON x.client_id = t.client_id
                WHERE t.contact_date BETWEEN x.opened_on AND coalesce(x.closed_on, $6::date))::int AS contacts,
              coalesce(sum(greatest(1, ((coalesce(c.closed_on, $6::date) - c.opened_on) / 30.4375)::numeric)), 0)::float8
                AS client_months
         FROM cohort c`,
      [p.from, p.to, p.programmeId, defaultFollowUpMonths, placements, today],
    )
  ).rows[0];
}

/** The published version of an instrument key the cohort report uses: the latest shared or own one. */
export async function reportInstrumentRow(tx: Queryable, key: string): Promise<InstrumentRow | undefined> {
  return (
    await tx.query<InstrumentRow>(
      `SELECT id, agency_id, key, version, status, definition, based_on_id, created_at, published_at
         FROM instruments WHERE key = $1 AND status = 'published'
        ORDER BY (agency_id IS NULL) DESC, version DESC LIMIT 1`,
      [key],
    )
  ).rows[0];
}

export interface CohortSumRow {
  kind: string;
  dimension: string;
  n: number;
  scored: number | null;
  sum_x: number;
  sum_y: number;
  sum_d: number;
  sum_d2: number;
  improved: number;
  worsened: number;
}

/** One pairing pass gives the change per dimension and the attrition (migration 021). */
export async function cohortSums(
  tx: Queryable,
  instrumentKey: string,
  filter: string,
  thresholds: string,
): Promise<CohortSumRow[]> {
  return (
    await tx.query<CohortSumRow>(
      `SELECT kind, dimension, n::int AS n, scored::int AS scored, sum_x, sum_y, sum_d, sum_d2,
              improved::int AS improved, worsened::int AS worsened
         FROM lotse_cohort_sums($1, $2, $3)`,
      [instrumentKey, filter, thresholds],
    )
  ).rows;
}

export interface Requester {
  agencyId: string;
  userId: string;
}

/**
 * How many cohorts released to the requester since `since` in the same scope differ in size by 1 to
 * threshold - 1 people.
 */
export async function closeReleases(
  tx: Queryable,
  r: Requester,
  scopeKey: string,
  since: Date,
  size: { paired: number; intake: number },
  threshold: number,
): Promise<number> {
  const close = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cohort_releases
      WHERE agency_id = $1 AND user_id = $2 AND scope = $3 AND released_at >= $4
        AND ((abs(paired - $5) BETWEEN 1 AND $7 - 1) OR (abs(intake - $6) BETWEEN 1 AND $7 - 1))`,
    [r.agencyId, r.userId, scopeKey, since, size.paired, size.intake, threshold],
  );
  return close.rows[0]?.n ?? 0;
}

export async function insertRelease(
  tx: Queryable,
  r: Requester,
  scopeKey: string,
  filterKey: string,
  size: { paired: number; intake: number },
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO cohort_releases (agency_id, user_id, scope, filter_key, paired, intake, released_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [r.agencyId, r.userId, scopeKey, filterKey, size.paired, size.intake, at],
  );
}

export interface StatRow {
  kind: 'total' | 'score' | 'item' | 'pair';
  dimension: string | null;
  item_a: string | null;
  item_b: string | null;
  n: number;
  n_floor: number | null;
  n_ceiling: number | null;
  sum_a: number | null;
  sum_b: number | null;
  sum_ab: number | null;
}

/** Sums over the completed assessments of one occasion of an instrument version, all agencies. */
export async function instrumentStatistics(
  tx: Queryable,
  instrumentId: string,
  perspective: Perspective,
  occasion: string,
  dimensions: string,
): Promise<StatRow[]> {
  return (
    await tx.query<StatRow>(
      `SELECT kind, dimension, item_a, item_b, n::int AS n, n_floor::int AS n_floor, n_ceiling::int AS n_ceiling,
              sum_a, sum_b, sum_ab
         FROM lotse_instrument_statistics($1, $2, $3, $4)`,
      [instrumentId, perspective, occasion, dimensions],
    )
  ).rows;
}

export type StoredReference = Omit<Row<'instrument_reference_values'>, 'instrument_id' | 'perspective'>;

export async function storedReferences(
  tx: Queryable,
  instrumentId: string,
  perspective: Perspective,
): Promise<StoredReference[]> {
  return (
    await tx.query<StoredReference>(
      `SELECT dimension, n, sd, alpha, alpha_n, estimated_at FROM instrument_reference_values
        WHERE instrument_id = $1 AND perspective = $2`,
      [instrumentId, perspective],
    )
  ).rows;
}

export async function upsertReference(
  tx: Queryable,
  instrumentId: string,
  perspective: Perspective,
  s: StoredReference,
): Promise<void> {
  await tx.query(
    `INSERT INTO instrument_reference_values (instrument_id, perspective, dimension, n, sd, alpha, alpha_n, estimated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (instrument_id, perspective, dimension)
     DO UPDATE SET n = EXCLUDED.n, sd = EXCLUDED.sd, alpha = EXCLUDED.alpha, alpha_n = EXCLUDED.alpha_n,
                   estimated_at = EXCLUDED.estimated_at`,
    [instrumentId, perspective, s.dimension, s.n, s.sd, s.alpha, s.alpha_n, s.estimated_at],
  );
}
