import { countOrNull, isSuppressed, type PlanningResponse } from '@lotse/domain';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../app/client.ts';
import { errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { useDimensions } from '../../app/useDimensions.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Count, SuppressionLegend } from '../../ui/Count.tsx';
import { textColumns } from '../../ui/columns.ts';
import { Loading, Page, Section } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TableRegion } from '../../ui/TableRegion.tsx';
import { useDistricts } from './network.ts';
import './network.css';

interface ChartRow {
  key: string;
  label: string;
  need: PlanningResponse['cells'][number]['clientsWithNeed'];
  free: number;
}

/**
 * Bars of clients with need and free places per dimension: exactly the numbers of the table (the
 * published dimension totals, not a sum of district cells, which is unknown as soon as one district's
 * cell is hidden); a hidden value is left out.
 */
function NeedsChart({ rows, title }: { rows: ChartRow[]; title: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let cleanup: () => void = () => {};
    void import('./chart.ts').then(({ echarts }) => {
      if (disposed || !ref.current) return;
      const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
      chart.setOption({
        animation: false,
        aria: { enabled: false },
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
        xAxis: {
          type: 'category',
          data: rows.map((r) => r.label),
          axisLabel: { interval: 0, rotate: 35 },
        },
        yAxis: { type: 'value' },
        series: [
          {
            name: t('network.planning.need'),
            type: 'bar',
            itemStyle: { color: '#1d4a8c' },
            data: rows.map((r) => countOrNull(r.need)),
          },
          {
            name: t('network.planning.freePlaces'),
            type: 'bar',
            itemStyle: { color: '#1b6b35' },
            data: rows.map((r) => r.free),
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
  }, [rows, t]);
  return (
    <figure>
      <figcaption>{title}</figcaption>
      {/* The table above holds the same numbers; the chart is an additional view. */}
      <div
        ref={ref}
        className="chart"
        aria-hidden="true"
        data-testid="needs-chart"
        data-need={JSON.stringify(rows.map((r) => countOrNull(r.need)))}
      />
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
  const planning = useEndpoint(api.planning.needsVsOffers, { query: { district } });
  const districtLabel = district ? districts.name(district) : t('network.planning.allDistricts');
  // The server names dimensions in German; the published instruments carry the titles per language.
  const dims = useDimensions();
  const data = useMemo(() => {
    const raw = planning.data;
    if (!raw) return raw;
    return {
      ...raw,
      dimensions: raw.dimensions.map((d) => {
        const label = dims.labelOf(d.key);
        return { ...d, label: label === d.key ? d.label : label };
      }),
    };
  }, [planning.data, dims.labelOf]);
  const rows = useMemo(
    () =>
      data?.dimensions.map((m) => {
        const cells = data.cells.filter((c) => c.dimension === m.key);
        const need = (district ? cells[0]?.clientsWithNeed : data.totals.byDimension[m.key]) ?? 0;
        const offers = cells.reduce((s, c) => s + c.offers, 0);
        const free = cells.reduce((s, c) => s + c.freePlaces, 0);
        const unlimited = cells.reduce((s, c) => s + c.unlimitedOffers, 0);
        const gap = district ? cells[0]?.gap : null;
        return { key: m.key, label: m.label, need, offers, free, unlimited, gap };
      }) ?? [],
    [data, district],
  );

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
      {(planning.loading && !data) || (data && !dims.ready) ? <Loading label={t('common.loading')} /> : null}
      {data && dims.ready ? (
        <Section id="planning-table" title={t('network.planning.caption', { district: districtLabel })}>
          <TableRegion
            className="table table--wrap-head"
            caption={t('network.planning.caption', { district: districtLabel })}
            columns={textColumns(t, 'network.planning', [
              'dimension',
              'need',
              'offers',
              'freePlaces',
              'unlimited',
              ...(district ? ['gap'] : []),
            ])}
          >
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
                      className={`badge badge--wrap ${r.gap === 'gap' ? 'badge--danger' : r.gap === 'tight' ? 'badge--warning' : 'badge--neutral'}`}
                    >
                      {t(`network.planning.gapValue.${r.gap ?? 'hidden'}`)}
                    </span>
                  </td>
                ) : null}
              </tr>
            ))}
          </TableRegion>
          {rows.some((r) => isSuppressed(r.need)) ? <SuppressionLegend threshold={data.threshold} /> : null}
          <NeedsChart rows={rows} title={t('network.planning.chartTitle')} />
        </Section>
      ) : null}
    </Page>
  );
}
