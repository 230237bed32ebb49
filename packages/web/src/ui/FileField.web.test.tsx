import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FileField } from './FileField.tsx';

describe('FileField', () => {
  it('is named by its label, described by its help and reports the chosen file', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<FileField label="Datei" description="CSV oder XLSX" accept=".csv,.xlsx" onChange={onChange} />);
    const input = screen.getByLabelText('Datei') as HTMLInputElement;
    expect(input.getAttribute('accept')).toBe('.csv,.xlsx');
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'CSV oder XLSX',
    );
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    const file = new File(['a;b'], 'angebote.csv', { type: 'text/csv' });
    await user.upload(input, file);
    expect(onChange).toHaveBeenCalledWith(file);
  });

  it('marks the input invalid and shows the message', () => {
    render(
      <FileField label="Datei" description="PDF" accept=".pdf" onChange={() => {}} errorMessage="Zu groß" />,
    );
    expect(screen.getByLabelText('Datei').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Zu groß')).toBeTruthy();
  });
});
