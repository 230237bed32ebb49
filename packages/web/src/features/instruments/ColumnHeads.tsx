import type { Column } from '../../ui/TableRegion.tsx';

/** The head of a table written out by hand (it carries its own test id or caption id): one row of column headings. */
export function ColumnHeads({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed per table
          <th key={i} scope="col" className={column.numeric ? 'num' : undefined}>
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
