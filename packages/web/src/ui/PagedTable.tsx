import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../app/errors.ts';
import type { QueryState } from '../app/useApi.ts';
import { Alert } from './Alert.tsx';
import { Loading } from './Page.tsx';
import { Pagination } from './Pagination.tsx';
import { type Column, TableRegion } from './TableRegion.tsx';

interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/**
 * One page of a list loaded from the server, as a table: the failure or the loading state first,
 * then the rows, a sentence when there are none, and the page switch.
 */
export function PagedTable<T>({
  list,
  caption,
  columns,
  empty,
  onPage,
  children,
}: {
  list: QueryState<Paged<T>>;
  /** The caption for the list's total count. */
  caption: (total: number) => ReactNode;
  columns: readonly Column[];
  /** Said when the page has no rows. */
  empty: string;
  onPage: (page: number) => void;
  /** The table row of one item. */
  children: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const data = list.data;
  return (
    <>
      {list.error ? <Alert tone="error">{errorText(t, list.error)}</Alert> : null}
      {list.loading && !data ? <Loading label={t('common.loading')} /> : null}
      {data ? (
        <>
          <TableRegion caption={caption(data.total)} columns={columns}>
            {data.items.map(children)}
          </TableRegion>
          {data.items.length === 0 ? <p>{empty}</p> : null}
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={onPage} />
        </>
      ) : null}
    </>
  );
}
