import { TextField, type TextFieldProps } from '../../ui/TextField.tsx';

/** A required password input; `autoComplete` tells password managers which password it is. */
export function PasswordField(
  props: Omit<TextFieldProps, 'type' | 'isRequired'> & { autoComplete: 'current-password' | 'new-password' },
) {
  return <TextField type="password" isRequired {...props} />;
}
