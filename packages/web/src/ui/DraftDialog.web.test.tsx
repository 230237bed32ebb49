import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../app/api.ts';
import { DraftDialog } from './DraftDialog.tsx';
import { TextField } from './TextField.tsx';
import { useDraft } from './useDraft.ts';

/** A button that opens the dialog; the dialog sends its draft and closes by clearing that state. */
function Harness({ send }: { send: (draft: { name: string }) => Promise<void> }) {
  const [open, setOpen] = useState(true);
  return open ? <NameDialog send={send} onClose={() => setOpen(false)} /> : <p>closed</p>;
}

function NameDialog({
  send,
  onClose,
}: {
  send: (draft: { name: string }) => Promise<void>;
  onClose: () => void;
}) {
  const form = useDraft(() => ({ name: '' }));
  return (
    <DraftDialog
      form={form}
      title="Person"
      submitLabel="Speichern"
      onClose={onClose}
      onSubmit={() => send(form.draft)}
    >
      {(field, errors) => (
        <>
          <TextField label="Name" {...field.text('name')} />
          {errors.other ? <p>{errors.other}</p> : null}
        </>
      )}
    </DraftDialog>
  );
}

describe('DraftDialog', () => {
  it('sends the draft its fields wrote and closes through onClose', async () => {
    const user = userEvent.setup();
    const send = vi.fn(async () => {});
    render(<Harness send={send} />);
    expect(screen.getByRole('dialog', { name: 'Person' })).toBeTruthy();
    await user.type(screen.getByLabelText('Name'), 'Kim');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    await screen.findByText('closed');
    expect(send).toHaveBeenCalledWith({ name: 'Kim' });
  });

  it('shows the server messages at the bound field and hands the others to the form', async () => {
    const user = userEvent.setup();
    const send = vi.fn(async () => {
      throw new ApiError(400, 'validation_failed', 'Eingaben ungültig', undefined, [
        { path: 'body.name', message: 'Zu kurz' },
        { path: 'body.other', message: 'Anderes Problem' },
      ]);
    });
    render(<Harness send={send} />);
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    const name = screen.getByLabelText('Name');
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Anderes Problem')).toBeTruthy();
    expect(screen.queryByText('closed')).toBeNull();
  });

  it('closes on cancel', async () => {
    const user = userEvent.setup();
    render(<Harness send={async () => {}} />);
    await user.click(screen.getByRole('button', { name: 'Abbrechen' }));
    await screen.findByText('closed');
  });
});
