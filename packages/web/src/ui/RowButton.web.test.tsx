import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RowButton } from './RowButton.tsx';

describe('RowButton', () => {
  it('shows the short label, names the item for screen readers and acts on press', () => {
    const onPress = vi.fn();
    render(<RowButton label="Beginnen" item="Lesecafé" onPress={onPress} />);
    const button = screen.getByRole('button', { name: 'Beginnen: Lesecafé' });
    expect(button.textContent).toBe('Beginnen');
    fireEvent.click(button);
    expect(onPress).toHaveBeenCalledTimes(1);
  });
});
