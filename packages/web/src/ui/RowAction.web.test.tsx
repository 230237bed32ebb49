import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RowAction } from './RowAction.tsx';

describe('RowAction', () => {
  it('names the row in its accessible label and opens its dialog until the dialog closes', () => {
    render(
      <RowAction
        label="Austritt"
        accessibleLabel="Austritt erfassen: Anna Beispiel"
        dialog={(close) => (
          <div role="dialog" aria-label="Austritt">
            <button type="button" onClick={close}>
              Abbrechen
            </button>
          </div>
        )}
      />,
    );
    const button = screen.getByRole('button', { name: 'Austritt erfassen: Anna Beispiel' });
    expect(button.textContent).toBe('Austritt');
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(button);
    expect(screen.getByRole('dialog')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Abbrechen' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
