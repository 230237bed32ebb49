import type { ContactPerson, PartnerView } from '@lotse/domain';
import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { CheckboxGroupField, CheckboxItem } from '../../ui/CheckboxGroupField.tsx';
import { ModalDialog } from '../../ui/Dialog.tsx';
import { focusFirstInvalid } from '../../ui/forms.ts';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { TextAreaField } from '../clients/TextAreaField.tsx';
import { fieldIssues, partnerKinds, useDistricts } from '../offers/network.ts';

interface Contact {
  name: string;
  role: string;
  phone: string;
  email: string;
}

interface Draft {
  name: string;
  kind: string | null;
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
  const [d, setD] = useState<Draft>(() => draftOf(partner));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const setContact = (i: number, patch: Partial<Contact>) =>
    setD((prev) => ({ ...prev, contacts: prev.contacts.map((c, j) => (j === i ? { ...c, ...patch } : c)) }));
  const employer = d.kind === 'employer';
  const anyInclusion =
    d.jobsForPeopleWithDisabilities || d.accessibleWorkplace || d.partTimePossible || d.inclusionNote.trim();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!d.name.trim()) local.name = t('network.form.required');
    if (!d.kind) local.kind = t('network.form.required');
    d.contacts.forEach((c, i) => {
      if (!c.name.trim()) local[`contact${i}`] = t('network.form.required');
    });
    setErrors(local);
    setFailure(undefined);
    if (Object.keys(local).length) {
      focusFirstInvalid(formRef.current);
      return;
    }
    const contactPersons: ContactPerson[] = d.contacts.map((c) => ({
      name: c.name.trim(),
      role: orNull(c.role),
      phone: orNull(c.phone),
      email: orNull(c.email),
    }));
    const body = {
      name: d.name.trim(),
      kind: d.kind,
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
    setPending(true);
    try {
      const saved = await api<PartnerView>(partner ? `/api/partners/${partner.id}` : '/api/partners', {
        method: partner ? 'PATCH' : 'POST',
        body,
      });
      onSaved(saved);
      onOpenChange(false);
      if (!partner) setD(draftOf(undefined));
    } catch (error) {
      const issues = fieldIssues(error);
      for (const i of (error as { issues?: { path: string; message: string }[] }).issues ?? []) {
        const m = /^contactPersons\.(\d+)\.(\w+)/.exec(i.path);
        if (m) issues[`contact${m[1]}${m[2]}`] ??= i.message;
      }
      setErrors(issues);
      setFailure(errorText(t, error));
      focusFirstInvalid(formRef.current);
    } finally {
      setPending(false);
    }
  };

  return (
    <ModalDialog
      title={partner ? t('network.form.editPartner') : t('network.partners.new')}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={!pending}
    >
      <Form ref={formRef} className="form" onSubmit={(e) => void submit(e)} validationBehavior="aria">
        {failure ? <Alert tone="error">{failure}</Alert> : null}
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
        />
        {errors.kind ? <p className="field__error">{errors.kind}</p> : null}
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
        <fieldset className="network-fieldset">
          <legend>{t('network.offer.address')}</legend>
          <TextField
            label={t('network.form.street')}
            value={d.street}
            onChange={(v) => set('street', v)}
            errorMessage={errors.street}
          />
          <TextField
            label={t('network.form.postalCode')}
            value={d.postalCode}
            onChange={(v) => set('postalCode', v)}
            inputMode="numeric"
            errorMessage={errors.postalCode}
          />
          <TextField
            label={t('network.form.city')}
            value={d.city}
            onChange={(v) => set('city', v)}
            errorMessage={errors.city}
          />
        </fieldset>
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
        <div className="button-row">
          <Button type="submit" isPending={pending}>
            {t('network.form.save')}
          </Button>
          <Button variant="secondary" onPress={() => onOpenChange(false)} isDisabled={pending}>
            {t('network.form.cancel')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
