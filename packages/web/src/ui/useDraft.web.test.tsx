import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CheckboxGroupField, CheckboxItem } from './CheckboxGroupField.tsx';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';
import { useDraft } from './useDraft.ts';

interface Draft {
  name: string;
  kind: 'a' | 'b' | null;
  tags: string[];
  active: boolean;
}

/** A form bound by `bind`, printing its draft so the test sees what each field wrote. */
function Harness({ errors = {} }: { errors?: Record<string, string> }) {
  const { draft, bind, reset } = useDraft<Draft>(() => ({ name: '', kind: null, tags: [], active: false }));
  const field = bind(errors);
  return (
    <>
      <TextField label="Name" {...field.text('name')} />
      <SelectField
        label="Art"
        options={[
          { id: 'a', label: 'A' },
          { id: 'b', label: 'B' },
        ]}
        {...field.select('kind')}
      />
      <CheckboxGroupField
        label="Merkmale"
        options={[
          { value: 'x', label: 'X' },
          { value: 'y', label: 'Y' },
        ]}
        {...field.checks('tags')}
      />
      <CheckboxItem {...field.check('active')}>Aktiv</CheckboxItem>
      <button type="button" onClick={reset}>
        Leeren
      </button>
      <output>{JSON.stringify(draft)}</output>
    </>
  );
}

const draftShown = () => JSON.parse(screen.getByRole('status').textContent ?? '{}') as Draft;

describe('useDraft bind', () => {
  it('writes each field into its key of the draft and reset empties it', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Ada');
    await user.click(screen.getByRole('checkbox', { name: 'Y' }));
    await user.click(screen.getByRole('checkbox', { name: 'Aktiv' }));
    await user.click(screen.getByRole('button', { name: /Art/ }));
    await user.click(await screen.findByRole('option', { name: 'B' }));
    expect(draftShown()).toEqual({ name: 'Ada', kind: 'b', tags: ['y'], active: true });
    await user.click(screen.getByRole('button', { name: 'Leeren' }));
    expect(draftShown()).toEqual({ name: '', kind: null, tags: [], active: false });
  });

  it('shows the message held for a key at that key’s field only', () => {
    render(<Harness errors={{ name: 'Bitte einen Namen angeben' }} />);
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    const message = screen.getByText('Bitte einen Namen angeben');
    expect(name.getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getByRole('checkbox', { name: 'X' }).getAttribute('aria-invalid')).toBeNull();
  });
});
