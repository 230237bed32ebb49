import { instrumentDefinition, teilhabeBogenV1 } from '@lotse/domain';
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { missingAnswers, useAnswerDraft } from './useAnswerDraft.ts';

describe('useAnswerDraft', () => {
  it('starts from the saved answers, saves every change in order and settles after the last save', async () => {
    const saves: Record<string, unknown>[] = [];
    const pending: (() => void)[] = [];
    const saveDraft = (answers: Record<string, unknown>) =>
      new Promise<void>((resolve) => {
        saves.push(answers);
        pending.push(resolve);
      });
    let draft: ReturnType<typeof useAnswerDraft> | undefined;
    function Probe() {
      draft = useAnswerDraft({ a: 1 }, saveDraft);
      return (
        <p>
          {JSON.stringify(draft.answers)} {draft.saving}
        </p>
      );
    }
    render(<Probe />);
    expect(screen.getByText('{"a":1} idle')).toBeTruthy();

    act(() => draft?.onChange('b', 2));
    act(() => draft?.onChange('a', undefined));
    expect(screen.getByText('{"b":2} saving')).toBeTruthy();
    // The second save waits for the first.
    await act(async () => {});
    expect(saves).toEqual([{ a: 1, b: 2 }]);

    let settled = false;
    void draft?.settled().then(() => {
      settled = true;
    });
    await act(async () => pending[0]?.());
    expect(saves).toEqual([{ a: 1, b: 2 }, { b: 2 }]);
    expect(settled).toBe(false);
    await act(async () => pending[1]?.());
    expect(settled).toBe(true);
    expect(screen.getByText('{"b":2} saved')).toBeTruthy();
  });

  it('keeps a failed save as the error', async () => {
    let draft: ReturnType<typeof useAnswerDraft> | undefined;
    function Probe() {
      draft = useAnswerDraft({}, () => Promise.reject(new Error('offline')));
      return <p>{draft.error instanceof Error ? draft.error.message : 'no error'}</p>;
    }
    render(<Probe />);
    await act(async () => draft?.onChange('a', 1));
    expect(screen.getByText('offline')).toBeTruthy();
  });
});

describe('missingAnswers', () => {
  it('counts nothing until instrument, perspective and answers are known', () => {
    expect(missingAnswers(undefined, 'self', {})).toBe(0);
  });

  it('counts the answers an empty draft still needs', () => {
    const instrument = instrumentDefinition.parse(teilhabeBogenV1);
    expect(missingAnswers(instrument, 'self', {})).toBeGreaterThan(0);
  });
});
