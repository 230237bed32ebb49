import type { GoalView } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Row } from '../../platform/rows.ts';

export type GoalRow = Row<'goals', { steps: string[]; status: GoalView['status'] }>;

/** A client's goals: open ones first, then by target date. */
export async function goalsOf(tx: Queryable, clientId: string): Promise<GoalRow[]> {
  const rows = await tx.query<GoalRow>(
    `SELECT * FROM goals WHERE client_id = $1
      ORDER BY (status = 'open') DESC, target_date, created_at`,
    [clientId],
  );
  return rows.rows;
}

export async function findGoal(tx: Queryable, goalId: string): Promise<GoalRow | undefined> {
  return (await tx.query<GoalRow>('SELECT * FROM goals WHERE id = $1', [goalId])).rows[0];
}

/** A new open goal. */
export async function insertGoal(
  tx: Queryable,
  g: {
    agencyId: string;
    clientId: string;
    caseId: string | null;
    title: string;
    dimension: string;
    steps: string[];
    targetDate: string;
    agreedOn: string;
    userId: string;
    now: Date;
  },
): Promise<GoalRow> {
  const inserted = await tx.query<GoalRow>(
    `INSERT INTO goals (agency_id, client_id, case_id, title, dimension, steps, target_date, status, agreed_on,
                        created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9, $10, $10) RETURNING *`,
    [
      g.agencyId,
      g.clientId,
      g.caseId,
      g.title,
      g.dimension,
      JSON.stringify(g.steps),
      g.targetDate,
      g.agreedOn,
      g.userId,
      g.now,
    ],
  );
  return inserted.rows[0] as GoalRow;
}

export async function updateGoal(
  tx: Queryable,
  goalId: string,
  g: Pick<GoalRow, 'title' | 'dimension' | 'steps' | 'target_date' | 'status' | 'review' | 'reviewed_on'>,
  now: Date,
): Promise<GoalRow> {
  const updated = await tx.query<GoalRow>(
    `UPDATE goals SET title = $2, dimension = $3, steps = $4, target_date = $5, status = $6, review = $7,
                      reviewed_on = $8, updated_at = $9
      WHERE id = $1 RETURNING *`,
    [
      goalId,
      g.title,
      g.dimension,
      JSON.stringify(g.steps),
      g.target_date,
      g.status,
      g.review,
      g.reviewed_on,
      now,
    ],
  );
  return updated.rows[0] as GoalRow;
}
