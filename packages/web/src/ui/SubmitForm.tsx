import type { FormEvent, ReactNode, Ref } from 'react';
import { Form } from 'react-aria-components';
import { Button, type ButtonVariant } from './Button.tsx';
import { type Status, StatusAlert } from './StatusAlert.tsx';

/**
 * A form with the outcome of its last submit above the fields and its submit button (plus further
 * actions) below them. The browser's own submit is prevented; `onSubmit` does the work.
 */
export function SubmitForm({
  formRef,
  onSubmit,
  status,
  intro,
  submitLabel,
  submitVariant = 'primary',
  pending = false,
  actions,
  className = 'form',
  actionsClassName = 'form__actions',
  children,
}: {
  formRef?: Ref<HTMLFormElement>;
  onSubmit: () => unknown;
  /** The outcome of the last submit, if it is to be shown. */
  status?: Status | undefined;
  /** Shown above the outcome, e.g. what the form is for. */
  intro?: ReactNode;
  submitLabel: ReactNode;
  submitVariant?: ButtonVariant;
  pending?: boolean;
  /** Further buttons after the submit button. */
  actions?: ReactNode;
  className?: string;
  actionsClassName?: string;
  children: ReactNode;
}) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void onSubmit();
  };
  return (
    <Form ref={formRef} onSubmit={submit} className={className} validationBehavior="aria">
      {intro}
      <StatusAlert status={status} />
      {children}
      <div className={actionsClassName}>
        <Button type="submit" variant={submitVariant} isPending={pending}>
          {submitLabel}
        </Button>
        {actions}
      </div>
    </Form>
  );
}
