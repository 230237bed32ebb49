import type { ClientView, ConsentView, GoalView } from '@lotse/domain';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { box, germanDate } from '../instruments/pdf.ts';
import type { ClientRecord } from './client-export.ts';
import { de } from './pdf-labels.ts';
import { recordSections } from './record-pdf-sections.ts';

const h1 = (text: string): Content => ({ text, fontSize: 15, bold: true, margin: [0, 0, 0, 8] });
const h2 = (text: string): Content => ({ text, fontSize: 11, bold: true, margin: [0, 10, 0, 4] });
const p = (text: string, extra: Record<string, unknown> = {}): Content => ({
  text,
  margin: [0, 0, 0, 5],
  ...extra,
});
const signatureLines = (left: string, right: string): Content => ({
  columns: [
    { stack: [{ text: '\n\n______________________________' }, { text: left, fontSize: 8 }] },
    { stack: [{ text: '\n\n______________________________' }, { text: right, fontSize: 8 }] },
  ],
  margin: [0, 16, 0, 0],
});
const footer = (title: string) => (page: number, pages: number) => ({
  text: `${title} · Seite ${page} von ${pages}`,
  alignment: 'center' as const,
  fontSize: 7,
  margin: [0, 20, 0, 0] as [number, number, number, number],
});
const personLine = (c: ClientView) =>
  `${c.firstName} ${c.lastName}, geboren am ${germanDate(c.birthDate)} (Kundennummer ${c.clientNumber})`;

/**
 * The printable consent form, in German or easy language (Leichte Sprache): one box per purpose, a
 * line for the partner agency, the right to withdraw, signatures. Filled in by hand and kept on file.
 */
export function consentFormDocument(
  client: ClientView,
  agencyName: string,
  language: 'de' | 'de-LS',
): TDocumentDefinitions {
  const L = language === 'de-LS' ? de.consentEasy : de.consent;
  const purposes = Object.entries(L.purposes).map(
    ([, text]): Content => ({ columns: [box(), { text, width: '*' }], columnGap: 6, margin: [0, 3, 0, 3] }),
  );
  return {
    info: { title: L.title },
    defaultStyle: { font: 'Helvetica', fontSize: language === 'de-LS' ? 12 : 10, lineHeight: 1.25 },
    footer: footer(L.title),
    content: [
      h1(L.title),
      p(`${L.agency}: ${agencyName}`),
      p(`${L.person}: ${personLine(client)}`),
      ...L.intro.map((t) => p(t)),
      h2(L.purposesHeading),
      ...purposes,
      p(`${L.partner}: ____________________________________________`, { margin: [16, 6, 0, 8] }),
      h2(L.formHeading),
      {
        columns: [
          { columns: [box(), { text: L.written }], columnGap: 4 },
          { columns: [box(), { text: L.oral }], columnGap: 4 },
          { columns: [box(), { text: L.digital }], columnGap: 4 },
        ],
        margin: [0, 2, 0, 8],
      },
      h2(L.withdrawalHeading),
      ...L.withdrawal.map((t) => p(t)),
      signatureLines(L.signClient, L.signStaff),
    ],
  };
}

/** The goal agreement for the client to keep: open goals with steps and target dates, signatures. */
export function goalAgreementDocument(
  client: ClientView,
  goals: GoalView[],
  dimensionTitle: (key: string) => string,
) {
  const L = de.goals;
  const open = goals.filter((g) => g.status === 'open');
  const guide = client.cases[0]?.guide?.displayName ?? '';
  const doc: TDocumentDefinitions = {
    info: { title: L.title },
    defaultStyle: { font: 'Helvetica', fontSize: 10, lineHeight: 1.25 },
    footer: footer(L.title),
    content: [
      h1(L.title),
      p(personLine(client)),
      guide ? p(`${L.guide}: ${guide}`) : '',
      p(L.intro),
      ...(open.length === 0 ? [p(L.none)] : []),
      ...open.flatMap((g, i): Content[] => [
        h2(`${L.goal} ${i + 1}: ${g.title}`),
        p(
          `${L.dimension}: ${dimensionTitle(g.dimension)} · ${L.agreedOn} ${germanDate(g.agreedOn)} · ${L.targetDate} ${germanDate(g.targetDate)}`,
        ),
        ...(g.steps.length > 0
          ? [{ text: `${L.steps}:`, bold: true }, { ul: g.steps, margin: [0, 2, 0, 6] } as Content]
          : []),
      ]),
      signatureLines(L.signClient, L.signStaff),
    ],
  };
  return doc;
}

const label = (group: Record<string, string>, key: string | null | undefined) =>
  key ? (group[key] ?? key) : '-';

/** The full record as PDF (GDPR Art. 15), next to the JSON export: the same sections. */
export function recordDocument(r: ClientRecord): TDocumentDefinitions {
  const L = de.record;
  const c = r.client;
  const rows = (pairs: [string, string | null | undefined][]): Content => ({
    table: {
      widths: [150, '*'],
      body: pairs.map(([k, v]) => [{ text: k, bold: true }, { text: v ?? '-' }]),
    },
    layout: 'lightHorizontalLines',
    margin: [0, 2, 0, 8],
  });
  const consentRow = (k: ConsentView) => [
    label(de.purposes, k.purpose) + (k.partnerAgency ? ` (${k.partnerAgency.name})` : ''),
    label(de.forms, k.form),
    germanDate(k.date),
    k.withdrawnAt ? `${L.withdrawn} ${germanDate(k.withdrawnAt)}` : L.active,
  ];
  const table = (header: string[], body: string[][]): Content => ({
    table: {
      headerRows: 1,
      widths: header.map((_, i) => (i === 0 ? '*' : 'auto')),
      body: [header.map((h) => ({ text: h, bold: true })), ...body],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 2, 0, 8],
  });
  return {
    info: { title: L.title },
    defaultStyle: { font: 'Helvetica', fontSize: 9 },
    footer: footer(L.title),
    content: [
      h1(L.title),
      p(`${L.exportedAt}: ${germanDate(r.exportedAt)}`),
      h2(L.masterData),
      rows([
        [L.name, `${c.firstName} ${c.lastName}`],
        [L.clientNumber, c.clientNumber],
        [L.birthDate, germanDate(c.birthDate)],
        [L.gender, label(de.genders, c.gender)],
        [L.district, c.district],
        [L.phone, c.phone],
        [L.email, c.email],
        [L.address, c.address],
        [L.language, c.preferredLanguage],
        [L.household, label(de.households, c.household)],
        [L.legalContext, label(de.legalContexts, c.legalContext)],
        ...('severeDisability' in c
          ? ([
              [L.severeDisability, c.severeDisability === null ? '-' : c.severeDisability ? 'ja' : 'nein'],
              [
                L.reducedEarningCapacity,
                c.reducedEarningCapacity === null ? '-' : c.reducedEarningCapacity ? 'ja' : 'nein',
              ],
            ] as [string, string][])
          : []),
      ]),
      h2(L.cases),
      table(
        [L.openedOn, L.closedOn, L.guide, L.outcome],
        c.cases.map((k) => [
          germanDate(k.openedOn),
          k.closedOn ? germanDate(k.closedOn) : '-',
          k.guide?.displayName ?? '-',
          label(de.outcomes, k.outcome),
        ]),
      ),
      h2(L.consents),
      r.consents.length ? table([L.purpose, L.form, L.date, L.state], r.consents.map(consentRow)) : p('-'),
      h2(L.goals),
      r.goals.length
        ? table(
            [L.goal, L.dimension, L.targetDate, L.state],
            r.goals.map((g) => [
              g.title,
              g.dimension,
              germanDate(g.targetDate),
              label(de.goalStatuses, g.status),
            ]),
          )
        : p('-'),
      h2(L.contacts),
      r.contacts.length
        ? table(
            [L.date, L.type, L.minutes, L.note],
            r.contacts.map((k) => [
              germanDate(k.date),
              label(de.contactTypes, k.type),
              k.durationMinutes === null ? '-' : String(k.durationMinutes),
              k.note ?? '',
            ]),
          )
        : p('-'),
      ...recordSections(r),
    ],
  };
}
