import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SubmitForm } from './SubmitForm.tsx';
import { TextField } from './TextField.tsx';

describe('SubmitForm', () => {
  it('runs onSubmit on Enter and on the submit button, without the browser submitting', async () => {
    const onSubmit = vi.fn();
    render(
      <SubmitForm onSubmit={onSubmit} submitLabel="Speichern">
        <TextField label="Name" />
      </SubmitForm>,
    );
    await userEvent.type(screen.getByLabelText('Name'), 'Ada{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(onSubmit).toHaveBeenCalledTimes(2);
  });

  it('shows the intro, then the outcome, then the fields and the actions in that order', () => {
    const { container } = render(
      <SubmitForm
        onSubmit={() => {}}
        intro={<p>Wozu</p>}
        status={{ tone: 'error', text: 'Bitte Eingaben prüfen.', n: 1 }}
        submitLabel="Senden"
        submitVariant="danger"
        pending
        actions={<button type="button">Abbrechen</button>}
      >
        <TextField label="Code" />
      </SubmitForm>,
    );
    expect(screen.getByRole('alert').textContent).toBe('Bitte Eingaben prüfen.');
    const submit = screen.getByRole('button', { name: 'Senden' });
    expect(submit.className).toContain('btn--danger');
    expect(submit.className).toContain('btn--pending');
    const order = [...container.querySelectorAll('p, [role="alert"], input, button')].map(
      (node) => node.textContent || node.tagName,
    );
    expect(order).toEqual(['Wozu', 'Bitte Eingaben prüfen.', 'INPUT', 'Senden', 'Abbrechen']);
  });
});
