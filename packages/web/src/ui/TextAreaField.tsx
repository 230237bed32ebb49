import {
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  FieldError,
  Label,
  TextArea,
} from 'react-aria-components';

/** Multi-line text field with the same label and error pattern as ui/TextField. */
export function TextAreaField({
  label,
  errorMessage,
  rows = 4,
  ...props
}: Omit<AriaTextFieldProps, 'className' | 'children' | 'isInvalid'> & {
  label: string;
  errorMessage?: string | undefined;
  rows?: number;
}) {
  return (
    <AriaTextField validationBehavior="aria" {...props} isInvalid={Boolean(errorMessage)} className="field">
      <Label className="field__label">{label}</Label>
      <TextArea className="field__input" rows={rows} />
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaTextField>
  );
}
