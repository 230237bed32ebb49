import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/TextField.tsx';
import type { TextBinding } from '../../ui/useDraft.ts';

export interface ContactDetails {
  district: string;
  phone: string;
  email: string;
  preferredLanguage: string;
}

const rows = [
  { key: 'district', label: 'casework.client.district' },
  { key: 'phone', label: 'casework.client.phone', type: 'tel' },
  { key: 'email', label: 'casework.client.email', type: 'email' },
  { key: 'preferredLanguage', label: 'casework.client.preferredLanguage' },
] as const;

/** The client's district and ways to reach them: asked at intake and changed later. */
export function ContactDetailsFields({
  text,
}: {
  /** The form's binding of a text field to its draft (`bind(errors).text`). */
  text: (key: keyof ContactDetails) => TextBinding;
}) {
  const { t } = useTranslation();
  return rows.map((row) => (
    <TextField
      key={row.key}
      label={t(row.label)}
      {...('type' in row ? { type: row.type } : {})}
      {...text(row.key)}
    />
  ));
}

/** The form of the client's contact details, filled from the client. */
export const contactDetailsOf = (
  client?: Partial<Record<keyof ContactDetails, string | null>>,
): ContactDetails => ({
  district: client?.district ?? '',
  phone: client?.phone ?? '',
  email: client?.email ?? '',
  preferredLanguage: client?.preferredLanguage ?? '',
});
