import { isSuppressed, type ProgrammeReport, type PublishedCount, SUPPRESSION_SYMBOL } from '@lotse/domain';
import ExcelJS from 'exceljs';
import { categoryLabel, fundingSourceLabel, L, perspectiveLabel } from './report.labels.ts';

/** Numbers stay numbers (Excel can sum them); a hidden cell is the neutral symbol explained by the legend. */
const value = (v: PublishedCount): number | string => (isSuppressed(v) ? SUPPRESSION_SYMBOL : v);

/** The funder report as a workbook: an overview sheet and one sheet per table, German headings. */
export async function reportXlsx(r: ProgrammeReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lotse';
  wb.created = new Date(r.generatedAt);
  const p = r.programme;

  const overview = wb.addWorksheet('Übersicht');
  overview.columns = [{ width: 42 }, { width: 60 }];
  overview.addRows([
    [L.title, p.name],
    [L.fundingSource, fundingSourceLabel[p.fundingSource]],
    [L.legalBasis, p.legalBasis ?? ''],
    [L.funder, p.funder ?? ''],
    [L.owner, p.ownerAgency],
    [L.runtime, `${p.startsOn} – ${p.endsOn}`],
    [L.period, `${r.period.from} – ${r.period.to}`],
    [L.generated, r.generatedAt],
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

  const sheet = (name: string, header: string[], rows: (string | number)[][]) => {
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
  sheet(
    'Auslastung',
    [L.month, L.fundedPlaces, L.occupied],
    r.places.months.map((m) => [m.month, m.places, value(m.occupied)]),
  );
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
    [
      ...r.spending.lines.map((l) => [
        categoryLabel[l.fundingLine] ?? l.fundingLine,
        Number(l.budget),
        Number(l.spent),
        Number(l.remaining),
      ]),
      [
        L.sum,
        Number(r.spending.total.budget),
        Number(r.spending.total.spent),
        Number(r.spending.total.remaining),
      ],
    ],
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
