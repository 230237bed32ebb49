import type { ContactPerson, PartnerView } from '@lotse/domain';
import type { PartnerKind } from '@lotse/domain/codes';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/client.ts';
import { type FieldErrors, firstSegment } from '../../app/fieldErrors.ts';
import { Button } from '../../ui/Button.tsx';
import { CheckboxGroupField, CheckboxItem } from '../../ui/CheckboxGroupField.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDraft } from '../../ui/useDraft.ts';
import { AddressFields } from './AddressFields.tsx';
import { partnerKinds, useDistricts } from './network.ts';

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

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** A contact person's field is named by its row ("contactPersons.1.email" is `contact1email`). */
const partnerField = (path: string) => {
  const contact = /^contactPersons\.(\d+)\.(\w+)/.exec(path);
  return contact ? `contact${contact[1]}${contact[2]}` : firstSegment(path);
};

/** Create a network partner or edit one of the own agency. */
export function PartnerFormDialog({
  partner,
  isOpen,
  onOpenChange,
  onSaved,
}: {
  partner?: PartnerView | undefined;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: (partner: PartnerView) => void;
}) {
  const { t } = useTranslation();
  const districts = useDistricts();
  const { draft: d, set, setDraft, reset } = useDraft(() => draftOf(partner));
  const setContact = (i: number, patch: Partial<Contact>) =>
    setDraft((prev) => ({
      ...prev,
      contacts: prev.contacts.map((c, j) => (j === i ? { ...c, ...patch } : c)),
    }));
  const employer = d.kind === 'employer';
  const anyInclusion =
    d.jobsForPeopleWithDisabilities || d.accessibleWorkplace || d.partTimePossible || d.inclusionNote.trim();

  const validate = () => {
    const errors: FieldErrors = {};
    if (!d.name.trim()) errors.name = t('network.form.required');
    if (!d.kind) errors.kind = t('network.form.required');
    d.contacts.forEach((c, i) => {
      if (!c.name.trim()) errors[`contact${i}`] = t('network.form.required');
    });
    return errors;
  };

  const save = async () => {
    const contactPersons: ContactPerson[] = d.contacts.map((c) => ({
      name: c.name.trim(),
      role: orNull(c.role),
      phone: orNull(c.phone),
      email: orNull(c.email),
    }));
    const body = {
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
        employer || anyInclusion
          ? {
              jobsForPeopleWithDisabilities: d.jobsForPeopleWithDisabilities,
              accessibleWorkplace: d.accessibleWorkplace,
              partTimePossible: d.partTimePossible,
              note: orNull(d.inclusionNote),
            }
          : null,
    };
    const saved = partner
      ? await api.partners.update({ params: { id: partner.id }, body })
      : await api.partners.create({ body });
    onSaved(saved);
    if (!partner) reset();
  };

  return (
    <FormDialog
      title={partner ? t('network.form.editPartner') : t('network.partners.new')}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      submitLabel={t('network.form.save')}
      validate={validate}
      onSubmit={save}
      fieldOf={partnerField}
    >
      {(errors) => (
        <>
          <TextField
            label={t('network.partners.name')}
            value={d.name}
            onChange={(v) => set('name', v)}
            isRequired
            errorMessage={errors.name}
          />
          <SelectField
            label={t('network.partners.kind')}
            options={partnerKinds.map((k) => ({ id: k, label: t(`network.partnerKind.${k}`) }))}
            selectedKey={d.kind}
            onSelectionChange={(k) => set('kind', k)}
            placeholder={t('network.form.choose')}
            errorMessage={errors.kind}
          />
          <fieldset className="network-fieldset">
            <legend>{t('network.partners.contacts')}</legend>
            {d.contacts.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: contact persons have no id; rows are only appended or removed
              <fieldset key={i} className="network-fieldset">
                <legend>{t('network.form.contactN', { n: i + 1 })}</legend>
                <TextField
                  label={t('network.form.contactName')}
                  value={c.name}
                  onChange={(v) => setContact(i, { name: v })}
                  isRequired
                  errorMessage={errors[`contact${i}`] ?? errors[`contact${i}name`]}
                />
                <TextField
                  label={t('network.form.contactRole')}
                  value={c.role}
                  onChange={(v) => setContact(i, { role: v })}
                  errorMessage={errors[`contact${i}role`]}
                />
                <TextField
                  label={t('network.form.contactPhone')}
                  type="tel"
                  value={c.phone}
                  onChange={(v) => setContact(i, { phone: v })}
                  errorMessage={errors[`contact${i}phone`]}
                />
                <TextField
                  label={t('network.form.contactEmail')}
                  type="email"
                  value={c.email}
                  onChange={(v) => setContact(i, { email: v })}
                  errorMessage={errors[`contact${i}email`]}
                />
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
              onPress={() => set('contacts', [...d.contacts, { name: '', role: '', phone: '', email: '' }])}
              isDisabled={d.contacts.length >= 20}
            >
              {t('network.form.addContact')}
            </Button>
          </fieldset>
          <AddressFields value={d} onChange={set} errors={errors} />
          <CheckboxGroupField
            label={t('network.partners.districts')}
            options={districts.items.map((x) => ({ value: x.key, label: x.name }))}
            value={d.districts}
            onChange={(v) => set('districts', v)}
            errorMessage={errors.districts}
          />
          <TextField
            label={t('network.partners.website')}
            type="url"
            value={d.website}
            onChange={(v) => set('website', v)}
            errorMessage={errors.website}
          />
          <TextAreaField
            label={t('network.partners.notes')}
            value={d.notes}
            onChange={(v) => set('notes', v)}
            errorMessage={errors.notes}
          />
          <fieldset className="network-fieldset">
            <legend>{t('network.partners.inclusion')}</legend>
            <p className="field__description">{t('network.form.inclusionHelp')}</p>
            <CheckboxItem
              isSelected={d.jobsForPeopleWithDisabilities}
              onChange={(v) => set('jobsForPeopleWithDisabilities', v)}
            >
              {t('network.partners.jobsForPeopleWithDisabilities')}
            </CheckboxItem>
            <CheckboxItem isSelected={d.accessibleWorkplace} onChange={(v) => set('accessibleWorkplace', v)}>
              {t('network.partners.accessibleWorkplace')}
            </CheckboxItem>
            <CheckboxItem isSelected={d.partTimePossible} onChange={(v) => set('partTimePossible', v)}>
              {t('network.partners.partTimePossible')}
            </CheckboxItem>
            <TextField
              label={t('network.form.inclusionNote')}
              value={d.inclusionNote}
              onChange={(v) => set('inclusionNote', v)}
              errorMessage={errors.inclusion}
            />
          </fieldset>
        </>
      )}
    </FormDialog>
  );
}
