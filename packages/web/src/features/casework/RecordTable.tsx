import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueryState } from '../../app/useApi.ts';
import { Button } from '../../ui/Button.tsx';
import { LoadedTable } from '../../ui/LoadedTable.tsx';

/** The one action a row offers: a small button, named with the row for screen readers. */
export interface RowAction {
  label: string;
  accessibleLabel: string;
  onPress: () => void;
}

/**
 * A list of the client's record under its section heading: the heading's text names the table (for
 * screen readers only, the heading stands just above it), and a last column, named for screen readers
 * only, holds each row's action where it has one.
 */
export function RecordTable<T extends { id: string }>({
  query,
  texts,
  columns,
  cells,
  action,
}: {
  query: QueryState<{ items: readonly T[] }>;
  /** The section's texts (`casework.<texts>.*`): its heading `title`, `none` and the column headings. */
  texts: string;
  /** The keys of the columns' headings before the actions column. */
  columns: readonly string[];
  /** The cells of an entry's row before its action. */
  cells: (item: T) => ReactNode;
  /** The entry's action, if it has one now. */
  action: (item: T) => RowAction | null;
}) {
  const { t } = useTranslation();
  return (
    <LoadedTable
      query={query}
      empty={t(`casework.${texts}.none`)}
      caption={t(`casework.${texts}.title`)}
      captionHidden
      labelTable
      columns={[
        ...columns.map((key) => ({ label: t(`casework.${texts}.${key}`) })),
        { label: t('casework.actions'), hidden: true },
      ]}
      cells={(item) => {
        const row = action(item);
        return (
          <>
            {cells(item)}
            <td>
              {row ? (
                <Button variant="secondary" size="sm" onPress={row.onPress} aria-label={row.accessibleLabel}>
                  {row.label}
                </Button>
              ) : null}
            </td>
          </>
        );
      }}
    />
  );
}
