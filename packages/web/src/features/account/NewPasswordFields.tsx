import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/TextField.tsx';
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
      <TextField
        label={t('password.new')}
        description={t('password.rule', { min: PASSWORD_MIN })}
        type="password"
        name="new-password"
        autoComplete="new-password"
        isRequired
        value={password}
        onChange={onPasswordChange}
        errorMessage={errors.password}
      />
      <TextField
        label={t('password.repeat')}
        type="password"
        name="repeat-password"
        autoComplete="new-password"
        isRequired
        value={repeat}
        onChange={onRepeatChange}
        errorMessage={errors.repeat}
      />
    </>
  );
}
