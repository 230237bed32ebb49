import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../app/fieldErrors.ts';
import { type TextBinding, useDraft } from '../../ui/useDraft.ts';
import { PasswordField } from './PasswordField.tsx';
import { checkNewPassword, PASSWORD_MIN } from './passwordRules.ts';

/** The state of `NewPasswordFields`: the values, their check, and the props for the fields. */
export function useNewPassword() {
  const { draft, bind, reset } = useDraft(() => ({ password: '', repeat: '' }));
  return {
    password: draft.password,
    check: (t: TFunction) => checkNewPassword(t, draft.password, draft.repeat),
    clear: reset,
    /** The fields' props, with the form's messages for them. */
    fields: (errors: FieldErrors) => ({ field: bind(errors) }),
  };
}

/** A new password and its repetition, named so password managers offer to store it. */
export function NewPasswordFields({
  field,
}: {
  field: { text: (key: 'password' | 'repeat') => TextBinding };
}) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        label={t('password.new')}
        description={t('password.rule', { min: PASSWORD_MIN })}
        name="new-password"
        autoComplete="new-password"
        {...field.text('password')}
      />
      <PasswordField
        label={t('password.repeat')}
        name="repeat-password"
        autoComplete="new-password"
        {...field.text('repeat')}
      />
    </>
  );
}
