import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusAlert, useStatus } from './StatusAlert.tsx';

describe('StatusAlert', () => {
  it('shows nothing before a report, then the reported outcome with its role', () => {
    let report: ReturnType<typeof useStatus>['report'] = () => {};
    let clear = () => {};
    function Probe() {
      const status = useStatus();
      report = status.report;
      clear = status.clear;
      return <StatusAlert status={status.status} />;
    }
    render(<Probe />);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();

    act(() => report('success', 'Gespeichert.'));
    expect(screen.getByRole('status').textContent).toBe('Gespeichert.');

    act(() => report('error', 'Fehlgeschlagen.'));
    expect(screen.getByRole('alert').textContent).toBe('Fehlgeschlagen.');
    expect(screen.queryByRole('status')).toBeNull();

    act(() => clear());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('mounts a fresh alert for a repeated report, so it is announced again', () => {
    const { rerender } = render(<StatusAlert status={{ tone: 'error', text: 'Nein.', n: 1 }} />);
    const first = screen.getByRole('alert');
    rerender(<StatusAlert status={{ tone: 'error', text: 'Nein.', n: 2 }} />);
    expect(screen.getByRole('alert')).not.toBe(first);
  });
});
