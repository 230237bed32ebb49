import type { Content } from 'pdfmake/interfaces';
import { germanDate } from '../instruments/pdf.ts';
import type { ClientRecord } from './client-export.ts';
import { de } from './pdf-labels.ts';

const L = de.record;
const label = (group: Record<string, string>, key: string | null | undefined) =>
  key ? (group[key] ?? key) : '-';
const berlin = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  dateStyle: 'medium',
  timeStyle: 'short',
});
const dateTime = (iso: string) => berlin.format(new Date(iso));
const h2 = (text: string): Content => ({ text, fontSize: 11, bold: true, margin: [0, 10, 0, 4] });
const none: Content = { text: '-', margin: [0, 0, 0, 5] };
const value = (v: unknown) => (v === null ? '-' : v === true ? L.yes : v === false ? L.no : String(v));
const answerLine = (answers: Record<string, unknown>) =>
  Object.entries(answers)
    .map(([k, v]) => `${k}: ${value(v)}`)
    .join(', ');

/** A table with a bold header row; the first column takes the remaining width. */
export function table(header: string[], body: string[][], widths?: (number | string)[]): Content {
  return {
    table: {
      headerRows: 1,
      widths: widths ?? header.map((_, i) => (i === 0 ? '*' : 'auto')),
      body: [header.map((h) => ({ text: h, bold: true })), ...body],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 2, 0, 8],
  };
}

const section = (title: string, rows: string[][], header: string[], widths?: (number | string)[]) => [
  h2(title),
  rows.length ? table(header, rows, widths) : none,
];

/**
 * The parts of the Art. 15 record beyond master data, consents, goals and contacts: case history,
 * recipients, assessments with answers and corrections, self-assessment links, referrals, enrolments
 * and the access log.
 */
export function recordSections(r: ClientRecord): Content[] {
  const events = r.client.cases.flatMap((c) =>
    c.events.map((e) => [
      dateTime(e.at),
      label(de.caseEvents, e.kind) + (e.partnerAgency ? ` (${e.partnerAgency.name})` : ''),
      e.actor?.displayName ?? '-',
      e.reason ?? '',
    ]),
  );
  const assessments: Content[] = r.assessments.flatMap((a): Content[] => [
    {
      text: `${germanDate(a.date)} · ${a.instrumentKey} v${a.instrumentVersion} · ${label(de.perspectives, a.perspective)} · ${L.total}: ${value(a.totalScore)}`,
      bold: true,
      margin: [0, 4, 0, 2],
    },
    { text: `${L.answers}: ${answerLine(a.answers) || '-'}`, margin: [0, 0, 0, 2] },
    ...a.amendments.map(
      (m): Content => ({
        text: `${L.amendment} ${dateTime(m.amendedAt)} (${m.amendedBy?.name ?? '-'}): ${m.reason}. ${L.previousAnswers}: ${answerLine(m.previousAnswers)}`,
        margin: [8, 0, 0, 2],
      }),
    ),
  ]);
  return [
    ...section(L.caseHistory, events, [L.at, L.event, L.by, L.reason], [80, 120, 100, '*']),
    ...section(
      L.shares,
      r.shares.map((s) => [
        s.recipient.name,
        germanDate(s.since),
        s.endedAt ? germanDate(s.endedAt) : '-',
        s.sharedBy?.displayName ?? '-',
      ]),
      [L.recipient, L.since, L.until, L.by],
    ),
    h2(L.assessments),
    ...(assessments.length ? assessments : [none]),
    ...section(
      L.selfAssessmentLinks,
      r.selfAssessmentLinks.map((l) => [
        dateTime(l.createdAt),
        dateTime(l.expiresAt),
        l.completedAt ? dateTime(l.completedAt) : '-',
        answerLine(l.draftAnswers),
      ]),
      [L.created, L.validUntil, L.submitted, L.draft],
      [80, 80, 80, '*'],
    ),
    ...section(
      L.referrals,
      r.referrals.map((x) => [
        `${x.offer.title}${x.offer.partnerName ? ` (${x.offer.partnerName})` : ''}`,
        label(de.referralStatuses, x.status),
        germanDate(x.createdAt),
        [x.reason, x.note, x.feedback && `${L.feedback}: ${x.feedback}`].filter(Boolean).join(' · '),
      ]),
      [L.offer, L.state, L.date, `${L.reason} / ${L.note}`],
      [120, 60, 55, '*'],
    ),
    ...section(
      L.referralFeedbackLinks,
      r.referralFeedbackLinks.map((l) => [
        dateTime(l.createdAt),
        dateTime(l.expiresAt),
        l.usedAt ? dateTime(l.usedAt) : '-',
        l.revokedAt ? dateTime(l.revokedAt) : '-',
      ]),
      [L.created, L.validUntil, L.used, L.revoked],
      [80, 80, 80, '*'],
    ),
    ...section(
      L.enrolments,
      r.enrolments.map((e) => [
        e.programme.name,
        label(de.enrolmentStatuses, e.status),
        e.entryDate ? germanDate(e.entryDate) : '-',
        e.exitDate ? germanDate(e.exitDate) : '-',
        [
          e.employer && `${L.employer}: ${e.employer}`,
          e.project && `${L.project}: ${e.project}`,
          e.overbookingReason && `${L.overbooking}: ${e.overbookingReason}`,
          ...e.expenditures.map(
            (x) => `${L.expenditures}: ${germanDate(x.bookedOn)} ${x.amount} € (${x.reference})`,
          ),
        ]
          .filter(Boolean)
          .join(' · '),
      ]),
      [L.programme, L.state, L.entry, L.exit, L.note],
      [110, 60, 50, 50, '*'],
    ),
    ...section(
      L.accessLog,
      r.accessLog.map((x) => [
        dateTime(x.at),
        x.actor?.displayName ?? '-',
        (x.actor?.roles ?? []).map((role) => label(de.roles, role)).join(', '),
        x.agency?.name ?? '-',
        x.action,
      ]),
      [L.at, L.person, L.role, L.agency, L.action],
      [80, 90, 70, '*', 90],
    ),
  ];
}
