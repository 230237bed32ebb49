import { type ReactNode, useState } from 'react';
import { Button } from './Button.tsx';

/**
 * A small button in a table row that opens a dialog about that row. `label` is the short visible
 * text; `accessibleLabel` names the row too ("Exit: Anna Beispiel"), since every row has the same
 * button. The dialog gets `close` for its own cancel and success.
 */
export function RowAction({
  label,
  accessibleLabel,
  dialog,
}: {
  label: string;
  accessibleLabel: string;
  dialog: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="secondary" aria-label={accessibleLabel} onPress={() => setOpen(true)}>
        {label}
      </Button>
      {open ? dialog(() => setOpen(false)) : null}
    </>
  );
}
