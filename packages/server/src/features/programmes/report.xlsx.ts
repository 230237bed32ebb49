import {
  DEFAULT_TIME_ZONE,
  isSuppressed,
  type ProgrammeReport,
  type PublishedCount,
  SUPPRESSION_SYMBOL,
  wallTimeIn,
} from '@lotse/domain';
import ExcelJS from 'exceljs';
import { categoryLabel, fundingSourceLabel, L, perspectiveLabel, spendingRows } from './report.labels.ts';

/** Numbers stay numbers (Excel can sum them); a hidden cell is the neutral symbol explained by the legend. */
const value = (v: PublishedCount): number | string => (isSuppressed(v) ? SUPPRESSION_SYMBOL : v);

export const DATE_FORMAT = 'DD.MM.YYYY';
export const DATE_TIME_FORMAT = 'DD.MM.YYYY HH:MM';
export const MONTH_FORMAT = 'MM.YYYY';

/**
 * A calendar day as a real Excel date (exceljs stores a Date as the serial of its UTC reading, so the
 * day is built in UTC and shows as that day whatever zone the server runs in).
 */
export const excelDay = (iso: string) =>
  new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10) || '1')));

/** An instant as Excel date-time showing the wall-clock time of `zone` (Excel cells have no zone). */
export function excelWallTime(instant: string, zone: string): Date {
  const w = wallTimeIn(instant, zone);
  return new Date(`${w.date}T${w.time}:00Z`);
}

/** The funder report as a workbook: an overview sheet and one sheet per table, German headings. */
export async function reportXlsx(r: ProgrammeReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lotse';
  wb.created = new Date(r.generatedAt);
  const p = r.programme;

  const overview = wb.addWorksheet('Übersicht');
  overview.columns = [{ width: 42 }, { width: 60 }, { width: 14 }];
  const zone = r.timeZone ?? DEFAULT_TIME_ZONE;
  overview.addRows([
    [L.title, p.name],
    [L.fundingSource, fundingSourceLabel[p.fundingSource]],
    [L.legalBasis, p.legalBasis ?? ''],
    [L.funder, p.funder ?? ''],
    [L.owner, p.ownerAgency],
    [L.runtime, excelDay(p.startsOn), excelDay(p.endsOn)],
    [L.period, excelDay(r.period.from), excelDay(r.period.to)],
    [L.generated, excelWallTime(r.generatedAt, zone)],
    ['', L.suppressionNote(r.suppression.marker, r.suppression.threshold)],
    [],
    [L.total, value(r.participants.total)],
    [L.entries, value(r.participants.entries)],
    [L.exits, value(r.participants.exits)],
    [L.current, value(r.participants.current)],
    [L.averageOccupancy, r.places.averageOccupancyPercent ?? L.notAvailable],
    [L.averageDuration, r.places.averageDurationDays ?? L.notAvailable],
  ]);
  overview.getRow(1).font = { bold: true };
  // Real date cells shown the German way; the time stamp in the agency's time zone.
  for (const row of [6, 7]) for (const col of [2, 3]) overview.getCell(row, col).numFmt = DATE_FORMAT;
  overview.getCell(8, 2).numFmt = DATE_TIME_FORMAT;
  for (const row of [6, 7, 8]) overview.getCell(row, 2).alignment = { horizontal: 'left' };
  overview.getCell(6, 3).alignment = { horizontal: 'left' };
  overview.getCell(7, 3).alignment = { horizontal: 'left' };

  const sheet = (name: string, header: string[], rows: (string | number | Date)[][]) => {
    const ws = wb.addWorksheet(name);
    ws.columns = header.map((_, i) => ({ width: i === 0 ? 40 : 18 }));
    ws.addRow(header).font = { bold: true };
    ws.addRows(rows);
    return ws;
  };
  const breakdown = (b: Record<string, PublishedCount>) =>
    Object.entries(b).map(([k, v]) => [categoryLabel[k] ?? k, value(v)]);

  sheet(
    'Teilnehmende',
    [L.agency, L.total, L.entries, L.exits, L.current],
    [
      ...r.participants.byAgency.map((a) => [
        a.agency,
        value(a.participants),
        value(a.entries),
        value(a.exits),
        value(a.current),
      ]),
      [
        L.sum,
        value(r.participants.total),
        value(r.participants.entries),
        value(r.participants.exits),
        value(r.participants.current),
      ],
    ],
  );
  sheet(
    'Merkmale',
    ['Merkmal', L.count],
    [
      [L.byGender, ''],
      ...breakdown(r.participants.byGender),
      [L.byAgeGroup, ''],
      ...breakdown(r.participants.byAgeGroup),
      [L.byDisability, ''],
      ...breakdown(r.participants.byDisability),
    ],
  );
  sheet(
    'Plätze',
    [L.agency, L.fundedPlaces],
    [...r.places.agencies.map((a) => [a.agency, a.places]), [L.sum, r.places.total]],
  );
  const occupancy = sheet(
    'Auslastung',
    [L.month, L.fundedPlaces, L.occupied],
    r.places.months.map((m) => [
      excelDay(`${m.month}-01`),
      m.places,
      m.future ? L.notYet : value(m.occupied),
    ]),
  );
  occupancy.getColumn(1).numFmt = MONTH_FORMAT;
  occupancy.getCell(1, 1).numFmt = 'General';
  occupancy.getColumn(1).alignment = { horizontal: 'left' };
  sheet(
    'Verbleib',
    [L.outcomes, L.count],
    [
      ...breakdown(r.outcomes.byReason),
      [L.sum, value(r.outcomes.total)],
      [L.earlyEnd, ''],
      ...breakdown(r.outcomes.earlyEndByReason),
    ],
  );
  // Money as exact decimal text converted to numbers with two decimals for calculation in Excel:
  // the values are cents/100 of exact sums, formatted as currency.
  const money = sheet(
    'Ausgaben',
    [L.fundingLine, L.budget, L.spent, L.remaining],
    spendingRows(r.spending, Number),
  );
  for (const c of [2, 3, 4]) money.getColumn(c).numFmt = '#,##0.00 "€"';
  // Participation change: counts (or the marker), shares in percent, means only for shown groups.
  const change = sheet(
    L.participationChange,
    [
      L.instrument,
      L.dimension,
      L.perspective,
      L.assessedParticipants,
      L.meanChange,
      L.improved,
      `${L.improved} (%)`,
      L.unchanged,
      `${L.unchanged} (%)`,
      L.worsened,
      `${L.worsened} (%)`,
    ],
    r.participationChange.rows.map((c) => [
      c.instrument,
      c.title,
      perspectiveLabel[c.perspective],
      value(c.participants),
      c.meanChange ?? L.notAvailable,
      value(c.improved.count),
      c.improved.percent ?? L.notAvailable,
      value(c.unchanged.count),
      c.unchanged.percent ?? L.notAvailable,
      value(c.worsened.count),
      c.worsened.percent ?? L.notAvailable,
    ]),
  );
  for (let c = 1; c <= 11; c++) change.getColumn(c).width = c <= 2 ? 32 : 16;
  change.addRow([]);
  change.addRow([L.participationChangeNote(r.participationChange.criterion)]);
  if (r.participationChange.rows.length === 0) change.addRow([L.participationChangeNone]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
