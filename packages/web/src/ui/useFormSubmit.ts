import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../app/errors.ts';
import { type FieldErrors, fieldErrorsOf, lastSegment } from '../app/fieldErrors.ts';
import { focusInvalidField, hasErrors } from './forms.ts';
import type { Status } from './StatusAlert.tsx';
import { usePendingAction } from './usePendingAction.ts';

/**
 * The submit cycle every form shares: local checks, then the request (one at a time), a summary of a
 * failure and the server's field messages next to the fields, with focus on the first invalid one.
 */
export function useFormSubmit({
  fieldOf = lastSegment,
  explain,
}: {
  fieldOf?: (path: string) => string;
  /** Says what a failed request means for this form (default: the error text and the server's field issues). */
  explain?: (error: unknown) => Explanation;
} = {}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const { pending, run } = usePendingAction();
  const [failure, setFailure] = useState<string>();
  const [errors, setErrors] = useState<FieldErrors>({});
  // Counts failed submits with field errors: focus moves once those errors have rendered (an effect
  // runs after the commit; a timer or animation frame may come before it).
  const [invalidSubmits, setInvalidSubmits] = useState(0);
  // Each submit shows its summary afresh, so screen readers announce a repeated message again.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (invalidSubmits > 0) focusInvalidField(formRef.current);
  }, [invalidSubmits]);

  /**
   * Sends `action` unless `localErrors` (the form's own checks) name a field. Resolves to true when
   * the action succeeded, false when it failed or did not run.
   */
  const submit = async (action: () => Promise<void>, localErrors: FieldErrors = {}): Promise<boolean> =>
    (await run(async () => {
      setAttempt((n) => n + 1);
      setFailure(undefined);
      setErrors(localErrors);
      if (hasErrors(localErrors)) {
        setInvalidSubmits((n) => n + 1);
        return false;
      }
      try {
        await action();
        return true;
      } catch (error) {
        const { failure: text, errors: fieldErrors = {} } = explain
          ? explain(error)
          : { failure: errorText(t, error), errors: fieldErrorsOf(error, fieldOf) };
        setFailure(text);
        setErrors(fieldErrors);
        if (hasErrors(fieldErrors)) setInvalidSubmits((n) => n + 1);
        return false;
      }
    })) ?? false;

  // Above the form: a hint to check the marked fields, else why the request failed.
  const summaryText = hasErrors(errors) ? t('form.checkInput') : failure;
  const summary: Status | undefined = summaryText
    ? { tone: 'error', text: summaryText, n: attempt }
    : undefined;

  /** Forgets the last submit's messages, e.g. when a dialog is closed. */
  const reset = () => {
    setFailure(undefined);
    setErrors({});
  };

  /** The props that tie a `SubmitForm` to this cycle: its element, outcome and pending state. */
  const form = { formRef, status: summary, pending };

  return { formRef, pending, failure, errors, summary, form, submit, reset };
}

/** What a failed request means for a form: a message above it and/or messages at its fields. */
export type Explanation = { failure?: string; errors?: FieldErrors };
