import {
  type AssessmentView,
  askedIn,
  type InstrumentDefinition,
  type InstrumentLocale,
  type ProgressView,
} from '@lotse/domain';
import type { Content, TableCell } from 'pdfmake/interfaces';
import {
  footer,
  germanDate,
  type Letterhead,
  labelsFor,
  loc,
  type PdfLabels,
  renderPdf,
} from '../instruments/pdf.ts';

const fmt = (n: number | null | undefined, locale: InstrumentLocale) =>
  n === null || n === undefined
    ? '–'
    : n.toLocaleString(locale === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: 2 });

const table = (header: string[], rows: TableCell[][], widths?: (string | number)[]): Content => ({
  table: {
    headerRows: 1,
    dontBreakRows: true,
    widths: widths ?? header.map((_, i) => (i === 0 ? '*' : 'auto')),
    body: [header.map((h) => ({ text: h, bold: true })), ...rows],
  },
  layout: 'lightHorizontalLines',
  margin: [0, 4, 0, 8],
});

/** PDF of one assessment: header, scores per dimension, every answer with its label. */
export function assessmentPdf(
  a: AssessmentView,
  def: InstrumentDefinition,
  clientName: string,
  locale: InstrumentLocale,
  letterhead?: Letterhead,
): Promise<Buffer> {
  const L = labelsFor(locale);
  const content: Content[] = [
    { text: loc(def.title, locale), fontSize: 16, bold: true },
    {
      text: `${L[a.occasion]} · ${L[a.perspective]} · ${germanDate(a.date)} · ${L.version} ${a.instrumentVersion}`,
      margin: [0, 2, 0, 2],
    },
    { text: `${L.name}: ${clientName}`, bold: true },
    {
      text: `${L.enteredBy}: ${a.enteredBy?.name ?? '–'} (${L[a.mode]})${a.amendments.length ? ` · ${L.amended}: ${a.amendments.map((m) => germanDate(m.amendedAt)).join(', ')}` : ''}`,
      fontSize: 8,
      margin: [0, 0, 0, 6],
    },
    table(
      [L.dimension, L.score, L.need, L.workOn],
      def.dimensions.map((d) => {
        const s = a.scores.find((x) => x.dimension === d.key);
        return [
          loc(d.title, locale),
          { text: fmt(s?.score, locale), alignment: 'right' },
          s?.need ? L.yes : s?.need === false ? L.no : '–',
          s?.workOn ? L.yes : '',
        ];
      }),
    ),
    {
      text: `${L.total}: ${fmt(a.totalScore, locale)}`,
      bold: true,
      margin: [0, 0, 0, 8],
    },
  ];
  for (const d of def.dimensions) {
    const rows = d.items
      .filter((i) => askedIn(i, a.perspective) && i.key in a.answers)
      .map((i): TableCell[] => {
        const v = a.answers[i.key];
        const label =
          v === null
            ? loc(i.scale?.nullLabel, locale) || L.noAnswer
            : typeof v === 'boolean'
              ? v
                ? L.yes
                : L.no
              : `${v} – ${loc(i.scale?.options.find((o) => o.value === v)?.label, locale)}`;
        return [loc(i.texts[a.perspective], locale), label];
      });
    if (rows.length === 0) continue;
    content.push({ text: loc(d.title, locale), fontSize: 11, bold: true, margin: [0, 6, 0, 0] });
    content.push(table(['', L.answer], rows, ['*', 150]));
  }
  return renderPdf(
    {
      info: { title: `${loc(def.title, locale)} ${germanDate(a.date)}` },
      content,
      footer: footer(`${loc(def.title, locale)} · ${clientName}`, L),
    },
    letterhead,
  );
}

interface RadarAxis {
  label: string;
  first: number | null;
  latest: number | null;
}

/** A radar chart as vector graphics: rings at 25/50/75/100, the first (dashed) and latest (solid) polygon. */
export function radarChart(axes: RadarAxis[], size = 320, offsetX = 100): Content {
  const c = size / 2;
  const cx = c + offsetX;
  const r = size / 2 - 70;
  const n = axes.length;
  const at = (i: number, value: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return { x: cx + Math.cos(angle) * r * (value / 100), y: c + Math.sin(angle) * r * (value / 100) };
  };
  const ring = (v: number) => ({
    type: 'polyline' as const,
    points: axes.map((_, i) => at(i, v)),
    closePath: true,
    lineColor: '#c8c8c8',
    lineWidth: 0.5,
  });
  const polygon = (pick: 'first' | 'latest') => ({
    type: 'polyline' as const,
    points: axes.map((a, i) => at(i, a[pick] ?? 0)),
    closePath: true,
    lineWidth: pick === 'latest' ? 1.8 : 1.2,
    lineColor: pick === 'latest' ? '#004b87' : '#8a5a00',
    ...(pick === 'first' ? { dash: { length: 4, space: 3 } } : {}),
  });
  const spokes = axes.map((_, i) => ({
    type: 'line' as const,
    x1: cx,
    y1: c,
    x2: at(i, 100).x,
    y2: at(i, 100).y,
    lineColor: '#c8c8c8',
    lineWidth: 0.5,
  }));
  // Text nodes ignore a width under relativePosition, so labels are left-aligned at an x computed from
  // an estimate of their width (Helvetica averages about half the font size per character).
  const fontSize = 6.5;
  const labels = axes.map((a, i): Content => {
    const p = at(i, 116);
    const width = a.label.length * fontSize * 0.5;
    const x = p.x < cx - 5 ? p.x - width : p.x > cx + 5 ? p.x : p.x - width / 2;
    return { text: a.label, fontSize, relativePosition: { x: Math.max(0, x), y: p.y - 4 } } as Content;
  });
  return {
    stack: [
      ...labels,
      {
        canvas: [
          ...[25, 50, 75, 100].map(ring),
          ...spokes,
          polygon('first'),
          ...(axes.some((a) => a.latest !== null) ? [polygon('latest')] : []),
        ],
      },
    ],
    unbreakable: true,
    margin: [0, 6, 0, 24],
  } as Content;
}

/** Progress PDF for the client: radar first vs. latest and the same numbers as a table per perspective. */
export function progressPdf(
  p: ProgressView,
  clientName: string,
  locale: InstrumentLocale,
  letterhead?: Letterhead,
): Promise<Buffer> {
  const L: PdfLabels = labelsFor(locale);
  const content: Content[] = [
    { text: L.progress, fontSize: 16, bold: true },
    { text: `${L.name}: ${clientName}`, bold: true, margin: [0, 2, 0, 6] },
  ];
  for (const s of p.series) {
    const first = s.assessments[0];
    const latest = s.assessments.at(-1);
    const areas = s.dimensions.filter((d) => d.kind === 'area');
    const fromId = areas.find((d) => d.change)?.change?.fromAssessmentId ?? first?.id;
    const toId = areas.find((d) => d.change)?.change?.toAssessmentId ?? latest?.id;
    const scoreAt = (d: (typeof areas)[number], id: string | undefined) =>
      d.points.find((pt) => pt.assessmentId === id)?.score ?? null;
    const date = (id: string | undefined) => {
      const a = s.assessments.find((x) => x.id === id);
      return a ? germanDate(a.date) : '–';
    };
    content.push({
      text: `${loc(s.instrumentTitle, locale)} · ${L[s.perspective]}`,
      fontSize: 12,
      bold: true,
      margin: [0, 10, 0, 2],
    });
    content.push({ text: `${L.first}: ${date(fromId)} · ${L.latest}: ${date(toId)}`, fontSize: 8 });
    content.push(
      radarChart(
        areas.map((d) => ({
          label: loc(d.title, locale),
          first: scoreAt(d, fromId),
          latest: fromId === toId ? null : scoreAt(d, toId),
        })),
      ),
    );
    content.push({ text: L.radar, fontSize: 7, italics: true });
    content.push(
      table(
        [L.dimension, L.first, L.latest, L.change, L.rci, L.class],
        s.dimensions.map((d) => [
          loc(d.title, locale),
          { text: fmt(scoreAt(d as (typeof areas)[number], fromId), locale), alignment: 'right' },
          { text: fmt(scoreAt(d as (typeof areas)[number], toId), locale), alignment: 'right' },
          { text: fmt(d.change?.difference, locale), alignment: 'right' },
          { text: fmt(d.change?.rci, locale), alignment: 'right' },
          d.change ? L[d.change.class] : '–',
        ]),
      ),
    );
    content.push({ text: L.rciNote, fontSize: 7, italics: true });
  }
  return renderPdf(
    { info: { title: `${L.progress}: ${clientName}` }, content, footer: footer(L.progress, L) },
    letterhead,
  );
}
