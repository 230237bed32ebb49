import {
  type CohortReport,
  changeSummary,
  evaluationDisability,
  type FunnelReport,
  funnelSummary,
  isSuppressedFigure,
  type OutcomesReport,
  outcomesSummary,
  type ProtectedNumber,
  reliableChangeSummary,
} from '@lotse/domain';
import type { evaluationRoutes } from '@lotse/domain/routes';
import type { RouteInput } from '@lotse/domain/src/api/route.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../app/client.ts';
import { errorText } from '../../app/errors.ts';
import { hrefOf } from '../../app/href.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { useDimensions } from '../../app/useDimensions.ts';
import { currentLanguage, localeOf } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { Loading, Page, Section } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { ChartCard, DataTable } from './Chart.tsx';
import './evaluation.css';

// Filters come from the address as typed there; the server checks them (400 names a wrong one).
type CohortQuery = NonNullable<RouteInput<typeof evaluationRoutes.cohort>['query']>;
type PeriodQuery = NonNullable<RouteInput<typeof evaluationRoutes.outcomes>['query']>;
type CompareQuery = NonNullable<RouteInput<typeof evaluationRoutes.compare>['query']>;

const COLORS = { primary: '#1d4a8c', good: '#1b6b35', neutral: '#7b8794', bad: '#a3271f' };
/** URL parameter -> API filter. */
const FILTERS = {
  programm: 'programmeId',
  behinderung: 'disability',
  perspektive: 'perspective',
  paar: 'pair',
} as const;

function useFormat() {
  const { t } = useTranslation();
  const locale = localeOf[currentLanguage()];
  const hidden = t('evaluation.hidden');
  return {
    hidden,
    num: (v: ProtectedNumber, digits = 1): string =>
      isSuppressedFigure(v)
        ? hidden
        : v === null
          ? '–'
          : v.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    int: (v: ProtectedNumber): string => (isSuppressedFigure(v) ? hidden : v === null ? '–' : String(v)),
    ci: (v: [number, number] | null | { suppressed: true }) =>
      isSuppressedFigure(v)
        ? hidden
        : v === null
          ? '–'
          : `${v[0].toLocaleString(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 })} – ${v[1].toLocaleString(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 })}`,
    pct: (v: ProtectedNumber) =>
      isSuppressedFigure(v) ? hidden : v === null ? '–' : `${Math.round(v * 100).toLocaleString(locale)} %`,
  };
}
const numberOrNull = (v: ProtectedNumber) => (typeof v === 'number' ? v : null);

/** The frame of the page's charts: a tooltip per category, and room above for a legend where one is. */
function frame({
  legend = false,
  top = legend ? 36 : 16,
  right = 16,
}: {
  legend?: boolean;
  top?: number;
  right?: number;
} = {}) {
  return {
    tooltip: { trigger: 'axis' },
    ...(legend ? { legend: { top: 0 } } : {}),
    grid: { left: 8, right, bottom: 8, top, containLabel: true },
  };
}

/** One series of figures in one colour; a hidden figure leaves a gap. */
function series(name: string, type: 'bar' | 'line', color: string, figures: readonly ProtectedNumber[]) {
  return { name, type, itemStyle: { color }, data: figures.map(numberOrNull) };
}

function ChangeCharts({ report: raw }: { report: CohortReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  const lang = currentLanguage();
  // The report names dimensions in German; the page and its summary use the UI language.
  const { labelOf, ready } = useDimensions();
  const title = (d: { key: string; title: string }) => (labelOf(d.key) === d.key ? d.title : labelOf(d.key));
  const report = { ...raw, dimensions: raw.dimensions.map((d) => ({ ...d, title: title(d) })) };
  const rows = [...report.dimensions, report.total];
  const labels = rows.map((d) => (d.key === '_total' ? t('evaluation.total') : d.title));
  if (!ready) return <Loading label={t('common.loading')} />;
  // The dimensions along the bottom, every name shown, slanted to fit.
  const dimensionAxis = {
    type: 'category',
    data: labels,
    axisLabel: { interval: 0, rotate: 40, color: '#1f2933' },
  };
  return (
    <>
      <ChartCard
        title={t('evaluation.change.chart')}
        summary={changeSummary(report, lang)}
        height={420}
        option={{
          ...frame(),
          xAxis: dimensionAxis,
          yAxis: { type: 'value', name: t('evaluation.change.points'), axisLabel: { color: '#1f2933' } },
          series: [
            series(
              t('evaluation.change.meanChange'),
              'bar',
              COLORS.primary,
              rows.map((d) => d.meanChange),
            ),
            {
              // Whiskers of the 95 % interval: a vertical line with caps per bar.
              name: t('evaluation.change.ci'),
              type: 'custom',
              itemStyle: { color: '#1f2933' },
              data: rows.map((d, i) => (Array.isArray(d.ci95) ? [i, d.ci95[0], d.ci95[1]] : [i, null, null])),
              renderItem: (_params: unknown, api: CustomApi) => {
                const lo = api.value(1);
                const hi = api.value(2);
                if (lo === null || hi === null || Number.isNaN(lo)) return null;
                const [x, yLo] = api.coord([api.value(0), lo]);
                const [, yHi] = api.coord([api.value(0), hi]);
                const style = { stroke: '#1f2933', lineWidth: 1.5 };
                return {
                  type: 'group',
                  children: [
                    { type: 'line', shape: { x1: x, y1: yLo, x2: x, y2: yHi }, style },
                    { type: 'line', shape: { x1: x - 5, y1: yLo, x2: x + 5, y2: yLo }, style },
                    { type: 'line', shape: { x1: x - 5, y1: yHi, x2: x + 5, y2: yHi }, style },
                  ],
                };
              },
            },
          ],
        }}
        table={{
          caption: t('evaluation.change.table'),
          head: [
            t('evaluation.dimension'),
            'n',
            t('evaluation.change.t0'),
            t('evaluation.change.t1'),
            t('evaluation.change.meanChange'),
            t('evaluation.change.ci'),
            'SRM',
          ],
          rows: rows.map((d, i) => [
            labels[i],
            f.int(d.n),
            f.num(d.meanT0),
            f.num(d.meanT1),
            f.num(d.meanChange),
            f.ci(d.ci95),
            f.num(d.srm, 2),
          ]),
        }}
      />
      <ChartCard
        title={t('evaluation.rci.chart')}
        summary={reliableChangeSummary(report, lang)}
        height={420}
        option={{
          ...frame({ legend: true }),
          xAxis: dimensionAxis,
          yAxis: { type: 'value', minInterval: 1 },
          series: (['improved', 'unchanged', 'worsened'] as const).map((k) => ({
            ...series(
              t(`evaluation.rci.${k}`),
              'bar',
              k === 'improved' ? COLORS.good : k === 'worsened' ? COLORS.bad : COLORS.neutral,
              rows.map((d) => d[k]),
            ),
            stack: 'rci',
          })),
        }}
        table={{
          caption: t('evaluation.rci.table'),
          head: [
            t('evaluation.dimension'),
            'n',
            t('evaluation.rci.improved'),
            t('evaluation.rci.unchanged'),
            t('evaluation.rci.worsened'),
          ],
          rows: rows.map((d, i) => [
            labels[i],
            f.int(d.n),
            f.int(d.improved),
            f.int(d.unchanged),
            f.int(d.worsened),
          ]),
        }}
      />
      <p className="hint" data-testid="rci-explained">
        {t('evaluation.rci.explained')}
      </p>
    </>
  );
}

interface CustomApi {
  value(i: number): number | null;
  coord(point: (number | null)[]): [number, number];
}

function AttritionAndReference({ report }: { report: CohortReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  const a = report.attrition;
  return (
    <>
      <DataTable
        caption={t('evaluation.attrition.title')}
        head={[t('evaluation.attrition.what'), t('evaluation.value')]}
        rows={[
          [t('evaluation.attrition.intake'), f.int(a.intake)],
          [t('evaluation.attrition.stayed'), f.int(a.stayed)],
          [t('evaluation.attrition.dropped'), f.int(a.dropped)],
          [t('evaluation.attrition.droppedShare'), f.pct(a.droppedShare)],
          [t('evaluation.attrition.meanStayed'), f.num(a.intakeMeanStayed)],
          [t('evaluation.attrition.meanDropped'), f.num(a.intakeMeanDropped)],
        ]}
      />
      <p>
        {t(`evaluation.reference.${report.reference.source}`, {
          date: report.reference.estimatedAt?.slice(0, 10) ?? '–',
          minN: report.reference.minN,
        })}
      </p>
    </>
  );
}

function Outcomes({ r }: { r: OutcomesReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <ChartCard
        title={t('evaluation.outcomes.chart')}
        summary={outcomesSummary(r, currentLanguage())}
        option={{
          ...frame({ legend: true }),
          xAxis: { type: 'category', data: r.byMonth.map((m) => m.month) },
          yAxis: { type: 'value', minInterval: 1 },
          series: [
            series(
              t('evaluation.outcomes.closures'),
              'bar',
              COLORS.primary,
              r.byMonth.map((m) => m.closures),
            ),
            series(
              t('evaluation.outcomes.placements'),
              'line',
              COLORS.good,
              r.byMonth.map((m) => m.employment),
            ),
          ],
        }}
        table={{
          caption: t('evaluation.outcomes.byMonth'),
          head: [
            t('evaluation.outcomes.month'),
            t('evaluation.outcomes.closures'),
            t('evaluation.outcomes.placements'),
          ],
          rows: r.byMonth.map((m) => [m.month, f.int(m.closures), f.int(m.employment)]),
        }}
      />
      <DataTable
        caption={t('evaluation.outcomes.byOutcome')}
        head={[
          t('evaluation.outcomes.outcome'),
          t('evaluation.outcomes.count'),
          t('evaluation.outcomes.share'),
        ]}
        rows={r.byOutcome.map((o) => [t(`evaluation.outcome.${o.outcome}`), f.int(o.count), f.pct(o.share)])}
      />
      <p>
        {t('evaluation.outcomes.days', {
          median: f.num(r.daysToOutcome.median, 0),
          q1: f.num(r.daysToOutcome.q1, 0),
          q3: f.num(r.daysToOutcome.q3, 0),
        })}
      </p>
      <DataTable
        caption={t('evaluation.outcomes.changeByOutcome')}
        head={[t('evaluation.outcomes.outcome'), 'n', t('evaluation.change.meanChange')]}
        rows={r.changeByOutcome.map((o) => [
          t(`evaluation.outcome.${o.outcome}`),
          f.int(o.n),
          f.num(o.meanChange),
        ])}
      />
      <DataTable
        caption={t('evaluation.miar.title')}
        head={[
          t('evaluation.miar.group'),
          t('evaluation.miar.clients'),
          t('evaluation.miar.withContacts'),
          t('evaluation.miar.contacts'),
          t('evaluation.miar.qualification'),
          t('evaluation.miar.placements'),
          t('evaluation.miar.sustained'),
        ]}
        rows={r.disability.map((g) => [
          t(`evaluation.disability.${g.group}`),
          f.int(g.clients),
          f.int(g.withContacts),
          f.int(g.contacts),
          f.int(g.qualification),
          f.int(g.placements),
          f.int(g.sustained),
        ])}
      />
    </>
  );
}

function Funnel({ r }: { r: FunnelReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = Object.fromEntries(r.steps.map((s) => [s.key, t(`evaluation.funnel.${s.key}`)]));
  return (
    <>
      <ChartCard
        title={t('evaluation.funnel.chart')}
        summary={funnelSummary(r, currentLanguage(), labels)}
        option={{
          ...frame({ top: 8, right: 24 }),
          yAxis: { type: 'category', inverse: true, data: r.steps.map((s) => labels[s.key]) },
          xAxis: { type: 'value', minInterval: 1 },
          series: [
            series(
              t('evaluation.funnel.people'),
              'bar',
              COLORS.primary,
              r.steps.map((s) => s.count),
            ),
          ],
        }}
        table={{
          caption: t('evaluation.funnel.table'),
          head: [t('evaluation.funnel.step'), t('evaluation.funnel.people'), t('evaluation.funnel.share')],
          rows: r.steps.map((s) => [labels[s.key], f.int(s.count), f.pct(s.share)]),
        }}
      />
      <p>{t('evaluation.funnel.contacts', { value: f.num(r.contactsPerClientMonth) })}</p>
    </>
  );
}

function CompareSection({
  base,
  programmes,
}: {
  base: CohortQuery;
  programmes: { id: string; label: string }[];
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { labelOf } = useDimensions();
  const [by, setBy] = useState<'disability' | 'programme'>('disability');
  // The two programmes compared with each other.
  const [pair, setPair] = useState<{ a: string | null; b: string | null }>({ a: null, b: null });
  const { a, b } = pair;
  const [asked, setAsked] = useState<CompareQuery | null>(null);
  const { programmeId: _p, disability: _d, ...rest } = base;
  const result = useEndpoint(api.evaluation.compare, asked ? { query: asked } : null);
  const label = (g: string) =>
    by === 'disability' ? t(`evaluation.disability.${g}`) : (programmes.find((p) => p.id === g)?.label ?? g);
  return (
    <>
      <div className="eval-filters">
        <SelectField
          label={t('evaluation.compare.by')}
          options={[
            { id: 'disability', label: t('evaluation.compare.byDisability') },
            { id: 'programme', label: t('evaluation.compare.byProgramme') },
          ]}
          selectedKey={by}
          onSelectionChange={(k) => setBy(k === 'programme' ? 'programme' : 'disability')}
        />
        {by === 'programme'
          ? (['a', 'b'] as const).map((side) => (
              <SelectField
                key={side}
                label={t(`evaluation.compare.${side}`)}
                options={programmes}
                selectedKey={pair[side]}
                onSelectionChange={(id) => setPair((p) => ({ ...p, [side]: id }))}
              />
            ))
          : null}
        <Button
          variant="secondary"
          isDisabled={by === 'programme' && (!a || !b || a === b)}
          onPress={() =>
            setAsked({
              ...rest,
              by,
              ...(by === 'programme' && a && b ? { programmeA: a, programmeB: b } : {}),
            })
          }
        >
          {t('evaluation.compare.run')}
        </Button>
      </div>
      {result.error ? <Alert tone="error">{errorText(t, result.error)}</Alert> : null}
      {result.data ? (
        <>
          {result.data.dimensions.some((d) => d.tooSmall) ? (
            <Alert tone="info">
              {t('evaluation.compare.tooSmall', { threshold: result.data.threshold })}
            </Alert>
          ) : null}
          <DataTable
            caption={t('evaluation.compare.table', {
              a: label(result.data.groups[0].label),
              b: label(result.data.groups[1].label),
            })}
            head={[
              t('evaluation.dimension'),
              `${label(result.data.groups[0].label)} (n ${f.int(result.data.groups[0].n)})`,
              `${label(result.data.groups[1].label)} (n ${f.int(result.data.groups[1].n)})`,
              t('evaluation.compare.difference'),
              t('evaluation.change.ci'),
            ]}
            rows={result.data.dimensions.map((d) => [
              d.key === '_total'
                ? t('evaluation.total')
                : labelOf(d.key) === d.key
                  ? d.title
                  : labelOf(d.key),
              f.num(d.meanChangeA),
              f.num(d.meanChangeB),
              d.tooSmall ? t('evaluation.compare.small') : f.num(d.difference),
              d.tooSmall ? t('evaluation.compare.small') : f.ci(d.ci95 as [number, number] | null),
            ])}
          />
        </>
      ) : null}
    </>
  );
}

/** The evaluation dashboard: change per dimension, reliable change, attrition, outcomes, funnel, comparison. */
export default function EvaluationPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string> = {};
  for (const [param, key] of Object.entries(FILTERS)) {
    const v = params.get(param);
    if (v) filters[key] = v;
  }
  const query = filters as CohortQuery;
  const periodQuery: PeriodQuery = query.programmeId ? { programmeId: query.programmeId } : {};
  const programmes = useEndpoint(api.programmes.list, { query: { pageSize: 100 } });
  const programmeOptions = (programmes.data?.items ?? []).map((p) => ({ id: p.id, label: p.name }));
  const cohort = useEndpoint(api.evaluation.cohort, { query });
  const outcomes = useEndpoint(api.evaluation.outcomes, { query: periodQuery });
  const funnel = useEndpoint(api.evaluation.funnel, { query: periodQuery });
  const setFilter = (param: keyof typeof FILTERS, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(param, value);
    else next.delete(param);
    setParams(next);
  };
  const all = { id: 'all', label: t('evaluation.filter.all') };
  const choices = (prefix: string, ids: readonly string[]) =>
    ids.map((id) => ({ id, label: t(`evaluation.${prefix}.${id}`) }));
  // Each filter with its choices; the choice a missing parameter stands for is not written to the address.
  const filterFields = [
    { param: 'programm', label: 'programme', unset: 'all', options: [all, ...programmeOptions] },
    {
      param: 'behinderung',
      label: 'disability',
      unset: 'all',
      options: [all, ...choices('disability', evaluationDisability)],
    },
    {
      param: 'perspektive',
      label: 'perspective',
      unset: 'professional',
      options: choices('perspective', ['professional', 'self']),
    },
    { param: 'paar', label: 'pair', unset: 'latest', options: choices('pair', ['latest', 'exit']) },
  ] as const;
  const download = (format: 'pdf' | 'xlsx') =>
    hrefOf(format === 'pdf' ? api.evaluation.cohortPdf : api.evaluation.cohortXlsx, { query });
  // A report of an earlier selection is never shown while the new one loads or after it failed.
  const report = cohort.loading || cohort.error ? undefined : cohort.data;
  const programmeName = (id: string) => programmeOptions.find((p) => p.id === id)?.label ?? id;
  const selection = report
    ? [
        report.filters.programmeId ? programmeName(report.filters.programmeId) : null,
        report.filters.disability ? t(`evaluation.disability.${report.filters.disability}`) : null,
        t(`evaluation.perspective.${report.perspective}`),
        t(`evaluation.pair.${report.pair}`),
      ]
        .filter(Boolean)
        .join(' · ')
    : '';
  return (
    <Page
      title={t('evaluation.title')}
      intro={<p>{t('evaluation.intro', { threshold: report?.threshold ?? 5 })}</p>}
    >
      <div className="eval-filters">
        {filterFields.map((field) => (
          <SelectField
            key={field.param}
            label={t(`evaluation.filter.${field.label}`)}
            options={field.options}
            selectedKey={params.get(field.param) ?? field.unset}
            onSelectionChange={(k) => setFilter(field.param, k === field.unset ? null : k)}
          />
        ))}
      </div>
      <p className="eval-downloads">
        <a href={download('pdf')} download>
          {t('evaluation.downloadPdf')}
        </a>
        <a href={download('xlsx')} download>
          {t('evaluation.downloadXlsx')}
        </a>
      </p>
      <p className="muted">
        {t('evaluation.legend', { hidden: t('evaluation.hidden'), threshold: report?.threshold ?? 5 })}
      </p>
      {cohort.error ? <Alert tone="error">{errorText(t, cohort.error)}</Alert> : null}
      {cohort.loading ? <Loading label={t('common.loading')} /> : null}
      {report ? (
        <>
          <Section
            id="eval-change"
            title={t('evaluation.change.title')}
            description={<p>{t('evaluation.selection', { selection })}</p>}
          >
            <ChangeCharts report={report} />
          </Section>
          <Section id="eval-attrition" title={t('evaluation.attrition.section')}>
            <AttritionAndReference report={report} />
          </Section>
        </>
      ) : null}
      <Section id="eval-outcomes" title={t('evaluation.outcomes.title')}>
        <Loaded query={outcomes} hideStale>
          {(r) => <Outcomes r={r} />}
        </Loaded>
      </Section>
      <Section id="eval-funnel" title={t('evaluation.funnel.title')}>
        <Loaded query={funnel} hideStale>
          {(r) => <Funnel r={r} />}
        </Loaded>
      </Section>
      <Section id="eval-compare" title={t('evaluation.compare.title')}>
        <CompareSection base={query} programmes={programmeOptions} />
      </Section>
    </Page>
  );
}
