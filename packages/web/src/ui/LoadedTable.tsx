import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../app/errors.ts';
import type { QueryState } from '../app/useApi.ts';
import { Alert } from './Alert.tsx';
import { TableRegion } from './TableRegion.tsx';

/**
 * A loaded list as a table: the load's failure, the table once there are rows, or the text saying the
 * list is empty. Nothing while the first load runs. The table props are those of `TableRegion`.
 */
export function LoadedTable<T extends { id: string }>({
  query,
  empty,
  cells,
  ...table
}: {
  query: QueryState<{ items: readonly T[] }>;
  /** Shown when the list has no entries. */
  empty: string;
  /** The cells of an entry's row. */
  cells: (item: T) => ReactNode;
} & Omit<Parameters<typeof TableRegion>[0], 'children'>) {
  const { t } = useTranslation();
  const items = query.data?.items;
  return (
    <>
      {query.error ? <Alert tone="error">{errorText(t, query.error)}</Alert> : null}
      {items && items.length > 0 ? (
        <TableRegion {...table}>
          {items.map((item) => (
            <tr key={item.id}>{cells(item)}</tr>
          ))}
        </TableRegion>
      ) : items ? (
        <p>{empty}</p>
      ) : null}
    </>
  );
}
