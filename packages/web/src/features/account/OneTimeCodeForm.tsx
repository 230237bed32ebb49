import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../app/api.ts';
import type { ButtonVariant } from '../../ui/Button.tsx';
import { SubmitForm } from '../../ui/SubmitForm.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormSubmit } from '../../ui/useFormSubmit.ts';

/**
 * A form around one second-factor code (sign-in, enrolment, switching it off): checks the code's form,
 * sends it without spaces, and on a wrong code empties the field and puts focus back into it.
 */
export function OneTimeCodeForm({
  intro,
  name,
  description,
  numeric = false,
  autoFocus = false,
  check,
  send,
  onRefused,
  submitLabel,
  submitVariant = 'primary',
  actions,
}: {
  intro?: ReactNode;
  name: string;
  description: string;
  /** Only digits (an authenticator code, no recovery code): phones show the number pad. */
  numeric?: boolean;
  autoFocus?: boolean;
  /** The message for a code that cannot be right, else undefined. */
  check: (code: string) => string | undefined;
  send: (code: string) => Promise<void>;
  /** Handles a refusal other than a wrong code itself (returns true), e.g. a 403. */
  onRefused?: (cause: unknown) => boolean;
  submitLabel: string;
  submitVariant?: ButtonVariant;
  /** Further buttons after the submit button. */
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const { form, errors, submit } = useFormSubmit();

  const onSubmit = async () => {
    const trimmed = code.replace(/\s+/g, '');
    const wrong = check(trimmed);
    await submit(
      async () => {
        try {
          await send(trimmed);
        } catch (cause) {
          setCode('');
          if (onRefused?.(cause)) return;
          if (isApiError(cause) && cause.code === 'invalid_mfa_code') {
            // A wrong code is a message at the field, like any field issue of the server.
            throw new ApiError(cause.status, cause.code, cause.message, undefined, [
              { path: 'code', message: t('mfa.invalidCode') },
            ]);
          }
          throw cause;
        }
      },
      wrong ? { code: wrong } : {},
    );
  };

  return (
    <SubmitForm
      {...form}
      onSubmit={onSubmit}
      intro={intro}
      submitLabel={submitLabel}
      submitVariant={submitVariant}
      actions={actions}
    >
      <TextField
        label={t('mfa.codeLabel')}
        description={description}
        name={name}
        autoComplete="one-time-code"
        {...(numeric ? { inputMode: 'numeric' as const } : {})}
        isRequired
        autoFocus={autoFocus}
        value={code}
        onChange={setCode}
        errorMessage={errors.code}
        inputClassName="field__input--code"
      />
    </SubmitForm>
  );
}
