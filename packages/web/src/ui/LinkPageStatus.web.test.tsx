import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LinkPageStatus } from './LinkPageStatus.tsx';

const texts = { invalidTitle: 'Link ungültig', doneTitle: 'Danke', done: 'Ihre Angaben sind angekommen.' };

describe('LinkPageStatus', () => {
  it('says why the link does not work', () => {
    render(<LinkPageStatus loading={false} failure="Der Link ist abgelaufen." done={false} texts={texts} />);
    expect(screen.getByText('Link ungültig')).toBeTruthy();
    expect(screen.getByText('Der Link ist abgelaufen.')).toBeTruthy();
    expect(screen.queryByText('Danke')).toBeNull();
  });

  it('thanks once the form was sent', () => {
    render(<LinkPageStatus loading={false} failure={undefined} done texts={texts} />);
    expect(screen.getByText('Danke')).toBeTruthy();
    expect(screen.getByText('Ihre Angaben sind angekommen.')).toBeTruthy();
    expect(screen.queryByText('Link ungültig')).toBeNull();
  });

  it('shows only the loading state while the link is checked', () => {
    render(<LinkPageStatus loading failure={undefined} done={false} texts={texts} />);
    expect(screen.getByRole('status').className).toBe('loading');
    expect(screen.queryByText('Danke')).toBeNull();
    expect(screen.queryByText('Link ungültig')).toBeNull();
  });
});
