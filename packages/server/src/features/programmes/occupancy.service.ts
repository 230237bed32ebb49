import { type OccupancyView, type PublishedCount, suppressAcrossAgencies, wallTimeIn } from '@lotse/domain';
import { type Actor, type AppContext, withActor } from '../../platform/context.ts';
import { agencyTimeZone } from '../agency/time-zone.ts';
import { monthsBetween, programmeCounts, suppressionThreshold } from './figures.ts';
import { isManager, loadProgrammeFor } from './programme-access.ts';
import { programmeAgencies, programmePlaces } from './programmes.repo.ts';

/**
 * Places funded vs. occupied per agency and month (occupied = holding a place at the month's end),
 * entries and exits per month, waiting list and average duration. The own agency's figures are
 * exact; other agencies' counts are suppressed (and protected against the own exact figures).
 */
export async function occupancy(ctx: AppContext, actor: Actor, programmeId: string, year?: number) {
  return withActor(ctx, actor, async (scope): Promise<OccupancyView> => {
    const programme = await loadProgrammeFor(scope, programmeId, 'programmes.figures.read');
    const y = year ?? scope.now.getUTCFullYear();
    const from = `${y}-01-01`;
    const to = `${y}-12-31`;
    const t = await suppressionThreshold(ctx, scope);
    // Months to come hold no occupied places: people are counted up to today (agency's day) at most.
    const today = wallTimeIn(scope.now, await agencyTimeZone(scope.tx, actor.agencyId)).date;
    const countsTo = to > today ? (today > from ? today : from) : to;
    const counts = await programmeCounts(scope, programme.id, from, countsTo);
    const all = await programmeAgencies(scope.tx, [programme.id]);
    const agencies = isManager(programme) ? all : all.filter((a) => a.agency_id === actor.agencyId);
    const places = await programmePlaces(scope.tx, [programme.id]);
    const own = agencies.findIndex((a) => a.agency_id === actor.agencyId);
    const ownIndex = own >= 0 ? own : undefined;
    const months = monthsBetween(from, to);
    const placesOf = (agencyId: string, month: string) => {
      if (month < programme.starts_on.slice(0, 7) || month > programme.ends_on.slice(0, 7)) return 0;
      return places.find((p) => p.agency_id === agencyId && p.year === y)?.places ?? 0;
    };
    const across = (metric: string, category: string) =>
      suppressAcrossAgencies(
        agencies.map((a) => counts.get(a.agency_id, metric, category)),
        ownIndex,
        t,
      );
    const perMonth = months.map((month) => ({
      month,
      occupied: across('occupied', month),
      entries: across('month_entries', month),
      exits: across('month_exits', month),
    }));
    const waiting = across('waiting', '');
    const view = (
      i: number,
      pick: (r: { values: PublishedCount[]; total: PublishedCount }) => PublishedCount[],
    ) =>
      perMonth.map((m) => ({
        month: m.month,
        occupied: pick(m.occupied)[i] as PublishedCount,
        entries: pick(m.entries)[i] as PublishedCount,
        exits: pick(m.exits)[i] as PublishedCount,
      }));
    await scope.audit({
      action: 'programmes.occupancy.read',
      resourceType: 'programme',
      resourceId: programme.id,
      details: { year: y, threshold: t },
    });
    return {
      programmeId: programme.id,
      year: y,
      threshold: t,
      agencies: agencies.map((a, i) => {
        const exits = counts.sum(a.agency_id, 'exits', [
          'regular_end',
          'employment',
          'vocational_training',
          'other_measure',
          'early_end',
        ]);
        const days = counts.get(a.agency_id, 'duration_days');
        const shown = i === ownIndex || exits >= t;
        return {
          agency: { id: a.agency_id, name: a.name, kind: a.kind },
          own: i === ownIndex,
          months: view(i, (r) => r.values).map((m) => ({ ...m, places: placesOf(a.agency_id, m.month) })),
          waiting: waiting.values[i] as PublishedCount,
          averageDurationDays: shown && exits > 0 ? Math.round(days / exits) : null,
        };
      }),
      total: {
        months: perMonth.map((m) => ({
          month: m.month,
          places: agencies.reduce((s, a) => s + placesOf(a.agency_id, m.month), 0),
          occupied: m.occupied.total,
          entries: m.entries.total,
          exits: m.exits.total,
        })),
      },
    };
  });
}
