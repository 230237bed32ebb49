import { countOrNull, isSuppressed } from '@lotse/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/client.ts';
import { errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { localeOf } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Count, SuppressionLegend } from '../../ui/Count.tsx';
import { Loading, Section } from '../../ui/Page.tsx';
import { OccupancyChart } from './OccupancyChart.tsx';
import { formatMonth } from './programmes.ts';

/** Places funded vs. occupied per month (table and chart) and waiting list / duration per agency. */
export function OccupancySection({ programmeId, year }: { programmeId: string; year: number }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const occupancy = useEndpoint(api.programmes.occupancy, { params: { id: programmeId }, query: { year } });
  const monthsCaption = useId();
  const agenciesCaption = useId();
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
      {occupancy.error ? <Alert tone="error">{errorText(t, occupancy.error)}</Alert> : null}
      {occupancy.loading && !data ? <Loading label={t('common.loading')} /> : null}
      {data ? (
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
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
          <section className="table-wrap" aria-labelledby={monthsCaption} tabIndex={0}>
            <table className="table table--compact">
              <caption id={monthsCaption}>{t('programmes.occupancy.caption', { year: data.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('programmes.occupancy.month')}</th>
                  <th scope="col" className="cell--num">
                    {t('programmes.occupancy.places')}
                  </th>
                  <th scope="col" className="cell--num">
                    {t('programmes.occupancy.occupied')}
                  </th>
                  <th scope="col" className="cell--num">
                    {t('programmes.occupancy.entries')}
                  </th>
                  <th scope="col" className="cell--num">
                    {t('programmes.occupancy.exits')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {months.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{formatMonth(m.month, locale)}</th>
                    <td className="cell--num">
                      <Count value={m.places} />
                    </td>
                    <td className="cell--num">
                      <Count value={m.occupied} />
                    </td>
                    <td className="cell--num">
                      <Count value={m.entries} />
                    </td>
                    <td className="cell--num">
                      <Count value={m.exits} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
          <section className="table-wrap" aria-labelledby={agenciesCaption} tabIndex={0}>
            <table className="table table--compact">
              <caption id={agenciesCaption}>
                {t('programmes.occupancy.agenciesCaption', { year: data.year })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('programmes.occupancy.agency')}</th>
                  <th scope="col" className="cell--num">
                    {t('programmes.occupancy.waiting')}
                  </th>
                  <th scope="col" className="cell--num">
                    {t('programmes.occupancy.averageDuration')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.agencies.map((a) => (
                  <tr key={a.agency.id}>
                    <th scope="row">
                      {a.agency.name}
                      {a.own ? (
                        <span className="badge badge--neutral"> {t('programmes.occupancy.own')}</span>
                      ) : null}
                    </th>
                    <td className="cell--num">
                      <Count value={a.waiting} />
                    </td>
                    <td className="cell--num">
                      {a.averageDurationDays === null ? (
                        t('programmes.occupancy.notShown')
                      ) : (
                        <Count value={a.averageDurationDays} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {anyHidden ? <SuppressionLegend threshold={data.threshold} /> : null}
        </>
      ) : null}
    </Section>
  );
}
