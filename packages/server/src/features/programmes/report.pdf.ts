import {
  DEFAULT_TIME_ZONE,
  formatPublishedCount,
  type ProgrammeReport,
  type PublishedCount,
} from '@lotse/domain';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { type Letterhead, pdfBuffer, withLetterhead } from '../instruments/pdf.ts';
import {
  categoryLabel,
  fundingSourceLabel,
  germanChange,
  germanDate,
  germanMoney,
  germanMonth,
  germanShare,
  germanTimeStamp,
  L,
  perspectiveLabel,
  spendingRows,
} from './report.labels.ts';

const cell = (v: PublishedCount) => formatPublishedCount(v);
const table = (header: string[], rows: (string | number)[][], widths?: (string | number)[]): Content =>
  ({
    table: {
      headerRows: 1,
      widths: widths ?? header.map((_, i) => (i === 0 ? '*' : 'auto')),
      body: [
        header.map((h) => ({ text: h, bold: true })),
        ...rows.map((r) => r.map((v, i) => ({ text: String(v), alignment: i === 0 ? 'left' : 'right' }))),
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 4, 0, 10],
  }) as Content;

const breakdownRows = (b: Record<string, PublishedCount>) =>
  Object.entries(b).map(([k, v]) => [categoryLabel[k] ?? k, cell(v)]);

export function reportDocument(r: ProgrammeReport): TDocumentDefinitions {
  const p = r.programme;
  const h = (text: string): Content => ({ text, style: 'h2' });
  return {
    info: { title: `${L.title}: ${p.name}`, subject: L.title },
    defaultStyle: { font: 'Helvetica', fontSize: 9 },
    styles: { h1: { fontSize: 16, bold: true }, h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 2] } },
    pageMargins: [40, 40, 40, 40],
    footer: (page: number, pages: number) => ({
      text: `${p.name} · ${germanDate(r.period.from)} – ${germanDate(r.period.to)} · Seite ${page} von ${pages}`,
      alignment: 'center',
      fontSize: 7,
    }),
    content: [
      { text: L.title, style: 'h1' },
      { text: p.name, fontSize: 13, margin: [0, 2, 0, 8] },
      table(
        ['', ''],
        [
          [L.fundingSource, fundingSourceLabel[p.fundingSource]],
          [L.legalBasis, p.legalBasis ?? '–'],
          [L.funder, p.funder ?? '–'],
          [L.owner, p.ownerAgency],
          [L.runtime, `${germanDate(p.startsOn)} – ${germanDate(p.endsOn)}`],
          [L.period, `${germanDate(r.period.from)} – ${germanDate(r.period.to)}`],
          [L.generated, germanTimeStamp(r.generatedAt, r.timeZone ?? DEFAULT_TIME_ZONE)],
        ],
        ['auto', '*'],
      ),
      { text: L.suppressionNote(r.suppression.marker, r.suppression.threshold), italics: true, fontSize: 8 },
      h(L.participants),
      table(
        ['', L.count],
        [
          [L.total, cell(r.participants.total)],
          [L.entries, cell(r.participants.entries)],
          [L.exits, cell(r.participants.exits)],
          [L.current, cell(r.participants.current)],
        ],
      ),
      h(L.byAgency),
      table(
        [L.agency, L.total, L.entries, L.exits, L.current],
        r.participants.byAgency.map((a) => [
          a.agency,
          cell(a.participants),
          cell(a.entries),
          cell(a.exits),
          cell(a.current),
        ]),
      ),
      h(L.byGender),
      table(['', L.count], breakdownRows(r.participants.byGender)),
      h(L.byAgeGroup),
      table(['', L.count], breakdownRows(r.participants.byAgeGroup)),
      h(L.byDisability),
      table(['', L.count], breakdownRows(r.participants.byDisability)),
      h(L.places),
      table(
        [L.agency, L.fundedPlaces],
        [...r.places.agencies.map((a) => [a.agency, a.places]), [L.sum, r.places.total]],
      ),
      table(
        ['', ''],
        [
          [
            L.averageOccupancy,
            r.places.averageOccupancyPercent === null
              ? L.notAvailable
              : `${String(r.places.averageOccupancyPercent).replace('.', ',')} %`,
          ],
          [
            L.averageDuration,
            r.places.averageDurationDays === null ? L.notAvailable : r.places.averageDurationDays,
          ],
        ],
      ),
      table(
        [L.month, L.fundedPlaces, L.occupied],
        r.places.months.map((m) => [germanMonth(m.month), m.places, m.future ? L.notYet : cell(m.occupied)]),
      ),
      h(L.outcomes),
      table(['', L.count], [...breakdownRows(r.outcomes.byReason), [L.sum, cell(r.outcomes.total)]]),
      h(L.earlyEnd),
      table(['', L.count], breakdownRows(r.outcomes.earlyEndByReason)),
      h(L.spending),
      table([L.fundingLine, L.budget, L.spent, L.remaining], spendingRows(r.spending, germanMoney)),
      h(L.participationChange),
      {
        text: L.participationChangeNote(r.participationChange.criterion),
        italics: true,
        fontSize: 8,
      },
      r.participationChange.rows.length === 0
        ? { text: L.participationChangeNone, margin: [0, 4, 0, 0] }
        : table(
            [
              L.dimension,
              L.perspective,
              L.assessedParticipants,
              L.meanChange,
              L.improved,
              L.unchanged,
              L.worsened,
            ],
            r.participationChange.rows.map((c) => [
              r.participationChange.rows.some((x) => x.instrumentKey !== c.instrumentKey)
                ? `${c.title} (${c.instrument})`
                : c.title,
              perspectiveLabel[c.perspective],
              cell(c.participants),
              germanChange(c.meanChange),
              germanShare(c.improved),
              germanShare(c.unchanged),
              germanShare(c.worsened),
            ]),
          ),
    ],
  };
}

/** Renders the report with the built-in PDF fonts; no file or URL is ever read. */
export async function reportPdf(r: ProgrammeReport, letterhead?: Letterhead): Promise<Buffer> {
  return pdfBuffer(withLetterhead(reportDocument(r), letterhead));
}
