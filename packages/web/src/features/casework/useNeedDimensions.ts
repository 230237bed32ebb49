import { api } from '../../app/client.ts';
import { useEndpoint } from '../../app/useApi.ts';

/**
 * Dimensions with participation need in the client's latest assessment (any perspective), so a goal can
 * be agreed straight from a need. Empty while the client has no assessment.
 */
export function useNeedDimensions(clientId: string): string[] {
  const progress = useEndpoint(api.assessments.progress, { params: { id: clientId } });
  const latest = new Map<string, { date: string; need: boolean | null }>();
  for (const series of progress.data?.series ?? []) {
    for (const d of series.dimensions) {
      if (d.kind !== 'area') continue;
      const last = d.points.at(-1);
      const known = latest.get(d.key);
      if (last && (!known || last.date > known.date)) latest.set(d.key, last);
    }
  }
  return [...latest].filter(([, p]) => p.need === true).map(([key]) => key);
}
