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

/**
 * Demo programmes (deterministic): Soziale Teilhabe am Arbeitsmarkt (§ 16i SGB II) at two Jobcenters,
 * the rehapro project PRO AKTIV with Jobcenter EN and DRV Westfalen as equal partners, and the ESF
 * project MIAR with EUR 380,000. Places, enrolments of demo clients (with waiting list and exits),
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
  const plans: Plan[] = [
    {
      name: 'Soziale Teilhabe am Arbeitsmarkt (§ 16i SGB II)',
      fundingSource: 'sgb2_16i',
      legalBasis: '§ 16i SGB II',
      funder: 'Jobcenter mit Kofinanzierung des Landes NRW (Coaching, Anleitung, Projektassistenz)',
      startsOn: `${thisYear - 2}-01-01`,
      endsOn: `${thisYear + 2}-12-31`,
      description:
        'Geförderte sozialversicherungspflichtige Beschäftigung für sehr arbeitsmarktferne Menschen mit beschäftigungsbegleitendem Coaching.',
      targetGroup: 'Leistungsberechtigte ab 25 Jahren, mindestens sechs Jahre im Leistungsbezug',
      owner: en,
      agencies: [
        {
          id: en,
          role: 'owner',
          places: 40,
          lines: {
            coaching: 96_000,
            guidance: 48_000,
            project_assistance: 24_000,
            participant_costs: 12_000,
          },
        },
        {
          id: mk,
          role: 'participant',
          places: 30,
          lines: { coaching: 72_000, guidance: 36_000, project_assistance: 18_000, participant_costs: 9_000 },
        },
      ],
    },
    {
      name: 'PRO AKTIV (rehapro)',
      fundingSource: 'rehapro',
      legalBasis: '§ 11 SGB IX (Bundesprogramm rehapro)',
      funder: 'Bundesministerium für Arbeit und Soziales',
      startsOn: `${thisYear - 5}-01-01`,
      endsOn: `${thisYear + 1}-12-31`,
      description:
        'Lotsinnen und Lotsen begleiten Menschen mit gesundheitlichen Einschränkungen; Jobcenter und Rentenversicherung arbeiten als gleichberechtigte Partner. Wissenschaftliche Begleitung.',
      targetGroup: 'Leistungsberechtigte mit gesundheitlichen Einschränkungen und Rehabilitationsbedarf',
      owner: en,
      agencies: [
        {
          id: en,
          role: 'owner',
          places: 50,
          lines: { staff: 180_000, coaching: 40_000, participant_costs: 15_000, other: 5_000 },
        },
        { id: drv, role: 'partner', places: 10, lines: { staff: 90_000, other: 5_000 } },
      ],
    },
    {
      name: 'MIAR – Mit Integration Arbeit realisieren (ESF Plus)',
      fundingSource: 'esf',
      legalBasis: 'ESF-Plus-Programm NRW 2021–2027',
      funder: 'ESF-Verwaltungsbehörde NRW',
      startsOn: `${thisYear - 1}-01-01`,
      endsOn: `${thisYear + 1}-06-30`,
      description:
        'Vier Fachkräfte an Jobcentern begleiten zugewanderte Menschen in Arbeit; Gesamtvolumen 380.000 Euro.',
      targetGroup: 'Zugewanderte Leistungsberechtigte mit Sprachförderbedarf',
      owner: mk,
      agencies: [
        // EUR 152,000 a year over 2.5 years of running time: EUR 380,000 in total.
        {
          id: mk,
          role: 'owner',
          places: 20,
          lines: { staff: 70_000, guidance: 12_000, participant_costs: 8_000, other: 2_000 },
        },
        {
          id: en,
          role: 'participant',
          places: 12,
          lines: { staff: 52_000, guidance: 6_000, participant_costs: 2_000 },
        },
      ],
    },
  ];

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
