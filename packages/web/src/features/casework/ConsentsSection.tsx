import type { ClientView, ConsentView } from '@lotse/domain';
import type { ConsentForm, ConsentPurpose } from '@lotse/domain/codes';
import { clientRecordEndpoints } from '@lotse/domain/endpoints';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/client.ts';
import { formatDate, todayIso } from '../../app/dates.ts';
import { errorText } from '../../app/errors.ts';
import { type QueryState, useEndpoint } from '../../app/useApi.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { Alert } from '../../ui/Alert.tsx';
import { CheckboxItem } from '../../ui/CheckboxGroupField.tsx';
import { DraftDialog } from '../../ui/DraftDialog.tsx';
import { Section } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDraft } from '../../ui/useDraft.ts';
import { consentForms, consentPurposes } from './casework.ts';
import type { AddToClientProps } from './clientDialog.ts';
import { DocumentLink } from './DocumentLink.tsx';
import { RecordTable } from './RecordTable.tsx';
import { SectionActions } from './SectionActions.tsx';

/** Consents per purpose, with withdrawal that takes effect at once. */
export function ConsentsSection({
  client,
  consents,
  onChanged,
}: {
  client: ClientView;
  /** Loaded by the client page, whose summary shows the active consents too. */
  consents: QueryState<{ items: ConsentView[] }>;
  onChanged: (message: string) => void;
}) {
  const { t, locale } = useLanguage();
  const [adding, setAdding] = useState(false);
  const [failure, setFailure] = useState<string>();

  const withdraw = async (consent: ConsentView) => {
    setFailure(undefined);
    try {
      await api.consents.withdraw({ params: { id: consent.id }, body: {} });
      consents.reload();
      onChanged(t('casework.consent.withdrawn'));
    } catch (error) {
      setFailure(errorText(t, error));
    }
  };

  return (
    <Section
      id="einwilligungen"
      title={t('casework.consent.title')}
      description={<p>{t('casework.consent.intro')}</p>}
    >
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <RecordTable
        query={consents}
        texts="consent"
        columns={['purpose', 'form', 'date', 'status']}
        cells={(c) => (
          <>
            <th scope="row">
              {t(`casework.purpose.${c.purpose}`)}
              {c.partnerAgency ? `: ${c.partnerAgency.name}` : ''}
              {c.includesContactNotes ? (
                <span className="consent__notes">{t('casework.consent.includesContactNotes')}</span>
              ) : null}
            </th>
            <td>{t(`casework.consentForm.${c.form}`)}</td>
            <td className="cell--nowrap">{formatDate(c.date, locale)}</td>
            <td>
              <span className={`badge badge--${c.active ? 'success' : 'neutral'}`}>
                {c.active ? t('casework.consent.active') : t('casework.consent.withdrawnState')}
              </span>
            </td>
          </>
        )}
        action={(c) =>
          c.active && !client.anonymised
            ? {
                label: t('casework.consent.withdraw'),
                accessibleLabel: t('casework.consent.withdrawLabel', {
                  purpose: t(`casework.purpose.${c.purpose}`),
                }),
                onPress: () => void withdraw(c),
              }
            : null
        }
      />
      {!client.anonymised ? (
        <SectionActions label={t('casework.consent.add')} onPress={() => setAdding(true)}>
          <DocumentLink path={clientRecordEndpoints.downloadConsentForm.path} clientId={client.id}>
            {t('casework.consent.printForm')}
          </DocumentLink>
          <DocumentLink
            path={clientRecordEndpoints.downloadConsentForm.path}
            clientId={client.id}
            query="?language=de-LS"
          >
            {t('casework.consent.printFormEasy')}
          </DocumentLink>
        </SectionActions>
      ) : null}
      {adding ? (
        <AddConsentDialog
          clientId={client.id}
          onClose={() => setAdding(false)}
          onAdded={() => {
            consents.reload();
            onChanged(t('casework.consent.recorded'));
          }}
        />
      ) : null}
    </Section>
  );
}

function AddConsentDialog({ clientId, onClose, onAdded }: AddToClientProps) {
  const { t } = useTranslation();
  const consent = useDraft(() => ({
    purpose: null as ConsentPurpose | null,
    form: 'written' as ConsentForm | null,
    partnerAgencyId: null as string | null,
    date: todayIso(),
    includesContactNotes: false,
  }));
  const { purpose, form, partnerAgencyId, date, includesContactNotes } = consent.draft;
  const partners = useEndpoint(api.cases.listPartnerAgencies, purpose === 'sharing' ? {} : null);
  return (
    <DraftDialog
      form={consent}
      onClose={onClose}
      title={t('casework.consent.add')}
      submitLabel={t('casework.consent.record')}
      onSubmit={async () => {
        await api.consents.create({
          params: { id: clientId },
          body: {
            purpose: purpose ?? undefined,
            form: form ?? undefined,
            date,
            // The flag is only allowed on sharing consents; a box ticked before the purpose changed is dropped.
            // No partner chosen is sent as null on purpose: the server then asks for it at the field
            // ("Bitte ausfüllen."), not with the rule that a sharing consent names a partner.
            ...(purpose === 'sharing'
              ? { partnerAgencyId: partnerAgencyId as string, includesContactNotes }
              : {}),
          },
        });
        onAdded();
      }}
    >
      {(field, errors) => (
        <>
          <SelectField
            label={t('casework.consent.purpose')}
            options={consentPurposes.map((p) => ({ id: p, label: t(`casework.purpose.${p}`) }))}
            placeholder={t('casework.choose')}
            {...field.select('purpose')}
          />
          {purpose === 'sharing' ? (
            <>
              <SelectField
                label={t('casework.case.partnerAgency')}
                options={(partners.data?.items ?? []).map((a) => ({ id: a.id, label: a.name }))}
                placeholder={t('casework.choose')}
                {...field.select('partnerAgencyId')}
              />
              <CheckboxItem {...field.check('includesContactNotes')}>
                {t('casework.consent.includesContactNotes')}
              </CheckboxItem>
              {errors.includesContactNotes ? (
                <p className="field__error">{errors.includesContactNotes}</p>
              ) : null}
            </>
          ) : null}
          <SelectField
            label={t('casework.consent.form')}
            options={consentForms.map((f) => ({ id: f, label: t(`casework.consentForm.${f}`) }))}
            {...field.select('form')}
          />
          <TextField label={t('casework.consent.date')} type="date" isRequired {...field.text('date')} />
        </>
      )}
    </DraftDialog>
  );
}
