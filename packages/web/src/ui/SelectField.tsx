import type { ReactNode } from 'react';
import {
  Button as AriaButton,
  Select as AriaSelect,
  FieldError,
  type Key,
  ListBox,
  ListBoxItem,
  Popover,
  SelectValue,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { FieldHead } from './FieldHead.tsx';

export interface SelectOption<K extends string = string> {
  id: K;
  label: string;
}

/** `K` narrows the keys to a code list (`GoalStatus`), so the choice reaches the API typed. */
export interface SelectFieldProps<K extends string = string> {
  label: ReactNode;
  description?: ReactNode;
  options: readonly SelectOption<K>[];
  selectedKey: K | null;
  onSelectionChange: (key: K | null) => void;
  placeholder?: string;
  isDisabled?: boolean;
  className?: string;
  /** Marks the field invalid and shows the message under it (linked by aria-describedby). */
  errorMessage?: string | undefined;
}

export function SelectField<K extends string = string>({
  label,
  description,
  options,
  selectedKey,
  onSelectionChange,
  placeholder,
  isDisabled,
  className,
  errorMessage,
}: SelectFieldProps<K>) {
  const { t } = useTranslation();
  return (
    <AriaSelect
      className={['field', 'select', className ?? ''].filter(Boolean).join(' ')}
      value={selectedKey}
      // Option ids are the K values the caller passed in.
      onChange={(key: Key | null) => onSelectionChange(key === null ? null : (String(key) as K))}
      // Without one, react-aria shows its own default ("Element wählen"), not a text of ours.
      placeholder={placeholder ?? t('form.choose')}
      isDisabled={isDisabled}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
    >
      <FieldHead label={label} description={description} />
      <AriaButton className="field__input select__button">
        <SelectValue className="select__value" />
        <span className="select__chevron" aria-hidden="true">
          ▾
        </span>
      </AriaButton>
      <FieldError className="field__error">{errorMessage}</FieldError>
      <Popover className="select__popover">
        <ListBox className="select__list" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} className="select__option" textValue={option.label}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}
