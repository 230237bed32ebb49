import { formatPublishedCount, type ProgrammeReport, type PublishedCount, wallTimeIn } from '@lotse/domain';

/** German labels of the funder report (the documents go to German funders and ministries). */
export const L = {
  title: 'Bericht an den Fördergeber',
  programme: 'Programm',
  fundingSource: 'Förderung',
  legalBasis: 'Rechtsgrundlage',
  funder: 'Fördergeber',
  owner: 'Federführende Stelle',
  runtime: 'Laufzeit',
  period: 'Berichtszeitraum',
  generated: 'Erstellt am',
  suppressionNote: (marker: string, threshold: number) =>
    `${marker} = anonymisiert: Fallzahl unter ${threshold} oder ein Wert, aus dem sich eine solche errechnen ließe (verdeckte Werte können auch groß sein).`,
  participants: 'Teilnehmende',
  entries: 'Eintritte im Zeitraum',
  exits: 'Austritte im Zeitraum',
  current: 'Aktuell Teilnehmende (Ende des Zeitraums)',
  total: 'Teilnehmende im Zeitraum',
  byAgency: 'Nach Stelle',
  agency: 'Stelle',
  byGender: 'Nach Geschlecht',
  byAgeGroup: 'Nach Altersgruppe (bei Eintritt)',
  byDisability: 'Nach Schwerbehinderung',
  places: 'Plätze und Auslastung',
  fundedPlaces: 'Geförderte Plätze',
  month: 'Monat',
  occupied: 'Besetzt (Monatsende)',
  averageOccupancy: 'Durchschnittliche Auslastung',
  averageDuration: 'Durchschnittliche Teilnahmedauer (Tage)',
  outcomes: 'Verbleib bei Austritt',
  earlyEnd: 'Gründe für vorzeitiges Ende',
  spending: 'Ausgaben nach Förderlinie (EUR)',
  fundingLine: 'Förderlinie',
  budget: 'Budget',
  spent: 'Ausgegeben',
  remaining: 'Verbleibend',
  sum: 'Summe',
  count: 'Anzahl',
  notAvailable: 'nicht ausgewiesen',
  notYet: 'noch nicht begonnen',
  participationChange: 'Teilhabe-Veränderung',
  participationChangeNote: (criterion: number | null) =>
    `Teilnehmende mit mindestens zwei Erhebungen derselben Perspektive im Berichtszeitraum: Veränderung von der ersten zur letzten Erhebung (Skala 0–100, höher = bessere Teilhabe). Verlässlich verbessert oder verschlechtert nach dem Reliable Change Index${criterion === null ? '' : ` (Kriterium ${String(criterion).replace('.', ',')})`}. Mittelwerte und Anteile nur für Gruppen, deren Fallzahl ausgewiesen ist.`,
  participationChangeNone:
    'Im Berichtszeitraum gibt es keine Teilnehmenden mit mindestens zwei Erhebungen derselben Perspektive.',
  instrument: 'Erhebungsbogen',
  perspective: 'Perspektive',
  dimension: 'Lebensbereich',
  assessedParticipants: 'Teilnehmende',
  meanChange: 'Mittlere Veränderung',
  improved: 'Verbessert',
  unchanged: 'Unverändert',
  worsened: 'Verschlechtert',
} as const;

export const perspectiveLabel: Record<'self' | 'professional', string> = {
  self: 'Selbsteinschätzung',
  professional: 'Fremdeinschätzung',
};

/** "12.5" -> "+12,5"; null -> "nicht ausgewiesen". */
export const germanChange = (v: number | null) =>
  v === null ? L.notAvailable : `${v > 0 ? '+' : ''}${String(v).replace('.', ',')}`;

/** A change class cell: count and share, e.g. "7 (35,0 %)", or the count (or the symbol) alone. */
export const germanShare = (s: { count: PublishedCount; percent: number | null }) =>
  s.percent === null
    ? formatPublishedCount(s.count)
    : `${formatPublishedCount(s.count)} (${s.percent.toFixed(1).replace('.', ',')} %)`;

export const fundingSourceLabel: Record<ProgrammeReport['programme']['fundingSource'], string> = {
  sgb2_16i: '§ 16i SGB II (Teilhabe am Arbeitsmarkt)',
  sgb2_16e: '§ 16e SGB II (Eingliederung von Langzeitarbeitslosen)',
  rehapro: 'rehapro (Bundesprogramm)',
  esf: 'Europäischer Sozialfonds (ESF Plus)',
  state: 'Landesmittel',
  federal: 'Bundesmittel',
  other: 'Sonstige',
};

export const categoryLabel: Record<string, string> = {
  female: 'weiblich',
  male: 'männlich',
  diverse: 'divers',
  not_stated: 'keine Angabe',
  under_25: 'unter 25 Jahre',
  '25_to_54': '25 bis 54 Jahre',
  '55_and_over': '55 Jahre und älter',
  yes: 'ja',
  no: 'nein',
  not_recorded: 'nicht erfasst',
  regular_end: 'reguläres Ende',
  employment: 'sozialversicherungspflichtige Beschäftigung',
  vocational_training: 'Ausbildung',
  other_measure: 'andere Maßnahme',
  early_end: 'vorzeitiges Ende',
  health: 'gesundheitliche Gründe',
  lack_of_participation: 'fehlende Mitwirkung',
  moved_away: 'Umzug',
  personal: 'persönliche Gründe',
  other: 'Sonstiges',
  coaching: 'Coaching',
  guidance: 'Anleitung',
  project_assistance: 'Projektassistenz',
  participant_costs: 'Teilnehmerbezogene Ausgaben',
  staff: 'Personal',
};

/** "2026-03-01" -> "01.03.2026" */
export const germanDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** "2026-11" -> "11.2026" */
export const germanMonth = (month: string) => `${month.slice(5, 7)}.${month.slice(0, 4)}`;

/** An instant as "29.11.2026, 23:37 Uhr" in the agency's time zone. */
export function germanTimeStamp(instant: string, zone: string): string {
  const w = wallTimeIn(instant, zone);
  return `${germanDate(w.date)}, ${w.time} Uhr`;
}

/** "1234.50" -> "1.234,50" */
export function germanMoney(euros: string): string {
  const negative = euros.startsWith('-');
  const [whole = '0', fraction = '00'] = (negative ? euros.slice(1) : euros).split('.');
  return `${negative ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${fraction}`;
}

type Amounts = ProgrammeReport['spending']['total'];

/** The spending table's rows: one a funding line, then the sum; `money` formats the euro amounts. */
export function spendingRows<M>(spending: ProgrammeReport['spending'], money: (euros: string) => M) {
  const row = (label: string, a: Amounts) => [label, money(a.budget), money(a.spent), money(a.remaining)];
  return [
    ...spending.lines.map((l) => row(categoryLabel[l.fundingLine] ?? l.fundingLine, l)),
    row(L.sum, spending.total),
  ];
}
