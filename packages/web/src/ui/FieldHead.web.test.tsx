import { render, screen } from '@testing-library/react';
import { Input, TextField } from 'react-aria-components';
import { describe, expect, it } from 'vitest';
import { FieldHead } from './FieldHead.tsx';

describe('FieldHead', () => {
  it('names the field and links its description to the input', () => {
    render(
      <TextField>
        <FieldHead label="Postleitzahl" description="Fünf Ziffern" />
        <Input />
      </TextField>,
    );
    const input = screen.getByRole('textbox', { name: 'Postleitzahl' });
    const describedBy = input.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('Fünf Ziffern');
  });

  it('renders no description element without a description', () => {
    const { container } = render(
      <TextField>
        <FieldHead label="Name" />
        <Input />
      </TextField>,
    );
    expect(container.querySelector('.field__description')).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Name' }).hasAttribute('aria-describedby')).toBe(false);
  });
});
