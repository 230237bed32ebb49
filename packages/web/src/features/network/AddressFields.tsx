import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../app/fieldErrors.ts';
import { TextField } from '../../ui/TextField.tsx';

export interface Address {
  street: string;
  postalCode: string;
  city: string;
}

/** The address rows of the offer and partner forms, in a fieldset of their own. */
export function AddressFields({
  value,
  onChange,
  errors,
  children,
}: {
  value: Address;
  onChange: (field: keyof Address, value: string) => void;
  errors: FieldErrors;
  /** Further rows of the address (the offer's coordinates). */
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="network-fieldset">
      <legend>{t('network.offer.address')}</legend>
      <TextField
        label={t('network.form.street')}
        value={value.street}
        onChange={(v) => onChange('street', v)}
        errorMessage={errors.street}
      />
      <TextField
        label={t('network.form.postalCode')}
        value={value.postalCode}
        onChange={(v) => onChange('postalCode', v)}
        inputMode="numeric"
        errorMessage={errors.postalCode}
      />
      <TextField
        label={t('network.form.city')}
        value={value.city}
        onChange={(v) => onChange('city', v)}
        errorMessage={errors.city}
      />
      {children}
    </fieldset>
  );
}
