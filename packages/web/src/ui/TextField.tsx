import type { ReactNode } from 'react';
import {
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  FieldError,
  Input,
} from 'react-aria-components';
import { FieldHead } from './FieldHead.tsx';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'className' | 'children' | 'isInvalid'> {
  label: ReactNode;
  description?: ReactNode;
  /** Error text; when set the field is invalid and the text is linked via aria-describedby. */
  errorMessage?: string | undefined;
  className?: string;
  inputClassName?: string;
}

export function TextField({
  label,
  description,
  errorMessage,
  className,
  inputClassName,
  ...props
}: TextFieldProps) {
  return (
    <AriaTextField
      validationBehavior="aria"
      {...props}
      isInvalid={Boolean(errorMessage)}
      className={['field', className ?? ''].filter(Boolean).join(' ')}
    >
      <FieldHead label={label} description={description} />
      <Input className={['field__input', inputClassName ?? ''].filter(Boolean).join(' ')} />
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaTextField>
  );
}
