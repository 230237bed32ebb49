import type { ProgressView } from '@lotse/domain';
import { assessmentEndpoints } from '@lotse/domain/endpoints';
import { fillPath } from '@lotse/domain/src/api/route.ts';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { api } from '../../app/client.ts';
import { errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Section } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { BlankForms } from './BlankForms.tsx';
import { ColumnHeads } from './ColumnHeads.tsx';
import { EChart } from './EChart.tsx';
import './assessments.css';
import { useLanguage } from '../../app/useLanguage.ts';
import { SelfAssessmentLink } from './SelfAssessmentLink.tsx';
import { SelfAssessmentLinks } from './SelfAssessmentLinks.tsx';
import { dateText, fmt, tr } from './text.ts';

type Series = ProgressView['series'][number];

/**
 * The client's participation over time, for the client page: radar chart of all areas (first vs.
 * latest or any two chosen), a timeline per area, the same numbers as a table, and the latest self
 * vs. professional view side by side. Also lists unfinished assessments and when a follow-up is due.
 */
export function ClientProgress({
  clientId,
  canWrite = true,
  onLoaded,
}: {
  clientId: string;
  canWrite?: boolean;
  /** Called with every loaded progress: the client page's summary shows when the next one is due. */
  onLoaded?: (progress: ProgressView) => void;
}) {
  const { t, lang, locale } = useLanguage();
  // The server computes the reliable change for the two chosen assessments (default: first and latest).
  const [choice, setChoice] = useState<{ from?: string; to?: string }>({});
  const progress = useEndpoint(api.assessments.progress, { params: { id: clientId }, query: choice });
  const [seriesIndex, setSeriesIndex] = useState(0);
  const p = progress.data;
  useEffect(() => {
    if (p) onLoaded?.(p);
  }, [p, onLoaded]);
  // Arriving from a just completed assessment: show its series (instrument and perspective) and move
  // focus to this section, once, after the progress has loaded.
  const recordedId = (useLocation().state as { recordedAssessmentId?: string } | null)?.recordedAssessmentId;
  const arrived = useRef(false);
  useEffect(() => {
    if (!p || !recordedId || arrived.current) return;
    arrived.current = true;
    const index = p.series.findIndex((s) => s.assessments.some((a) => a.id === recordedId));
    if (index >= 0) setSeriesIndex(index);
    const heading = document.getElementById('verlauf-heading');
    if (!heading) return;
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start' });
  }, [p, recordedId]);
  const series = p?.series[Math.min(seriesIndex, (p?.series.length ?? 1) - 1)];
  const links = useEndpoint(api.selfAssessment.listLinks, canWrite ? { params: { id: clientId } } : null);

  return (
    <Section
      id="verlauf"
      title={t('assessments.progress.title')}
      description={t('assessments.progress.description')}
    >
      <div className="section-actions">
        {canWrite ? (
          <Link className="btn btn--primary" to={`/klienten/${clientId}/erhebung`}>
            {t('assessments.progress.new')}
          </Link>
        ) : null}
        {p && p.series.length > 0 ? (
          <a
            className="btn btn--secondary"
            href={`${fillPath(assessmentEndpoints.downloadProgressPdf.path, { id: clientId })}?locale=${lang}`}
          >
            {t('assessments.progress.pdf')}
          </a>
        ) : null}
        {/* Last in the row: opened, its panel takes a line of its own (see .self-link). */}
        {canWrite ? <SelfAssessmentLink clientId={clientId} onCreated={links.reload} /> : null}
      </div>
      {canWrite ? (
        <details className="blank-forms-disclosure">
          <summary>{t('instruments.blankForms.clientTitle')}</summary>
          <p>{t('instruments.blankForms.clientIntro')}</p>
          <BlankForms clientId={clientId} />
        </details>
      ) : null}
      {canWrite ? <SelfAssessmentLinks links={links} canWrite={canWrite} /> : null}
      {progress.error ? <Alert tone="error">{errorText(t, progress.error)}</Alert> : null}
      {p?.followUp.dueOn ? (
        <p className={p.followUp.due ? 'highlight' : undefined}>
          {t(p.followUp.due ? 'assessments.progress.followUpDue' : 'assessments.progress.followUpNext', {
            date: dateText(p.followUp.dueOn, locale),
          })}
        </p>
      ) : null}
      {p && p.drafts.length > 0 ? (
        <div>
          <h3>{t('assessments.progress.drafts')}</h3>
          <ul>
            {p.drafts.map((d) => (
              <li key={d.id}>
                {dateText(d.date, locale)} · {t(`assessments.occasion.${d.occasion}`)} ·{' '}
                {t(`assessments.perspective.${d.perspective}`)} –{' '}
                <Link to={`/erhebungen/${d.id}`}>{t('assessments.progress.resume')}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {p && p.series.length === 0 ? <p>{t('assessments.progress.none')}</p> : null}
      {p && p.series.length > 1 ? (
        <div className="progress-controls">
          <SelectField
            label={t('assessments.progress.perspective')}
            options={p.series.map((s, i) => ({
              id: String(i),
              label: `${tr(s.instrumentTitle, lang)} – ${t(`assessments.perspective.${s.perspective}`)}`,
            }))}
            selectedKey={String(seriesIndex)}
            onSelectionChange={(key) => {
              if (key === null) return;
              setSeriesIndex(Number(key));
              setChoice({});
            }}
          />
        </div>
      ) : null}
      {series ? (
        <SeriesView
          key={`${series.instrumentKey}-${series.perspective}`}
          series={series}
          choice={choice}
          onChoose={setChoice}
        />
      ) : null}
      {p?.comparison.some((c) => c.self !== null && c.professional !== null) && series ? (
        <Comparison progress={p} series={series} />
      ) : null}
    </Section>
  );
}

/**
 * Labels of a series' assessments: the date and occasion, and for days with more than one assessment
 * their number that day ("10.07.2025 (Verlaufserhebung, 2. am Tag)"), so same-day ones differ.
 */
function useAssessmentLabels(series: Series) {
  const { t, locale } = useLanguage();
  const assessmentLabel = (a: Series['assessments'][number] | undefined) => {
    if (!a) return '';
    const date = dateText(a.date, locale);
    const occasion = t(`assessments.occasion.${a.occasion}`);
    return a.sameDay > 1
      ? t('assessments.progress.sameDay', { date, occasion, number: a.sequence })
      : `${date} (${occasion})`;
  };
  /** The date, with "#n" when the day has several assessments (chart axes, table headers). */
  const dayLabel = (id: string) => {
    const a = series.assessments.find((x) => x.id === id);
    if (!a) return '';
    const date = dateText(a.date, locale);
    return a.sameDay > 1 ? `${date} #${a.sequence}` : date;
  };
  return { assessmentLabel, dayLabel };
}

function SeriesView({
  series,
  choice,
  onChoose,
}: {
  series: Series;
  choice: { from?: string; to?: string };
  onChoose: (c: { from?: string; to?: string }) => void;
}) {
  const { t, lang, locale } = useLanguage();
  const assessments = series.assessments;
  const { assessmentLabel, dayLabel } = useAssessmentLabels(series);
  const has = (id: string | undefined) => !!id && assessments.some((a) => a.id === id);
  // Default (from the server): the intake against the latest follow-up.
  const fromId = has(choice.from) ? (choice.from as string) : (series.compared?.fromId ?? '');
  const toId = has(choice.to) ? (choice.to as string) : (series.compared?.toId ?? '');
  const setFromId = (from: string) => onChoose({ from, to: toId });
  const setToId = (to: string) => onChoose({ from: fromId, to });
  const [timelineKey, setTimelineKey] = useState(series.dimensions[0]?.key ?? '');
  const areas = series.dimensions.filter((d) => d.kind === 'area');
  const areaNames = areas.map((d) => tr(d.title, lang));
  const labelOf = (id: string) => assessmentLabel(assessments.find((x) => x.id === id));
  const different = fromId !== toId;
  const radarOption = {
    legend: { top: 0 },
    radar: {
      indicator: areaNames.map((name) => ({ name, max: 100, min: 0 })),
      center: ['50%', '55%'],
      axisName: { color: '#1b1b1b', fontSize: 11 },
    },
    series: [
      {
        type: 'radar',
        data: [
          {
            name: labelOf(fromId),
            value: areas.map((d) => scoreAt(d, fromId) ?? 0),
            lineStyle: { type: 'dashed', color: '#8a5a00' },
            itemStyle: { color: '#8a5a00' },
          },
          ...(different
            ? [
                {
                  name: labelOf(toId),
                  value: areas.map((d) => scoreAt(d, toId) ?? 0),
                  lineStyle: { width: 3, color: '#004b87' },
                  itemStyle: { color: '#004b87' },
                  areaStyle: { color: 'rgba(0, 75, 135, 0.12)' },
                },
              ]
            : []),
        ],
      },
    ],
  };
  const timeline = series.dimensions.find((d) => d.key === timelineKey);
  const timelineOption = timeline
    ? {
        grid: { left: 40, right: 20, top: 20, bottom: 30 },
        xAxis: { type: 'category', data: timeline.points.map((pt) => dayLabel(pt.assessmentId)) },
        yAxis: { type: 'value', min: 0, max: 100 },
        series: [
          { type: 'line', data: timeline.points.map((pt) => pt.score), lineStyle: { color: '#004b87' } },
        ],
      }
    : null;

  return (
    <div>
      {assessments.length > 1 ? (
        <div className="progress-controls">
          <SelectField
            label={t('assessments.progress.from')}
            options={assessments.map((a) => ({ id: a.id, label: labelOf(a.id) }))}
            selectedKey={fromId}
            onSelectionChange={(key) => key && setFromId(key)}
          />
          <SelectField
            label={t('assessments.progress.to')}
            options={assessments.map((a) => ({ id: a.id, label: labelOf(a.id) }))}
            selectedKey={toId}
            onSelectionChange={(key) => key && setToId(key)}
          />
        </div>
      ) : null}
      <div className="radar">
        <EChart
          option={radarOption}
          adapt={radarFit(areaNames)}
          label={t('assessments.progress.radarLabel', { from: labelOf(fromId), to: labelOf(toId) })}
          height={420}
          testId="radar"
        />
        {/* Shown only where the axes carry numbers (narrow charts, see RADAR_NUMBERED_BELOW). */}
        <ol className="radar__key">
          {areaNames.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ol>
      </div>
      <ChangeTable series={series} fromId={fromId} toId={toId} />
      {timeline && timelineOption && assessments.length > 1 ? (
        <div>
          <h3>{t('assessments.progress.timeline')}</h3>
          <div className="progress-controls">
            <SelectField
              label={t('assessments.progress.timelineDimension')}
              options={series.dimensions.map((d) => ({ id: d.key, label: tr(d.title, lang) }))}
              selectedKey={timelineKey}
              onSelectionChange={(key) => key && setTimelineKey(key)}
            />
          </div>
          <EChart
            option={timelineOption}
            height={220}
            label={t('assessments.progress.timelineLabel', {
              dimension: tr(timeline.title, lang),
              points: timeline.points
                .map((pt) => `${dayLabel(pt.assessmentId)}: ${fmt(pt.score, locale)}`)
                .join('; '),
            })}
          />
        </div>
      ) : null}
    </div>
  );
}

/** Below this chart width the area names do not fit beside the circle: the axes get numbers and a key. */
const RADAR_NUMBERED_BELOW = 460;

/** Breaks a label at spaces into lines of at most `max` characters (a longer word keeps its own line). */
function wrapLabel(text: string, max: number): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

/**
 * The radar's size and labels for a chart `width` px wide, so every label stays inside the drawing
 * (the SVG is cut at the element's edge): names wrapped into a column beside the circle, which
 * shrinks to leave that column room on both sides; on a phone numbered axes (see the key below).
 */
function radarFit(names: string[]) {
  const fontSize = 11;
  const charWidth = fontSize * 0.62;
  const longestWord = Math.max(...names.flatMap((n) => n.split(' ').map((w) => w.length)), 1);
  return (width: number) => {
    const gap = 8;
    if (width < RADAR_NUMBERED_BELOW) {
      return {
        radar: {
          radius: Math.max(40, Math.min(130, width / 2 - 3 * charWidth - gap)),
          axisNameGap: gap,
          axisName: { fontSize, formatter: (name?: string) => String(names.indexOf(name ?? '') + 1) },
        },
      };
    }
    const labelWidth = Math.min(170, Math.max(longestWord * charWidth, width * 0.2));
    const perLine = Math.floor(labelWidth / charWidth);
    return {
      radar: {
        radius: Math.max(60, Math.min(130, width / 2 - labelWidth - gap)),
        axisNameGap: gap,
        axisName: { fontSize, formatter: (name?: string) => wrapLabel(name ?? '', perLine) },
      },
    };
  };
}

type Dimension = Series['dimensions'][number];

/** A dimension's score in one assessment (null: not scored). */
const scoreAt = (d: Dimension, id: string) => d.points.find((pt) => pt.assessmentId === id)?.score ?? null;

/** The reliable change the server computed for the dimension, if it is between these two assessments. */
const changeBetween = (d: Dimension, fromId: string, toId: string) =>
  d.change && d.change.fromAssessmentId === fromId && d.change.toAssessmentId === toId ? d.change : null;

function ChangeTable({ series, fromId, toId }: { series: Series; fromId: string; toId: string }) {
  const captionId = useId();
  const different = fromId !== toId;
  const { t, lang, locale } = useLanguage();
  const { dayLabel: dateOf } = useAssessmentLabels(series);
  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="table-wrap" aria-labelledby={captionId} tabIndex={0}>
        <table className="table" aria-labelledby={captionId} data-testid="progress-table">
          <caption id={captionId}>
            {t('assessments.progress.tableCaption', {
              perspective: t(`assessments.perspective.${series.perspective}`),
            })}
          </caption>
          <ColumnHeads
            columns={[
              { label: t('assessments.progress.dimension') },
              { label: dateOf(fromId), numeric: true },
              ...(different
                ? [
                    { label: dateOf(toId), numeric: true },
                    { label: t('assessments.progress.change'), numeric: true },
                    { label: t('assessments.progress.rci'), numeric: true },
                    { label: t('assessments.progress.class') },
                  ]
                : []),
            ]}
          />
          <tbody>
            {series.dimensions.map((d) => {
              const x1 = scoreAt(d, fromId);
              const x2 = scoreAt(d, toId);
              const change = changeBetween(d, fromId, toId);
              const difference = x1 !== null && x2 !== null ? Math.round((x2 - x1) * 10) / 10 : null;
              return (
                <tr key={d.key}>
                  <th scope="row">{tr(d.title, lang)}</th>
                  <td className="num">{fmt(x1, locale)}</td>
                  {different ? (
                    <>
                      <td className="num">{fmt(x2, locale)}</td>
                      <td className="num">{fmt(difference, locale)}</td>
                      <td className="num">{fmt(change?.rci, locale)}</td>
                      <td className={change ? `class-${change.class}` : undefined}>
                        {change ? t(`assessments.class.${change.class}`) : '–'}
                      </td>
                    </>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {different ? (
        <p className="hint" data-testid="rci-explained">
          {t('assessments.progress.rciExplained')}
        </p>
      ) : null}
    </>
  );
}

function Comparison({ progress, series }: { progress: ProgressView; series: Series }) {
  const { t, lang, locale } = useLanguage();
  const captionId = useId();
  const titleOf = (key: string) => tr(series.dimensions.find((d) => d.key === key)?.title, lang) || key;
  return (
    <div>
      <h3>{t('assessments.progress.comparison')}</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="table-wrap" aria-labelledby={captionId} tabIndex={0}>
        <table className="table" aria-labelledby={captionId} data-testid="comparison-table">
          <caption id={captionId}>{t('assessments.progress.comparisonCaption')}</caption>
          <ColumnHeads
            columns={[
              { label: t('assessments.progress.dimension') },
              ...(['perspective.self', 'perspective.professional', 'progress.difference'] as const).map(
                (key) => ({ label: t(`assessments.${key}`), numeric: true }),
              ),
            ]}
          />
          <tbody>
            {progress.comparison.map((c) => (
              <tr key={c.dimension} className={c.highlighted ? 'highlight' : undefined}>
                <th scope="row">{titleOf(c.dimension)}</th>
                <td className="num">{fmt(c.self, locale)}</td>
                <td className="num">{fmt(c.professional, locale)}</td>
                <td className="num">
                  {fmt(c.difference, locale)}
                  {c.highlighted ? (
                    <span className="visually-hidden"> ({t('assessments.progress.highlighted')})</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
