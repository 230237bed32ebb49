import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../app/fieldErrors.ts';
import { TextField } from '../../ui/TextField.tsx';

export interface ContactDetails {
  district: string;
  phone: string;
  email: string;
  preferredLanguage: string;
}

/** The client's district and ways to reach them: asked at intake and changed later. */
export function ContactDetailsFields({
  values,
  onChange,
  errors,
}: {
  values: ContactDetails;
  onChange: (field: keyof ContactDetails) => (value: string) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('casework.client.district')}
        value={values.district}
        onChange={onChange('district')}
        errorMessage={errors.district}
      />
      <TextField
        label={t('casework.client.phone')}
        type="tel"
        value={values.phone}
        onChange={onChange('phone')}
        errorMessage={errors.phone}
      />
      <TextField
        label={t('casework.client.email')}
        type="email"
        value={values.email}
        onChange={onChange('email')}
        errorMessage={errors.email}
      />
      <TextField
        label={t('casework.client.preferredLanguage')}
        value={values.preferredLanguage}
        onChange={onChange('preferredLanguage')}
        errorMessage={errors.preferredLanguage}
      />
    </>
  );
}
