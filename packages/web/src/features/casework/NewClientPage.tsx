import type { DuplicateCandidate } from '@lotse/domain';
import type { ClientGender, Household, LegalContext } from '@lotse/domain/codes';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { api } from '../../app/client.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import type { FieldErrors } from '../../ui/forms.ts';
import { Page } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import './casework.css';
import { formatDate } from '../../app/dates.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useDraft } from '../../ui/useDraft.ts';
import { useFormSubmit } from '../../ui/useFormSubmit.ts';
import { ContactDetailsFields, contactDetailsOf } from './ContactDetailsFields.tsx';
import { genders, households, legalContexts } from './casework.ts';

const noDuplicates: DuplicateCandidate[] = [];

/** Intake: a new client with the fields a Jobcenter needs; opens a case led by the guide. */
export function NewClientPage() {
  const { t, locale } = useLanguage();
  const navigate = useNavigate();
  const warningRef = useRef<HTMLHeadingElement>(null);
  const { draft, bind } = useDraft(() => ({
    firstName: '',
    lastName: '',
    birthDate: '',
    gender: null as ClientGender | null,
    ...contactDetailsOf(),
    household: null as Household | null,
    legalContext: 'sgb2' as LegalContext | null,
  }));
  const { formRef, pending, failure, errors, submit: send } = useFormSubmit();
  const field = bind(errors);
  // Possible duplicates the server found (same birth date, same or similar name): shown before saving.
  const [found, setFound] = useState<{ identity: string; candidates: DuplicateCandidate[] }>();
  const identity = [draft.firstName, draft.lastName, draft.birthDate].join('\n');
  // A changed name or birth date is checked afresh on the next submit.
  if (found && found.identity !== identity) setFound(undefined);
  const duplicates = found?.candidates ?? noDuplicates;
  // Keyboard and screen-reader users land on the warning, which sits above the form.
  useEffect(() => {
    if (duplicates.length > 0) warningRef.current?.focus();
  }, [duplicates]);

  const submit = (allowDuplicate: boolean) => {
    const missing: FieldErrors<'firstName' | 'lastName' | 'birthDate'> = {};
    if (!draft.firstName.trim()) missing.firstName = t('form.required');
    if (!draft.lastName.trim()) missing.lastName = t('form.required');
    if (!draft.birthDate) missing.birthDate = t('form.required');
    return send(async () => {
      try {
        const created = await api.clients.create({
          body: { ...draft, ...(allowDuplicate ? { allowDuplicate: true } : {}) },
        });
        navigate(`/klienten/${created.id}`);
      } catch (error) {
        const candidates = isApiError(error) ? error.body.candidates : undefined;
        // Possible duplicates are no failure: the guide decides (see the warning above the form).
        if (
          isApiError(error) &&
          error.code === 'conflict' &&
          Array.isArray(candidates) &&
          candidates.length > 0
        ) {
          setFound({ identity, candidates: candidates as DuplicateCandidate[] });
        } else throw error;
      }
    }, missing);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(false);
  };

  return (
    <Page title={t('casework.newClient.title')} intro={<p>{t('casework.newClient.intro')}</p>} width="narrow">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {duplicates.length > 0 ? (
        <section className="alert alert--warning duplicates" aria-labelledby="duplicates-title">
          <h2 id="duplicates-title" ref={warningRef} tabIndex={-1} className="alert__title">
            {t('casework.newClient.duplicateTitle')}
          </h2>
          <p>
            {t(
              duplicates.some((d) => d.match === 'exact')
                ? 'casework.newClient.duplicateText'
                : 'casework.newClient.similarText',
            )}
          </p>
          <ul className="duplicates__list">
            {duplicates.map((d) => (
              <li key={d.id} data-testid="duplicate-candidate">
                <p className="duplicates__name">
                  <strong>
                    {d.firstName} {d.lastName}
                  </strong>{' '}
                  <span className="badge">{t(`casework.newClient.match.${d.match}`)}</span>
                </p>
                <p>
                  {[
                    t('casework.newClient.bornOn', { date: formatDate(d.birthDate, locale) }),
                    d.district,
                    d.clientNumber,
                    d.caseStatus ? t(`casework.caseStatus.${d.caseStatus}`) : null,
                    d.guide ? t('casework.newClient.guidedBy', { name: d.guide.displayName }) : null,
                    d.shared ? t('casework.newClient.sharedRecord') : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                <Link to={`/klienten/${d.id}`}>
                  {t('casework.newClient.openExisting', {
                    name: `${d.firstName} ${d.lastName}`,
                    number: d.clientNumber,
                  })}
                </Link>
              </li>
            ))}
          </ul>
          <p>{t('casework.newClient.confirmText')}</p>
          <div className="form__actions">
            <Button variant="secondary" onPress={() => void submit(true)} isPending={pending}>
              {t('casework.newClient.createAnyway')}
            </Button>
          </div>
        </section>
      ) : null}
      <Form ref={formRef} onSubmit={onSubmit} className="form card" validationBehavior="aria">
        <TextField
          label={t('casework.client.firstName')}
          isRequired
          autoComplete="off"
          {...field.text('firstName')}
        />
        <TextField
          label={t('casework.client.lastName')}
          isRequired
          autoComplete="off"
          {...field.text('lastName')}
        />
        <TextField
          label={t('casework.client.birthDate')}
          type="date"
          isRequired
          {...field.text('birthDate')}
        />
        <SelectField
          label={t('casework.client.gender')}
          options={genders.map((g) => ({ id: g, label: t(`casework.gender.${g}`) }))}
          placeholder={t('casework.choose')}
          {...field.select('gender')}
        />
        <ContactDetailsFields text={field.text} />
        <SelectField
          label={t('casework.client.household')}
          options={households.map((h) => ({ id: h, label: t(`casework.household.${h}`) }))}
          placeholder={t('casework.choose')}
          {...field.select('household')}
        />
        <SelectField
          label={t('casework.client.legalContext')}
          options={legalContexts.map((l) => ({ id: l, label: t(`casework.legalContext.${l}`) }))}
          {...field.select('legalContext')}
        />
        <div className="form__actions">
          <Button type="submit" isPending={pending}>
            {t('casework.newClient.submit')}
          </Button>
          <Link className="btn btn--secondary" to="/klienten">
            {t('common.cancel')}
          </Link>
        </div>
      </Form>
    </Page>
  );
}
