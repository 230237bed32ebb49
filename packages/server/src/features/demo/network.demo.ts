import type { PartnerKind, TargetGroup } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import { addDays, today } from '../clients/date-rules.ts';
import { insertRows } from '../offers/bulk-insert.ts';
import { minimalPdf } from '../offers/minimal-pdf.ts';
import type { DemoSeeder } from './demo-seeder.ts';
import { demoDistricts } from './districts.demo.ts';
import { type Rng, rng } from './seeded-random.ts';

/**
 * Demo network: 65 partners and 130 offers across the districts of both demo Jobcenters (a third
 * published to the shared directory), 10 events, 8 publications with files, and referrals for some
 * demo clients with open goals. Deterministic (seeded generator) and inserted with multi-row statements.
 */

const PARTNER_NAMES: Record<PartnerKind, readonly string[]> = {
  welfare: [
    'AWO Ortsverein {d}',
    'Caritasverband {d}',
    'Diakonie {d}',
    'DRK Ortsverein {d}',
    'Paritätisches Zentrum {d}',
  ],
  sports: ['TuS {d} 1890', 'SV Blau-Weiß {d}', 'Turnverein {d} 1880'],
  self_help: ['Selbsthilfe-Kontaktstelle {d}', 'Selbsthilfegruppen {d}'],
  counselling: ['Beratungsstelle Lebenswege {d}', 'Schuldner- und Insolvenzberatung {d}'],
  training: ['Bildungswerk {d}', 'Volkshochschule {d}', 'Werkstatt Neustart {d}'],
  employer: [
    'Logistik Ruhr-Sauerland GmbH ({d})',
    'Metallbau Kranz GmbH ({d})',
    'Pflegedienst Sonnenschein ({d})',
  ],
  health: ['Sozialpsychiatrischer Dienst {d}', 'Gesundheitstreff {d}'],
  municipal: ['Quartiersbüro {d}', 'Stadtbibliothek {d}', 'Familienbüro der Stadt {d}'],
  pension_insurance: ['DRV Westfalen – Beratungsstelle {d}'],
  other: ['Bürgerstiftung {d}'],
};
const KIND_CYCLE: PartnerKind[] = [
  'welfare',
  'sports',
  'welfare',
  'self_help',
  'counselling',
  'training',
  'employer',
  'health',
  'municipal',
  'welfare',
  'training',
  'pension_insurance',
  'sports',
  'municipal',
  'other',
];
const CONTACT_NAMES = [
  'Frau Albers',
  'Herr Yıldız',
  'Frau Nowak',
  'Herr Schulte',
  'Frau Petrenko',
  'Herr Brinkmann',
  'Frau Haddad',
  'Herr Kowalski',
];
const ROLES = ['Koordination', 'Sozialberatung', 'Ehrenamtskoordination', 'Personal', 'Kursleitung'];

interface Template {
  title: string;
  dims: string[];
  kinds: PartnerKind[];
  groups: TargetGroup[];
  description: string;
  schedule: string;
  capacity: [number, number] | null;
  cost?: number;
}
const TEMPLATES: Template[] = [
  {
    title: 'Seniorentreff {d}',
    dims: ['social_contacts', 'leisure_culture'],
    kinds: ['welfare'],
    groups: ['older_people'],
    description: 'Offener Treff mit Frühstück, Spielen und Ausflügen für ältere Menschen.',
    schedule: 'dienstags und donnerstags 10–13 Uhr',
    capacity: [15, 30],
  },
  {
    title: 'Erzählcafé {d}',
    dims: ['social_contacts', 'belonging'],
    kinds: ['welfare', 'municipal'],
    groups: ['everyone'],
    description: 'Bei Kaffee und Kuchen Geschichten aus dem Stadtteil teilen und neue Leute kennenlernen.',
    schedule: 'jeden 1. Mittwoch im Monat 15–17 Uhr',
    capacity: null,
  },
  {
    title: 'Nachbarschaftshilfe {d}',
    dims: ['social_contacts', 'housing', 'daily_structure'],
    kinds: ['welfare'],
    groups: ['older_people', 'health_restrictions'],
    description: 'Ehrenamtliche helfen beim Einkauf, bei Wegen und kleinen Dingen im Alltag.',
    schedule: 'nach Absprache',
    capacity: [5, 12],
  },
  {
    title: 'Schuldnerberatung {d}',
    dims: ['finances'],
    kinds: ['counselling', 'welfare'],
    groups: ['everyone'],
    description: 'Kostenlose Beratung bei Schulden, Haushaltsplan und Verhandlungen mit Gläubigern.',
    schedule: 'Termine nach Vereinbarung, offene Sprechstunde montags 9–12 Uhr',
    capacity: [4, 10],
  },
  {
    title: 'Sozialberatung {d}',
    dims: ['support_system', 'finances', 'housing'],
    kinds: ['welfare', 'counselling'],
    groups: ['everyone'],
    description: 'Hilfe bei Anträgen, Bescheiden und Fragen zu Leistungen.',
    schedule: 'Mo–Do 9–12 Uhr',
    capacity: null,
  },
  {
    title: 'Wohnungsnotfallhilfe {d}',
    dims: ['housing'],
    kinds: ['welfare'],
    groups: ['everyone'],
    description: 'Unterstützung bei drohendem Wohnungsverlust und bei der Wohnungssuche.',
    schedule: 'Mo–Fr 8–16 Uhr',
    capacity: [3, 8],
  },
  {
    title: 'Selbsthilfegruppe Depression {d}',
    dims: ['health', 'self_efficacy'],
    kinds: ['self_help'],
    groups: ['health_restrictions'],
    description: 'Austausch unter Betroffenen in geschütztem Rahmen.',
    schedule: 'alle zwei Wochen montags 18 Uhr',
    capacity: [6, 12],
  },
  {
    title: 'Selbsthilfegruppe Sucht {d}',
    dims: ['health'],
    kinds: ['self_help'],
    groups: ['health_restrictions'],
    description: 'Gesprächsgruppe für Menschen mit Suchterfahrung und Angehörige.',
    schedule: 'mittwochs 19 Uhr',
    capacity: [8, 14],
  },
  {
    title: 'Bewegungsgruppe 55+ {d}',
    dims: ['health', 'daily_structure', 'leisure_culture'],
    kinds: ['sports'],
    groups: ['older_people'],
    description: 'Sanfte Gymnastik und Spaziergänge in der Gruppe, ohne Vorkenntnisse.',
    schedule: 'montags 10 Uhr',
    capacity: [10, 20],
    cost: 0,
  },
  {
    title: 'Walking-Treff {d}',
    dims: ['health', 'social_contacts'],
    kinds: ['sports'],
    groups: ['everyone'],
    description: 'Gemeinsames Walking im Park, Stöcke werden gestellt.',
    schedule: 'samstags 9 Uhr',
    capacity: null,
    cost: 0,
  },
  {
    title: 'Frauenfrühstück {d}',
    dims: ['social_contacts', 'belonging'],
    kinds: ['welfare', 'municipal'],
    groups: ['women', 'migrants'],
    description: 'Frühstück und Austausch für Frauen aus dem Stadtteil, Kinderbetreuung möglich.',
    schedule: 'freitags 9–11 Uhr',
    capacity: [12, 20],
  },
  {
    title: 'Treff für Alleinerziehende {d}',
    dims: ['family_care', 'social_contacts'],
    kinds: ['welfare', 'municipal'],
    groups: ['single_parents'],
    description: 'Austausch, Tipps und Kinderbetreuung während des Treffens.',
    schedule: 'jeden 2. Samstag 10–12 Uhr',
    capacity: [8, 15],
  },
  {
    title: 'Sprachcafé Deutsch {d}',
    dims: ['education_skills', 'social_contacts'],
    kinds: ['training', 'municipal'],
    groups: ['refugees', 'migrants'],
    description: 'Deutsch sprechen üben im Gespräch mit Ehrenamtlichen, alle Niveaus.',
    schedule: 'dienstags 17–19 Uhr',
    capacity: [10, 25],
  },
  {
    title: 'Grundbildung: Lesen und Schreiben {d}',
    dims: ['education_skills'],
    kinds: ['training'],
    groups: ['everyone'],
    description: 'Kleiner Kurs für Erwachsene, die sicherer lesen und schreiben möchten.',
    schedule: 'Mo und Mi 9–11:30 Uhr',
    capacity: [6, 10],
  },
  {
    title: 'PC-Kurs für Einsteiger {d}',
    dims: ['education_skills', 'work_readiness'],
    kinds: ['training'],
    groups: ['older_people', 'long_term_unemployed'],
    description: 'E-Mail, Online-Formulare und Bewerbungen am Computer.',
    schedule: '8 Termine, donnerstags 14 Uhr',
    capacity: [8, 12],
    cost: 2000,
  },
  {
    title: 'Stadtteilgarten {d}',
    dims: ['work_readiness', 'daily_structure', 'social_contacts'],
    kinds: ['municipal', 'welfare'],
    groups: ['long_term_unemployed'],
    description: 'Mitarbeit im Gemeinschaftsgarten mit fester Tagesstruktur (Arbeitsgelegenheit möglich).',
    schedule: 'Mo–Do 8–12 Uhr',
    capacity: [6, 12],
  },
  {
    title: 'Job-Coaching {d}',
    dims: ['work_readiness', 'self_efficacy'],
    kinds: ['training'],
    groups: ['long_term_unemployed', 'health_restrictions'],
    description: 'Einzelcoaching zu Stärken, Zielen und nächsten Schritten Richtung Arbeit.',
    schedule: 'wöchentlich nach Vereinbarung',
    capacity: [4, 8],
  },
  {
    title: 'Praktikum Lager und Logistik {d}',
    dims: ['work_readiness'],
    kinds: ['employer'],
    groups: ['long_term_unemployed', 'disabilities'],
    description: 'Betriebliches Praktikum mit Anleitung, Übernahme möglich.',
    schedule: 'Mo–Fr, Teilzeit möglich',
    capacity: [1, 3],
  },
  {
    title: 'Ehrenamtsbörse {d}',
    dims: ['leisure_culture', 'belonging'],
    kinds: ['municipal', 'other'],
    groups: ['everyone'],
    description: 'Vermittlung in Ehrenamt: Tafel, Bücherei, Sportverein, Besuchsdienste.',
    schedule: 'Sprechstunde donnerstags 15–17 Uhr',
    capacity: null,
  },
  {
    title: 'Kulturloge {d}',
    dims: ['leisure_culture'],
    kinds: ['municipal', 'other'],
    groups: ['everyone'],
    description: 'Kostenlose Karten für Konzerte, Theater und Sportveranstaltungen.',
    schedule: 'laufend',
    capacity: null,
    cost: 0,
  },
  {
    title: 'Familienzentrum {d}',
    dims: ['family_care'],
    kinds: ['municipal'],
    groups: ['families', 'single_parents'],
    description: 'Beratung, Elterncafé und Kurse rund um Familie und Erziehung.',
    schedule: 'Mo–Fr 8–16 Uhr',
    capacity: null,
  },
  {
    title: 'Pflegeberatung für Angehörige {d}',
    dims: ['family_care', 'health'],
    kinds: ['health', 'welfare'],
    groups: ['families'],
    description: 'Beratung zu Pflegegrad, Entlastung und Unterstützung für pflegende Angehörige.',
    schedule: 'nach Vereinbarung',
    capacity: [4, 10],
  },
  {
    title: 'Psychosoziale Beratung {d}',
    dims: ['health', 'self_efficacy'],
    kinds: ['health'],
    groups: ['health_restrictions'],
    description: 'Beratung bei psychischen Belastungen, auch aufsuchend.',
    schedule: 'Mo–Fr nach Vereinbarung',
    capacity: [3, 8],
  },
  {
    title: 'Reha-Beratung {d}',
    dims: ['health', 'work_readiness'],
    kinds: ['pension_insurance'],
    groups: ['health_restrictions', 'disabilities'],
    description: 'Beratung zu medizinischer und beruflicher Rehabilitation.',
    schedule: 'Sprechtage nach Vereinbarung',
    capacity: null,
  },
  {
    title: 'Begleitung zu Ämtern {d}',
    dims: ['support_system'],
    kinds: ['welfare'],
    groups: ['older_people', 'refugees'],
    description: 'Ehrenamtliche begleiten zu Behörden, Ärzten und Beratungsstellen.',
    schedule: 'nach Absprache',
    capacity: [4, 10],
  },
  {
    title: 'Tafel und Sozialkaufhaus {d}',
    dims: ['finances', 'daily_structure'],
    kinds: ['welfare'],
    groups: ['everyone'],
    description: 'Lebensmittel und günstige Kleidung; Mitarbeit als Ehrenamt möglich.',
    schedule: 'Di und Fr 10–14 Uhr',
    capacity: null,
    cost: 200,
  },
  {
    title: 'Fußball für alle {d}',
    dims: ['leisure_culture', 'social_contacts', 'health'],
    kinds: ['sports'],
    groups: ['everyone', 'young_adults'],
    description: 'Offenes Training ohne Vereinsbeitrag für die ersten drei Monate.',
    schedule: 'mittwochs 18 Uhr',
    capacity: [10, 22],
    cost: 0,
  },
  {
    title: 'Mittagstisch {d}',
    dims: ['social_contacts', 'daily_structure'],
    kinds: ['welfare'],
    groups: ['older_people'],
    description: 'Warmes Mittagessen in Gemeinschaft zum kleinen Preis.',
    schedule: 'Mo–Fr 12–13:30 Uhr',
    capacity: [20, 40],
    cost: 350,
  },
  {
    title: 'Bewerbungswerkstatt {d}',
    dims: ['work_readiness', 'education_skills'],
    kinds: ['training'],
    groups: ['long_term_unemployed', 'young_adults'],
    description: 'Unterlagen erstellen, Vorstellungsgespräche üben, Stellen finden.',
    schedule: 'dienstags 9–12 Uhr',
    capacity: [6, 12],
  },
  {
    title: 'Inklusiver Arbeitsplatz Montage {d}',
    dims: ['work_readiness'],
    kinds: ['employer'],
    groups: ['disabilities', 'health_restrictions'],
    description: 'Barrierefreier Arbeitsplatz in der Montage, Einarbeitung mit Jobcoach.',
    schedule: 'Teilzeit 20–30 Std./Woche',
    capacity: [1, 2],
  },
];
const EXTRA_LANGUAGES = ['tr', 'ru', 'pl', 'ar', 'uk', 'en', 'fa'];

const fill = (template: string, districtName: string) => template.replaceAll('{d}', districtName);

async function seedAgencyDirectory(
  tx: Queryable,
  now: Date,
  agencyId: string,
  districtKeys: string[],
  r: Rng,
  size: { seed: number; partners: number; offers: number; shared: number },
) {
  const seed = size.seed;
  const day = today(now);
  const partners: { id: string; kind: PartnerKind; district: string }[] = [];
  const partnerRows: unknown[][] = [];
  const names = new Set<string>();
  for (let i = 0; i < size.partners; i++) {
    const kind = KIND_CYCLE[i % KIND_CYCLE.length] as PartnerKind;
    const district = districtKeys[(i * 5 + seed) % districtKeys.length] as string;
    const d = demoDistricts.find((x) => x.key === district);
    let name = fill(r.pick(PARTNER_NAMES[kind]), d?.name ?? district);
    for (let n = 2; names.has(name); n++) name = `${name.replace(/ \(\d+\)$/, '')} (${n})`;
    names.add(name);
    const id = r.uuid();
    partners.push({ id, kind, district });
    const contacts = Array.from({ length: r.int(1, 2) }, () => ({
      name: r.pick(CONTACT_NAMES),
      role: r.pick(ROLES),
      phone: `0${r.int(2300, 2399)} ${r.int(10000, 99999)}`,
      email: null,
    }));
    partnerRows.push([
      id,
      agencyId,
      name,
      kind,
      JSON.stringify(contacts),
      `${r.pick(['Hauptstraße', 'Bahnhofstraße', 'Kirchplatz', 'Marktstraße', 'Schulweg'])} ${r.int(1, 80)}`,
      String(r.int(58000, 58999)),
      d?.name.replace(/ \(.*\)$/, '') ?? null,
      [district],
      kind === 'employer' ? null : null,
      kind === 'employer'
        ? JSON.stringify({
            jobsForPeopleWithDisabilities: r.chance(0.6),
            accessibleWorkplace: r.chance(0.5),
            partTimePossible: true,
            note: null,
          })
        : null,
      now,
      now,
    ]);
  }
  await insertRows(
    tx,
    'partners',
    'id, agency_id, name, kind, contact_persons, street, postal_code, city, districts, notes, inclusion, created_at, updated_at',
    partnerRows,
  );

  const offerRows: unknown[][] = [];
  for (let i = 0; i < size.offers; i++) {
    const t = TEMPLATES[(i * 7 + seed) % TEMPLATES.length] as Template;
    const candidates = partners.filter((p) => t.kinds.includes(p.kind));
    const partner = candidates.length ? r.pick(candidates) : r.pick(partners);
    const district = r.chance(0.7) ? partner.district : r.pick(districtKeys);
    const d = demoDistricts.find((x) => x.key === district);
    const languages = [
      'de',
      ...(r.chance(0.35) ? [r.pick(EXTRA_LANGUAGES)] : []),
      ...(r.chance(0.1) ? [r.pick(EXTRA_LANGUAGES)] : []),
    ];
    const capacity = t.capacity ? r.int(t.capacity[0], t.capacity[1]) : null;
    const freePlaces = capacity === null ? null : r.chance(0.12) ? 0 : r.int(1, capacity);
    offerRows.push([
      r.uuid(),
      agencyId,
      partner.id,
      fill(t.title, d?.name.replace(/ \(.*\)$/, '') ?? district),
      t.description,
      t.dims,
      t.groups,
      district,
      `${r.pick(['Hauptstraße', 'Bahnhofstraße', 'Kirchplatz', 'Marktstraße', 'Schulweg', 'Gartenstraße'])} ${r.int(1, 80)}`,
      String(r.int(58000, 58999)),
      d?.name.replace(/ \(.*\)$/, '') ?? null,
      (d?.lat ?? 51.3) + (r.next() - 0.5) * 0.03,
      (d?.lon ?? 7.5) + (r.next() - 0.5) * 0.045,
      r.chance(0.55),
      r.chance(0.25),
      [...new Set(languages)],
      t.cost ?? (r.chance(0.7) ? 0 : null),
      t.schedule,
      capacity,
      freePlaces,
      r.pick([
        'Telefonisch anmelden',
        'Einfach vorbeikommen',
        'Zuweisung per E-Mail mit Einverständnis',
        'Erstgespräch vereinbaren',
      ]),
      addDays(day, -r.int(30, 700)),
      r.chance(0.15) ? addDays(day, r.int(60, 400)) : null,
      r.chance(size.shared),
      now,
      now,
    ]);
  }
  await insertRows(
    tx,
    'offers',
    `id, agency_id, partner_id, title, description, dimensions, target_groups, district, street, postal_code, city, lat,
     lon, step_free, easy_language, languages, cost_cents, schedule, capacity, free_places, how_to_refer, valid_from,
     valid_to, shared, created_at, updated_at`,
    offerRows,
  );
}

/** Statuses of referrals under way, weighted: most are started (the benchmark data set uses them too). */
export const REFERRAL_STATUSES = [
  'suggested',
  'referred',
  'referred',
  'started',
  'started',
  'started',
  'completed',
  'dropped',
] as const;

async function seedReferrals(tx: Queryable, now: Date, agencyId: string, r: Rng) {
  const day = today(now);
  const goals = await tx.query<{ client_id: string; dimension: string; guide: string | null }>(
    `SELECT DISTINCT ON (g.client_id) g.client_id, g.dimension, k.guide_user_id AS guide
       FROM goals g JOIN cases k ON k.client_id = g.client_id AND k.status = 'open'
      WHERE g.agency_id = $1 AND g.status = 'open'
      ORDER BY g.client_id, g.created_at`,
    [agencyId],
  );
  const offers = await tx.query<{ id: string; dimensions: string[] }>(
    'SELECT id, dimensions FROM offers WHERE agency_id = $1 ORDER BY id',
    [agencyId],
  );
  const rows: unknown[][] = [];
  for (const g of goals.rows) {
    if (!r.chance(0.4)) continue;
    const fitting = offers.rows.filter((o) => o.dimensions.includes(g.dimension));
    if (fitting.length === 0) continue;
    const offer = r.pick(fitting);
    const status = r.pick(REFERRAL_STATUSES);
    const referred = addDays(day, -r.int(10, 150));
    const started = ['started', 'completed', 'dropped'].includes(status)
      ? addDays(referred, r.int(3, 20))
      : null;
    const ended =
      status === 'completed' || status === 'dropped' ? addDays(started as string, r.int(14, 60)) : null;
    rows.push([
      r.uuid(),
      agencyId,
      g.client_id,
      offer.id,
      status,
      status === 'dropped'
        ? r.pick(['Kein Interesse mehr', 'Gesundheitliche Gründe', 'Umzug', 'Zeitlich nicht vereinbar'])
        : null,
      null,
      status === 'completed'
        ? 'Regelmäßig teilgenommen, Anschlussangebot besprochen.'
        : status === 'started' && r.chance(0.5)
          ? 'Gut angekommen.'
          : null,
      status === 'suggested' ? referred : null,
      status === 'suggested' ? null : referred,
      started,
      ended && ended > day ? day : ended,
      false,
      g.guide,
      agencyId,
      now,
      now,
    ]);
  }
  await insertRows(
    tx,
    'referrals',
    `id, agency_id, client_id, offer_id, status, reason, note, feedback, suggested_on, referred_on, started_on, ended_on,
     capacity_override, created_by, created_by_agency, created_at, updated_at`,
    rows,
  );
}

const EVENTS: {
  title: string;
  kind: string;
  place: string | null;
  online: boolean;
  days: number;
  hours: [number, number];
  capacity: number | null;
  organiser: string;
  description: string;
}[] = [
  {
    title: 'Runder Tisch Soziale Teilhabe Witten',
    kind: 'round_table',
    place: 'Rathaus Witten, Sitzungssaal',
    online: false,
    days: -40,
    hours: [9, 12],
    capacity: 30,
    organiser: 'Jobcenter EN (Demo)',
    description: 'Austausch der Träger, Vereine und des Jobcenters zu Angeboten im Quartier.',
  },
  {
    title: 'Arbeitskreis Gesundheit und Arbeit',
    kind: 'working_group',
    place: null,
    online: true,
    days: -12,
    hours: [14, 16],
    capacity: null,
    organiser: 'DRV Westfalen (Demo)',
    description: 'Gemeinsame Fallbesprechungen (anonymisiert) von Jobcenter und Rentenversicherung.',
  },
  {
    title: 'Fachgespräch: Einsamkeit im Alter',
    kind: 'expert_dialogue',
    place: 'Bürgerzentrum Hattingen',
    online: false,
    days: 9,
    hours: [10, 13],
    capacity: 40,
    organiser: 'Jobcenter EN (Demo)',
    description: 'Impulsvortrag und Diskussion: Wie erreichen wir ältere Leistungsberechtigte?',
  },
  {
    title: 'Workshop: Teilhabe-Bogen in der Praxis',
    kind: 'workshop',
    place: 'Jobcenter EN, Schulungsraum 1',
    online: false,
    days: 16,
    hours: [9, 15],
    capacity: 16,
    organiser: 'Jobcenter EN (Demo)',
    description: 'Erhebung, Auswertung und Zielvereinbarung mit dem Teilhabe-Bogen üben.',
  },
  {
    title: 'Runder Tisch Iserlohn-Süd',
    kind: 'round_table',
    place: 'Stadtteilbüro Iserlohn-Süd',
    online: false,
    days: 23,
    hours: [15, 17],
    capacity: 25,
    organiser: 'Jobcenter Maerkischer Kreis (Demo)',
    description: 'Vernetzung im Quartier: neue Angebote, freie Plätze, Bedarfe.',
  },
  {
    title: 'Fachtag Soziale Teilhabe am Arbeitsmarkt',
    kind: 'conference',
    place: 'Stadthalle Lüdenscheid',
    online: false,
    days: 44,
    hours: [9, 16],
    capacity: 120,
    organiser: 'Jobcenter Maerkischer Kreis (Demo)',
    description: 'Fachtag mit Ergebnissen der Begleitforschung und Praxisforen.',
  },
  {
    title: 'Arbeitskreis Lotsinnen und Lotsen',
    kind: 'working_group',
    place: null,
    online: true,
    days: 30,
    hours: [13, 15],
    capacity: null,
    organiser: 'Jobcenter EN (Demo)',
    description: 'Kollegiale Beratung der Lotsinnen und Lotsen aus beiden Kreisen.',
  },
  {
    title: 'Workshop: Arbeitgeber für Inklusion gewinnen',
    kind: 'workshop',
    place: 'IHK-Geschäftsstelle Hagen',
    online: false,
    days: 58,
    hours: [10, 14],
    capacity: 20,
    organiser: 'DRV Westfalen (Demo)',
    description: 'Erfahrungen aus der Arbeitgeberansprache, Förderinstrumente, Praxisbeispiele.',
  },
  {
    title: 'Fachgespräch Schulden und Gesundheit',
    kind: 'expert_dialogue',
    place: null,
    online: true,
    days: 72,
    hours: [10, 12],
    capacity: 50,
    organiser: 'Jobcenter Maerkischer Kreis (Demo)',
    description: 'Schuldnerberatung und Gesundheitsdienste im Gespräch.',
  },
  {
    title: 'Runder Tisch Ennepetal/Gevelsberg',
    kind: 'round_table',
    place: 'Haus Ennepetal, Saal 2',
    online: false,
    days: 86,
    hours: [9, 11],
    capacity: 2,
    organiser: 'Jobcenter EN (Demo)',
    description: 'Vernetzung der Träger im südlichen Kreisgebiet.',
  },
];

const PUBLICATIONS: {
  title: string;
  kind: string;
  summary: string;
  tags: string[];
  daysAgo: number;
  organiser: string;
  lines: string[];
}[] = [
  {
    title: 'Gute Praxis: Lotsinnen im Quartier',
    kind: 'good_practice',
    summary: 'Wie ein Jobcenter mit Lotsinnen im Sozialraum ältere Langzeitarbeitslose erreicht.',
    tags: ['Quartier', 'Lotsen', 'Ältere'],
    daysAgo: 120,
    organiser: 'Jobcenter EN (Demo)',
    lines: [
      'Ausgangslage und Zielgruppe',
      'Aufsuchende Arbeit im Stadtteil',
      'Zusammenarbeit mit Vereinen',
      'Ergebnisse nach zwei Jahren',
    ],
  },
  {
    title: 'Gute Praxis: Gemeinsame Fallarbeit mit der Rentenversicherung',
    kind: 'good_practice',
    summary: 'Jobcenter und DRV als gleichberechtigte Partner: Ablauf, Datenschutz, Erfahrungen.',
    tags: ['Rentenversicherung', 'Kooperation', 'Reha'],
    daysAgo: 80,
    organiser: 'DRV Westfalen (Demo)',
    lines: ['Einwilligung und Datenaustausch', 'Tandem-Beratung', 'Übergänge in Rehabilitation'],
  },
  {
    title: 'Gute Praxis: Sportvereine als Teilhabeorte',
    kind: 'good_practice',
    summary: 'Beispiele, wie Sportvereine Menschen ohne Arbeit einbinden.',
    tags: ['Sport', 'Ehrenamt', 'Quartier'],
    daysAgo: 45,
    organiser: 'Jobcenter Maerkischer Kreis (Demo)',
    lines: ['Offene Trainingszeiten', 'Beitragsfreie Probemonate', 'Ehrenamt als Einstieg'],
  },
  {
    title: 'Handreichung: Zuweisung in Angebote Dritter',
    kind: 'guide',
    summary: 'Schritt für Schritt: Einwilligung, Zuweisung, Rückmeldung des Trägers.',
    tags: ['Zuweisung', 'Datenschutz'],
    daysAgo: 200,
    organiser: 'Jobcenter EN (Demo)',
    lines: [
      '1. Bedarf klären',
      '2. Einwilligung einholen',
      '3. Angebot auswählen und zuweisen',
      '4. Rückmeldung dokumentieren',
    ],
  },
  {
    title: 'Handreichung: Leichte Sprache im Beratungsgespräch',
    kind: 'guide',
    summary: 'Tipps und Formulierungen für verständliche Beratung.',
    tags: ['Leichte Sprache', 'Beratung'],
    daysAgo: 30,
    organiser: 'Begleitforschung (Demo)',
    lines: ['Kurze Sätze', 'Ein Gedanke pro Satz', 'Beispiele statt Fachwörter'],
  },
  {
    title: 'Teilhabe-Bogen: Leerformular Selbsteinschätzung',
    kind: 'instrument',
    summary: 'Blanko-Formular zum Ausdrucken (Selbsteinschätzung).',
    tags: ['Teilhabe-Bogen', 'Formular'],
    daysAgo: 60,
    organiser: 'Begleitforschung (Demo)',
    lines: [
      'Name: ____________________   Datum: __________',
      'Bitte kreuzen Sie an, was für Sie stimmt.',
      'Gesundheit  [ ] [ ] [ ] [ ] [ ]',
      'Soziale Kontakte  [ ] [ ] [ ] [ ] [ ]',
      'Wohnen  [ ] [ ] [ ] [ ] [ ]',
    ],
  },
  {
    title: 'Teilhabe-Bogen: Leerformular Fremdeinschätzung',
    kind: 'instrument',
    summary: 'Blanko-Formular zum Ausdrucken (Fremdeinschätzung durch die Fachkraft).',
    tags: ['Teilhabe-Bogen', 'Formular'],
    daysAgo: 60,
    organiser: 'Begleitforschung (Demo)',
    lines: [
      'Kund*in: ____________________   Datum: __________',
      'Einschätzung der Fachkraft',
      'Gesundheit  [ ] [ ] [ ] [ ] [ ]',
      'Soziale Kontakte  [ ] [ ] [ ] [ ] [ ]',
    ],
  },
  {
    title: 'Zwischenbericht der Begleitforschung 2025',
    kind: 'report',
    summary: 'Erste Ergebnisse zur Veränderung der sozialen Teilhabe im Projektverlauf.',
    tags: ['Evaluation', 'Bericht'],
    daysAgo: 15,
    organiser: 'Begleitforschung (Demo)',
    lines: ['Stichprobe und Methode', 'Veränderung je Teilhabebereich', 'Empfehlungen'],
  },
];

async function seedEventsAndPublications(tx: Queryable, now: Date, agencies: Map<string, string>, r: Rng) {
  const startOfToday = new Date(`${today(now)}T00:00:00Z`);
  const counters = new Map<string, number>();
  const eventRows: unknown[][] = [];
  const eventIds: string[] = [];
  for (const e of EVENTS) {
    const agencyId = agencies.get(e.organiser);
    if (!agencyId) continue;
    // Times in Germany (CET/CEST): UTC+1 is close enough for the demo.
    const start = new Date(startOfToday.getTime() + e.days * 86_400_000 + (e.hours[0] - 1) * 3_600_000);
    const end = new Date(startOfToday.getTime() + e.days * 86_400_000 + (e.hours[1] - 1) * 3_600_000);
    const yy = String(start.getUTCFullYear() % 100).padStart(2, '0');
    const n = (counters.get(yy) ?? 200) + 1 + r.int(0, 2);
    counters.set(yy, n);
    const id = r.uuid();
    eventIds.push(id);
    eventRows.push([
      id,
      agencyId,
      `V ${yy}/${String(n).padStart(3, '0')}`,
      e.title,
      e.kind,
      start,
      end,
      e.place,
      e.online ? 'https://meet.example/lotse-netzwerk' : null,
      e.description,
      e.capacity,
      now,
      now,
    ]);
  }
  await insertRows(
    tx,
    'network_events',
    'id, agency_id, code, title, kind, starts_at, ends_at, place, online_url, description, capacity, created_at, updated_at',
    eventRows,
  );
  // A few registrations of demo staff (the last event is small: one person waits).
  const users = await tx.query<{ id: string; agency_id: string; email: string }>(
    `SELECT id, agency_id, email FROM users WHERE is_demo AND email IN ('lotse@jc-en.example', 'lotse2@jc-en.example',
      'koordination@jc-en.example', 'lotse@jc-mk.example') ORDER BY email`,
  );
  const regRows: unknown[][] = [];
  eventIds.forEach((eventId, i) => {
    const e = EVENTS[i];
    users.rows.forEach((u, j) => {
      if (e?.organiser && (i + j) % 3 !== 0) return;
      const registered = regRows.filter((x) => x[2] === eventId && x[4] === 'registered').length;
      const status = e?.capacity != null && registered >= e.capacity ? 'waitlisted' : 'registered';
      regRows.push([
        r.uuid(),
        u.agency_id,
        eventId,
        u.id,
        status,
        new Date(now.getTime() - (100 - j) * 60_000),
      ]);
    });
  });
  await insertRows(
    tx,
    'event_registrations',
    'id, agency_id, event_id, user_id, status, created_at',
    regRows,
  );

  const pubRows: unknown[][] = [];
  const fileRows: unknown[][] = [];
  for (const p of PUBLICATIONS) {
    const agencyId = agencies.get(p.organiser);
    if (!agencyId) continue;
    const id = r.uuid();
    const pdf = minimalPdf(p.title, p.lines);
    const name = `${p.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/-+$/, '')}.pdf`;
    pubRows.push([
      id,
      agencyId,
      p.title,
      p.kind,
      p.summary,
      p.tags,
      addDays(today(now), -p.daysAgo),
      true,
      name,
      'application/pdf',
      pdf.length,
      now,
    ]);
    fileRows.push([id, agencyId, pdf]);
  }
  await insertRows(
    tx,
    'publications',
    'id, agency_id, title, kind, summary, tags, published_on, shared, file_name, content_type, file_size, created_at',
    pubRows,
  );
  await insertRows(tx, 'publication_files', 'publication_id, agency_id, content', fileRows);
}

export const seedNetwork: DemoSeeder = async (tx, now, agencies) => {
  const r = rng(5_005);
  // 65 partners and 130 offers in all; the larger directory belongs to the first demo Jobcenter.
  const plan: [string, 'EN' | 'MK', { seed: number; partners: number; offers: number; shared: number }][] = [
    ['Jobcenter EN (Demo)', 'EN', { seed: 0, partners: 45, offers: 90, shared: 0.3 }],
    ['Jobcenter Maerkischer Kreis (Demo)', 'MK', { seed: 3, partners: 20, offers: 40, shared: 0.5 }],
  ];
  for (const [name, county, size] of plan) {
    const agencyId = agencies.get(name);
    if (!agencyId) continue;
    const keys = demoDistricts.filter((d) => d.county === county).map((d) => d.key);
    await seedAgencyDirectory(tx, now, agencyId, keys, r, size);
  }
  for (const [name] of plan) {
    const agencyId = agencies.get(name);
    if (agencyId) await seedReferrals(tx, now, agencyId, r);
  }
  await seedEventsAndPublications(tx, now, agencies, r);
};
