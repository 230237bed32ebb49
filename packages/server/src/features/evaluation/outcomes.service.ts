import {
  evaluationDisability,
  type FunnelReport,
  funnelSteps,
  type OutcomesReport,
  outcomes,
  type PeriodQuery,
  type ProtectedCount,
  SUPPRESSED_FIGURE,
} from '@lotse/domain';
import type { Actor, AppContext } from '../../platform/context.ts';
import { withActor } from '../../platform/context.ts';
import { authorize } from '../../platform/policy.ts';
import { suppressionThreshold } from '../agency/suppression-threshold.ts';
import { monthsBetween } from '../programmes/figures.ts';
import { protectBreakdown, protectCounts, protectedShare, protectStatistic } from './protect.ts';

/** Outcomes that count as a placement into work or training. */
const PLACEMENTS = ['employment', 'other_employment', 'vocational_training'];
/** A placement is sustained when no new case was opened within this many days after it. */
const SUSTAINED_DAYS = 180;

function period(q: PeriodQuery, now: Date) {
  const to = q.to ?? now.toISOString().slice(0, 10);
  const from =
    q.from ??
    new Date(Date.UTC(Number(to.slice(0, 4)) - 1, Number(to.slice(5, 7)) - 1, 1)).toISOString().slice(0, 10);
  return { from, to };
}

/** Cases of the own agency (row-level security), optionally only clients enrolled in a programme. */
const CASES = `
  SELECT k.* FROM cases k
   WHERE ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM enrolments e WHERE e.client_id = k.client_id
                                       AND e.agency_id = k.agency_id AND e.programme_id = $3::uuid))`;

interface OutcomeRow {
  outcome: string;
  month: string;
  n: number;
}

/**
 * Case closures by outcome in the period, time from opening to closure, per programme, mean change
 * of the total score per outcome, closures per month, and the MIAR view (people with a recognised
 * disability or health restriction vs. others). Own agency only; small cells hidden.
 */
export async function outcomesReport(ctx: AppContext, actor: Actor, q: PeriodQuery): Promise<OutcomesReport> {
  authorize(actor, 'reports.read');
  return withActor(ctx, actor, async (scope) => {
    const threshold = await suppressionThreshold(ctx, scope);
    const { from, to } = period(q, scope.now);
    const params = [from, to, q.programmeId ?? null];
    const closed = (
      await scope.tx.query<OutcomeRow>(
        `WITH k AS (${CASES})
         SELECT outcome, to_char(closed_on, 'YYYY-MM') AS month, count(*)::int AS n
           FROM k WHERE status = 'closed' AND closed_on BETWEEN $1 AND $2 GROUP BY 1, 2`,
        params,
      )
    ).rows;
    const count = (pred: (r: OutcomeRow) => boolean) => closed.filter(pred).reduce((s, r) => s + r.n, 0);
    const closures = count(() => true);
    const [pClosures, ...pOutcomes] = protectBreakdown(
      closures,
      outcomes.map((o) => count((r) => r.outcome === o)),
      threshold,
    ) as [ProtectedCount, ...ProtectedCount[]];

    const months = monthsBetween(from, to);
    const monthCells = protectCounts(
      [closures, ...months.map((m) => count((r) => r.month === m))],
      [{ total: 0, parts: months.map((_, i) => i + 1) }],
      threshold,
    );
    const employmentCells = protectCounts(
      months.map((m) => count((r) => r.month === m && PLACEMENTS.includes(r.outcome))),
      [],
      threshold,
    );

    const days = (
      await scope.tx.query<{ n: number; median: number | null; q1: number | null; q3: number | null }>(
        `WITH k AS (${CASES})
         SELECT count(*)::int AS n,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY closed_on - opened_on) AS median,
                percentile_cont(0.25) WITHIN GROUP (ORDER BY closed_on - opened_on) AS q1,
                percentile_cont(0.75) WITHIN GROUP (ORDER BY closed_on - opened_on) AS q3
           FROM k WHERE status = 'closed' AND closed_on BETWEEN $1 AND $2`,
        params,
      )
    ).rows[0] ?? { n: 0, median: null, q1: null, q3: null };

    const programmes = (
      await scope.tx.query<{ id: string; name: string; closures: number; employment: number }>(
        `SELECT g.id, g.name,
                count(DISTINCT k.id) FILTER (WHERE k.id IS NOT NULL)::int AS closures,
                count(DISTINCT k.id) FILTER (WHERE k.outcome = ANY ($3))::int AS employment
           FROM programmes g
           JOIN enrolments e ON e.programme_id = g.id AND e.agency_id = $4
           LEFT JOIN cases k ON k.client_id = e.client_id AND k.agency_id = e.agency_id
                            AND k.status = 'closed' AND k.closed_on BETWEEN $1 AND $2
          GROUP BY g.id, g.name ORDER BY g.name`,
        [from, to, PLACEMENTS, actor.agencyId],
      )
    ).rows;

    const change = (
      await scope.tx.query<{ outcome: string; n: number; sum: number | null }>(
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
        params,
      )
    ).rows;

    const groups = (
      await scope.tx.query<{
        grp: string;
        clients: number;
        with_contacts: number;
        contacts: number;
        qualification: number;
        placements: number;
        sustained: number;
      }>(
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
        [...params, PLACEMENTS, SUSTAINED_DAYS, scope.now.toISOString().slice(0, 10)],
      )
    ).rows;
    const metric = <
      K extends 'clients' | 'with_contacts' | 'contacts' | 'qualification' | 'placements' | 'sustained',
    >(
      key: K,
    ) => {
      const values = evaluationDisability.map((g) => groups.find((x) => x.grp === g)?.[key] ?? 0);
      // Contacts are events, not people: only the people-counts are suppressed.
      return key === 'contacts'
        ? values.map((v, i) =>
            typeof protectCounts(
              [groups.find((x) => x.grp === evaluationDisability[i])?.clients ?? 0],
              [],
              threshold,
            )[0] === 'number'
              ? v
              : SUPPRESSED_FIGURE,
          )
        : protectCounts(values, [], threshold);
    };
    const m = {
      clients: metric('clients'),
      withContacts: metric('with_contacts'),
      contacts: metric('contacts'),
      qualification: metric('qualification'),
      placements: metric('placements'),
      sustained: metric('sustained'),
    };

    await scope.audit({
      action: 'reports.outcomes',
      resourceType: 'report',
      details: { from, to, programmeId: q.programmeId ?? null },
    });
    return {
      period: { from, to },
      threshold,
      closures: pClosures,
      byOutcome: outcomes.map((outcome, i) => ({
        outcome,
        count: pOutcomes[i] ?? SUPPRESSED_FIGURE,
        share: protectedShare(pOutcomes[i] ?? SUPPRESSED_FIGURE, pClosures),
      })),
      daysToOutcome: {
        n: protectCounts([days.n], [], threshold)[0] ?? SUPPRESSED_FIGURE,
        median: protectStatistic(days.median, days.n, threshold),
        q1: protectStatistic(days.q1, days.n, threshold),
        q3: protectStatistic(days.q3, days.n, threshold),
      },
      byProgramme: programmes.map((p) => {
        const [c, e] = protectCounts([p.closures, p.employment], [], threshold);
        return {
          programmeId: p.id,
          name: p.name,
          closures: c ?? SUPPRESSED_FIGURE,
          employment: e ?? SUPPRESSED_FIGURE,
        };
      }),
      changeByOutcome: outcomes.map((outcome) => {
        const r = change.find((x) => x.outcome === outcome);
        const n = r?.n ?? 0;
        return {
          outcome,
          n: protectCounts([n], [], threshold)[0] ?? SUPPRESSED_FIGURE,
          meanChange: protectStatistic(n > 0 ? (r?.sum ?? 0) / n : null, n, threshold),
        };
      }),
      byMonth: months.map((month, i) => ({
        month,
        closures: monthCells[i + 1] ?? SUPPRESSED_FIGURE,
        employment: employmentCells[i] ?? SUPPRESSED_FIGURE,
      })),
      disability: evaluationDisability.map((group, i) => ({
        group,
        clients: m.clients[i] ?? SUPPRESSED_FIGURE,
        withContacts: m.withContacts[i] ?? SUPPRESSED_FIGURE,
        contacts: m.contacts[i] ?? SUPPRESSED_FIGURE,
        qualification: m.qualification[i] ?? SUPPRESSED_FIGURE,
        placements: m.placements[i] ?? SUPPRESSED_FIGURE,
        sustained: m.sustained[i] ?? SUPPRESSED_FIGURE,
      })),
    };
  });
}

/**
 * The process funnel of the clients whose case was opened in the period: goals agreed and achieved,
 * referrals made, started and completed, a follow-up assessment on time (one of the intake's
 * instrument within that version's follow-up interval, `followUpMonths`, plus a month), case closed,
 * placed. Own agency; small cells hidden.
 */
export async function funnelReport(ctx: AppContext, actor: Actor, q: PeriodQuery): Promise<FunnelReport> {
  authorize(actor, 'reports.read');
  return withActor(ctx, actor, async (scope) => {
    const threshold = await suppressionThreshold(ctx, scope);
    const { from, to } = period(q, scope.now);
    const r = (
      await scope.tx.query<
        Record<(typeof funnelSteps)[number], number> & { contacts: number; client_months: number }
      >(
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
        // 6: the follow-up interval of an instrument version that does not name one.
        [from, to, q.programmeId ?? null, 6, PLACEMENTS, scope.now.toISOString().slice(0, 10)],
      )
    ).rows[0];
    const counts = funnelSteps.map((s) => r?.[s] ?? 0);
    const published = protectCounts(counts, [], threshold);
    const intake = published[0] ?? SUPPRESSED_FIGURE;
    await scope.audit({
      action: 'reports.funnel',
      resourceType: 'report',
      details: { from, to, programmeId: q.programmeId ?? null },
    });
    return {
      period: { from, to },
      threshold,
      steps: funnelSteps.map((key, i) => ({
        key,
        count: published[i] ?? SUPPRESSED_FIGURE,
        share: protectedShare(published[i] ?? SUPPRESSED_FIGURE, intake),
      })),
      contactsPerClientMonth: protectStatistic(
        r && r.client_months > 0 ? r.contacts / r.client_months : null,
        r?.intake ?? 0,
        threshold,
      ),
    };
  });
}
