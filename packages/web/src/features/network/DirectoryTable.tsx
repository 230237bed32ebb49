import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueryState } from '../../app/useApi.ts';
import { PagedTable } from '../../ui/PagedTable.tsx';

interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/**
 * A page of a network list (offers, partners, publications) as a table: the texts come from the list's
 * key prefix (`<texts>.caption` with the count, `<texts>.empty`), each row is headed by the item's name.
 */
export function DirectoryTable<T extends { id: string }>({
  list,
  texts,
  columns,
  onPage,
  head,
  children,
}: {
  list: QueryState<Page<T>>;
  /** The key prefix of the list's caption and empty text, e.g. `network.offers`. */
  texts: string;
  /** The text keys of the column heads. */
  columns: readonly string[];
  onPage: (page: number) => void;
  /** What names the item in the row's head cell. */
  head: (item: T) => ReactNode;
  /** The row's further cells. */
  children: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <PagedTable
      list={list}
      caption={(count) => t(`${texts}.caption`, { count })}
      columns={columns.map((key) => ({ label: t(key) }))}
      empty={t(`${texts}.empty`)}
      onPage={onPage}
    >
      {(item) => (
        <tr key={item.id}>
          <th scope="row">{head(item)}</th>
          {children(item)}
        </tr>
      )}
    </PagedTable>
  );
}

/** An entry's name linking to its page, marked with who shares it unless it is the agency's own. */
export function EntryLink({ to, name, sharedBy }: { to: string; name: string; sharedBy: string | null }) {
  return (
    <>
      <Link to={to}>{name}</Link>
      {sharedBy === null ? null : <span className="badge badge--neutral"> {sharedBy}</span>}
    </>
  );
}
