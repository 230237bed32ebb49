import type { TFunction } from 'i18next';

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
