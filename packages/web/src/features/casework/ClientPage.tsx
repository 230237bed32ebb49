import type { ClientView, ProgressView, ReferralView } from '@lotse/domain';
import { clientRecordEndpoints } from '@lotse/domain/endpoints';
import { fillPath } from '@lotse/domain/src/api/route.ts';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan } from '../../app/auth.tsx';
import { api } from '../../app/client.ts';
import { errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { Alert } from '../../ui/Alert.tsx';
import { NotFoundPage } from '../../ui/ErrorPages.tsx';
import { FactList } from '../../ui/FactList.tsx';
import { Loading, Page, Section } from '../../ui/Page.tsx';
import { ClientProgress } from '../instruments/ClientProgress.tsx';
import { CaseSection } from './CaseSection.tsx';
import { ClientSummary, SectionNav } from './ClientSummary.tsx';
import { ConsentsSection } from './ConsentsSection.tsx';
import { ContactDetailsFields, contactDetailsOf } from './ContactDetailsFields.tsx';
import { ContactsSection } from './ContactsSection.tsx';
import './casework.css';
import { formatDate } from '../../app/dates.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { EntityFormDialog } from '../../ui/EntityFormDialog.tsx';
import { OfferSuggestions } from '../network/OfferSuggestions.tsx';
import type { EditDialogProps } from './clientDialog.ts';
import { ErasureSection } from './ErasureSection.tsx';
import { GoalsSection } from './GoalsSection.tsx';
import { SectionActions } from './SectionActions.tsx';

/**
 * One client: a summary with the main actions, an in-page menu of the sections, then master data, case
 * with history, consents, goals, progress, offers and contacts, as far as the role may see.
 */
export function ClientPage() {
  const { id = '' } = useParams();
  const { t, locale } = useLanguage();
  const client = useEndpoint(api.clients.read, { params: { id } });
  const worksOnCases = useCan('cases.manage');
  const canErase = useCan('clients.erase');
  // Goals and consents are loaded here once: their sections show them, the summary counts them.
  const goals = useEndpoint(api.goals.list, worksOnCases ? { params: { id } } : null);
  const consents = useEndpoint(api.consents.list, worksOnCases ? { params: { id } } : null);
  const [progress, setProgress] = useState<ProgressView>();
  const [referrals, setReferrals] = useState<ReferralView[]>();
  const onProgress = useCallback((p: ProgressView) => setProgress(p), []);
  const onReferrals = useCallback((r: ReferralView[]) => setReferrals(r), []);
  // The contact and goal forms open from the summary's actions as well as from their sections.
  const [addingContact, setAddingContact] = useState(false);
  const [addingGoal, setAddingGoal] = useState<{ dimension: string | null } | null>(null);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string>();

  if (client.error && (client.error as { status?: number }).status === 404) return <NotFoundPage />;
  const c = client.data;
  const title = c ? `${c.firstName} ${c.lastName}` : t('casework.client.title');
  const yesNo = (v: boolean | null | undefined) =>
    v === null || v === undefined ? t('common.none') : v ? t('casework.yes') : t('casework.no');
  const onChanged = (message?: string) => {
    setNotice(message);
    client.reload();
  };
  const canWrite = worksOnCases && !!c && !c.anonymised;
  const mayErase = canErase && !!c && c.owned && !c.anonymised;
  const sections = c
    ? [
        { id: 'stammdaten', label: t('casework.client.masterData') },
        ...(worksOnCases
          ? [
              { id: 'fall', label: t('casework.case.title') },
              { id: 'einwilligungen', label: t('casework.consent.title') },
              { id: 'ziele', label: t('casework.goal.title') },
              { id: 'verlauf', label: t('assessments.progress.title') },
              { id: 'offer-suggestions', label: t('network.suggestions.title') },
              { id: 'referrals', label: t('network.referrals.title') },
            ]
          : []),
        { id: 'kontakte', label: t('casework.contact.title') },
        ...(mayErase ? [{ id: 'loeschen', label: t('casework.erasure.title') }] : []),
      ]
    : [];

  return (
    <Page
      title={title}
      intro={
        c ? (
          <p>
            {t('casework.client.clientNumber')}: {c.clientNumber}
            {c.owned ? '' : ` · ${t('casework.client.sharedWithUs')}`}
          </p>
        ) : null
      }
      actions={
        <>
          <Link className="btn btn--secondary" to="/klienten">
            {t('casework.client.back')}
          </Link>
          {c && worksOnCases ? (
            <>
              <a
                className="btn btn--secondary"
                href={fillPath(clientRecordEndpoints.exportRecord.path, { id: c.id })}
                download
              >
                {t('casework.client.export')}
              </a>
              <a
                className="btn btn--secondary"
                href={`${fillPath(clientRecordEndpoints.exportRecord.path, { id: c.id })}?format=pdf`}
                download
              >
                {t('casework.client.exportPdf')}
              </a>
            </>
          ) : null}
        </>
      }
    >
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {client.error ? <Alert tone="error">{errorText(t, client.error)}</Alert> : null}
      {!c && client.loading ? <Loading label={t('common.loading')} /> : null}
      {c ? (
        <div className="client-record">
          {worksOnCases ? (
            <ClientSummary
              client={c}
              data={{ goals: goals.data?.items, consents: consents.data?.items, progress, referrals }}
              canWrite={canWrite}
              onAddContact={() => setAddingContact(true)}
              onAddGoal={() => setAddingGoal({ dimension: null })}
            />
          ) : null}
          <SectionNav sections={sections} />
          <div className="stack record-sections">
            <Section id="stammdaten" title={t('casework.client.masterData')}>
              <FactList
                facts={[
                  { label: t('casework.client.birthDate'), value: formatDate(c.birthDate, locale) },
                  {
                    label: t('casework.client.gender'),
                    value: c.gender ? t(`casework.gender.${c.gender}`) : t('common.none'),
                  },
                  { label: t('casework.client.district'), value: c.district ?? t('common.none') },
                  { label: t('casework.client.phone'), value: c.phone ?? t('common.none') },
                  { label: t('casework.client.email'), value: c.email ?? t('common.none') },
                  {
                    label: t('casework.client.preferredLanguage'),
                    value: `${c.preferredLanguage ?? t('common.none')}${c.interpreterNeeded ? ` (${t('casework.client.interpreterNeeded')})` : ''}`,
                  },
                  {
                    label: t('casework.client.household'),
                    value: c.household ? t(`casework.household.${c.household}`) : t('common.none'),
                  },
                  {
                    label: t('casework.client.legalContext'),
                    value: c.legalContext ? t(`casework.legalContext.${c.legalContext}`) : t('common.none'),
                  },
                  'severeDisability' in c && {
                    label: t('casework.client.severeDisability'),
                    value: yesNo(c.severeDisability),
                  },
                  'severeDisability' in c && {
                    label: t('casework.client.reducedEarningCapacity'),
                    value: yesNo(c.reducedEarningCapacity),
                  },
                ]}
              />
              {worksOnCases && !c.anonymised ? (
                <SectionActions label={t('casework.client.edit')} onPress={() => setEditing(true)} />
              ) : null}
            </Section>
            {worksOnCases ? <CaseSection client={c} onChanged={onChanged} /> : null}
            {worksOnCases ? <ConsentsSection client={c} consents={consents} onChanged={onChanged} /> : null}
            {worksOnCases ? (
              <GoalsSection client={c} goals={goals} adding={addingGoal} onAddingChange={setAddingGoal} />
            ) : null}
            {worksOnCases ? (
              <ClientProgress clientId={c.id} canWrite={!c.anonymised} onLoaded={onProgress} />
            ) : null}
            {worksOnCases ? (
              <OfferSuggestions clientId={c.id} canWrite={!c.anonymised} onReferrals={onReferrals} />
            ) : null}
            <ContactsSection
              client={c}
              canWrite={canWrite}
              adding={addingContact}
              onAddingChange={setAddingContact}
            />
            {mayErase ? (
              <ErasureSection client={c} onDone={() => onChanged(t('casework.erasure.anonymised'))} />
            ) : null}
            {editing ? (
              <EditClientDialog
                client={c}
                onClose={() => setEditing(false)}
                onSaved={() => onChanged(t('casework.saved'))}
              />
            ) : null}
          </div>
        </div>
      ) : null}
    </Page>
  );
}

function EditClientDialog({ client, onClose, onSaved }: { client: ClientView } & EditDialogProps) {
  const { t } = useTranslation();
  return (
    <EntityFormDialog
      entity={client}
      draftOf={contactDetailsOf}
      update={(c, body) => api.clients.update({ params: { id: c.id }, body })}
      onSaved={onSaved}
      title={t('casework.client.edit')}
      submitLabel={t('common.save')}
      onOpenChange={(open) => (open ? undefined : onClose())}
    >
      {({ field }) => <ContactDetailsFields text={field.text} />}
    </EntityFormDialog>
  );
}
