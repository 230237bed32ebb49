import {
  ageGroups,
  disabilityStatuses,
  earlyEndReasons,
  exitReasons,
  formatCents,
  fundingLines,
  genders,
  isSuppressed,
  lastCompletePeriod,
  numericToCents,
  type ProgrammeReport,
  type PublishedCount,
  publishCount,
  type ReportPeriod,
  SUPPRESSED,
  SUPPRESSION_SYMBOL,
  suppressSplits,
  wallTimeIn,
} from '@lotse/domain';
import { type Actor, type AppContext, withActor } from '../../platform/context.ts';
import { agencyTimeZone } from '../agency/time-zone.ts';
import { budgetsOfYears } from './budgets.repo.ts';
import { monthsBetween, programmeCounts, programmeSpending, suppressionThreshold } from './figures.ts';
import { participationChange } from './participation-change.ts';
import { isManager, loadProgrammeFor } from './programme-access.ts';
import { programmeAgencies, programmePlaces } from './programmes.repo.ts';

const sumOf = (xs: number[]) => xs.reduce((s, v) => s + v, 0);

/**
 * The funder report of a programme for a period. It leaves the agency, so every count of people is
 * suppressed below the threshold (with secondary suppression), the own agency's included; the figures
 * of other agencies are also protected against the own agency's exact knowledge. Money is not
 * personal and is shown exactly.
 */
export async function buildReport(
  ctx: AppContext,
  actor: Actor,
  programmeId: string,
  requestedFrom: string | undefined,
  requestedTo: string | undefined,
  format: string,
  period: ReportPeriod = 'month',
): Promise<ProgrammeReport> {
  return withActor(ctx, actor, async (scope) => {
    const programme = await loadProgrammeFor(scope, programmeId, 'programmes.report');
    const t = await suppressionThreshold(ctx, scope);
    // "Today" is the agency's calendar day. Without a period the report covers the last complete
    // month (or quarter/year): a period that is over.
    const timeZone = await agencyTimeZone(scope.tx, actor.agencyId);
    const today = wallTimeIn(scope.now, timeZone).date;
    const chosen =
      requestedFrom && requestedTo
        ? { from: requestedFrom, to: requestedTo }
        : lastCompletePeriod(today, period);
    const { from, to } = chosen;
    // Nothing after today is a fact yet: people are counted up to today at the latest.
    const countsTo = to > today ? (today > from ? today : from) : to;
    const counts = await programmeCounts(scope, programme.id, from, countsTo);
    const all = await programmeAgencies(scope.tx, [programme.id]);
    const agencies = isManager(programme) ? all : all.filter((a) => a.agency_id === actor.agencyId);
    const ids = agencies.map((a) => a.agency_id);
    const own = ids.indexOf(actor.agencyId);
    const ownIndex = own >= 0 ? own : undefined;
    const total = (metric: string, category = '') => sumOf(ids.map((id) => counts.get(id, metric, category)));

    // Every count of people is one total split several ways (by agency, gender, age ...), suppressed
    // together so that no split reveals what another hides.
    const known = ownIndex === undefined ? undefined : { split: 'agency' as const, index: ownIndex };
    const perAgency = (metric: string, categories: readonly string[] = ['']) =>
      ids.map((id) => sumOf(categories.map((c) => counts.get(id, metric, c))));
    const people = suppressSplits(
      total('participants'),
      {
        agency: perAgency('participants'),
        gender: genders.map((g) => total('gender', g)),
        age: ageGroups.map((g) => total('age_group', g)),
        disability: disabilityStatuses.map((g) => total('disability', g)),
      },
      t,
      known,
    );
    const exitsTotal = sumOf(exitReasons.map((r) => total('exits', r)));
    const exits = suppressSplits(
      exitsTotal,
      { agency: perAgency('exits', exitReasons), reason: exitReasons.map((r) => total('exits', r)) },
      t,
      known,
    );
    const entries = suppressSplits(total('entries'), { agency: perAgency('entries') }, t, known);
    const current = suppressSplits(total('current'), { agency: perAgency('current') }, t, known);
    // Early ends by why: a split of the early-end cell; hidden completely when that cell is hidden.
    const earlyIndex = exitReasons.indexOf('early_end');
    const earlyHidden = isSuppressed(exits.splits.reason[earlyIndex] as PublishedCount);
    const early = suppressSplits(
      total('exits', 'early_end'),
      { why: earlyEndReasons.map((r) => total('early_end', r)) },
      t,
    );
    const earlyWhy = early.splits.why.map((v) => (earlyHidden && v !== 0 ? SUPPRESSED : v));
    const record = (keys: readonly string[], values: PublishedCount[]) =>
      Object.fromEntries(keys.map((k, i) => [k, values[i] as PublishedCount]));

    // Places and occupancy per month (Stichtag: the month's end).
    const places = await programmePlaces(scope.tx, [programme.id]);
    const fromYear = Number(from.slice(0, 4));
    const toYear = Number(to.slice(0, 4));
    const placesIn = (agencyId: string, year: number) =>
      places.find((p) => p.agency_id === agencyId && p.year === year)?.places ?? 0;
    const months = monthsBetween(from, to).map((month) => {
      const year = Number(month.slice(0, 4));
      const funded =
        month < programme.starts_on.slice(0, 7) || month > programme.ends_on.slice(0, 7)
          ? 0
          : sumOf(ids.map((id) => placesIn(id, year)));
      // A month that has not begun holds no occupied places, whatever enrolments are planned.
      const future = month > today.slice(0, 7);
      return { month, places: funded, occupiedRaw: future ? 0 : total('occupied', month), future };
    });
    const fundedMonths = months.filter((m) => m.places > 0 && !m.future);
    const averageOccupancyPercent =
      fundedMonths.length > 0
        ? Math.round(
            (sumOf(fundedMonths.map((m) => m.occupiedRaw)) * 1000) / sumOf(fundedMonths.map((m) => m.places)),
          ) / 10
        : null;
    const durationDays = total('duration_days');
    const averageDurationDays =
      exitsTotal >= t && exitsTotal > 0 ? Math.round(durationDays / exitsTotal) : null;

    // Money per funding line: budgets of the years in the period, spending in the period.
    const budgetRows = await budgetsOfYears(scope.tx, programme.id, fromYear, toYear);
    const spending = await programmeSpending(scope, programme.id, from, to);
    const lines = fundingLines.map((line) => {
      const budget = sumOf(
        budgetRows
          .filter((b) => b.funding_line === line && ids.includes(b.agency_id))
          .map((b) => numericToCents(b.amount)),
      );
      const spent = sumOf(
        spending.filter((s) => s.funding_line === line && ids.includes(s.agency_id)).map((s) => s.cents),
      );
      return { fundingLine: line, budgetCents: budget, spentCents: spent };
    });
    const budgetTotal = sumOf(lines.map((l) => l.budgetCents));
    const spentTotal = sumOf(lines.map((l) => l.spentCents));

    const change = await participationChange(scope, programme.id, from, to, ids, ownIndex, t);

    await scope.audit({
      action: 'programmes.report',
      resourceType: 'programme',
      resourceId: programme.id,
      details: { from, to, format, threshold: t, agencies: ids.length },
    });
    const owner = all.find((a) => a.role === 'owner');
    return {
      programme: {
        id: programme.id,
        name: programme.name,
        fundingSource: programme.funding_source,
        legalBasis: programme.legal_basis,
        funder: programme.funder,
        startsOn: programme.starts_on,
        endsOn: programme.ends_on,
        ownerAgency: owner?.name ?? '',
      },
      period: { from, to },
      generatedAt: scope.now.toISOString(),
      timeZone,
      suppression: { threshold: t, marker: SUPPRESSION_SYMBOL },
      participants: {
        entries: entries.total,
        exits: exits.total,
        current: current.total,
        total: people.total,
        byGender: record(genders, people.splits.gender),
        byAgeGroup: record(ageGroups, people.splits.age),
        byDisability: record(disabilityStatuses, people.splits.disability),
        byAgency: agencies.map((a, i) => ({
          agency: a.name,
          participants: people.splits.agency[i] as PublishedCount,
          entries: entries.splits.agency[i] as PublishedCount,
          exits: exits.splits.agency[i] as PublishedCount,
          current: current.splits.agency[i] as PublishedCount,
        })),
      },
      places: {
        agencies: agencies.map((a) => ({ agency: a.name, places: placesIn(a.agency_id, toYear) })),
        total: sumOf(ids.map((id) => placesIn(id, toYear))),
        months: months.map((m) => ({
          month: m.month,
          places: m.places,
          occupied: publishCount(m.occupiedRaw, t),
          ...(m.future ? { future: true } : {}),
        })),
        averageOccupancyPercent,
        averageDurationDays,
      },
      outcomes: {
        byReason: record(exitReasons, exits.splits.reason),
        earlyEndByReason: record(earlyEndReasons, earlyWhy),
        total: exits.total,
      },
      spending: {
        lines: lines.map((l) => ({
          fundingLine: l.fundingLine,
          budget: formatCents(l.budgetCents),
          spent: formatCents(l.spentCents),
          remaining: formatCents(l.budgetCents - l.spentCents),
        })),
        total: {
          budget: formatCents(budgetTotal),
          spent: formatCents(spentTotal),
          remaining: formatCents(budgetTotal - spentTotal),
        },
      },
      participationChange: change,
    };
  });
}
