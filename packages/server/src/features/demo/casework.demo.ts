import type { Queryable } from '../../platform/db.ts';
import { addDays, today } from '../clients/date-rules.ts';
import { knownDimensionKeys } from '../instruments/dimension-keys.ts';
import { insertRows } from '../offers/bulk-insert.ts';
import { demoUsers } from './demo.repo.ts';
import type { DemoSeeder } from './demo-seeder.ts';
import { type Draws, type Rng, rng } from './seeded-random.ts';

/**
 * Synthetic case work for the demo Jobcenters: ~300 clients each with cases, consents, goals, contacts
 * and outcomes. A seeded generator makes every demo installation look the same; rows go in with
 * multi-row inserts so the whole seed stays fast on PGlite.
 */

const FEMALE = [
  'Sabine',
  'Petra',
  'Monika',
  'Andrea',
  'Claudia',
  'Susanne',
  'Birgit',
  'Anja',
  'Nicole',
  'Stefanie',
  'Katharina',
  'Julia',
  'Ayşe',
  'Fatma',
  'Elif',
  'Agnieszka',
  'Olena',
  'Nadia',
  'Renate',
  'Heike',
  'Manuela',
  'Tanja',
  'Jessica',
  'Melanie',
  'Daniela',
  'Ewa',
  'Irina',
  'Layla',
  'Christina',
  'Silke',
];
const MALE = [
  'Thomas',
  'Michael',
  'Andreas',
  'Stefan',
  'Frank',
  'Jürgen',
  'Uwe',
  'Ralf',
  'Dirk',
  'Markus',
  'Sven',
  'Daniel',
  'Mehmet',
  'Mustafa',
  'Ali',
  'Piotr',
  'Dmytro',
  'Ahmad',
  'Klaus',
  'Detlef',
  'Holger',
  'Marco',
  'Dennis',
  'Kevin',
  'Sascha',
  'Tobias',
  'Hakan',
  'Tomasz',
  'Sergej',
  'Volker',
];
const LAST = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Schmitt',
  'Werner',
  'Krause',
  'Meier',
  'Lehmann',
  'Schmid',
  'Schulze',
  'Köhler',
  'Herrmann',
  'König',
  'Walter',
  'Mayer',
  'Huber',
  'Kaiser',
  'Fuchs',
  'Peters',
  'Lang',
  'Scholz',
  'Möller',
  'Weiß',
  'Jung',
  'Hahn',
  'Yılmaz',
  'Kaya',
  'Demir',
  'Şahin',
  'Çelik',
  'Nowak',
  'Kowalski',
  'Wiśniewski',
  'Kovalenko',
  'Haddad',
  'Brinkmann',
  'Sauerland',
  'Kemper',
  'Westermann',
  'Rüther',
  'Bröcker',
  'Hülsmann',
  'Stratmann',
  'Berghoff',
];
const DISTRICTS: Record<string, readonly string[]> = {
  'Jobcenter EN (Demo)': [
    'Witten',
    'Hattingen',
    'Sprockhövel',
    'Gevelsberg',
    'Schwelm',
    'Ennepetal',
    'Breckerfeld',
    'Wetter (Ruhr)',
    'Herdecke',
  ],
  'Jobcenter Maerkischer Kreis (Demo)': [
    'Iserlohn',
    'Lüdenscheid',
    'Menden',
    'Hemer',
    'Plettenberg',
    'Werdohl',
    'Altena',
    'Meinerzhagen',
    'Halver',
    'Kierspe',
    'Neuenrade',
    'Balve',
    'Schalksmühle',
  ],
};
const LANGUAGES = ['Türkisch', 'Polnisch', 'Russisch', 'Ukrainisch', 'Arabisch'];
const HOUSEHOLDS = [
  'single',
  'single',
  'single',
  'couple',
  'single_parent',
  'family',
  'shared',
  'other',
] as const;
/**
 * A client's household, benefit, language, interpreter and health columns (in `CLIENT_COLUMNS`
 * order), drawn alike for the demo and the benchmark data set.
 */
export const clientSituation = (r: Draws, healthConsent: boolean) =>
  [
    r.pick(HOUSEHOLDS),
    r.chance(0.9) ? 'sgb2' : r.pick(['sgb12', 'sgb6']),
    r.chance(0.15) ? r.pick(LANGUAGES) : null,
    r.chance(0.05),
    healthConsent ? r.chance(0.22) : null,
    healthConsent ? r.chance(0.1) : null,
  ] as const;
/** Outcomes of closed cases, weighted like long-term unemployed, older clients (PRO AKTIV-like). */
const OUTCOMES = [
  'employment',
  'employment',
  'other_employment',
  'other_employment',
  'vocational_training',
  'further_education',
  'rehabilitation',
  'rehabilitation',
  'stabilisation',
  'stabilisation',
  'stabilisation',
  'moved_away',
  'contact_ended',
  'contact_ended',
  'other',
] as const;
/** Kinds of contact, weighted: mostly meetings and calls (the benchmark data set uses them too). */
export const CONTACT_TYPES = [
  'meeting',
  'meeting',
  'meeting',
  'phone',
  'phone',
  'home_visit',
  'accompaniment',
  'letter',
  'other',
] as const;
const NOTES: Record<string, readonly string[]> = {
  meeting: [
    'Gespräch zur aktuellen Situation, Ziele besprochen.',
    'Erhebungsbogen gemeinsam ausgefüllt.',
    'Bewerbungsunterlagen überarbeitet.',
    'Über Angebote im Quartier gesprochen, Interesse am Sportverein.',
    'Rückblick auf die letzten Wochen, Motivation gut.',
    'Schulden angesprochen, Termin Schuldnerberatung angeregt.',
  ],
  phone: [
    'Kurzes Telefonat, Termin verschoben.',
    'Nachgefragt, wie das Probetraining war.',
    'Rückruf wegen Unterlagen für die Reha.',
    'Erinnerung an den Termin beim Hausarzt.',
  ],
  home_visit: [
    'Hausbesuch, Wohnsituation angeschaut, Unterstützung beim Ausfüllen von Anträgen.',
    'Hausbesuch, Klient wirkte niedergeschlagen; Kontakt zur Beratungsstelle angeboten.',
  ],
  accompaniment: [
    'Begleitung zur Selbsthilfegruppe.',
    'Begleitung zum ersten Termin beim Träger.',
    'Begleitung zur Schuldnerberatung.',
  ],
  letter: ['Einladung zum Gespräch verschickt.', 'Informationen zur Gesundheitsförderung zugeschickt.'],
  other: ['Fallbesprechung im Team.', 'Abstimmung mit der Netzwerkpartnerin.'],
};
const GOALS: Record<string, readonly string[]> = {
  health: ['Regelmäßig zum Hausarzt gehen', 'Zweimal pro Woche spazieren gehen', 'Rauchen reduzieren'],
  social_contact: [
    'Einmal pro Woche die Selbsthilfegruppe besuchen',
    'Kontakt zur Schwester wieder aufnehmen',
  ],
  daily_structure: ['Fester Tagesablauf mit Aufstehen um 8 Uhr', 'Wochenplan führen'],
  finances: ['Termin bei der Schuldnerberatung wahrnehmen', 'Haushaltsbuch führen'],
  housing: [
    'Wohnungsangelegenheiten mit dem Vermieter klären',
    'Anträge für Wohngeld vollständig einreichen',
  ],
  education: ['Deutschkurs B1 beginnen', 'Computerkurs an der VHS besuchen'],
  leisure_culture: ['Mitglied im Sportverein werden', 'Angebote im Stadtteiltreff nutzen'],
  self_efficacy: ['Eigene Stärken aufschreiben', 'Einen Termin allein wahrnehmen'],
  belonging: ['Ehrenamt im Quartier ausprobieren'],
  family_care: ['Entlastung bei der Pflege der Mutter organisieren'],
};
const FALLBACK_GOALS = ['Teilhabeziel gemeinsam konkretisieren', 'Nächsten Schritt vereinbaren'];

/** Columns of the case work tables in the order the rows list them (the benchmark data set uses them too). */
export const CLIENT_COLUMNS = [
  'id',
  'agency_id',
  'client_number',
  'first_name',
  'last_name',
  'birth_date',
  'gender',
  'phone',
  'email',
  'district',
  'household',
  'legal_context',
  'preferred_language',
  'interpreter_needed',
  'severe_disability',
  'reduced_earning_capacity',
  'created_by',
  'created_at',
  'updated_at',
] as const;
export const CASE_COLUMNS = [
  'id',
  'agency_id',
  'client_id',
  'status',
  'guide_user_id',
  'opened_on',
  'closed_on',
  'outcome',
  'closure_reason',
  'created_at',
] as const;
export const GOAL_COLUMNS = [
  'id',
  'agency_id',
  'client_id',
  'case_id',
  'title',
  'dimension',
  'steps',
  'target_date',
  'status',
  'review',
  'reviewed_on',
  'agreed_on',
  'created_by',
  'created_at',
  'updated_at',
] as const;
export const CONTACT_COLUMNS = [
  'id',
  'agency_id',
  'client_id',
  'case_id',
  'type',
  'contact_date',
  'duration_minutes',
  'note',
  'author_user_id',
  'author_agency_id',
  'created_at',
] as const;

const CASE_EVENT_COLUMNS = [
  'id',
  'agency_id',
  'case_id',
  'kind',
  'at',
  'actor_user_id',
  'from_user_id',
  'to_user_id',
  'partner_agency_id',
];
const CONSENT_COLUMNS = [
  'id',
  'agency_id',
  'client_id',
  'purpose',
  'partner_agency_id',
  'form',
  'given_on',
  'recorded_by',
  'recorded_at',
];
const SHARE_COLUMNS = [
  'id',
  'agency_id',
  'client_id',
  'partner_agency_id',
  'consent_id',
  'shared_by',
  'created_at',
];

/** Inserts rows in chunks; one statement per chunk keeps round trips few and parameters under the limit. */
const insertMany = (tx: Queryable, table: string, columns: readonly string[], rows: unknown[][]) =>
  insertRows(tx, table, columns.join(', '), rows);

interface Tables {
  clients: unknown[][];
  cases: unknown[][];
  events: unknown[][];
  consents: unknown[][];
  shares: unknown[][];
  goals: unknown[][];
  contacts: unknown[][];
}

function generateAgency(
  r: Rng,
  t: Tables,
  a: { id: string; prefix: string; districts: readonly string[]; guides: string[]; drvId?: string },
  dimensions: string[],
  now: Date,
  count: number,
) {
  const todayIso = today(now);
  for (let n = 1; n <= count; n++) {
    const female = r.chance(0.48);
    const gender = r.chance(0.02) ? 'diverse' : r.chance(0.02) ? 'not_stated' : female ? 'female' : 'male';
    const firstName = r.pick(female ? FEMALE : MALE);
    const lastName = r.pick(LAST);
    const age = r.int(25, 63);
    const birthDate = addDays(`${now.getUTCFullYear() - age}-01-01`, r.int(0, 364));
    const guide = a.guides[n % a.guides.length] as string;
    const clientId = r.uuid();
    const openedOn = addDays(todayIso, -r.int(14, 720));
    const closed = r.chance(0.28) && openedOn < addDays(todayIso, -120);
    const healthConsent = r.chance(0.6);
    const createdAt = new Date(`${openedOn}T09:00:00Z`);
    t.clients.push([
      clientId,
      a.id,
      `${a.prefix}-${String(100000 + n)}`,
      firstName,
      lastName,
      birthDate,
      gender,
      r.chance(0.7) ? `02${r.int(300, 399)} ${r.int(10000, 99999)}` : null,
      r.chance(0.3) ? `${firstName.toLowerCase().replace(/[^a-z]/g, '')}.${n}@mail.example` : null,
      r.pick(a.districts),
      ...clientSituation(r, healthConsent),
      guide,
      createdAt,
    ]);
    const caseId = r.uuid();
    const closedOn = closed ? addDays(openedOn, r.int(90, 600)) : null;
    const closedOnCapped = closedOn && closedOn > todayIso ? todayIso : closedOn;
    t.cases.push([
      caseId,
      a.id,
      clientId,
      closed ? 'closed' : 'open',
      guide,
      openedOn,
      closedOnCapped,
      closed ? r.pick(OUTCOMES) : null,
      closed ? 'Abschluss im Gespräch vereinbart.' : null,
      createdAt,
    ]);
    t.events.push([r.uuid(), a.id, caseId, 'opened', createdAt, guide, null, guide, null]);
    if (closedOnCapped) {
      t.events.push([
        r.uuid(),
        a.id,
        caseId,
        'closed',
        new Date(`${closedOnCapped}T15:00:00Z`),
        guide,
        null,
        null,
        null,
      ]);
    }
    const consent = (purpose: string, partner: string | null = null) => {
      const id = r.uuid();
      t.consents.push([
        id,
        a.id,
        clientId,
        purpose,
        partner,
        r.pick(['written', 'written', 'oral', 'digital']),
        openedOn,
        guide,
        createdAt,
      ]);
      return id;
    };
    if (healthConsent) consent('processing_health_data');
    if (r.chance(0.8)) consent('self_assessment');
    if (r.chance(0.4)) consent('research');
    // PRO AKTIV: some cases run jointly with the pension insurance, with the client's consent.
    if (a.drvId && !closed && r.chance(0.08)) {
      const consentId = consent('sharing', a.drvId);
      t.shares.push([r.uuid(), a.id, clientId, a.drvId, consentId, guide, createdAt]);
      t.events.push([r.uuid(), a.id, caseId, 'shared', createdAt, guide, null, null, a.drvId]);
    }
    const end = closedOnCapped ?? todayIso;
    for (let g = r.int(1, 3); g > 0; g--) {
      const dimension = r.pick(dimensions);
      const family = Object.keys(GOALS).find((k) => dimension.startsWith(k));
      const agreedOn = addDays(openedOn, r.int(7, 60));
      if (agreedOn > end) break;
      const target = addDays(agreedOn, r.int(30, 240));
      const status = closed
        ? r.pick(['achieved', 'partly_achieved', 'not_achieved', 'dropped'])
        : target < todayIso
          ? r.pick(['achieved', 'partly_achieved', 'open'])
          : 'open';
      t.goals.push([
        r.uuid(),
        a.id,
        clientId,
        caseId,
        r.pick(family ? (GOALS[family] as string[]) : FALLBACK_GOALS),
        dimension,
        JSON.stringify(['Termin vereinbaren', 'Gemeinsam auswerten']),
        target,
        status,
        status === 'open' ? null : 'Gemeinsam ausgewertet.',
        status === 'open' ? null : [target, end].sort()[0],
        agreedOn,
        guide,
        new Date(`${agreedOn}T10:00:00Z`),
      ]);
    }
    // Contacts every few weeks; some open cases have gone quiet for a while (caseload reminders).
    const quiet = !closed && r.chance(0.12);
    const lastContact = quiet ? addDays(todayIso, -r.int(50, 120)) : end;
    let day = openedOn;
    while (day <= lastContact) {
      const type = r.pick(CONTACT_TYPES);
      t.contacts.push([
        r.uuid(),
        a.id,
        clientId,
        caseId,
        type,
        day,
        type === 'letter' ? null : r.pick([15, 30, 45, 60, 90, 120]),
        r.pick(NOTES[type] as string[]),
        guide,
        a.id,
        new Date(`${day}T11:00:00Z`),
      ]);
      day = addDays(day, r.int(10, 45));
    }
  }
}

export const seedCasework: DemoSeeder = async (tx, now, agencies) => {
  const r = rng(4_2026);
  const users = await demoUsers(tx);
  const userId = (email: string) => users.find((u) => u.email === email)?.id as string;
  const dimensions = [...(await knownDimensionKeys(tx))].sort();
  if (dimensions.length === 0) dimensions.push('health');
  const t: Tables = { clients: [], cases: [], events: [], consents: [], shares: [], goals: [], contacts: [] };
  const en = agencies.get('Jobcenter EN (Demo)');
  const mk = agencies.get('Jobcenter Maerkischer Kreis (Demo)');
  const drv = agencies.get('DRV Westfalen (Demo)');
  if (en) {
    generateAgency(
      r,
      t,
      {
        id: en,
        prefix: 'EN',
        districts: DISTRICTS['Jobcenter EN (Demo)'] as string[],
        guides: [userId('lotse@jc-en.example'), userId('lotse2@jc-en.example')],
        ...(drv ? { drvId: drv } : {}),
      },
      dimensions,
      now,
      300,
    );
  }
  if (mk) {
    generateAgency(
      r,
      t,
      {
        id: mk,
        prefix: 'MK',
        districts: DISTRICTS['Jobcenter Maerkischer Kreis (Demo)'] as string[],
        guides: [userId('lotse@jc-mk.example')],
        ...(drv ? { drvId: drv } : {}),
      },
      dimensions,
      now,
      300,
    );
  }
  // Clients and goals are updated when they are created.
  const tables: [table: string, columns: readonly string[], rows: unknown[][]][] = [
    ['clients', CLIENT_COLUMNS, t.clients.map((c) => [...c, c[c.length - 1]])],
    ['cases', CASE_COLUMNS, t.cases],
    ['case_events', CASE_EVENT_COLUMNS, t.events],
    ['consents', CONSENT_COLUMNS, t.consents],
    ['case_shares', SHARE_COLUMNS, t.shares],
    ['goals', GOAL_COLUMNS, t.goals.map((g) => [...g, g[g.length - 1]])],
    ['contacts', CONTACT_COLUMNS, t.contacts],
  ];
  for (const [table, columns, rows] of tables) await insertMany(tx, table, columns, rows);
};
