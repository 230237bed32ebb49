import {
  type Answers,
  followUpDue,
  type InstrumentDefinition,
  instrumentDefinition,
  type Perspective,
  scoreAssessment,
} from '@lotse/domain';
import { insertRows } from '../offers/bulk-insert.ts';
import { defaultInstrument, demoClientsWithCases } from './demo.repo.ts';
import type { DemoSeeder } from './demo-seeder.ts';
import { seededUnit } from './seeded-random.ts';

const hash = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);
const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

/**
 * Answers of one assessment: every area has a latent level (1-5) that rises with the progress of the
 * support; items scatter around it, negatively worded items mirror it, a few are "does not apply".
 */
export function answersFor(
  def: InstrumentDefinition,
  perspective: Perspective,
  levels: Map<string, number>,
  random: () => number,
  hasDuties: boolean,
): Answers {
  const answers: Answers = {};
  for (const d of def.dimensions) {
    const level = levels.get(d.key) ?? 3;
    for (const item of d.items) {
      const text = item.texts[perspective];
      if (!text) continue;
      if (item.key === 'family_has_duties') {
        answers[item.key] = hasDuties;
        continue;
      }
      if (item.role === 'work_on') {
        if (level < 2.8 && random() < 0.6) answers[item.key] = true;
        continue;
      }
      if (!item.scale) continue;
      if (item.enableWhen?.length && !hasDuties) continue;
      const values = item.scale.options.map((o) => o.value);
      const min = Math.min(...values);
      const max = Math.max(...values);
      if (d.kind === 'global') {
        answers[item.key] = clamp(Math.round(((level - 1) / 4) * 10 + (random() - 0.5) * 2), min, max);
        continue;
      }
      if (random() < 0.04) {
        answers[item.key] = null;
        continue;
      }
      const v = clamp(Math.round(level + (random() - 0.5) * 1.6), min, max);
      answers[item.key] = item.reverse ? max + min - v : v;
    }
  }
  return answers;
}

/** Columns of an assessment row after its generated id (the benchmark data set uses them too). */
export const ASSESSMENT_COLUMNS = [
  'agency_id',
  'client_id',
  'instrument_id',
  'occasion',
  'perspective',
  'mode',
  'assessed_on',
  'status',
  'answers',
  'scores',
  'total_score',
  'entered_by',
  'created_at',
  'updated_at',
  'completed_at',
] as const;

/**
 * 1-4 completed assessments per demo client with the default instrument: an intake at the start of the
 * case, follow-ups every six months while it lasts, an exit for closed cases; mostly the professional
 * view, for some clients also a self-assessment at intake. Participation improves for most clients
 * (a few stagnate or worsen), so progress, RCI and the radar chart show plausible change.
 */
export const seedAssessments: DemoSeeder = async (tx, now) => {
  const instrument = await defaultInstrument(tx);
  if (!instrument) return;
  const def = instrumentDefinition.parse(instrument.definition);
  const clients = await demoClientsWithCases(tx);
  const today = now.toISOString().slice(0, 10);
  const rows: unknown[][] = [];
  for (const client of clients) {
    // Seeded per client so every demo looks the same.
    const random = seededUnit(hash(client.client_number));
    const end = client.closed_on ?? today;
    const dates = [client.opened_on];
    while (dates.length < 4) {
      const next = followUpDue(dates[dates.length - 1] as string, 6);
      if (next > end) break;
      dates.push(next);
    }
    if (client.closed_on && dates.length < 4 && dates[dates.length - 1] !== client.closed_on)
      dates.push(client.closed_on);
    const count = Math.min(dates.length, 1 + Math.floor(random() * 4));
    const chosen = dates.slice(0, count);
    const trend = random() < 0.15 ? -0.35 : random() < 0.25 ? 0 : 0.45 + random() * 0.5;
    const base = new Map(def.dimensions.map((d) => [d.key, 1.4 + random() * 2.4] as const));
    const hasDuties = random() < 0.35;
    chosen.forEach((date, i) => {
      const levels = new Map(
        [...base].map(([k, v]) => [k, clamp(v + trend * i + (random() - 0.5) * 0.4, 1, 5)]),
      );
      const occasion =
        i === 0 ? 'intake' : client.closed_on && date === client.closed_on ? 'exit' : 'follow_up';
      const perspectives: Perspective[] =
        i === 0 && random() < 0.5 ? ['professional', 'self'] : ['professional'];
      for (const perspective of perspectives) {
        const selfLevels =
          perspective === 'self'
            ? new Map([...levels].map(([k, v]) => [k, clamp(v + (random() - 0.4) * 1.2, 1, 5)]))
            : levels;
        const answers = answersFor(def, perspective, selfLevels, random, hasDuties);
        const scored = scoreAssessment(def, perspective, answers);
        const at = new Date(`${date}T10:00:00Z`);
        rows.push([
          client.agency_id,
          client.id,
          instrument.id,
          occasion,
          perspective,
          perspective === 'self' ? 'together' : random() < 0.3 ? 'paper' : 'together',
          date,
          'completed',
          JSON.stringify(answers),
          JSON.stringify(scored.dimensions),
          scored.total,
          client.guide_user_id,
          at,
          at,
          at,
        ]);
      }
    });
  }
  await insertRows(tx, 'assessments', ASSESSMENT_COLUMNS.join(', '), rows);
};
