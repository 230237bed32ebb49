import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OneTimeLinkStatus } from './OneTimeLinkStatus.tsx';

const texts = { invalidTitle: 'Link ungültig', doneTitle: 'Gesendet', done: 'Vielen Dank.' };
const status = (state: { loading?: string; failure?: string; done?: boolean }) => (
  <OneTimeLinkStatus
    loading={state.loading ?? false}
    failure={state.failure ?? false}
    done={state.done ?? false}
    text={(key) => texts[key]}
  />
);

describe('OneTimeLinkStatus', () => {
  it('says the link is loading, then nothing while the form is shown', () => {
    const { rerender } = render(status({ loading: 'Wird geladen …' }));
    expect(screen.getByRole('status').textContent).toBe('Wird geladen …');
    rerender(status({}));
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says why the link does not work', () => {
    render(status({ failure: 'Der Link ist abgelaufen.' }));
    expect(screen.getByRole('alert').textContent).toBe('Link ungültigDer Link ist abgelaufen.');
  });

  it('confirms the answer was sent', () => {
    render(status({ done: true }));
    expect(screen.getByRole('status').textContent).toBe('GesendetVielen Dank.');
  });
});
