import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/TextField.tsx';
import type { TextBinding } from '../../ui/useDraft.ts';

export interface Address {
  street: string;
  postalCode: string;
  city: string;
}

const rows = [
  { key: 'street', label: 'network.form.street' },
  { key: 'postalCode', label: 'network.form.postalCode', inputMode: 'numeric' },
  { key: 'city', label: 'network.form.city' },
] as const;

/** The address rows of the offer and partner forms, in a fieldset of their own. */
export function AddressFields({
  text,
  children,
}: {
  /** The form's binding of a text field to its draft (`bind(errors).text`). */
  text: (key: keyof Address) => TextBinding;
  /** Further rows of the address (the offer's coordinates). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="network-fieldset">
      <legend>{t('network.offer.address')}</legend>
      {rows.map((row) => (
        <TextField
          key={row.key}
          label={t(row.label)}
          {...('inputMode' in row ? { inputMode: row.inputMode } : {})}
          {...text(row.key)}
        />
      ))}
      {children}
    </fieldset>
  );
}
