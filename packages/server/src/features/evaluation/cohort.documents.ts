import {
  type CohortFigure,
  type CohortReport,
  changeSummary,
  isSuppressedFigure,
  type ProtectedCount,
  type ProtectedNumber,
  reliableChangeSummary,
} from '@lotse/domain';
import ExcelJS from 'exceljs';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { type Letterhead, pdfBuffer, withLetterhead } from '../instruments/pdf.ts';

/** One neutral symbol for every hidden cell, explained in the note. */
const HIDDEN = '*';

const de = (x: number, digits = 1) =>
  x.toLocaleString('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const text = (v: ProtectedNumber | ProtectedCount, digits = 1): string =>
  isSuppressedFigure(v)
    ? HIDDEN
    : v === null
      ? '–'
      : Number.isInteger(v) && digits === 0
        ? String(v)
        : de(v, digits);
const ci = (v: CohortFigure['ci95']) =>
  isSuppressedFigure(v) ? HIDDEN : v === null ? '–' : `${de(v[0])} bis ${de(v[1])}`;

const HEADER = [
  'Bereich',
  'n',
  'Mittel t0',
  'Mittel t1',
  'Veränderung',
  '95-%-KI',
  'SRM',
  'verbessert',
  'unverändert',
  'verschlechtert',
];
const rowOf = (d: CohortFigure) => [
  d.title,
  text(d.n, 0),
  text(d.meanT0),
  text(d.meanT1),
  text(d.meanChange),
  ci(d.ci95),
  text(d.srm, 2),
  text(d.improved, 0),
  text(d.unchanged, 0),
  text(d.worsened, 0),
];

const note = (r: CohortReport) =>
  `${HIDDEN} = zum Schutz einzelner Personen nicht gezeigt (weniger als ${r.threshold} Personen oder daraus berechenbar). ` +
  `Verlässliche Veränderung nach Jacobson & Truax (|RCI| > ${de(r.criterion, 2)}); Referenzwerte: ${
    r.reference.source === 'estimated'
      ? 'geschätzt aus den Aufnahme-Einschätzungen aller Träger'
      : r.reference.source === 'mixed'
        ? 'teils geschätzt, teils Vorgaben des Instruments'
        : 'Vorgaben des Instruments (noch zu wenige Einschätzungen)'
  }${r.reference.estimatedAt ? `, Stand ${r.reference.estimatedAt.slice(0, 10)}` : ''}.`;

const perspectiveLabel = { self: 'Selbsteinschätzung', professional: 'Fachliche Einschätzung' } as const;
const filterText = (r: CohortReport) =>
  Object.keys(r.filters).length === 0
    ? 'alle Personen der Organisation'
    : Object.entries(r.filters)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ');

function document(r: CohortReport): TDocumentDefinitions {
  const a = r.attrition;
  return {
    info: { title: `Kohortenbericht: ${r.instrument.title}` },
    pageOrientation: 'landscape',
    defaultStyle: { font: 'Helvetica', fontSize: 8 },
    styles: { h1: { fontSize: 15, bold: true }, h2: { fontSize: 11, bold: true, margin: [0, 10, 0, 3] } },
    content: [
      { text: 'Kohortenbericht Teilhabe', style: 'h1' },
      {
        text: `${r.instrument.title} (Version ${r.instrument.version}) · ${perspectiveLabel[r.perspective]} · ${
          r.pair === 'exit' ? 'Aufnahme bis Abschluss' : 'Aufnahme bis letzte Folgeeinschätzung'
        } · Auswahl: ${filterText(r)}`,
        margin: [0, 2, 0, 6],
      },
      { text: 'Veränderung je Bereich', style: 'h2' },
      { text: changeSummary(r, 'de'), margin: [0, 0, 0, 4] },
      {
        table: {
          headerRows: 1,
          widths: ['*', ...HEADER.slice(1).map(() => 'auto')],
          body: [HEADER.map((h) => ({ text: h, bold: true })), ...[...r.dimensions, r.total].map(rowOf)],
        },
        layout: 'lightHorizontalLines',
      } as Content,
      { text: 'Verlässliche Veränderung', style: 'h2' },
      { text: reliableChangeSummary(r, 'de') },
      { text: 'Schwund', style: 'h2' },
      {
        table: {
          body: [
            ['Personen mit Aufnahme', text(a.intake, 0)],
            ['mit Folgeeinschätzung', text(a.stayed, 0)],
            ['ohne Folgeeinschätzung', text(a.dropped, 0)],
            ['Mittlerer Gesamtwert bei Aufnahme: geblieben', text(a.intakeMeanStayed)],
            ['Mittlerer Gesamtwert bei Aufnahme: ohne Folgeeinschätzung', text(a.intakeMeanDropped)],
          ],
        },
        layout: 'lightHorizontalLines',
      } as Content,
      { text: note(r), italics: true, margin: [0, 10, 0, 0] },
    ],
  };
}

/** The cohort report as PDF with the built-in fonts; no file or URL is ever read. */
export async function cohortPdf(r: CohortReport, letterhead?: Letterhead): Promise<Buffer> {
  return pdfBuffer(withLetterhead(document(r), letterhead));
}

/** The cohort report as a workbook: figures as numbers, hidden cells as the symbol. */
export async function cohortXlsx(r: CohortReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lotse';
  const cell = (v: ProtectedNumber | ProtectedCount) => (isSuppressedFigure(v) ? HIDDEN : v);
  const ws = wb.addWorksheet('Veränderung');
  ws.columns = HEADER.map((_, i) => ({ width: i === 0 ? 38 : 13 }));
  ws.addRow([`${r.instrument.title} (Version ${r.instrument.version}) · ${perspectiveLabel[r.perspective]}`]);
  ws.addRow([`Auswahl: ${filterText(r)}`]);
  ws.addRow([changeSummary(r, 'de')]);
  ws.addRow(HEADER).font = { bold: true };
  for (const d of [...r.dimensions, r.total])
    ws.addRow([
      d.title,
      cell(d.n),
      cell(d.meanT0),
      cell(d.meanT1),
      cell(d.meanChange),
      isSuppressedFigure(d.ci95) ? HIDDEN : d.ci95 === null ? null : `${d.ci95[0]} bis ${d.ci95[1]}`,
      cell(d.srm),
      cell(d.improved),
      cell(d.unchanged),
      cell(d.worsened),
    ]);
  ws.addRow([]);
  ws.addRow([note(r)]);
  const att = wb.addWorksheet('Schwund');
  att.columns = [{ width: 55 }, { width: 14 }];
  att.addRows([
    ['Personen mit Aufnahme', cell(r.attrition.intake)],
    ['mit Folgeeinschätzung', cell(r.attrition.stayed)],
    ['ohne Folgeeinschätzung', cell(r.attrition.dropped)],
    ['Mittlerer Gesamtwert bei Aufnahme: geblieben', cell(r.attrition.intakeMeanStayed)],
    ['Mittlerer Gesamtwert bei Aufnahme: ohne Folgeeinschätzung', cell(r.attrition.intakeMeanDropped)],
  ]);
  const ref = wb.addWorksheet('Referenzwerte');
  ref.addRow(['Bereich', 'Quelle', 'SD', 'Reliabilität', 'n', 'n (Alpha)']).font = { bold: true };
  for (const d of r.reference.dimensions) ref.addRow([d.key, d.source, d.sd, d.reliability, d.n, d.alphaN]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
