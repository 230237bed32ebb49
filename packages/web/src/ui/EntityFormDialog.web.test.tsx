import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../app/api.ts';
import { EntityFormDialog } from './EntityFormDialog.tsx';
import { TextField } from './TextField.tsx';

interface Thing {
  id: string;
  name: string;
}
interface Draft {
  name: string;
}

const draftOf = (thing: Thing | undefined): Draft => ({ name: thing?.name ?? '' });
const validate = (d: Draft) => (d.name.trim() ? {} : { name: 'Bitte ausfüllen.' });

/** A dialog for one thing (or a new one), open until it closes itself; prints what it saved. */
function Harness({
  thing,
  create,
  update,
}: {
  thing?: Thing;
  create?: (d: Draft) => Promise<Thing>;
  update?: (t: Thing, d: Draft) => Promise<Thing>;
}) {
  const [open, setOpen] = useState(true);
  const [saved, setSaved] = useState<Thing>();
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Öffnen
      </button>
      <p>{saved ? `gespeichert: ${saved.id} ${saved.name}` : 'nichts gespeichert'}</p>
      <EntityFormDialog
        entity={thing}
        draftOf={draftOf}
        validate={validate}
        {...(create ? { create } : {})}
        update={update ?? (async () => ({ id: 'x', name: '' }))}
        onSaved={setSaved}
        title="Ding"
        submitLabel="Speichern"
        isOpen={open}
        onOpenChange={setOpen}
      >
        {({ field }) => <TextField label="Name" isRequired {...field.text('name')} />}
      </EntityFormDialog>
    </>
  );
}

const nameField = () => screen.getByRole('textbox', { name: /Name/ }) as HTMLInputElement;

describe('EntityFormDialog', () => {
  it('creates from an empty draft and starts empty again for the next one', async () => {
    const user = userEvent.setup();
    const create = vi.fn(async (d: Draft) => ({ id: 'neu', name: d.name }));
    render(<Harness create={create} />);
    await user.type(nameField(), 'Erstes');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('gespeichert: neu Erstes')).toBeTruthy();
    expect(create).toHaveBeenCalledWith({ name: 'Erstes' });
    await user.click(screen.getByRole('button', { name: 'Öffnen' }));
    expect(nameField().value).toBe('');
  });

  it('changes the given thing, starting from its values', async () => {
    const user = userEvent.setup();
    const update = vi.fn(async (t: Thing, d: Draft) => ({ ...t, ...d }));
    render(<Harness thing={{ id: 'a1', name: 'Alt' }} update={update} />);
    expect(nameField().value).toBe('Alt');
    await user.clear(nameField());
    await user.type(nameField(), 'Neu');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('gespeichert: a1 Neu')).toBeTruthy();
    expect(update).toHaveBeenCalledWith({ id: 'a1', name: 'Alt' }, { name: 'Neu' });
  });

  it('sends nothing while its own checks fail, and shows the message at the field', async () => {
    const user = userEvent.setup();
    const create = vi.fn(async (d: Draft) => ({ id: 'neu', name: d.name }));
    render(<Harness create={create} />);
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Bitte ausfüllen.')).toBeTruthy();
    expect(create).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(nameField()));
  });

  it("shows the server's issue at the field its first path segment names and keeps the input", async () => {
    const user = userEvent.setup();
    const create = async (): Promise<Thing> => {
      throw new ApiError(400, 'validation_failed', 'ungültig', undefined, [
        { path: 'name.0', message: 'Name schon vergeben' },
      ]);
    };
    render(<Harness create={create} />);
    await user.type(nameField(), 'Doppelt');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(nameField().getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Name schon vergeben')).toBeTruthy();
    expect(nameField().value).toBe('Doppelt');
    expect(screen.getByText('nichts gespeichert')).toBeTruthy();
  });
});
