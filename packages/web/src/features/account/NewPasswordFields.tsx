import { useTranslation } from 'react-i18next';
import { PasswordField } from './PasswordField.tsx';
import { PASSWORD_MIN } from './passwordRules.ts';

/** A new password and its repetition, named so password managers offer to store it. */
export function NewPasswordFields({
  password,
  repeat,
  onPasswordChange,
  onRepeatChange,
  errors,
}: {
  password: string;
  repeat: string;
  onPasswordChange: (value: string) => void;
  onRepeatChange: (value: string) => void;
  errors: { password?: string | undefined; repeat?: string | undefined };
}) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        label={t('password.new')}
        description={t('password.rule', { min: PASSWORD_MIN })}
        name="new-password"
        autoComplete="new-password"
        value={password}
        onChange={onPasswordChange}
        errorMessage={errors.password}
      />
      <PasswordField
        label={t('password.repeat')}
        name="repeat-password"
        autoComplete="new-password"
        value={repeat}
        onChange={onRepeatChange}
        errorMessage={errors.repeat}
      />
    </>
  );
}
