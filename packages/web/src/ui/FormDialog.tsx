import type { FormEvent, ReactNode } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../app/fieldErrors.ts';
import { Alert } from './Alert.tsx';
import { Button } from './Button.tsx';
import { ModalDialog } from './Dialog.tsx';
import { useFormSubmit } from './useFormSubmit.ts';

/**
 * A modal form for creating or changing one thing: checks the fields (`validate`), runs `onSubmit`
 * once at a time, shows the server's field messages next to the fields (through the `errors` given to
 * `children`) and a summary, and closes on success. It stays open, with the input kept, on a failure.
 */
export function FormDialog({
  title,
  isOpen,
  onOpenChange,
  submitLabel,
  onSubmit,
  validate,
  fieldOf,
  submitDisabled = false,
  children,
}: {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  submitLabel: string;
  onSubmit: () => Promise<void>;
  /** The form's own checks: a message per invalid field keeps the request from being sent. */
  validate?: () => FieldErrors;
  /** The form field an issue path of the server names (default: its last segment). */
  fieldOf?: (path: string) => string;
  /** The form explains why it cannot be sent (e.g. a missing consent); only cancelling is offered. */
  submitDisabled?: boolean;
  children: (errors: FieldErrors) => ReactNode;
}) {
  const { t } = useTranslation();
  const { formRef, pending, failure, errors, submit } = useFormSubmit(fieldOf ? { fieldOf } : {});

  const onFormSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitDisabled) return;
    if (await submit(onSubmit, validate?.())) onOpenChange(false);
  };

  return (
    <ModalDialog title={title} isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={!pending}>
      <Form
        ref={formRef}
        onSubmit={(event) => void onFormSubmit(event)}
        className="form"
        validationBehavior="aria"
      >
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        {children(errors)}
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
