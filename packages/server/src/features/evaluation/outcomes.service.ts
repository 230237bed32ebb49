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
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { authorize } from '../../platform/policy.ts';
import { suppressionThreshold } from '../agency/suppression-threshold.ts';
import { monthsBetween } from '../programmes/figures.ts';
import {
  closuresByMonth,
  daysToOutcome,
  disabilityGroups,
  funnelCounts,
  type OutcomeRow,
  programmeOutcomes,
  scoreChangeByOutcome,
} from './evaluation.repo.ts';
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

/**
 * A report of the own agency over the period asked for: built, then audited with the period, and
 * answered with the period and the threshold below which counts are hidden.
 */
function periodReport<T>(
  ctx: AppContext,
  actor: Actor,
  q: PeriodQuery,
  action: 'reports.outcomes' | 'reports.funnel',
  build: (
    scope: ActorScope,
    p: { from: string; to: string; programmeId: string | null },
    threshold: number,
  ) => Promise<T>,
) {
  authorize(actor, 'reports.read');
  return withActor(ctx, actor, async (scope) => {
    const threshold = await suppressionThreshold(ctx, scope);
    const p = { ...period(q, scope.now), programmeId: q.programmeId ?? null };
    const report = await build(scope, p, threshold);
    await scope.audit({ action, resourceType: 'report', details: p });
    return { period: { from: p.from, to: p.to }, threshold, ...report };
  });
}

/**
 * Case closures by outcome in the period, time from opening to closure, per programme, mean change
 * of the total score per outcome, closures per month, and the MIAR view (people with a recognised
 * disability or health restriction vs. others). Own agency only; small cells hidden.
 */
export function outcomesReport(ctx: AppContext, actor: Actor, q: PeriodQuery): Promise<OutcomesReport> {
  return periodReport(ctx, actor, q, 'reports.outcomes', async (scope, p, threshold) => {
    const { from, to } = p;
    const closed = await closuresByMonth(scope.tx, p);
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

    const days = (await daysToOutcome(scope.tx, p)) ?? { n: 0, median: null, q1: null, q3: null };

    const programmes = await programmeOutcomes(scope.tx, from, to, PLACEMENTS, actor.agencyId);

    const change = await scoreChangeByOutcome(scope.tx, p);

    const groups = await disabilityGroups(
      scope.tx,
      p,
      PLACEMENTS,
      SUSTAINED_DAYS,
      scope.now.toISOString().slice(0, 10),
    );
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

    return {
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
export function funnelReport(ctx: AppContext, actor: Actor, q: PeriodQuery): Promise<FunnelReport> {
  return periodReport(ctx, actor, q, 'reports.funnel', async (scope, p, threshold) => {
    // 6: the follow-up interval of an instrument version that does not name one.
    const r = await funnelCounts(scope.tx, p, 6, PLACEMENTS, scope.now.toISOString().slice(0, 10));
    const counts = funnelSteps.map((s) => r?.[s] ?? 0);
    const published = protectCounts(counts, [], threshold);
    const intake = published[0] ?? SUPPRESSED_FIGURE;
    return {
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
