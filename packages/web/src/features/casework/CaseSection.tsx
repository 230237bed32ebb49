import type { CaseView, ClientView } from '@lotse/domain';
import type { Outcome } from '@lotse/domain/codes';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/client.ts';
import { checkDateOrder } from '../../app/dateOrder.ts';
import { formatDate, formatDateTime, todayIso } from '../../app/dates.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { localeOf } from '../../i18n/index.ts';
import { Button } from '../../ui/Button.tsx';
import { DraftDialog } from '../../ui/DraftDialog.tsx';
import { FactList } from '../../ui/FactList.tsx';
import { Section } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDraft } from '../../ui/useDraft.ts';
import { CaseStatusBadge } from './CaseStatusBadge.tsx';
import { outcomes } from './casework.ts';

type Dialog = 'close' | 'reopen' | 'handover' | 'share' | null;

/** The case: status, guide, outcome, history; closing, re-opening, handover and sharing. */
export function CaseSection({
  client,
  onChanged,
}: {
  client: ClientView;
  onChanged: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const [dialog, setDialog] = useState<Dialog>(null);
  const current = client.cases[0];
  const canManage = client.owned && !client.anonymised;
  const closed = current?.status === 'closed';

  return (
    <Section id="fall" title={t('casework.case.title')}>
      {current ? (
        <FactList
          facts={[
            { label: t('casework.case.status'), value: <CaseStatusBadge status={current.status} /> },
            { label: t('casework.case.guide'), value: current.guide?.displayName ?? t('common.none') },
            {
              label: t('casework.case.deputies'),
              value: current.deputies.map((d) => d.displayName).join(', ') || t('common.none'),
            },
            { label: t('casework.case.openedOn'), value: formatDate(current.openedOn, locale) },
            closed && { label: t('casework.case.closedOn'), value: formatDate(current.closedOn, locale) },
            closed && {
              label: t('casework.case.outcome'),
              value: current.outcome ? t(`casework.outcome.${current.outcome}`) : '',
            },
            {
              label: t('casework.case.sharedWith'),
              value: current.sharedWith.map((s) => s.agency.name).join(', ') || t('casework.case.notShared'),
            },
          ]}
        />
      ) : null}
      {canManage ? (
        <div className="section-actions">
          {current?.status === 'open' ? (
            <>
              <Button onPress={() => setDialog('close')}>{t('casework.case.close')}</Button>
              <Button variant="secondary" onPress={() => setDialog('handover')}>
                {t('casework.case.handover')}
              </Button>
              <Button variant="secondary" onPress={() => setDialog('share')}>
                {t('casework.case.share')}
              </Button>
            </>
          ) : (
            <Button variant="secondary" onPress={() => setDialog('reopen')}>
              {t('casework.case.reopen')}
            </Button>
          )}
        </div>
      ) : null}
      <h3>{t('casework.case.history')}</h3>
      <ol className="history">
        {client.cases
          .flatMap((k) => k.events.map((e, i) => ({ e, key: `${k.id}-${i}` })))
          .reverse()
          .map(({ e, key }) => (
            <li key={key}>
              {formatDateTime(e.at)}: {t(`casework.event.${e.kind}`)}
              {e.to ? ` → ${e.to.displayName}` : ''}
              {e.partnerAgency ? ` (${e.partnerAgency.name})` : ''}
              {e.reason ? ` – ${e.reason}` : ''}
            </li>
          ))}
      </ol>
      {dialog === 'close' ? (
        <CloseDialog client={client} onDone={onChanged} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'reopen' ? (
        <ReopenDialog client={client} onDone={onChanged} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'handover' && current ? (
        <HandoverDialog
          client={client}
          current={current}
          onDone={onChanged}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'share' ? (
        <ShareDialog client={client} onDone={onChanged} onClose={() => setDialog(null)} />
      ) : null}
    </Section>
  );
}

interface DialogProps {
  client: ClientView;
  onDone: (message: string) => void;
  onClose: () => void;
}

function CloseDialog({ client, onDone, onClose }: DialogProps) {
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  // The server allows closing from the day the case's work began (an earlier first contact counts).
  const beganOn = client.cases[0]?.beganOn;
  const form = useDraft(() => ({ outcome: null as Outcome | null, date: todayIso(), reason: '' }));
  const { outcome, date, reason } = form.draft;
  return (
    <DraftDialog
      form={form}
      onClose={onClose}
      title={t('casework.case.close')}
      submitLabel={t('casework.case.closeSubmit')}
      onSubmit={async () => {
        checkDateOrder(t, 'caseClosure', beganOn, date, formatDate(beganOn, locale));
        await api.cases.close({
          params: { id: client.id },
          body: { outcome: outcome ?? undefined, date, ...(reason.trim() ? { reason } : {}) },
        });
        onDone(t('casework.case.closed'));
      }}
    >
      {(field) => (
        <>
          <SelectField
            label={t('casework.case.outcome')}
            options={outcomes.map((o) => ({ id: o, label: t(`casework.outcome.${o}`) }))}
            placeholder={t('casework.choose')}
            {...field.select('outcome')}
          />
          <TextField label={t('casework.case.closedOn')} type="date" isRequired {...field.text('date')} />
          <TextField label={t('casework.case.reason')} {...field.text('reason')} />
        </>
      )}
    </DraftDialog>
  );
}

function ReopenDialog({ client, onDone, onClose }: DialogProps) {
  const { t } = useTranslation();
  const form = useDraft(() => ({ date: todayIso(), reason: '' }));
  return (
    <DraftDialog
      form={form}
      onClose={onClose}
      title={t('casework.case.reopen')}
      submitLabel={t('casework.case.reopen')}
      onSubmit={async () => {
        await api.cases.reopen({ params: { id: client.id }, body: form.draft });
        onDone(t('casework.case.reopened'));
      }}
    >
      {(field) => (
        <>
          <TextField label={t('casework.case.openedOn')} type="date" isRequired {...field.text('date')} />
          <TextField label={t('casework.case.reason')} isRequired {...field.text('reason')} />
        </>
      )}
    </DraftDialog>
  );
}

function HandoverDialog({ client, current, onDone, onClose }: DialogProps & { current: CaseView }) {
  const { t } = useTranslation();
  const guides = useEndpoint(api.cases.listGuides, {});
  const form = useDraft(() => ({
    guideUserId: null as string | null,
    deputy: current.deputies[0]?.id ?? null,
    reason: '',
  }));
  const { guideUserId, deputy, reason } = form.draft;
  const options = (guides.data?.items ?? []).map((g) => ({ id: g.id, label: g.displayName }));
  return (
    <DraftDialog
      form={form}
      onClose={onClose}
      title={t('casework.case.handover')}
      submitLabel={t('casework.case.handoverSubmit')}
      onSubmit={async () => {
        await api.cases.handover({
          params: { id: client.id },
          body: { guideUserId: guideUserId ?? undefined, reason, deputyUserIds: deputy ? [deputy] : [] },
        });
        onDone(t('casework.case.handedOver'));
      }}
    >
      {(field) => (
        <>
          <SelectField
            label={t('casework.case.newGuide')}
            options={options}
            placeholder={t('casework.choose')}
            {...field.select('guideUserId')}
          />
          <SelectField
            label={t('casework.case.deputy')}
            options={[{ id: '', label: t('common.none') }, ...options]}
            selectedKey={deputy ?? ''}
            onSelectionChange={(k) => form.set('deputy', k || null)}
          />
          <TextField label={t('casework.case.reason')} isRequired {...field.text('reason')} />
        </>
      )}
    </DraftDialog>
  );
}

function ShareDialog({ client, onDone, onClose }: DialogProps) {
  const { t } = useTranslation();
  const consents = useEndpoint(api.consents.list, { params: { id: client.id } });
  const partners = (consents.data?.items ?? [])
    .filter((c) => c.purpose === 'sharing' && c.active && c.partnerAgency)
    .map((c) => ({ id: c.partnerAgency?.id ?? '', label: c.partnerAgency?.name ?? '' }));
  const form = useDraft(() => ({ partnerAgencyId: null as string | null }));
  return (
    <DraftDialog
      form={form}
      onClose={onClose}
      title={t('casework.case.share')}
      submitLabel={t('casework.case.shareSubmit')}
      onSubmit={async () => {
        await api.cases.share({
          params: { id: client.id },
          body: { partnerAgencyId: form.draft.partnerAgencyId ?? undefined },
        });
        onDone(t('casework.case.sharedNotice'));
      }}
    >
      {(field, errors) => (
        <>
          <p>{t('casework.case.shareHelp')}</p>
          {partners.length > 0 ? (
            <SelectField
              label={t('casework.case.partnerAgency')}
              options={partners}
              placeholder={t('casework.choose')}
              {...field.select('partnerAgencyId')}
            />
          ) : (
            <>
              <p>{t('casework.case.noSharingConsent')}</p>
              {errors.partnerAgencyId ? <p className="field__error">{errors.partnerAgencyId}</p> : null}
            </>
          )}
        </>
      )}
    </DraftDialog>
  );
}
