import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../app/api.ts';
import { firstSegment } from '../app/fieldErrors.ts';
import { FormDialog } from './FormDialog.tsx';
import { SelectField } from './SelectField.tsx';
import { TextAreaField } from './TextAreaField.tsx';
import { TextField } from './TextField.tsx';

const invalid = (issues: { path: string; message: string }[]) =>
  new ApiError(400, 'validation_failed', 'Eingaben ungültig', undefined, issues);

/** A dialog with two text fields, a note and a select, open until it closes itself. */
function Harness({
  onSubmit,
  validate,
  fieldOf,
}: {
  onSubmit: () => Promise<void>;
  validate?: () => Record<string, string>;
  fieldOf?: (path: string) => string;
}) {
  const [open, setOpen] = useState(true);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  return (
    <>
      <p>{open ? 'open' : 'closed'}</p>
      <FormDialog
        title="Kontakt"
        isOpen={open}
        onOpenChange={setOpen}
        submitLabel="Speichern"
        onSubmit={onSubmit}
        {...(validate ? { validate } : {})}
        {...(fieldOf ? { fieldOf } : {})}
      >
        {(errors) => (
          <>
            <TextField label="Name" value={name} onChange={setName} errorMessage={errors.name} />
            <TextField label="E-Mail" value={email} onChange={setEmail} errorMessage={errors.email} />
            <TextAreaField label="Notiz" value={note} onChange={setNote} errorMessage={errors.note} />
            <SelectField
              label="Art"
              options={[{ id: 'a', label: 'A' }]}
              selectedKey={null}
              onSelectionChange={() => {}}
              errorMessage={errors.kind}
            />
          </>
        )}
      </FormDialog>
    </>
  );
}

function describedBy(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('FormDialog', () => {
  it('shows each server field issue at its field, marked invalid and linked by aria-describedby', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => {
      throw invalid([
        { path: 'body.email', message: 'Keine gültige Adresse' },
        { path: 'body.note', message: 'Zu lang' },
      ]);
    });
    render(<Harness onSubmit={onSubmit} />);
    await user.type(screen.getByLabelText('E-Mail'), 'x@');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));

    const email = await screen.findByLabelText('E-Mail');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(email)).toContain('Keine gültige Adresse');
    const note = screen.getByLabelText('Notiz');
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(note)).toContain('Zu lang');
    expect(screen.getByLabelText('Name').hasAttribute('aria-invalid')).toBe(false);
    // The summary names the failure in the UI language; the dialog stays open with the input kept.
    expect(screen.getByRole('alert').textContent).toContain('Bitte prüfen Sie Ihre Eingaben.');
    expect(screen.getByText('open')).toBeTruthy();
    expect((email as HTMLInputElement).value).toBe('x@');
    // Keyboard users land on the first invalid field.
    await waitFor(() => expect(document.activeElement).toBe(email));
  });

  it('shows a select field error linked to its button', async () => {
    const user = userEvent.setup();
    render(<Harness onSubmit={async () => {}} validate={() => ({ kind: 'Bitte wählen' })} />);
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    const message = await screen.findByText('Bitte wählen');
    const trigger = screen.getByRole('button', { name: /Art/ });
    expect(trigger.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
  });

  it('does not send the request while its own checks find problems', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => {});
    render(<Harness onSubmit={onSubmit} validate={() => ({ name: 'Pflichtfeld' })} />);
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Pflichtfeld')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/Name/)));
  });

  it('maps issue paths through fieldOf (a list item at its list)', async () => {
    const user = userEvent.setup();
    const onSubmit = async () => {
      throw invalid([{ path: 'email.0', message: 'Erste Adresse ungültig' }]);
    };
    render(<Harness onSubmit={onSubmit} fieldOf={firstSegment} />);
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    const email = screen.getByLabelText('E-Mail');
    await waitFor(() => expect(describedBy(email)).toContain('Erste Adresse ungültig'));
  });

  it('closes after a successful submit', async () => {
    const user = userEvent.setup();
    render(<Harness onSubmit={async () => {}} />);
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('closed')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('sends once while a submit is pending, however often it is triggered', async () => {
    const user = userEvent.setup();
    let finish = () => {};
    const onSubmit = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    );
    render(<Harness onSubmit={onSubmit} />);
    const save = screen.getByRole('button', { name: 'Speichern' });
    await user.click(save);
    await user.click(save);
    // Enter in a field submits the form even while the button is pending.
    await user.type(screen.getByLabelText('Name'), '{Enter}');
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(save.getAttribute('aria-disabled') ?? save.getAttribute('disabled')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Abbrechen' }).hasAttribute('disabled')).toBe(true);
    finish();
    expect(await screen.findByText('closed')).toBeTruthy();
  });
});
