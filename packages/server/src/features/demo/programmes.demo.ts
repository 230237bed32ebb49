import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../platform/db.ts';
import { insertPlaces, insertProgramme, type ProgrammeFields } from '../programmes/programmes.service.ts';
import {
  enrolableClients,
  insertBudgets,
  insertEnrolments,
  insertExpenditures,
  insertProgrammeAgencies,
} from './demo.repo.ts';
import programmeData from './programmes.demo-data.json' with { type: 'json' };

/**
 * Demo programmes (deterministic): Soziale Teilhabe am Arbeitsmarkt (§ 16i SGB II) at two Jobcenters,
 * the rehapro project PRO AKTIV with Jobcenter EN and DRV Westfalen as equal partners, and the ESF
 * project MIAR with EUR 380,000 (EUR 152,000 a year over 2.5 years). Places, enrolments of demo clients (with waiting list and exits),
 * budgets per funding line and monthly bookings. Runs after the case-work seed (it needs clients).
 */
export async function seedProgrammes(tx: Queryable, now: Date, agencies: Map<string, string>) {
  const en = agencies.get('Jobcenter EN (Demo)');
  const mk = agencies.get('Jobcenter Maerkischer Kreis (Demo)');
  const drv = agencies.get('DRV Westfalen (Demo)');
  if (!en || !mk || !drv) return;
  const today = now.toISOString().slice(0, 10);
  const thisYear = now.getUTCFullYear();
  let seed = 60_606;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const addDays = (iso: string, days: number) =>
    new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  interface Plan extends ProgrammeFields {
    owner: string;
    agencies: {
      id: string;
      role: 'owner' | 'partner' | 'participant';
      places: number;
      lines: Record<string, number>;
    }[];
  }
  /** A plan in the data file: agencies by short key, years relative to this one, `endsOn` as month-day. */
  interface PlanData extends Omit<Plan, 'startsOn' | 'endsOn' | 'owner' | 'agencies'> {
    fromYear: number;
    toYear: number;
    endsOn: string;
    owner: keyof typeof agencyIds;
    agencies: (Omit<Plan['agencies'][number], 'id'> & { agency: keyof typeof agencyIds })[];
  }
  const agencyIds = { en, mk, drv };
  const plans: Plan[] = (programmeData.plans as PlanData[]).map(
    ({ fromYear, toYear, endsOn, owner, agencies, ...plan }) => ({
      ...plan,
      startsOn: `${thisYear + fromYear}-01-01`,
      endsOn: `${thisYear + toYear}-${endsOn}`,
      owner: agencyIds[owner],
      agencies: agencies.map(({ agency, ...a }) => ({ ...a, id: agencyIds[agency] })),
    }),
  );

  for (const plan of plans) {
    const pid = randomUUID();
    await insertProgramme(tx, { ...plan, id: pid, ownerAgencyId: plan.owner, createdBy: null, at: now });
    await insertProgrammeAgencies(tx, pid, plan.agencies);
    // Bookings cover last and this year; places and budgets the whole running time (a partial year
    // gets its share of the yearly budget).
    const years = [thisYear - 1, thisYear].filter((y) => y >= Number(plan.startsOn.slice(0, 4)));
    const allYears: { year: number; months: number }[] = [];
    for (let y = Number(plan.startsOn.slice(0, 4)); y <= Number(plan.endsOn.slice(0, 4)); y++) {
      const first = y === Number(plan.startsOn.slice(0, 4)) ? Number(plan.startsOn.slice(5, 7)) : 1;
      const last = y === Number(plan.endsOn.slice(0, 4)) ? Number(plan.endsOn.slice(5, 7)) : 12;
      allYears.push({ year: y, months: last - first + 1 });
    }
    const placeRows = plan.agencies.flatMap((a) =>
      allYears.map(({ year }) => [a.id, year, a.places] as const),
    );
    await insertPlaces(tx, pid, placeRows);
    const budgetRows = plan.agencies.flatMap((a) =>
      allYears.flatMap(({ year, months }) =>
        Object.entries(a.lines).map(
          ([line, euros]) => [a.id, year, line, `${Math.round((euros * months) / 12)}.00`] as const,
        ),
      ),
    );
    await insertBudgets(tx, pid, budgetRows, now);

    // Enrolments of the agency's own demo clients (DRV: clients shared with it). Each place is filled
    // by a sequence of participations; some places are free, a few clients wait.
    const enrolRows: (string | null)[][] = [];
    // A client takes part once per programme (shared clients could otherwise appear at two agencies).
    const used = new Set<string>();
    for (const a of plan.agencies) {
      const clients = (await enrolableClients(tx, a.id, a.id === drv)).filter(
        (c) => random() < 0.45 && !used.has(c.id),
      );
      for (const c of clients) used.add(c.id);
      const places = a.places;
      const firstDay = plan.startsOn > `${thisYear - 1}-01-01` ? plan.startsOn : `${thisYear - 1}-01-01`;
      let next = 0;
      for (let place = 0; place < places && next < clients.length; place++) {
        let day = addDays(firstDay, Math.floor(random() * 120));
        while (day < today && next < clients.length) {
          const client = clients[next++]?.id as string;
          const length = 90 + Math.floor(random() * 420);
          const exit = addDays(day, length);
          if (exit >= today || random() < 0.2) {
            enrolRows.push([a.id, client, 'active', day, day, null, null, null]);
            break;
          }
          const r = random();
          const reason =
            r < 0.35
              ? 'employment'
              : r < 0.6
                ? 'regular_end'
                : r < 0.7
                  ? 'vocational_training'
                  : r < 0.78
                    ? 'other_measure'
                    : 'early_end';
          const why =
            reason === 'early_end'
              ? (['health', 'lack_of_participation', 'moved_away', 'personal', 'other'][
                  Math.floor(random() * 5)
                ] ?? 'other')
              : null;
          enrolRows.push([a.id, client, 'exited', day, day, exit, reason, why]);
          day = addDays(exit, 7 + Math.floor(random() * 40));
        }
      }
      for (let w = 0; w < 3 && next < clients.length; w++) {
        enrolRows.push([
          a.id,
          clients[next++]?.id as string,
          'waiting',
          addDays(today, -10 * (w + 1)),
          null,
          null,
          null,
          null,
        ]);
      }
    }
    if (enrolRows.length > 0)
      await insertEnrolments(
        tx,
        pid,
        enrolRows,
        plan.fundingSource === 'sgb2_16i' ? 'Gemeinnützige Beschäftigungsgesellschaft' : null,
        now,
      );

    // Monthly bookings per funding line, slightly ahead of plan on one line to show the warning.
    const bookRows: string[][] = [];
    for (const a of plan.agencies) {
      for (const y of years) {
        for (const [line, euros] of Object.entries(a.lines)) {
          if (euros === 0) continue;
          for (let month = 1; month <= 12; month++) {
            const date = `${y}-${String(month).padStart(2, '0')}-${String(5 + Math.floor(random() * 20)).padStart(2, '0')}`;
            if (date >= today || date < plan.startsOn || date > plan.endsOn) continue;
            const factor = line === 'coaching' && y === thisYear ? 1.25 : 0.8 + random() * 0.3;
            const cents = Math.round(((euros * 100) / 12) * factor);
            bookRows.push([
              a.id,
              line,
              `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
              date,
              `BEL-${y}-${String(bookRows.length + 1).padStart(5, '0')}`,
            ]);
          }
        }
      }
    }
    if (bookRows.length > 0) await insertExpenditures(tx, pid, bookRows, now);
  }
}
