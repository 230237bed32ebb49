import type { TFunction } from 'i18next';
import { isApiError } from '../../app/api.ts';
import { detailedText } from '../../app/errors.ts';

/** Mirrors the server's rule (PASSWORD_MIN/PASSWORD_MAX in @lotse/domain); the server decides. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export function checkNewPassword(
  t: TFunction,
  password: string,
  repeat: string,
): { password?: string; repeat?: string } {
  const errors: { password?: string; repeat?: string } = {};
  if (!password) errors.password = t('password.required');
  else if ([...password].length < PASSWORD_MIN)
    errors.password = t('password.tooShort', { min: PASSWORD_MIN });
  else if ([...password].length > PASSWORD_MAX)
    errors.password = t('password.tooLong', { max: PASSWORD_MAX });
  if (!errors.password && password !== repeat) errors.repeat = t('password.mismatch');
  return errors;
}

/** The server's refusal of a new password as a message at the password field, if that was the reason. */
export function weakPasswordErrors(t: TFunction, error: unknown): { password: string } | undefined {
  return isApiError(error) && error.code === 'weak_password'
    ? { password: detailedText(t, error) }
    : undefined;
}
