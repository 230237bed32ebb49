import { countOrNull, isSuppressed, type PlanningResponse } from '@lotse/domain';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorText } from '../../app/errors.ts';
import { useApiQuery } from '../../app/useApi.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Count, SuppressionLegend } from '../../ui/Count.tsx';
import { Loading, Page, Section } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { useDistricts } from '../offers/network.ts';
import '../offers/network.css';

/** Bars of clients with need and free places per dimension; hidden (suppressed) values are left out. */
function NeedsChart({ data, title }: { data: PlanningResponse; title: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let cleanup: () => void = () => {};
    void import('./chart.ts').then(({ echarts }) => {
      if (disposed || !ref.current) return;
      const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
      const sum = (dimension: string, pick: (c: PlanningResponse['cells'][number]) => number | null) =>
        data.cells
          .filter((c) => c.dimension === dimension)
          .reduce<number | null>((s, c) => {
            const v = pick(c);
            return s === null || v === null ? null : s + v;
          }, 0);
      chart.setOption({
        animation: false,
        aria: { enabled: false },
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
        xAxis: {
          type: 'category',
          data: data.dimensions.map((d) => d.label),
          axisLabel: { interval: 0, rotate: 35 },
        },
        yAxis: { type: 'value' },
        series: [
          {
            name: t('network.planning.need'),
            type: 'bar',
            itemStyle: { color: '#1d4a8c' },
            data: data.dimensions.map((d) => sum(d.key, (c) => countOrNull(c.clientsWithNeed))),
          },
          {
            name: t('network.planning.freePlaces'),
            type: 'bar',
            itemStyle: { color: '#1b6b35' },
            data: data.dimensions.map((d) => sum(d.key, (c) => c.freePlaces)),
          },
        ],
      });
      const onResize = () => chart.resize();
      window.addEventListener('resize', onResize);
      cleanup = () => {
        window.removeEventListener('resize', onResize);
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [data, t]);
  return (
    <figure>
      <figcaption>{title}</figcaption>
      {/* The table above holds the same numbers; the chart is an additional view. */}
      <div ref={ref} className="chart" aria-hidden="true" />
      <p className="muted">{t('network.planning.chartNote')}</p>
    </figure>
  );
}

/** Needs versus supply per district and dimension for coordinators (small counts suppressed). */
export function PlanningPage() {
  const { t } = useTranslation();
  const districts = useDistricts();
  const [params, setParams] = useSearchParams();
  const district = params.get('sozialraum') ?? '';
  const captionId = useId();
  const planning = useApiQuery<PlanningResponse>('/api/planning/needs-vs-offers', { district });
  const districtLabel = district ? districts.name(district) : t('network.planning.allDistricts');
  const data = planning.data;
  const rows =
    data?.dimensions.map((m) => {
      const cells = data.cells.filter((c) => c.dimension === m.key);
      const need = (district ? cells[0]?.clientsWithNeed : data.totals.byDimension[m.key]) ?? 0;
      const offers = cells.reduce((s, c) => s + c.offers, 0);
      const free = cells.reduce((s, c) => s + c.freePlaces, 0);
      const unlimited = cells.reduce((s, c) => s + c.unlimitedOffers, 0);
      const gap = district ? cells[0]?.gap : null;
      return { key: m.key, label: m.label, need, offers, free, unlimited, gap };
    }) ?? [];

  return (
    <Page
      title={t('network.planning.title')}
      intro={<p>{t('network.planning.intro', { threshold: data?.threshold ?? 5 })}</p>}
    >
      <div className="toolbar">
        <SelectField
          label={t('network.planning.district')}
          options={[
            { id: 'all', label: t('network.planning.allDistricts') },
            ...districts.items.map((d) => ({ id: d.key, label: d.name })),
          ]}
          selectedKey={district || 'all'}
          onSelectionChange={(k) => setParams(k && k !== 'all' ? { sozialraum: k } : {})}
        />
      </div>
      {planning.error ? <Alert tone="error">{errorText(t, planning.error)}</Alert> : null}
      {planning.loading && !data ? <Loading label={t('common.loading')} /> : null}
      {data ? (
        <Section id="planning-table" title={t('network.planning.caption', { district: districtLabel })}>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
          <section className="table-wrap" aria-labelledby={captionId} tabIndex={0}>
            <table className="table">
              <caption id={captionId}>{t('network.planning.caption', { district: districtLabel })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('network.planning.dimension')}</th>
                  <th scope="col">{t('network.planning.need')}</th>
                  <th scope="col">{t('network.planning.offers')}</th>
                  <th scope="col">{t('network.planning.freePlaces')}</th>
                  <th scope="col">{t('network.planning.unlimited')}</th>
                  {district ? <th scope="col">{t('network.planning.gap')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    <td>
                      <Count value={r.need} />
                    </td>
                    <td>{r.offers}</td>
                    <td>{r.free}</td>
                    <td>{r.unlimited}</td>
                    {district ? (
                      <td>
                        <span
                          className={`badge ${r.gap === 'gap' ? 'badge--danger' : r.gap === 'tight' ? 'badge--warning' : 'badge--neutral'}`}
                        >
                          {t(`network.planning.gapValue.${r.gap ?? 'hidden'}`)}
                        </span>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {rows.some((r) => isSuppressed(r.need)) ? <SuppressionLegend threshold={data.threshold} /> : null}
          <NeedsChart data={data} title={t('network.planning.chartTitle')} />
        </Section>
      ) : null}
    </Page>
  );
}
