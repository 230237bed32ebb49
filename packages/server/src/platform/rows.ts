import type { Tables } from './schema.generated.ts';

export type { Tables };

/**
 * The row type of a narrowing `N` of `R`: each column `N` names has a type the driver's type is
 * assignable from in the other direction (a text column with a CHECK of allowed values, the shape of
 * a jsonb column), and `N` names no column `R` lacks.
 */
type Narrowing<R, N> = Partial<R> & Record<Exclude<keyof N, keyof R>, never>;

/**
 * A row of `table` as the driver returns it (schema.generated.ts), with some columns narrowed. A
 * column the migrations drop or rename, or a narrowing the column's type no longer allows, fails
 * the type-check: `Pick<Row<'cases', { status: CaseStatus }>, 'id' | 'status'>`.
 */
export type Row<T extends keyof Tables, N extends Narrowing<Tables[T], N> = Record<never, never>> = Omit<
  Tables[T],
  keyof N
> &
  N;
