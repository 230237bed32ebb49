import type { Answers, AssessmentSummaryView, AssessmentView, DimensionScore } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Row } from '../../platform/rows.ts';

export type AssessmentRow = Row<
  'assessments',
  {
    occasion: 'intake' | 'follow_up' | 'exit';
    perspective: 'self' | 'professional';
    mode: 'together' | 'self_link' | 'paper';
    status: 'draft' | 'completed';
    answers: Answers;
    scores: DimensionScore[];
  }
> & { instrument_key: string; instrument_version: number; entered_by_name: string | null };

export type AmendmentRow = Omit<
  Row<'assessment_amendments', { previous_answers: Answers; previous_scores: DimensionScore[] }>,
  'agency_id' | 'assessment_id' | 'client_id'
> & { amended_by_name: string | null };

const SELECT = `
  SELECT a.id, a.agency_id, a.client_id, a.instrument_id, i.key AS instrument_key, i.version AS instrument_version,
         a.occasion, a.perspective, a.mode, a.assessed_on, a.status, a.answers, a.scores, a.total_score,
         a.entered_by, lotse_user_display_name(a.entered_by) AS entered_by_name,
         a.created_at, a.updated_at, a.completed_at
    FROM assessments a JOIN instruments i ON i.id = a.instrument_id`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findAssessment(tx: Queryable, id: string): Promise<AssessmentRow | undefined> {
  if (!UUID.test(id)) return undefined;
  return (await tx.query<AssessmentRow>(`${SELECT} WHERE a.id = $1`, [id])).rows[0];
}

export async function listClientAssessments(tx: Queryable, clientId: string): Promise<AssessmentRow[]> {
  return (
    await tx.query<AssessmentRow>(`${SELECT} WHERE a.client_id = $1 ORDER BY a.assessed_on, a.created_at`, [
      clientId,
    ])
  ).rows;
}

export async function listAmendments(tx: Queryable, assessmentId: string): Promise<AmendmentRow[]> {
  return (
    await tx.query<AmendmentRow>(
      `SELECT id, amended_at, amended_by, lotse_user_display_name(amended_by) AS amended_by_name, reason,
              changed_items, previous_date, previous_answers, previous_scores, previous_total
         FROM assessment_amendments WHERE assessment_id = $1 ORDER BY amended_at`,
      [assessmentId],
    )
  ).rows;
}

export interface NewAssessment {
  agencyId: string;
  clientId: string;
  instrumentId: string;
  occasion: string;
  perspective: string;
  mode: string;
  date: string;
  status: 'draft' | 'completed';
  answers: Answers;
  scores: DimensionScore[];
  total: number | null;
  enteredBy: string | null;
  now: Date;
}

/** What an edit may change, in the order the insert and the update both list it. */
type Editable = Pick<NewAssessment, 'occasion' | 'mode' | 'date' | 'status' | 'answers' | 'scores' | 'total'>;
const editableValues = (a: Editable) => [
  a.occasion,
  a.mode,
  a.date,
  a.status,
  JSON.stringify(a.answers),
  JSON.stringify(a.scores),
  a.total,
];

export async function insertAssessment(tx: Queryable, a: NewAssessment): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `INSERT INTO assessments (agency_id, client_id, instrument_id, perspective, occasion, mode, assessed_on, status,
                              answers, scores, total_score, entered_by, created_at, updated_at, completed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14) RETURNING id`,
    [
      a.agencyId,
      a.clientId,
      a.instrumentId,
      a.perspective,
      ...editableValues(a),
      a.enteredBy,
      a.now,
      a.status === 'completed' ? a.now : null,
    ],
  );
  return r.rows[0]?.id as string;
}

export async function updateAssessment(
  tx: Queryable,
  id: string,
  a: Editable & { now: Date; completedAt: Date | null },
) {
  await tx.query(
    `UPDATE assessments SET occasion = $2, mode = $3, assessed_on = $4, status = $5, answers = $6, scores = $7,
            total_score = $8, updated_at = $9, completed_at = $10
      WHERE id = $1`,
    [id, ...editableValues(a), a.now, a.completedAt],
  );
}

export async function insertAmendment(
  tx: Queryable,
  before: AssessmentRow,
  change: { changedItems: string[]; reason: string; by: string; now: Date },
) {
  await tx.query(
    `INSERT INTO assessment_amendments (agency_id, assessment_id, client_id, previous_answers, previous_scores,
                                        previous_total, previous_date, changed_items, reason, amended_by, amended_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      before.agency_id,
      before.id,
      before.client_id,
      JSON.stringify(before.answers),
      JSON.stringify(before.scores),
      before.total_score,
      before.assessed_on,
      change.changedItems,
      change.reason,
      change.by,
      change.now,
    ],
  );
}

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function presentSummary(row: AssessmentRow): AssessmentSummaryView {
  return {
    id: row.id,
    clientId: row.client_id,
    instrumentId: row.instrument_id,
    instrumentKey: row.instrument_key,
    instrumentVersion: row.instrument_version,
    occasion: row.occasion,
    perspective: row.perspective,
    mode: row.mode,
    date: row.assessed_on,
    status: row.status,
    totalScore: row.total_score,
    enteredBy: person(row.entered_by, row.entered_by_name),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentAssessment(row: AssessmentRow, amendments: AmendmentRow[]): AssessmentView {
  return {
    ...presentSummary(row),
    answers: row.answers,
    scores: row.scores,
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
    amendments: amendments.map((m) => ({
      id: m.id,
      amendedAt: m.amended_at.toISOString(),
      amendedBy: person(m.amended_by, m.amended_by_name),
      reason: m.reason,
      changedItems: m.changed_items,
      previousDate: m.previous_date,
    })),
  };
}
