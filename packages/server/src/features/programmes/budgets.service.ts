import { randomUUID } from 'node:crypto';
import {
  type BudgetsView,
  burnRate,
  type CreateExpenditureRequest,
  type ExpenditureView,
  type FundingLine,
  formatCents,
  fundingLines,
  numericToCents,
  parseCents,
  plannedPercent,
} from '@lotse/domain';
import { type Actor, type AppContext, withActor } from '../../platform/context.ts';
import { badRequest } from '../../platform/errors.ts';
import { pageOf, pageOffset } from '../../platform/paging.ts';
import { authorize } from '../../platform/policy.ts';
import {
  budgetsOfYear,
  type ExpenditureRow,
  enrolmentClientId,
  findExpenditure,
  insertExpenditure,
  listExpenditureRows,
  upsertBudget,
} from './budgets.repo.ts';
import { programmeSpending } from './figures.ts';
import { assertWithinProgramme, isManager, loadProgrammeFor } from './programme-access.ts';
import { programmeAgencies } from './programmes.repo.ts';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Budget per agency and funding line for one year, what was spent (exact sums), what remains and
 * the burn rate: a warning when the share spent runs more than 10 points ahead of the share of the
 * year elapsed. Managers (owner, partners) see every agency, participants their own.
 */
export async function budgets(ctx: AppContext, actor: Actor, programmeId: string, year?: number) {
  return withActor(ctx, actor, async (scope): Promise<BudgetsView> => {
    const programme = await loadProgrammeFor(scope, programmeId, 'budgets.read');
    const y = year ?? scope.now.getUTCFullYear();
    const today = isoDay(scope.now);
    const asOf = today < `${y}-12-31` ? today : `${y}-12-31`;
    const all = await programmeAgencies(scope.tx, [programme.id]);
    const agencies = isManager(programme) ? all : all.filter((a) => a.agency_id === actor.agencyId);
    const planned = await budgetsOfYear(scope.tx, programme.id, y);
    const spent = await programmeSpending(scope, programme.id, `${y}-01-01`, `${y}-12-31`);
    const plan = plannedPercent(y, asOf, programme.starts_on, programme.ends_on);
    // Cents of the shown agencies' rows, for one agency or all (null) and one funding line or all.
    const sumOf =
      <R extends { agency_id: string; funding_line: string }>(rows: R[], cents: (row: R) => number) =>
      (agencyId: string | null, line: FundingLine | null) =>
        rows
          .filter(
            (r) =>
              (agencyId === null || r.agency_id === agencyId) && (line === null || r.funding_line === line),
          )
          .filter((r) => agencies.some((a) => a.agency_id === r.agency_id))
          .reduce((s, r) => s + cents(r), 0);
    const budgetOf = sumOf(planned, (b) => numericToCents(b.amount));
    const spentOf = sumOf(spent, (x) => x.cents);
    const linesOf = (agencyId: string | null) =>
      fundingLines.map((line) => ({
        fundingLine: line,
        ...burnRate(budgetOf(agencyId, line), spentOf(agencyId, line), plan),
      }));
    await scope.audit({
      action: 'budgets.read',
      resourceType: 'programme',
      resourceId: programme.id,
      details: { year: y },
    });
    return {
      programmeId: programme.id,
      year: y,
      asOf,
      agencies: agencies.map((a) => ({
        agency: { id: a.agency_id, name: a.name, kind: a.kind },
        lines: linesOf(a.agency_id),
        total: burnRate(budgetOf(a.agency_id, null), spentOf(a.agency_id, null), plan),
      })),
      total: { lines: linesOf(null), total: burnRate(budgetOf(null, null), spentOf(null, null), plan) },
    };
  });
}

export async function setBudget(
  ctx: AppContext,
  actor: Actor,
  programmeId: string,
  input: { agencyId?: string | undefined; year: number; fundingLine: FundingLine; amount: string },
) {
  return withActor(ctx, actor, async (scope) => {
    const programme = await loadProgrammeFor(scope, programmeId, 'budgets.manage');
    const agencyId = input.agencyId ?? actor.agencyId;
    if (agencyId !== actor.agencyId && !isManager(programme)) {
      const message = 'Nur Trägerin und Partner des Programms planen Budgets anderer Stellen.';
      throw badRequest(message, [{ path: 'agencyId', message }]);
    }
    const member = (await programmeAgencies(scope.tx, [programme.id])).some((a) => a.agency_id === agencyId);
    if (!member) {
      const message = 'Die Stelle nimmt an diesem Programm nicht teil.';
      throw badRequest(message, [{ path: 'agencyId', message }]);
    }
    const firstYear = Number(programme.starts_on.slice(0, 4));
    const lastYear = Number(programme.ends_on.slice(0, 4));
    if (input.year < firstYear || input.year > lastYear) {
      const message = `Das Jahr liegt außerhalb der Laufzeit (${firstYear} bis ${lastYear}).`;
      throw badRequest(message, [{ path: 'year', message }]);
    }
    await upsertBudget(scope.tx, {
      programmeId: programme.id,
      agencyId,
      year: input.year,
      fundingLine: input.fundingLine,
      amount: input.amount,
      updatedBy: actor.userId,
      at: scope.now,
    });
    await scope.audit({
      action: 'budgets.set',
      resourceType: 'programme',
      resourceId: programme.id,
      details: { agencyId, year: input.year, fundingLine: input.fundingLine, amount: input.amount },
    });
    return {
      budget: {
        agencyId,
        year: input.year,
        fundingLine: input.fundingLine,
        amount: formatCents(parseCents(input.amount)),
      },
    };
  });
}

function presentExpenditure(r: ExpenditureRow): ExpenditureView {
  return {
    id: r.id,
    programmeId: r.programme_id,
    agencyId: r.agency_id,
    fundingLine: r.funding_line,
    amount: r.amount,
    date: r.booked_on,
    reference: r.reference,
    enrolmentId: r.enrolment_id,
    createdAt: r.created_at.toISOString(),
  };
}

/** Books an expenditure of the actor's agency; amounts are exact decimals (numeric(12,2)). */
export async function book(
  ctx: AppContext,
  actor: Actor,
  programmeId: string,
  input: CreateExpenditureRequest,
) {
  return withActor(ctx, actor, async (scope) => {
    const programme = await loadProgrammeFor(scope, programmeId, 'expenditures.write');
    assertWithinProgramme(programme, input.date, 'date');
    let clientId: string | null = null;
    if (input.enrolmentId) {
      clientId = await enrolmentClientId(scope.tx, input.enrolmentId, programme.id, actor.agencyId);
      if (!clientId) {
        const message = 'Keine Teilnahme dieser Stelle in diesem Programm.';
        throw badRequest(message, [{ path: 'enrolmentId', message }]);
      }
    }
    const id = randomUUID();
    await insertExpenditure(scope.tx, {
      id,
      agencyId: actor.agencyId,
      programmeId: programme.id,
      fundingLine: input.fundingLine,
      amount: input.amount,
      date: input.date,
      reference: input.reference,
      enrolmentId: input.enrolmentId ?? null,
      createdBy: actor.userId,
      at: scope.now,
    });
    await scope.audit({
      action: 'expenditures.create',
      resourceType: 'expenditure',
      resourceId: id,
      clientId,
      details: { programmeId: programme.id, fundingLine: input.fundingLine, amount: input.amount },
    });
    return { expenditure: presentExpenditure((await findExpenditure(scope.tx, id)) as ExpenditureRow) };
  });
}

export async function listExpenditures(
  ctx: AppContext,
  actor: Actor,
  programmeId: string,
  query: { page: number; pageSize: number; year?: number | undefined },
) {
  return withActor(ctx, actor, async (scope) => {
    const programme = await loadProgrammeFor(scope, programmeId, 'budgets.read');
    authorize(actor, 'budgets.read');
    const rows = await listExpenditureRows(
      scope.tx,
      programme.id,
      actor.agencyId,
      query.year ?? null,
      query.pageSize,
      pageOffset(query),
    );
    return pageOf(query, rows.map(presentExpenditure), rows[0]?.total ?? 0);
  });
}
