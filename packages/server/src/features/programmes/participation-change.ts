import {
  type ChangeClass,
  changeClasses,
  isSuppressed,
  type ParticipationChangeRow,
  type PublishedCount,
  reliableChange,
  SUPPRESSED,
  suppressSplits,
} from '@lotse/domain';
import type { ActorScope } from '../../platform/context.ts';
import { definitionOf } from '../instruments/instruments.service.ts';
import { changeCounts, latestSharedInstrument } from './programmes.repo.ts';

const perspectives = ['self', 'professional'] as const;

/**
 * The section "Teilhabe-Veränderung" of the funder report. The counting function
 * `lotse_programme_changes` returns only how many participants changed by how much (per agency,
 * instrument, perspective, dimension); the reliable change class of each difference comes from the
 * domain's RCI (`reliableChange`) with the instrument's reference values. Every count is suppressed
 * like the other counts of people (the own agency's included, protected against its own knowledge);
 * a mean change is shown only for a group whose count and agency split are all published.
 */
export async function participationChange(
  scope: ActorScope,
  programmeId: string,
  from: string,
  to: string,
  agencyIds: readonly string[],
  ownIndex: number | undefined,
  threshold: number,
): Promise<{ criterion: number | null; rows: ParticipationChangeRow[] }> {
  const counts = (await changeCounts(scope.tx, programmeId, from, to)).filter((c) =>
    agencyIds.includes(c.agency_id),
  );
  const keys = [...new Set(counts.map((c) => c.instrument_key))].sort();
  const rows: ParticipationChangeRow[] = [];
  let criterion: number | null = null;
  const known = ownIndex === undefined ? undefined : { split: 'agency' as const, index: ownIndex };

  for (const key of keys) {
    // Shared (system) instruments only: the latest published version supplies titles and reference values.
    const instrument = await latestSharedInstrument(scope.tx, key);
    if (!instrument) continue;
    const def = definitionOf(instrument);
    criterion = def.scoring.rciCriterion;
    for (const perspective of perspectives) {
      for (const d of def.dimensions) {
        const group = counts.filter(
          (c) => c.instrument_key === key && c.perspective === perspective && c.dimension === d.key,
        );
        if (group.length === 0) continue;
        const perAgency = agencyIds.map((id) =>
          group.filter((c) => c.agency_id === id).reduce((s, c) => s + c.n, 0),
        );
        const byClass: Record<ChangeClass, number> = { improved: 0, unchanged: 0, worsened: 0 };
        let sum = 0;
        for (const c of group) {
          const difference = Number(c.difference);
          byClass[reliableChange(0, difference, d.reference, def.scoring.rciCriterion).class] += c.n;
          sum += difference * c.n;
        }
        const total = perAgency.reduce((s, v) => s + v, 0);
        const published = suppressSplits(
          total,
          { agency: perAgency, change: changeClasses.map((k) => byClass[k]) },
          threshold,
          known,
        );
        const groupShown = !isSuppressed(published.total) && !published.splits.agency.some(isSuppressed);
        const share = (i: number) => {
          const count = published.splits.change[i] as PublishedCount;
          if (!groupShown) return { count: count === 0 ? 0 : SUPPRESSED, percent: null };
          return {
            count,
            percent: !isSuppressed(count) && total > 0 ? Math.round((count * 1000) / total) / 10 : null,
          };
        };
        rows.push({
          instrumentKey: key,
          instrument: def.title.de,
          perspective,
          dimension: d.key,
          title: d.title.de,
          participants: groupShown ? published.total : SUPPRESSED,
          meanChange: groupShown ? Math.round((sum * 10) / total) / 10 : null,
          improved: share(0),
          unchanged: share(1),
          worsened: share(2),
        });
      }
    }
  }
  return { criterion, rows };
}
