import type { ReactNode } from 'react';
import { type Column, TableRegion } from './TableRegion.tsx';

export interface FigureColumn extends Column {
  /** Dates and codes that must not break. */
  nowrap?: boolean;
}

/**
 * A table of figures given as rows of cells: one cell names its row (a row header, the first unless
 * `rowHeader` says otherwise) and the cells of numeric columns line up like their heading.
 */
export function FigureTable({
  caption,
  columns,
  rows,
  rowHeader = 0,
  compact = false,
}: {
  caption: ReactNode;
  columns: readonly FigureColumn[];
  rows: readonly (readonly ReactNode[])[];
  rowHeader?: number;
  compact?: boolean;
}) {
  const classOf = (j: number) =>
    [columns[j]?.numeric ? 'num' : '', columns[j]?.nowrap ? 'cell--nowrap' : ''].join(' ').trim() ||
    undefined;
  return (
    <TableRegion caption={caption} columns={columns} className={compact ? 'table table--compact' : 'table'}>
      {rows.map((cells, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and never reordered
        <tr key={i}>
          {cells.map((cell, j) =>
            j === rowHeader ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
              <th key={j} scope="row" className={classOf(j)}>
                {cell}
              </th>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
              <td key={j} className={classOf(j)}>
                {cell}
              </td>
            ),
          )}
        </tr>
      ))}
    </TableRegion>
  );
}
