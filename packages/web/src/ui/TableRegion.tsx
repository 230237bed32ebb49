import { type ReactNode, useId } from 'react';

export interface Column {
  label: ReactNode;
  /** Right-aligned figures. */
  numeric?: boolean;
  /** Read by screen readers only (the actions column). */
  hidden?: boolean;
}

/**
 * A data table in a region that scrolls sideways on narrow screens: the region is reachable by
 * keyboard (WCAG 2.1.1) and named by the table's caption.
 */
export function TableRegion({
  caption,
  captionHidden = false,
  className = 'table',
  labelTable = false,
  columns,
  children,
}: {
  caption: ReactNode;
  /** The caption repeats a visible heading: screen readers only. */
  captionHidden?: boolean;
  className?: string;
  /** The table itself carries the caption's name too. */
  labelTable?: boolean;
  columns: readonly Column[];
  /** The rows of the body. */
  children: ReactNode;
}) {
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-wrap" aria-labelledby={captionId} tabIndex={0}>
      <table className={className} aria-labelledby={labelTable ? captionId : undefined}>
        <caption id={captionId} className={captionHidden ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed per table
              <th key={i} scope="col" className={column.numeric ? 'num' : undefined}>
                {column.hidden ? <span className="visually-hidden">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}
