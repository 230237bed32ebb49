import { countOrNull, isSuppressed } from '@lotse/domain';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/client.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { localeOf } from '../../i18n/index.ts';
import { Count, SuppressionLegend } from '../../ui/Count.tsx';
import { textColumns } from '../../ui/columns.ts';
import { FigureTable } from '../../ui/FigureTable.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { Section } from '../../ui/Page.tsx';
import { OccupancyChart } from './OccupancyChart.tsx';
import { formatMonth } from './programmes.ts';

/** Places funded vs. occupied per month (table and chart) and waiting list / duration per agency. */
export function OccupancySection({ programmeId, year }: { programmeId: string; year: number }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const occupancy = useEndpoint(api.programmes.occupancy, { params: { id: programmeId }, query: { year } });
  const data = occupancy.data;
  const months = data?.total.months ?? [];
  const anySuppressed = months.some((m) => isSuppressed(m.occupied));
  const anyHidden =
    anySuppressed ||
    months.some((m) => isSuppressed(m.entries) || isSuppressed(m.exits)) ||
    (data?.agencies.some((a) => isSuppressed(a.waiting)) ?? false);

  return (
    <Section
      id="belegung"
      title={t('programmes.occupancy.title')}
      description={<p>{t('programmes.occupancy.description', { threshold: data?.threshold ?? 5 })}</p>}
    >
      <Loaded query={occupancy}>
        {(data) => (
          <>
            <OccupancyChart
              label={`${t('programmes.occupancy.chartLabel', { year: data.year })}${
                anySuppressed ? ` ${t('programmes.occupancy.chartSuppressed')}` : ''
              }`}
              seriesPlaces={t('programmes.occupancy.seriesPlaces')}
              seriesOccupied={t('programmes.occupancy.seriesOccupied')}
              points={months.map((m) => ({
                label: formatMonth(m.month, locale),
                places: m.places,
                occupied: countOrNull(m.occupied),
              }))}
            />
            <FigureTable
              caption={t('programmes.occupancy.caption', { year: data.year })}
              compact
              columns={[
                { label: t('programmes.occupancy.month') },
                ...textColumns(t, 'programmes.occupancy', ['places', 'occupied', 'entries', 'exits'], {
                  numeric: true,
                }),
              ]}
              rows={months.map((m) => [
                formatMonth(m.month, locale),
                <Count key="places" value={m.places} />,
                <Count key="occupied" value={m.occupied} />,
                <Count key="entries" value={m.entries} />,
                <Count key="exits" value={m.exits} />,
              ])}
            />
            <FigureTable
              caption={t('programmes.occupancy.agenciesCaption', { year: data.year })}
              compact
              columns={[
                { label: t('programmes.occupancy.agency') },
                ...textColumns(t, 'programmes.occupancy', ['waiting', 'averageDuration'], { numeric: true }),
              ]}
              rows={data.agencies.map((a) => [
                <>
                  {a.agency.name}
                  {a.own ? (
                    <span className="badge badge--neutral"> {t('programmes.occupancy.own')}</span>
                  ) : null}
                </>,
                <Count key="waiting" value={a.waiting} />,
                a.averageDurationDays === null ? (
                  t('programmes.occupancy.notShown')
                ) : (
                  <Count key="duration" value={a.averageDurationDays} />
                ),
              ])}
            />
            {anyHidden ? <SuppressionLegend threshold={data.threshold} /> : null}
          </>
        )}
      </Loaded>
    </Section>
  );
}
