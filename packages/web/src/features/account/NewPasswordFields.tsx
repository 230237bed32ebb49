import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from './PasswordField.tsx';
import { checkNewPassword, PASSWORD_MIN } from './passwordRules.ts';

/** The state of `NewPasswordFields`: the values, their check, and the props for the fields. */
export function useNewPassword() {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  return {
    password,
    check: (t: TFunction) => checkNewPassword(t, password, repeat),
    clear: () => {
      setPassword('');
      setRepeat('');
    },
    fields: { password, repeat, onPasswordChange: setPassword, onRepeatChange: setRepeat },
  };
}

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
