import type { ReactNode } from 'react';
import { Checkbox, CheckboxGroup, FieldError } from 'react-aria-components';
import { FieldHead } from './FieldHead.tsx';

export interface CheckboxOption {
  value: string;
  label: ReactNode;
  description?: ReactNode;
}

export interface CheckboxGroupFieldProps {
  label: ReactNode;
  description?: ReactNode;
  options: readonly CheckboxOption[];
  value: string[];
  onChange: (value: string[]) => void;
  errorMessage?: string | undefined;
  isRequired?: boolean;
  isDisabled?: boolean;
  name?: string;
}

export function CheckboxGroupField({
  label,
  description,
  options,
  value,
  onChange,
  errorMessage,
  isRequired,
  isDisabled,
  name,
}: CheckboxGroupFieldProps) {
  return (
    <CheckboxGroup
      className="field checkbox-group"
      value={value}
      onChange={onChange}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      isRequired={isRequired}
      isDisabled={isDisabled}
      name={name}
    >
      <FieldHead label={label} description={description} />
      <div className="checkbox-group__options">
        {options.map((option) => (
          <CheckboxItem key={option.value} value={option.value}>
            {option.label}
          </CheckboxItem>
        ))}
      </div>
      <FieldError className="field__error">{errorMessage}</FieldError>
    </CheckboxGroup>
  );
}

export function CheckboxItem({
  value,
  children,
  isSelected,
  onChange,
}: {
  value?: string;
  children: ReactNode;
  isSelected?: boolean;
  onChange?: (selected: boolean) => void;
}) {
  return (
    <Checkbox className="checkbox" value={value} isSelected={isSelected} onChange={onChange}>
      <span className="checkbox__box" aria-hidden="true">
        <svg viewBox="0 0 18 18" focusable="false" aria-hidden="true">
          <polyline points="3.5 9.5 7.5 13 14.5 5" />
        </svg>
      </span>
      <span className="checkbox__label">{children}</span>
    </Checkbox>
  );
}
