import type { CreateGoalRequest, GoalView, UpdateGoalRequest } from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { badRequest } from '../../platform/errors.ts';
import { openCaseOf } from '../cases/cases.service.ts';
import { readClient, requireAccess, requireClient } from '../clients/access.ts';
import { assertDateOrder, assertDateWithin, DATE_RANGES, today } from '../clients/date-rules.ts';
import { knownDimensionKeys } from '../instruments/dimension-keys.ts';

interface GoalRow {
  id: string;
  agency_id: string;
  client_id: string;
  case_id: string | null;
  title: string;
  dimension: string;
  steps: string[];
  target_date: string;
  status: GoalView['status'];
  review: string | null;
  reviewed_on: string | null;
  agreed_on: string;
  created_at: Date;
  updated_at: Date;
}

export function presentGoal(r: GoalRow): GoalView {
  return {
    id: r.id,
    clientId: r.client_id,
    caseId: r.case_id,
    title: r.title,
    dimension: r.dimension,
    steps: r.steps,
    targetDate: r.target_date,
    status: r.status,
    review: r.review,
    reviewedOn: r.reviewed_on,
    agreedOn: r.agreed_on,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** A goal is linked to a participation dimension of a published instrument. */
async function assertKnownDimension(scope: ActorScope, dimension: string) {
  if (!(await knownDimensionKeys(scope.tx)).has(dimension))
    throw badRequest('Unbekannter Teilhabebereich.', [
      { path: 'dimension', message: 'Kein Teilhabebereich eines veröffentlichten Erhebungsbogens.' },
    ]);
}

export async function goalsOfClient(scope: ActorScope, clientId: string): Promise<GoalView[]> {
  const rows = await scope.tx.query<GoalRow>(
    `SELECT * FROM goals WHERE client_id = $1
      ORDER BY (status = 'open') DESC, target_date, created_at`,
    [clientId],
  );
  return rows.rows.map(presentGoal);
}

export function list(ctx: AppContext, actor: Actor, clientId: string) {
  return withActor(ctx, actor, async (scope) => {
    const items = await readClient(scope, { action: 'goals.read' }, clientId, async () => ({
      value: await goalsOfClient(scope, clientId),
    }));
    return { items, total: items.length };
  });
}

export function create(ctx: AppContext, actor: Actor, clientId: string, input: CreateGoalRequest) {
  return withActor(ctx, actor, async (scope) => {
    const client = await requireClient(scope, 'goals.write', clientId);
    if (client.anonymised_at) throw badRequest('Die Daten dieser Person wurden gelöscht.');
    await assertKnownDimension(scope, input.dimension);
    assertDateWithin('targetDate', input.targetDate, scope.now, DATE_RANGES.target);
    if (input.agreedOn) assertDateWithin('agreedOn', input.agreedOn, scope.now, DATE_RANGES.event);
    assertDateOrder('goalTarget', input.agreedOn ?? today(scope.now), input.targetDate);
    const open = await openCaseOf(scope.tx, clientId);
    const inserted = await scope.tx.query<GoalRow>(
      `INSERT INTO goals (agency_id, client_id, case_id, title, dimension, steps, target_date, status, agreed_on,
                          created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9, $10, $10) RETURNING *`,
      [
        client.agency_id,
        clientId,
        open?.id ?? null,
        input.title,
        input.dimension,
        JSON.stringify(input.steps ?? []),
        input.targetDate,
        input.agreedOn ?? today(scope.now),
        actor.userId,
        scope.now,
      ],
    );
    const goal = inserted.rows[0] as GoalRow;
    await scope.audit({
      action: 'goals.create',
      resourceType: 'goal',
      resourceId: goal.id,
      clientId,
      details: { dimension: input.dimension },
    });
    return presentGoal(goal);
  });
}

export function update(ctx: AppContext, actor: Actor, goalId: string, input: UpdateGoalRequest) {
  return withActor(ctx, actor, async (scope) => {
    await requireAccess(scope, 'goals.write', 'goal', goalId);
    const found = await scope.tx.query<GoalRow>('SELECT * FROM goals WHERE id = $1', [goalId]);
    const goal = found.rows[0] as GoalRow;
    if (input.dimension !== undefined) await assertKnownDimension(scope, input.dimension);
    if (input.targetDate) assertDateWithin('targetDate', input.targetDate, scope.now, DATE_RANGES.target);
    if (input.reviewedOn) assertDateWithin('reviewedOn', input.reviewedOn, scope.now, DATE_RANGES.event);
    assertDateOrder('goalTarget', goal.agreed_on, input.targetDate);
    assertDateOrder('goalReview', goal.agreed_on, input.reviewedOn);
    // A review without a date is dated today.
    const reviewedOn =
      input.reviewedOn !== undefined
        ? input.reviewedOn
        : input.review && !goal.reviewed_on
          ? today(scope.now)
          : goal.reviewed_on;
    const updated = await scope.tx.query<GoalRow>(
      `UPDATE goals SET title = $2, dimension = $3, steps = $4, target_date = $5, status = $6, review = $7,
                        reviewed_on = $8, updated_at = $9
        WHERE id = $1 RETURNING *`,
      [
        goalId,
        input.title ?? goal.title,
        input.dimension ?? goal.dimension,
        JSON.stringify(input.steps ?? goal.steps),
        input.targetDate ?? goal.target_date,
        input.status ?? goal.status,
        input.review !== undefined ? input.review : goal.review,
        reviewedOn,
        scope.now,
      ],
    );
    await scope.audit({
      action: 'goals.update',
      resourceType: 'goal',
      resourceId: goalId,
      clientId: goal.client_id,
      details: {
        fields: Object.keys(input),
        ...(input.status && input.status !== goal.status ? { status: input.status } : {}),
      },
    });
    return presentGoal(updated.rows[0] as GoalRow);
  });
}
