/**
 * Rows of the synthetic measurement data set: agencies of guides with realistic caseloads,
 * clients with cases (open and closed with outcomes), consents, goals, contacts, assessments (intake and
 * follow-ups with score drift and attrition) and referrals to offers of partners. Pure and
 * deterministic (seeded per agency): the same size always gives the same rows, so query plans written
 * down on one build hold on the next. Rows come out as lines of PostgreSQL's COPY text format.
 */
import { type InstrumentDefinition, type Perspective, partnerKinds, scoreAssessment } from '@lotse/domain';
import { ASSESSMENT_COLUMNS, answersFor } from '../../packages/server/src/features/demo/assessments.demo.ts';
import {
  CASE_COLUMNS,
  CLIENT_COLUMNS,
  CONTACT_COLUMNS,
  CONTACT_TYPES,
  clientSituation,
  GOAL_COLUMNS,
} from '../../packages/server/src/features/demo/casework.demo.ts';
import { demoDistricts } from '../../packages/server/src/features/demo/districts.demo.ts';
import { REFERRAL_STATUSES } from '../../packages/server/src/features/demo/network.demo.ts';
import { draws, mulberry32 } from '../../packages/server/src/features/demo/seeded-random.ts';

/** Bumped whenever the rows change: a kept data set of another version is rebuilt. */
export const GENERATOR_VERSION = 1;
/** The last migration whose schema these rows are written for; later ones are applied after the load. */
export const LOAD_SCHEMA = '019_cohort_change_single_pass';

export interface DataSetSize {
  agencies: number;
  clientsPerAgency: number;
}

export const LARGE: DataSetSize = { agencies: 20, clientsPerAgency: 25_000 };
export const SMALL: DataSetSize = { agencies: 1, clientsPerAgency: 25_000 };

/** Open cases per guide: 80-150, as in a Jobcenter's participation team. */
const CASELOAD = { min: 80, max: 150 } as const;

export const TABLES = {
  partners: [
    'id',
    'agency_id',
    'name',
    'kind',
    'contact_persons',
    'street',
    'postal_code',
    'city',
    'districts',
    'created_at',
    'updated_at',
  ],
  offers: [
    'id',
    'agency_id',
    'partner_id',
    'title',
    'description',
    'dimensions',
    'target_groups',
    'district',
    'city',
    'lat',
    'lon',
    'step_free',
    'easy_language',
    'languages',
    'capacity',
    'free_places',
    'valid_from',
    'shared',
    'created_at',
    'updated_at',
  ],
  clients: CLIENT_COLUMNS,
  cases: CASE_COLUMNS,
  case_events: ['id', 'agency_id', 'case_id', 'kind', 'at', 'actor_user_id', 'from_user_id', 'to_user_id'],
  consents: ['id', 'agency_id', 'client_id', 'purpose', 'form', 'given_on', 'recorded_by', 'recorded_at'],
  goals: GOAL_COLUMNS,
  contacts: CONTACT_COLUMNS,
  assessments: ['id', ...ASSESSMENT_COLUMNS],
  referrals: [
    'id',
    'agency_id',
    'client_id',
    'offer_id',
    'status',
    'reason',
    'feedback',
    'suggested_on',
    'referred_on',
    'started_on',
    'ended_on',
    'capacity_override',
    'created_by',
    'created_by_agency',
    'created_at',
    'updated_at',
  ],
} as const;
export type Table = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as Table[];

/** The demo's draws; uuids from four 32-bit draws (random like gen_random_uuid, but seeded). */
export function rng(seed: number) {
  const u32 = mulberry32(seed);
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return {
    ...draws(() => u32() / 4294967296),
    uuid: () => {
      const b = hex(u32());
      const c = hex(u32());
      return `${hex(u32())}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${'89ab'[c.charCodeAt(0) & 3]}${c.slice(1, 4)}-${c.slice(4)}${hex(u32())}`;
    },
  };
}
export type Rng = ReturnType<typeof rng>;

// --- COPY text format -------------------------------------------------------------------------------

type Cell = string | number | boolean | null | undefined;
const ESCAPE = /[\\\t\n\r]/g;
const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
export const esc = (s: string) => s.replace(ESCAPE, (c) => escapes[c] as string);
/** One COPY text line; strings must be escaped already where they may hold \ or control characters. */
const line = (cells: Cell[]) =>
  `${cells.map((v) => (v === null || v === undefined ? '\\N' : v)).join('\t')}\n`;
const textArray = (items: readonly string[]) => `{${items.map((i) => `"${i}"`).join(',')}}`;

// --- Dates --------------------------------------------------------------------------------------------

const DAY = 86_400_000;
const isoCache = new Map<number, string>();
/** Days since 1970-01-01 to YYYY-MM-DD (cached: a data set spans a few thousand distinct days). */
export function iso(day: number): string {
  let s = isoCache.get(day);
  if (!s) {
    s = new Date(day * DAY).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}
const at = (day: number, hour: number) => `${iso(day)} ${String(hour).padStart(2, '0')}:00:00+00`;

/** Six months after `day`, like followUpDue: the same day of the month, clamped to its last day. */
function plusMonths(day: number, months: number): number {
  const d = new Date(day * DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / DAY);
}

// --- Vocabulary ---------------------------------------------------------------------------------------

// biome-ignore format: word list
const FEMALE = [
  'Anna', 'Maria', 'Sabine', 'Petra', 'Monika', 'Claudia', 'Andrea', 'Susanne', 'Nicole', 'Stefanie',
  'Ayse', 'Fatma', 'Elif', 'Olga', 'Natalia', 'Katarzyna', 'Ewa', 'Irina', 'Svetlana', 'Hatice',
  'Birgit', 'Karin', 'Ursula', 'Renate', 'Gabriele', 'Heike', 'Martina', 'Jana', 'Melanie', 'Yasemin',
];
// biome-ignore format: word list
const MALE = [
  'Thomas', 'Michael', 'Andreas', 'Stefan', 'Frank', 'Jürgen', 'Uwe', 'Klaus', 'Peter', 'Markus',
  'Mehmet', 'Ahmet', 'Mustafa', 'Ali', 'Sergej', 'Alexander', 'Piotr', 'Tomasz', 'Dmitri', 'Hasan',
  'Dieter', 'Wolfgang', 'Ralf', 'Dirk', 'Sven', 'Jens', 'Oliver', 'Marco', 'Daniel', 'Murat',
];
// biome-ignore format: word list
const LAST = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
  'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Schmitz', 'Krause', 'Meier',
  'Lehmann', 'Schmid', 'Schulze', 'Maier', 'Köhler', 'Herrmann', 'König', 'Walter', 'Mayer', 'Huber',
  'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk', 'Kowalski', 'Nowak', 'Wiśniewski', 'Iwanow',
  'Petrow', 'Kuznezow', 'Popescu', 'Horvat', 'Nguyen', 'Haddad', 'Al-Sayed', 'Osmani', 'Berisha', 'Krasniqi',
];
/** Outcomes of closed cases, weighted like long-term unemployed, older clients. */
// biome-ignore format: word list
const OUTCOMES = [
  'stabilisation', 'stabilisation', 'stabilisation', 'employment', 'employment', 'other_employment',
  'vocational_training', 'further_education', 'rehabilitation', 'rehabilitation', 'moved_away',
  'contact_ended', 'contact_ended', 'other',
];
// biome-ignore format: word list
const NOTES: Record<string, readonly string[]> = {
  meeting: ['Gespräch zur aktuellen Situation.', 'Ziele besprochen und nächste Schritte vereinbart.', 'Fortschritte ausgewertet.'],
  phone: ['Kurzes Telefonat, Termin bestätigt.', 'Rückfrage zu Unterlagen geklärt.', 'Telefonisch nach dem Befinden gefragt.'],
  home_visit: ['Hausbesuch, Wohnsituation angeschaut.', 'Hausbesuch mit Gespräch im Familienkreis.'],
  accompaniment: ['Zur Schuldnerberatung begleitet.', 'Zum Erstgespräch beim Sportverein begleitet.'],
  letter: ['Einladung zum Gespräch verschickt.', 'Informationen zur Gesundheitsförderung zugeschickt.'],
  other: ['Fallbesprechung im Team.', 'Abstimmung mit der Netzwerkpartnerin.'],
};
// biome-ignore format: word list
const GOAL_TITLES = [
  'Regelmäßig zum Hausarzt gehen', 'Zweimal pro Woche spazieren gehen', 'Fester Tagesablauf mit Aufstehen um 8 Uhr',
  'Termin bei der Schuldnerberatung wahrnehmen', 'Haushaltsbuch führen', 'Deutschkurs B1 beginnen',
  'Mitglied im Sportverein werden', 'Angebote im Stadtteiltreff nutzen', 'Eigene Stärken aufschreiben',
  'Einen Termin allein wahrnehmen', 'Ehrenamt im Quartier ausprobieren', 'Wohnungssuche strukturiert angehen',
];
/** The agency's own partners: every kind but the pension insurance. */
const PARTNER_KINDS = partnerKinds.filter((k) => k !== 'pension_insurance');
// biome-ignore format: word list
const OFFER_TITLES = [
  'Offener Treff', 'Bewegungsgruppe', 'Schuldnerberatung', 'Sprachcafé', 'Computerkurs', 'Gesundheitskurs',
  'Ehrenamtsbörse', 'Werkstattprojekt', 'Selbsthilfegruppe', 'Familienfrühstück', 'Bewerbungswerkstatt',
];

// --- Assessments: a pool of scored templates ----------------------------------------------------------

interface Template {
  answers: string;
  scores: string;
  total: number | null;
}

/**
 * Scoring every one of millions of assessments would take an hour; instead a pool of client profiles
 * (base levels per area and a trend: most improve, some stagnate, a few worsen) is scored once per
 * step and perspective, and each client follows one profile. Scores drift over the follow-ups.
 */
export class AssessmentTemplates {
  private readonly cache = new Map<string, Template>();
  constructor(
    private readonly def: InstrumentDefinition,
    readonly profiles = 512,
  ) {}

  get(profile: number, step: number, perspective: Perspective): Template {
    const key = `${profile}:${step}:${perspective}`;
    let t = this.cache.get(key);
    if (!t) {
      const r = rng(profile * 7919 + 17);
      const trend = r.chance(0.15) ? -0.3 : r.chance(0.25) ? 0 : 0.3 + r.next() * 0.4;
      const base = new Map(this.def.dimensions.map((d) => [d.key, 1.4 + r.next() * 2.4] as const));
      const hasDuties = r.chance(0.35);
      const noise = rng(profile * 104_729 + step * 31 + (perspective === 'self' ? 7 : 0));
      const levels = new Map(
        [...base].map(([k, v]) => {
          const shift = perspective === 'self' ? (noise.next() - 0.4) * 1.2 : 0;
          return [
            k,
            Math.max(1, Math.min(5, v + trend * step + (noise.next() - 0.5) * 0.4 + shift)),
          ] as const;
        }),
      );
      const answers = answersFor(this.def, perspective, levels, noise.next, hasDuties);
      const scored = scoreAssessment(this.def, perspective, answers);
      t = {
        answers: esc(JSON.stringify(answers)),
        scores: esc(JSON.stringify(scored.dimensions)),
        total: scored.total,
      };
      this.cache.set(key, t);
    }
    return t;
  }
}

// --- One agency ---------------------------------------------------------------------------------------

export interface AgencyPlan {
  index: number;
  id: string;
  name: string;
  adminId: string;
  leadId: string;
  guides: { id: string; email: string; displayName: string }[];
}

/** Receives finished lines of one table, in batches; a returned promise holds the generator back. */
export type Emitter = (table: Table, lines: string) => Promise<void> | undefined;

export const agencyName = (index: number) => `Bench-Jobcenter ${String(index + 1).padStart(2, '0')}`;
export const guideEmail = (agency: number, guide: number) =>
  `guide-${String(guide + 1).padStart(3, '0')}@jc-${String(agency + 1).padStart(2, '0')}.bench.example`;
export const leadEmail = (agency: number) => `lead@jc-${String(agency + 1).padStart(2, '0')}.bench.example`;
export const adminEmail = (agency: number) => `admin@jc-${String(agency + 1).padStart(2, '0')}.bench.example`;

interface ClientPlan {
  openedOn: number;
  closedOn: number | null;
  earlier: { openedOn: number; closedOn: number } | null;
  guide: number;
}

/**
 * Decides each client's case periods first (how many cases stay open), so that the number of guides
 * follows from the caseloads; returns the plan and the guide count.
 */
export function planAgency(index: number, size: DataSetSize, todayDay: number) {
  const r = rng(1_000_003 * (index + 1));
  const clients: ClientPlan[] = [];
  for (let n = 0; n < size.clientsPerAgency; n++) {
    // Support started up to five years ago, more of it recently; ~40% of cases are closed.
    const openedOn = todayDay - Math.round(14 + 1810 * r.next() ** 1.25);
    const closed = openedOn < todayDay - 120 && r.chance(0.45);
    const closedOn = closed ? Math.min(todayDay - 1, openedOn + r.int(90, 900)) : null;
    // Some open cases are a second period of support after an earlier, closed one.
    const earlier =
      !closed && openedOn > todayDay - 1500 && r.chance(0.08)
        ? { openedOn: openedOn - r.int(400, 700), closedOn: openedOn - r.int(30, 200) }
        : null;
    clients.push({ openedOn, closedOn, earlier, guide: -1 });
  }
  const open = clients.filter((c) => c.closedOn === null);
  // Caseloads of 80-150: one guide per ~115 open cases, each with a random weight in 80-150; the
  // open cases are dealt out in proportion to the weights (whole numbers, remainder one by one).
  const guides = Math.max(1, Math.round(open.length / ((CASELOAD.min + CASELOAD.max) / 2)));
  const weights = Array.from({ length: guides }, () => r.int(CASELOAD.min, CASELOAD.max));
  const total = weights.reduce((x, y) => x + y, 0);
  const capacities = weights.map((w) => Math.floor((w * open.length) / total));
  for (let g = 0, left = open.length - capacities.reduce((x, y) => x + y, 0); left > 0; g++, left--)
    capacities[g % guides] = (capacities[g % guides] as number) + 1;
  const slots = capacities.flatMap((c, g) => Array.from({ length: c }, () => g));
  for (let i = slots.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [slots[i], slots[j]] = [slots[j] as number, slots[i] as number];
  }
  open.forEach((c, i) => {
    c.guide = slots[i] as number;
  });
  // Closed cases were led by a guide of the team too.
  for (const c of clients) if (c.guide < 0) c.guide = r.int(0, guides - 1);
  return { clients, guides };
}

export interface Counts {
  [table: string]: number;
}

/**
 * Emits every row of one agency's case work (after the agency and its users exist: `plan` has their
 * ids). Flushes in batches through `emit`.
 */
export async function generateAgency(
  plan: AgencyPlan,
  clients: ClientPlan[],
  ctx: {
    todayDay: number;
    instrumentId: string;
    dimensions: string[];
    templates: AssessmentTemplates;
    counts: Counts;
  },
  emit: Emitter,
) {
  const { todayDay, instrumentId, dimensions, templates, counts } = ctx;
  const r = rng(7_000_001 * (plan.index + 1));
  const a = plan.id;
  const prefix = `B${String(plan.index + 1).padStart(2, '0')}`;
  const buf = Object.fromEntries(TABLE_NAMES.map((t) => [t, [] as string[]])) as Record<Table, string[]>;
  const push = (table: Table, cells: Cell[]) => {
    buf[table].push(line(cells));
    counts[table] = (counts[table] ?? 0) + 1;
  };
  const flush = async () => {
    const waits: Promise<void>[] = [];
    for (const t of TABLE_NAMES) {
      if (buf[t].length === 0) continue;
      const wait = emit(t, buf[t].join(''));
      if (wait) waits.push(wait);
      buf[t] = [];
    }
    await Promise.all(waits);
  };
  const created = at(todayDay - 1900, 8);

  // Partners (60) and their offers (150) in the agency's districts.
  const partnerIds: string[] = [];
  for (let p = 0; p < 60; p++) {
    const d = demoDistricts[p % demoDistricts.length] as (typeof demoDistricts)[number];
    const id = r.uuid();
    partnerIds.push(id);
    const kind = PARTNER_KINDS[p % PARTNER_KINDS.length] as string;
    push('partners', [
      id,
      a,
      `Partner ${p + 1} ${d.name}`,
      kind,
      esc(
        JSON.stringify([
          { name: 'Frau Albers', role: 'Ansprechpartnerin', phone: '02302 12345', email: null },
        ]),
      ),
      `Hauptstraße ${r.int(1, 80)}`,
      String(r.int(58000, 58999)),
      d.name,
      textArray([d.key]),
      created,
      created,
    ]);
  }
  const offers: { id: string; dims: string[] }[] = [];
  for (let o = 0; o < 150; o++) {
    const d = r.pick(demoDistricts);
    const dims = [...new Set([r.pick(dimensions), ...(r.chance(0.5) ? [r.pick(dimensions)] : [])])];
    const id = r.uuid();
    offers.push({ id, dims });
    const capacity = r.chance(0.6) ? r.int(8, 40) : null;
    push('offers', [
      id,
      a,
      r.pick(partnerIds),
      `${r.pick(OFFER_TITLES)} ${d.name} ${o + 1}`,
      'Ein Angebot im Quartier für Menschen, die wieder mehr am Leben teilhaben wollen.',
      textArray(dims),
      '{}',
      d.key,
      d.name,
      d.lat + (r.next() - 0.5) * 0.03,
      d.lon + (r.next() - 0.5) * 0.045,
      r.chance(0.55),
      r.chance(0.25),
      '{de}',
      capacity,
      capacity === null ? null : r.int(0, capacity),
      iso(todayDay - r.int(30, 900)),
      r.chance(0.3),
      created,
      created,
    ]);
  }
  const offersFor = new Map(dimensions.map((k) => [k, offers.filter((o) => o.dims.includes(k))]));

  for (let n = 0; n < clients.length; n++) {
    const c = clients[n] as ClientPlan;
    const guide = plan.guides[c.guide] as AgencyPlan['guides'][number];
    const g = guide.id;
    const clientId = r.uuid();
    const female = r.chance(0.48);
    const firstName = r.pick(female ? FEMALE : MALE);
    const healthConsent = r.chance(0.6);
    const firstDay = c.earlier?.openedOn ?? c.openedOn;
    const createdAt = at(firstDay, 9);
    push('clients', [
      clientId,
      a,
      `${prefix}-${String(100_000 + n)}`,
      firstName,
      r.pick(LAST),
      iso(todayDay - r.int(25 * 365, 63 * 365)),
      r.chance(0.02) ? 'diverse' : r.chance(0.02) ? 'not_stated' : female ? 'female' : 'male',
      r.chance(0.7) ? `02${r.int(300, 399)} ${r.int(10000, 99999)}` : null,
      r.chance(0.3) ? `person.${prefix.toLowerCase()}.${n}@mail.example` : null,
      r.pick(demoDistricts).name,
      ...clientSituation(r, healthConsent),
      g,
      createdAt,
      createdAt,
    ]);
    const consent = (purpose: string) =>
      push('consents', [
        r.uuid(),
        a,
        clientId,
        purpose,
        r.pick(['written', 'written', 'oral', 'digital']),
        iso(firstDay),
        g,
        createdAt,
      ]);
    if (healthConsent) consent('processing_health_data');
    if (r.chance(0.8)) consent('self_assessment');
    if (r.chance(0.4)) consent('research');

    const periods = [
      ...(c.earlier ? [{ openedOn: c.earlier.openedOn, closedOn: c.earlier.closedOn as number | null }] : []),
      { openedOn: c.openedOn, closedOn: c.closedOn },
    ];
    const profile = r.int(0, templates.profiles - 1);
    // Some clients also fill in the questionnaire themselves, mostly alongside the professional view.
    const selfView = r.chance(0.4);
    let step = 0;
    for (const period of periods) {
      const caseId = r.uuid();
      const closed = period.closedOn !== null;
      const end = period.closedOn ?? todayDay;
      const opened = at(period.openedOn, 9);
      push('cases', [
        caseId,
        a,
        clientId,
        closed ? 'closed' : 'open',
        g,
        iso(period.openedOn),
        closed ? iso(end) : null,
        closed ? r.pick(OUTCOMES) : null,
        closed ? 'Abschluss im Gespräch vereinbart.' : null,
        opened,
      ]);
      push('case_events', [r.uuid(), a, caseId, 'opened', opened, g, null, g]);
      if (closed) push('case_events', [r.uuid(), a, caseId, 'closed', at(end, 15), g, null, null]);

      // Goals: 1-3 per period, agreed in the first weeks; due ones are reminders in the caseload.
      const goalDims: string[] = [];
      for (let k = r.int(1, 3); k > 0; k--) {
        const agreed = period.openedOn + r.int(7, 60);
        if (agreed > end) break;
        const target = agreed + r.int(30, 240);
        const dimension = r.pick(dimensions);
        goalDims.push(dimension);
        const status = closed
          ? r.pick(['achieved', 'partly_achieved', 'not_achieved', 'dropped'])
          : target < todayDay
            ? r.pick(['achieved', 'partly_achieved', 'open'])
            : 'open';
        push('goals', [
          r.uuid(),
          a,
          clientId,
          caseId,
          r.pick(GOAL_TITLES),
          dimension,
          '["Termin vereinbaren","Gemeinsam auswerten"]',
          iso(target),
          status,
          status === 'open' ? null : 'Gemeinsam ausgewertet.',
          status === 'open' ? null : iso(Math.min(target, end)),
          iso(agreed),
          g,
          at(agreed, 10),
          at(agreed, 10),
        ]);
      }

      // Contacts: every 2-6 weeks in the first three months, then every 5-14 weeks; some open cases
      // have gone quiet (caseload reminders).
      const quietSince = !closed && r.chance(0.12) ? todayDay - r.int(50, 120) : end;
      for (let day = period.openedOn; day <= quietSince; ) {
        const type = r.pick(CONTACT_TYPES);
        push('contacts', [
          r.uuid(),
          a,
          clientId,
          caseId,
          type,
          iso(day),
          type === 'letter' ? null : r.pick([15, 30, 45, 60, 90, 120]),
          r.pick(NOTES[type] as string[]),
          g,
          a,
          at(day, 11),
        ]);
        day += day - period.openedOn < 90 ? r.int(14, 42) : r.int(42, 130);
      }

      // Assessments: intake, then a follow-up every six months while the period lasts; each
      // follow-up is missed for good with 10% (attrition); most closed periods end with an exit.
      const intake = Math.min(end, period.openedOn + r.int(0, 21));
      const dates: number[] = [intake];
      for (let next = plusMonths(intake, 6) + r.int(-10, 25); next <= end && r.chance(0.95); ) {
        dates.push(next);
        next = plusMonths(next, 6) + r.int(-10, 25);
      }
      const exit = closed && r.chance(0.65) && (dates.at(-1) as number) < end;
      if (exit) dates.push(end);
      dates.forEach((day, i) => {
        const occasion = i === 0 ? 'intake' : exit && i === dates.length - 1 ? 'exit' : 'follow_up';
        const perspectives: Perspective[] =
          selfView && r.chance(i === 0 ? 0.9 : 0.7) ? ['professional', 'self'] : ['professional'];
        for (const perspective of perspectives) {
          const t = templates.get(profile, Math.min(step, 10), perspective);
          const stamp = at(day, 10);
          push('assessments', [
            r.uuid(),
            a,
            clientId,
            instrumentId,
            occasion,
            perspective,
            perspective === 'self' ? 'together' : r.chance(0.3) ? 'paper' : 'together',
            iso(day),
            'completed',
            t.answers,
            t.scores,
            t.total,
            g,
            stamp,
            stamp,
            stamp,
          ]);
        }
        step++;
      });
      // A few follow-ups begun and not finished yet.
      if (!closed && r.chance(0.02)) {
        const stamp = at(todayDay - r.int(0, 20), 10);
        push('assessments', [
          r.uuid(),
          a,
          clientId,
          instrumentId,
          'follow_up',
          'professional',
          'together',
          iso(todayDay - r.int(0, 20)),
          'draft',
          '{}',
          '[]',
          null,
          g,
          stamp,
          stamp,
          null,
        ]);
      }

      // Referrals to offers that fit a goal: about half of the periods with goals have one or two.
      for (const dimension of goalDims.slice(0, r.chance(0.5) ? 1 : r.chance(0.3) ? 2 : 0)) {
        const fitting = offersFor.get(dimension);
        const offer = fitting?.length ? r.pick(fitting) : r.pick(offers);
        const status = closed ? r.pick(['completed', 'completed', 'dropped']) : r.pick(REFERRAL_STATUSES);
        const referred = Math.min(end - 1, period.openedOn + r.int(20, 200));
        const started = ['started', 'completed', 'dropped'].includes(status)
          ? Math.min(end, referred + r.int(3, 20))
          : null;
        const ended =
          status === 'completed' || status === 'dropped'
            ? Math.min(end, (started as number) + r.int(14, 60))
            : null;
        const stamp = at(referred, 12);
        push('referrals', [
          r.uuid(),
          a,
          clientId,
          offer.id,
          status,
          status === 'dropped' ? r.pick(['Kein Interesse mehr', 'Gesundheitliche Gründe', 'Umzug']) : null,
          status === 'completed' ? 'Regelmäßig teilgenommen.' : null,
          status === 'suggested' ? iso(referred) : null,
          status === 'suggested' ? null : iso(referred),
          started === null ? null : iso(started),
          ended === null ? null : iso(ended),
          false,
          g,
          a,
          stamp,
          stamp,
        ]);
      }
    }
    if (n % 500 === 499) await flush();
  }
  await flush();
}

export const todayDayNumber = (now = new Date()) => Math.floor(now.getTime() / DAY);
