import type { CreateGoalRequest, GoalView, UpdateGoalRequest } from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { badRequest } from '../../platform/errors.ts';
import { caseWorkOwner } from '../cases/cases.service.ts';
import { clientList, requireAccess, requireWritableClient } from '../clients/access.ts';
import { assertDateOrder, assertDateWithin, DATE_RANGES, today } from '../clients/date-rules.ts';
import { knownDimensionKeys } from '../instruments/dimension-keys.ts';
import { findGoal, type GoalRow, goalsOf, insertGoal, updateGoal } from './goals.repo.ts';

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
  return (await goalsOf(scope.tx, clientId)).map(presentGoal);
}

export const list = (ctx: AppContext, actor: Actor, clientId: string) =>
  clientList(ctx, actor, 'goals.read', clientId, (scope) => goalsOfClient(scope, clientId));

export function create(ctx: AppContext, actor: Actor, clientId: string, input: CreateGoalRequest) {
  return withActor(ctx, actor, async (scope) => {
    const client = await requireWritableClient(scope, 'goals.write', clientId);
    await assertKnownDimension(scope, input.dimension);
    assertDateWithin('targetDate', input.targetDate, scope.now, DATE_RANGES.target);
    if (input.agreedOn) assertDateWithin('agreedOn', input.agreedOn, scope.now, DATE_RANGES.event);
    assertDateOrder('goalTarget', input.agreedOn ?? today(scope.now), input.targetDate);
    const goal = await insertGoal(scope.tx, {
      ...(await caseWorkOwner(scope, client)),
      title: input.title,
      dimension: input.dimension,
      steps: input.steps ?? [],
      targetDate: input.targetDate,
      agreedOn: input.agreedOn ?? today(scope.now),
      userId: actor.userId,
      now: scope.now,
    });
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
    const goal = (await findGoal(scope.tx, goalId)) as GoalRow;
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
    const updated = await updateGoal(
      scope.tx,
      goalId,
      {
        title: input.title ?? goal.title,
        dimension: input.dimension ?? goal.dimension,
        steps: input.steps ?? goal.steps,
        target_date: input.targetDate ?? goal.target_date,
        status: input.status ?? goal.status,
        review: input.review !== undefined ? input.review : goal.review,
        reviewed_on: reviewedOn,
      },
      scope.now,
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
    return presentGoal(updated);
  });
}
