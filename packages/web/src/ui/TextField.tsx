import type { ReactNode } from 'react';
import {
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  FieldError,
  Input,
  Label,
  Text,
} from 'react-aria-components';

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
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <Input className={['field__input', inputClassName ?? ''].filter(Boolean).join(' ')} />
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaTextField>
  );
}
