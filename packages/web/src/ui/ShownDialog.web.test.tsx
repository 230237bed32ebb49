import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ShownDialog } from './ShownDialog.tsx';

function Harness({ isDismissable }: { isDismissable?: boolean }) {
  const [open, setOpen] = useState(true);
  return open ? (
    <ShownDialog
      title="Teilnehmende"
      onClose={() => setOpen(false)}
      {...(isDismissable === undefined ? {} : { isDismissable })}
    >
      <p>Inhalt</p>
    </ShownDialog>
  ) : (
    <p>geschlossen</p>
  );
}

describe('ShownDialog', () => {
  it('is open while rendered and closes through onClose on Escape', async () => {
    render(<Harness />);
    expect(screen.getByRole('dialog', { name: 'Teilnehmende' })).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    expect(await screen.findByText('geschlossen')).toBeTruthy();
  });

  it('stays open on Escape while it may not be dismissed', async () => {
    render(<Harness isDismissable={false} />);
    await userEvent.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Teilnehmende' })).toBeTruthy();
  });
});
