import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { SubmitForm } from './SubmitForm.tsx';
import { TextField } from './TextField.tsx';
import { type Explanation, useFormSubmit } from './useFormSubmit.ts';

/** A one-field form whose request fails with `refusal`; `explain` says what that means. */
function Harness({ refusal, explain }: { refusal: Error; explain: (error: unknown) => Explanation }) {
  const [name, setName] = useState('');
  const { form, errors, submit, reset } = useFormSubmit({ explain });
  const send = () =>
    submit(
      async () => {
        throw refusal;
      },
      { name: name ? undefined : 'Name fehlt.' },
    );
  return (
    <>
      <SubmitForm {...form} onSubmit={send} submitLabel="Senden">
        <TextField label="Name" value={name} onChange={setName} errorMessage={errors.name} />
      </SubmitForm>
      <button type="button" onClick={reset}>
        Zurücksetzen
      </button>
    </>
  );
}

describe('useFormSubmit', () => {
  it('asks to check the input while a field is marked, and focuses that field', async () => {
    render(<Harness refusal={new Error('x')} explain={() => ({ errors: { name: 'Schon vergeben.' } })} />);
    await userEvent.click(screen.getByRole('button', { name: 'Senden' }));
    expect(screen.getByRole('alert').textContent).toBe('Bitte prüfen Sie Ihre Eingaben.');
    expect(screen.getByText('Name fehlt.')).toBeTruthy();

    await userEvent.type(screen.getByLabelText(/Name/), 'Ada');
    await userEvent.click(screen.getByRole('button', { name: 'Senden' }));
    expect(await screen.findByText('Schon vergeben.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText(/Name/));
  });

  it('shows the explained failure when no field is to blame, and forgets it on reset', async () => {
    render(<Harness refusal={new Error('x')} explain={() => ({ failure: 'Zugang verweigert.' })} />);
    await userEvent.type(screen.getByLabelText(/Name/), 'Ada');
    await userEvent.click(screen.getByRole('button', { name: 'Senden' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Zugang verweigert.');

    await userEvent.click(screen.getByRole('button', { name: 'Zurücksetzen' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
