import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../app/errors.ts';
import { type FieldErrors, fieldErrorsOf, lastSegment } from '../app/fieldErrors.ts';
import { focusInvalidField, hasErrors } from './forms.ts';
import { usePendingAction } from './usePendingAction.ts';

/**
 * The submit cycle every form shares: local checks, then the request (one at a time), a summary of a
 * failure and the server's field messages next to the fields, with focus on the first invalid one.
 */
export function useFormSubmit({ fieldOf = lastSegment }: { fieldOf?: (path: string) => string } = {}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const { pending, run } = usePendingAction();
  const [failure, setFailure] = useState<string>();
  const [errors, setErrors] = useState<FieldErrors>({});
  // Counts failed submits with field errors: focus moves once those errors have rendered (an effect
  // runs after the commit; a timer or animation frame may come before it).
  const [invalidSubmits, setInvalidSubmits] = useState(0);
  useEffect(() => {
    if (invalidSubmits > 0) focusInvalidField(formRef.current);
  }, [invalidSubmits]);

  /**
   * Sends `action` unless `localErrors` (the form's own checks) name a field. Resolves to true when
   * the action succeeded, false when it failed or did not run.
   */
  const submit = async (action: () => Promise<void>, localErrors: FieldErrors = {}): Promise<boolean> =>
    (await run(async () => {
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
        const fieldErrors = fieldErrorsOf(error, fieldOf);
        setFailure(errorText(t, error));
        setErrors(fieldErrors);
        if (hasErrors(fieldErrors)) setInvalidSubmits((n) => n + 1);
        return false;
      }
    })) ?? false;

  return { formRef, pending, failure, errors, submit };
}
