import type { Answers, AnswerValue, InstrumentDefinition, Perspective } from '@lotse/domain';
// The scoring module holds no schemas: the domain package's index would bring zod into the public page.
import { validateAnswers } from '@lotse/domain/src/instruments/scoring.ts';
import { useEffect, useRef, useState } from 'react';

export type SaveState = 'idle' | 'saving' | 'saved';

/**
 * The answers of a draft being filled in (by a guide or by the client on the public page): every
 * change is saved at once, in order, so the last one wins. `settled()` waits for the saves still
 * under way, before the draft is completed.
 */
export function useAnswerDraft(
  saved: Answers | undefined,
  saveDraft: (answers: Answers) => Promise<unknown>,
) {
  const [answers, setAnswers] = useState<Answers | undefined>();
  const [saving, setSaving] = useState<SaveState>('idle');
  const [error, setError] = useState<unknown>();
  const queue = useRef(Promise.resolve());

  useEffect(() => {
    if (saved && answers === undefined) setAnswers(saved);
  }, [saved, answers]);

  const save = (next: Answers) => {
    setSaving('saving');
    queue.current = queue.current
      .then(() => saveDraft(next))
      .then(() => setSaving('saved'))
      .catch((e: unknown) => setError(e));
  };
  const onChange = (key: string, value: AnswerValue | undefined) => {
    setAnswers((prev) => {
      const next = { ...(prev ?? {}) };
      if (value === undefined) delete next[key];
      else next[key] = value;
      save(next);
      return next;
    });
  };
  return { answers, onChange, saving, error, setError, settled: () => queue.current };
}

/** How many answers the perspective still needs before the draft can be completed. */
export function missingAnswers(
  instrument: Pick<InstrumentDefinition, 'title' | 'scoring' | 'dimensions'> | undefined,
  perspective: Perspective | undefined,
  answers: Answers | undefined,
): number {
  if (!instrument || !perspective || !answers) return 0;
  const { title, scoring, dimensions } = instrument;
  return validateAnswers({ title, scoring, dimensions }, perspective, answers, { complete: true }).length;
}
