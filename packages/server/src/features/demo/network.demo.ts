import { type PartnerKind, partnerKinds, type TargetGroup } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import { addDays, today } from '../clients/date-rules.ts';
import { insertRows } from '../offers/bulk-insert.ts';
import { minimalPdf } from '../offers/minimal-pdf.ts';
import { eventRegistrants, offerDimensions, openGoalPerClient } from './demo.repo.ts';
import type { DemoSeeder } from './demo-seeder.ts';
import { demoDistricts } from './districts.demo.ts';
import networkData from './network.demo-data.json' with { type: 'json' };
import { type Rng, rng } from './seeded-random.ts';

/**
 * Demo network: 65 partners and 130 offers across the districts of both demo Jobcenters (a third
 * published to the shared directory), 10 events, 8 publications with files, and referrals for some
 * demo clients with open goals. Deterministic (seeded generator) and inserted with multi-row statements.
 * The texts (offer templates, events, publications) are data, in network.demo-data.json.
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
/**
 * The kind of each partner in turn: the domain's kinds, with more welfare, training, sports and
 * municipal partners as in a real network. The order fixes which demo partner gets which kind.
 */
const KIND_CYCLE: PartnerKind[] = [
  ...partnerKinds.slice(0, 2),
  'welfare',
  ...partnerKinds.slice(2, 8),
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
const TEMPLATES = networkData.offerTemplates as Template[];
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
  const goals = await openGoalPerClient(tx, agencyId);
  const offers = await offerDimensions(tx, agencyId);
  const rows: unknown[][] = [];
  for (const g of goals) {
    if (!r.chance(0.4)) continue;
    const fitting = offers.filter((o) => o.dimensions.includes(g.dimension));
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

interface DemoEvent {
  title: string;
  kind: string;
  place: string | null;
  online: boolean;
  days: number;
  hours: [number, number];
  capacity: number | null;
  organiser: string;
  description: string;
}
const EVENTS = networkData.events as DemoEvent[];

interface DemoPublication {
  title: string;
  kind: string;
  summary: string;
  tags: string[];
  daysAgo: number;
  organiser: string;
  lines: string[];
}
const PUBLICATIONS: DemoPublication[] = networkData.publications;

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
  const users = await eventRegistrants(tx);
  const regRows: unknown[][] = [];
  eventIds.forEach((eventId, i) => {
    const e = EVENTS[i];
    users.forEach((u, j) => {
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
