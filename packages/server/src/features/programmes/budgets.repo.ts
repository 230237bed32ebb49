import type { FundingLine } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Row } from '../../platform/rows.ts';

export type BudgetRow = Pick<
  Row<'budgets', { funding_line: FundingLine }>,
  'agency_id' | 'funding_line' | 'amount'
>;

/** Planned budgets of the programme in one year. */
export async function budgetsOfYear(tx: Queryable, programmeId: string, year: number): Promise<BudgetRow[]> {
  return (
    await tx.query<BudgetRow>(
      'SELECT agency_id, funding_line, amount FROM budgets WHERE programme_id = $1 AND year = $2',
      [programmeId, year],
    )
  ).rows;
}

/** Planned budgets of the programme in the years `fromYear` to `toYear`. */
export async function budgetsOfYears(
  tx: Queryable,
  programmeId: string,
  fromYear: number,
  toYear: number,
): Promise<BudgetRow[]> {
  return (
    await tx.query<BudgetRow>(
      'SELECT agency_id, funding_line, amount FROM budgets WHERE programme_id = $1 AND year BETWEEN $2 AND $3',
      [programmeId, fromYear, toYear],
    )
  ).rows;
}

export async function upsertBudget(
  tx: Queryable,
  b: {
    programmeId: string;
    agencyId: string;
    year: number;
    fundingLine: FundingLine;
    amount: string;
    updatedBy: string;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO budgets (programme_id, agency_id, year, funding_line, amount, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (programme_id, agency_id, year, funding_line)
     DO UPDATE SET amount = EXCLUDED.amount, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [b.programmeId, b.agencyId, b.year, b.fundingLine, b.amount, b.updatedBy, b.at],
  );
}

export type ExpenditureRow = Omit<Row<'expenditures', { funding_line: FundingLine }>, 'created_by'>;

const SELECT_EXPENDITURE = `SELECT id, programme_id, agency_id, funding_line, amount::text AS amount, booked_on, reference,
  enrolment_id, created_at FROM expenditures`;

/** The client of an enrolment of the agency in the programme. */
export async function enrolmentClientId(
  tx: Queryable,
  enrolmentId: string,
  programmeId: string,
  agencyId: string,
): Promise<string | null> {
  const e = await tx.query<{ client_id: string }>(
    'SELECT client_id FROM enrolments WHERE id = $1 AND programme_id = $2 AND agency_id = $3',
    [enrolmentId, programmeId, agencyId],
  );
  return e.rows[0]?.client_id ?? null;
}

export interface NewExpenditure {
  id: string;
  agencyId: string;
  programmeId: string;
  fundingLine: FundingLine;
  amount: string;
  date: string;
  reference: string;
  enrolmentId: string | null;
  createdBy: string;
  at: Date;
}

export async function insertExpenditure(tx: Queryable, e: NewExpenditure): Promise<void> {
  await tx.query(
    `INSERT INTO expenditures (id, agency_id, programme_id, funding_line, amount, booked_on, reference, enrolment_id,
                               created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      e.id,
      e.agencyId,
      e.programmeId,
      e.fundingLine,
      e.amount,
      e.date,
      e.reference,
      e.enrolmentId,
      e.createdBy,
      e.at,
    ],
  );
}

export async function findExpenditure(tx: Queryable, id: string): Promise<ExpenditureRow | undefined> {
  return (await tx.query<ExpenditureRow>(`${SELECT_EXPENDITURE} WHERE id = $1`, [id])).rows[0];
}

/** The agency's expenditures in the programme (optionally one year), newest first, with the total count. */
export async function listExpenditureRows(
  tx: Queryable,
  programmeId: string,
  agencyId: string,
  year: number | null,
  limit: number,
  offset: number,
): Promise<(ExpenditureRow & { total: number })[]> {
  return (
    await tx.query<ExpenditureRow & { total: number }>(
      `${SELECT_EXPENDITURE.replace('SELECT', 'SELECT count(*) OVER ()::int AS total,')}
        WHERE programme_id = $1 AND agency_id = $2 AND ($3::int IS NULL OR extract(year FROM booked_on) = $3)
        ORDER BY booked_on DESC, created_at DESC, id LIMIT $4 OFFSET $5`,
      [programmeId, agencyId, year, limit, offset],
    )
  ).rows;
}

/** Spent (numeric text) per agency, year and funding line in the period. */
export async function spendingRows(
  tx: Queryable,
  programmeId: string,
  from: string,
  to: string,
): Promise<{ agency_id: string; year: number; funding_line: string; spent: string }[]> {
  return (
    await tx.query<{ agency_id: string; year: number; funding_line: string; spent: string }>(
      'SELECT agency_id, year, funding_line, spent FROM lotse_programme_spending($1, $2, $3)',
      [programmeId, from, to],
    )
  ).rows;
}
