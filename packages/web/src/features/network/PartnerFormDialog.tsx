import type { ContactPerson, PartnerView } from '@lotse/domain';
import type { PartnerKind } from '@lotse/domain/codes';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/client.ts';
import { type FieldErrors, firstSegment } from '../../app/fieldErrors.ts';
import { Button } from '../../ui/Button.tsx';
import { CheckboxGroupField, CheckboxItem } from '../../ui/CheckboxGroupField.tsx';
import { EntityFormDialog } from '../../ui/EntityFormDialog.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { AddressFields } from './AddressFields.tsx';
import type { EntryDialogProps } from './DirectoryActions.tsx';
import { orNull, partnerKinds, useDistricts } from './network.ts';

interface Contact {
  name: string;
  role: string;
  phone: string;
  email: string;
}

interface Draft {
  name: string;
  kind: PartnerKind | null;
  contacts: Contact[];
  street: string;
  postalCode: string;
  city: string;
  districts: string[];
  website: string;
  notes: string;
  jobsForPeopleWithDisabilities: boolean;
  accessibleWorkplace: boolean;
  partTimePossible: boolean;
  inclusionNote: string;
}

const draftOf = (p: PartnerView | undefined): Draft => ({
  name: p?.name ?? '',
  kind: p?.kind ?? null,
  contacts: (p?.contactPersons ?? []).map((c) => ({
    name: c.name,
    role: c.role ?? '',
    phone: c.phone ?? '',
    email: c.email ?? '',
  })),
  street: p?.street ?? '',
  postalCode: p?.postalCode ?? '',
  city: p?.city ?? '',
  districts: p?.districts ?? [],
  website: p?.website ?? '',
  notes: p?.notes ?? '',
  jobsForPeopleWithDisabilities: p?.inclusion?.jobsForPeopleWithDisabilities ?? false,
  accessibleWorkplace: p?.inclusion?.accessibleWorkplace ?? false,
  partTimePossible: p?.inclusion?.partTimePossible ?? false,
  inclusionNote: p?.inclusion?.note ?? '',
});

/** A contact person's field is named by its row ("contactPersons.1.email" is `contact1email`). */
const partnerField = (path: string) => {
  const contact = /^contactPersons\.(\d+)\.(\w+)/.exec(path);
  return contact ? `contact${contact[1]}${contact[2]}` : firstSegment(path);
};

const noContact: Contact = { name: '', role: '', phone: '', email: '' };

/** The rows of one contact person (the name required). */
const contactRows = [
  { key: 'name', label: 'network.form.contactName' },
  { key: 'role', label: 'network.form.contactRole' },
  { key: 'phone', label: 'network.form.contactPhone', type: 'tel' },
  { key: 'email', label: 'network.form.contactEmail', type: 'email' },
] as const;

const validate = (d: Draft, t: TFunction) => {
  const errors: FieldErrors = {};
  if (!d.name.trim()) errors.name = t('network.form.required');
  if (!d.kind) errors.kind = t('network.form.required');
  d.contacts.forEach((c, i) => {
    if (!c.name.trim()) errors[`contact${i}`] = t('network.form.required');
  });
  return errors;
};

/** The request body of a checked draft. */
const bodyOf = (d: Draft) => {
  const anyInclusion =
    d.jobsForPeopleWithDisabilities || d.accessibleWorkplace || d.partTimePossible || d.inclusionNote.trim();
  const contactPersons: ContactPerson[] = d.contacts.map((c) => ({
    name: c.name.trim(),
    role: orNull(c.role),
    phone: orNull(c.phone),
    email: orNull(c.email),
  }));
  return {
    name: d.name.trim(),
    // `validate` refuses a missing kind before this runs.
    kind: d.kind ?? undefined,
    contactPersons,
    street: orNull(d.street),
    postalCode: orNull(d.postalCode),
    city: orNull(d.city),
    districts: d.districts,
    website: orNull(d.website),
    notes: orNull(d.notes),
    inclusion:
      d.kind === 'employer' || anyInclusion
        ? {
            jobsForPeopleWithDisabilities: d.jobsForPeopleWithDisabilities,
            accessibleWorkplace: d.accessibleWorkplace,
            partTimePossible: d.partTimePossible,
            note: orNull(d.inclusionNote),
          }
        : null,
  };
};

/** Create a network partner or edit one of the own agency. */
export function PartnerFormDialog({
  partner,
  ...dialog
}: EntryDialogProps<PartnerView> & { partner?: PartnerView | undefined }) {
  const { t } = useTranslation();
  const districts = useDistricts();

  return (
    <EntityFormDialog
      entity={partner}
      draftOf={draftOf}
      validate={(d) => validate(d, t)}
      create={(d) => api.partners.create({ body: bodyOf(d) })}
      update={(p, d) => api.partners.update({ params: { id: p.id }, body: bodyOf(d) })}
      title={partner ? t('network.form.editPartner') : t('network.partners.new')}
      submitLabel={t('network.form.save')}
      {...dialog}
      fieldOf={partnerField}
    >
      {({ draft: d, set, field, errors }) => {
        const setContact = (i: number, patch: Partial<Contact>) =>
          set(
            'contacts',
            d.contacts.map((c, j) => (j === i ? { ...c, ...patch } : c)),
          );
        return (
          <>
            <TextField label={t('network.partners.name')} isRequired {...field.text('name')} />
            <SelectField
              label={t('network.partners.kind')}
              options={partnerKinds.map((k) => ({ id: k, label: t(`network.partnerKind.${k}`) }))}
              placeholder={t('network.form.choose')}
              {...field.select('kind')}
            />
            <fieldset className="network-fieldset">
              <legend>{t('network.partners.contacts')}</legend>
              {d.contacts.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: contact persons have no id; rows are only appended or removed
                <fieldset key={i} className="network-fieldset">
                  <legend>{t('network.form.contactN', { n: i + 1 })}</legend>
                  {contactRows.map((row) => (
                    <TextField
                      key={row.key}
                      label={t(row.label)}
                      {...('type' in row ? { type: row.type } : {})}
                      isRequired={row.key === 'name'}
                      value={c[row.key]}
                      onChange={(v) => setContact(i, { [row.key]: v })}
                      errorMessage={
                        (row.key === 'name' ? errors[`contact${i}`] : undefined) ??
                        errors[`contact${i}${row.key}`]
                      }
                    />
                  ))}
                  <Button
                    variant="secondary"
                    size="sm"
                    onPress={() =>
                      set(
                        'contacts',
                        d.contacts.filter((_, j) => j !== i),
                      )
                    }
                  >
                    {t('network.form.removeContact', { n: i + 1 })}
                  </Button>
                </fieldset>
              ))}
              <Button
                variant="secondary"
                size="sm"
                onPress={() => set('contacts', [...d.contacts, noContact])}
                isDisabled={d.contacts.length >= 20}
              >
                {t('network.form.addContact')}
              </Button>
            </fieldset>
            <AddressFields text={field.text} />
            <CheckboxGroupField
              label={t('network.partners.districts')}
              options={districts.items.map((x) => ({ value: x.key, label: x.name }))}
              {...field.checks('districts')}
            />
            <TextField label={t('network.partners.website')} type="url" {...field.text('website')} />
            <TextAreaField label={t('network.partners.notes')} {...field.text('notes')} />
            <fieldset className="network-fieldset">
              <legend>{t('network.partners.inclusion')}</legend>
              <p className="field__description">{t('network.form.inclusionHelp')}</p>
              <CheckboxItem {...field.check('jobsForPeopleWithDisabilities')}>
                {t('network.partners.jobsForPeopleWithDisabilities')}
              </CheckboxItem>
              <CheckboxItem {...field.check('accessibleWorkplace')}>
                {t('network.partners.accessibleWorkplace')}
              </CheckboxItem>
              <CheckboxItem {...field.check('partTimePossible')}>
                {t('network.partners.partTimePossible')}
              </CheckboxItem>
              <TextField
                label={t('network.form.inclusionNote')}
                {...field.text('inclusionNote')}
                errorMessage={errors.inclusion}
              />
            </fieldset>
          </>
        );
      }}
    </EntityFormDialog>
  );
}
