import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ModalDialog } from '../../ui/Dialog.tsx';
import { focusFirstInvalid } from '../../ui/forms.ts';
import { issueField } from './casework.ts';

/**
 * A modal form for one case-work action: runs `onSubmit`, shows the server's field errors next to the
 * fields (through `fieldErrors`) and a summary, and closes on success.
 */
export function FormDialog({
  title,
  isOpen,
  onOpenChange,
  submitLabel,
  onSubmit,
  submitDisabled = false,
  children,
}: {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  submitLabel: string;
  onSubmit: () => Promise<void>;
  /** The form explains why it cannot be sent (e.g. a missing consent); only cancelling is offered. */
  submitDisabled?: boolean;
  children: (fieldErrors: Record<string, string>) => ReactNode;
}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitDisabled) return;
    setPending(true);
    setFailure(undefined);
    setFieldErrors({});
    try {
      await onSubmit();
      onOpenChange(false);
    } catch (error) {
      setFailure(errorText(t, error));
      if (isApiError(error) && error.issues.length > 0) {
        setFieldErrors(Object.fromEntries(error.issues.map((i) => [issueField(i.path), i.message])));
        focusFirstInvalid(formRef.current);
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <ModalDialog title={title} isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={!pending}>
      <Form ref={formRef} onSubmit={submit} className="form" validationBehavior="aria">
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        {children(fieldErrors)}
        <div className="form__actions">
          <Button type="submit" isPending={pending} isDisabled={submitDisabled}>
            {submitLabel}
          </Button>
          <Button variant="secondary" onPress={() => onOpenChange(false)} isDisabled={pending}>
            {t('common.cancel')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
