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
import { authorize } from '../../platform/policy.ts';
import { programmeSpending } from './figures.ts';
import { isManager, loadProgrammeFor } from './programme-access.ts';
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
    const planned = await scope.tx.query<{ agency_id: string; funding_line: FundingLine; amount: string }>(
      'SELECT agency_id, funding_line, amount FROM budgets WHERE programme_id = $1 AND year = $2',
      [programme.id, y],
    );
    const spent = await programmeSpending(scope, programme.id, `${y}-01-01`, `${y}-12-31`);
    const plan = plannedPercent(y, asOf, programme.starts_on, programme.ends_on);
    const budgetOf = (agencyId: string | null, line: FundingLine | null) =>
      planned.rows
        .filter(
          (b) =>
            (agencyId === null || b.agency_id === agencyId) && (line === null || b.funding_line === line),
        )
        .filter((b) => agencies.some((a) => a.agency_id === b.agency_id))
        .reduce((s, b) => s + numericToCents(b.amount), 0);
    const spentOf = (agencyId: string | null, line: FundingLine | null) =>
      spent
        .filter(
          (x) =>
            (agencyId === null || x.agency_id === agencyId) && (line === null || x.funding_line === line),
        )
        .filter((x) => agencies.some((a) => a.agency_id === x.agency_id))
        .reduce((s, x) => s + x.cents, 0);
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
    await scope.tx.query(
      `INSERT INTO budgets (programme_id, agency_id, year, funding_line, amount, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (programme_id, agency_id, year, funding_line)
       DO UPDATE SET amount = EXCLUDED.amount, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [programme.id, agencyId, input.year, input.fundingLine, input.amount, actor.userId, scope.now],
    );
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

interface ExpenditureRow {
  id: string;
  programme_id: string;
  agency_id: string;
  funding_line: FundingLine;
  amount: string;
  booked_on: string;
  reference: string;
  enrolment_id: string | null;
  created_at: Date;
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

const SELECT_EXPENDITURE = `SELECT id, programme_id, agency_id, funding_line, amount::text AS amount, booked_on, reference,
  enrolment_id, created_at FROM expenditures`;

/** Books an expenditure of the actor's agency; amounts are exact decimals (numeric(12,2)). */
export async function book(
  ctx: AppContext,
  actor: Actor,
  programmeId: string,
  input: CreateExpenditureRequest,
) {
  return withActor(ctx, actor, async (scope) => {
    const programme = await loadProgrammeFor(scope, programmeId, 'expenditures.write');
    if (input.date < programme.starts_on || input.date > programme.ends_on) {
      const message = `Das Datum liegt außerhalb der Laufzeit des Programms (${programme.starts_on} bis ${programme.ends_on}).`;
      throw badRequest(message, [{ path: 'date', message }]);
    }
    let clientId: string | null = null;
    if (input.enrolmentId) {
      const e = await scope.tx.query<{ client_id: string }>(
        'SELECT client_id FROM enrolments WHERE id = $1 AND programme_id = $2 AND agency_id = $3',
        [input.enrolmentId, programme.id, actor.agencyId],
      );
      clientId = e.rows[0]?.client_id ?? null;
      if (!clientId) {
        const message = 'Keine Teilnahme dieser Stelle in diesem Programm.';
        throw badRequest(message, [{ path: 'enrolmentId', message }]);
      }
    }
    const id = randomUUID();
    await scope.tx.query(
      `INSERT INTO expenditures (id, agency_id, programme_id, funding_line, amount, booked_on, reference, enrolment_id,
                                 created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        actor.agencyId,
        programme.id,
        input.fundingLine,
        input.amount,
        input.date,
        input.reference,
        input.enrolmentId ?? null,
        actor.userId,
        scope.now,
      ],
    );
    await scope.audit({
      action: 'expenditures.create',
      resourceType: 'expenditure',
      resourceId: id,
      clientId,
      details: { programmeId: programme.id, fundingLine: input.fundingLine, amount: input.amount },
    });
    const row = (await scope.tx.query<ExpenditureRow>(`${SELECT_EXPENDITURE} WHERE id = $1`, [id])).rows[0];
    return { expenditure: presentExpenditure(row as ExpenditureRow) };
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
    const r = await scope.tx.query<ExpenditureRow & { total: number }>(
      `${SELECT_EXPENDITURE.replace('SELECT', 'SELECT count(*) OVER ()::int AS total,')}
        WHERE programme_id = $1 AND agency_id = $2 AND ($3::int IS NULL OR extract(year FROM booked_on) = $3)
        ORDER BY booked_on DESC, created_at DESC, id LIMIT $4 OFFSET $5`,
      [programme.id, actor.agencyId, query.year ?? null, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return {
      items: r.rows.map(presentExpenditure),
      page: query.page,
      pageSize: query.pageSize,
      total: r.rows[0]?.total ?? 0,
    };
  });
}
