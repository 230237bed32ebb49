import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { usePendingAction } from './usePendingAction.ts';

describe('usePendingAction', () => {
  it('ignores calls while an action runs and accepts them again after it ended', async () => {
    let run: ReturnType<typeof usePendingAction>['run'] = async () => undefined;
    function Probe() {
      const pending = usePendingAction();
      run = pending.run;
      return <p>{pending.pending ? 'pending' : 'idle'}</p>;
    }
    render(<Probe />);
    let finish = () => {};
    const action = vi.fn(
      () =>
        new Promise<string>((resolve) => {
          finish = () => resolve('done');
        }),
    );
    let first: Promise<string | undefined> = Promise.resolve(undefined);
    let second: Promise<string | undefined> = Promise.resolve(undefined);
    // Two calls in the same tick, before React renders the pending state.
    act(() => {
      first = run(action);
      second = run(action);
    });
    expect(action).toHaveBeenCalledTimes(1);
    expect(screen.getByText('pending')).toBeTruthy();
    expect(await second).toBeUndefined();
    await act(async () => {
      finish();
      expect(await first).toBe('done');
    });
    expect(screen.getByText('idle')).toBeTruthy();
    await act(async () => {
      await run(async () => 'again');
    });
    expect(action).toHaveBeenCalledTimes(1);
  });
});
