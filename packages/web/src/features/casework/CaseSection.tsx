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
import { FormDialog } from '../../ui/FormDialog.tsx';
import { Section } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
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

  return (
    <Section id="fall" title={t('casework.case.title')}>
      {current ? (
        <dl className="facts">
          <div>
            <dt>{t('casework.case.status')}</dt>
            <dd>
              <span className={`badge badge--${current.status === 'open' ? 'success' : 'neutral'}`}>
                {t(`casework.caseStatus.${current.status}`)}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('casework.case.guide')}</dt>
            <dd>{current.guide?.displayName ?? t('common.none')}</dd>
          </div>
          <div>
            <dt>{t('casework.case.deputies')}</dt>
            <dd>{current.deputies.map((d) => d.displayName).join(', ') || t('common.none')}</dd>
          </div>
          <div>
            <dt>{t('casework.case.openedOn')}</dt>
            <dd>{formatDate(current.openedOn, locale)}</dd>
          </div>
          {current.status === 'closed' ? (
            <>
              <div>
                <dt>{t('casework.case.closedOn')}</dt>
                <dd>{formatDate(current.closedOn, locale)}</dd>
              </div>
              <div>
                <dt>{t('casework.case.outcome')}</dt>
                <dd>{current.outcome ? t(`casework.outcome.${current.outcome}`) : ''}</dd>
              </div>
            </>
          ) : null}
          <div>
            <dt>{t('casework.case.sharedWith')}</dt>
            <dd>{current.sharedWith.map((s) => s.agency.name).join(', ') || t('casework.case.notShared')}</dd>
          </div>
        </dl>
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
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [date, setDate] = useState(todayIso());
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      title={t('casework.case.close')}
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
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
      {(errors) => (
        <>
          <SelectField
            label={t('casework.case.outcome')}
            options={outcomes.map((o) => ({ id: o, label: t(`casework.outcome.${o}`) }))}
            selectedKey={outcome}
            onSelectionChange={setOutcome}
            placeholder={t('casework.choose')}
          />
          {errors.outcome ? <p className="field__error">{errors.outcome}</p> : null}
          <TextField
            label={t('casework.case.closedOn')}
            type="date"
            isRequired
            value={date}
            onChange={setDate}
            errorMessage={errors.date}
          />
          <TextField
            label={t('casework.case.reason')}
            value={reason}
            onChange={setReason}
            errorMessage={errors.reason}
          />
        </>
      )}
    </FormDialog>
  );
}

function ReopenDialog({ client, onDone, onClose }: DialogProps) {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayIso());
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      title={t('casework.case.reopen')}
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      submitLabel={t('casework.case.reopen')}
      onSubmit={async () => {
        await api.cases.reopen({ params: { id: client.id }, body: { date, reason } });
        onDone(t('casework.case.reopened'));
      }}
    >
      {(errors) => (
        <>
          <TextField
            label={t('casework.case.openedOn')}
            type="date"
            isRequired
            value={date}
            onChange={setDate}
            errorMessage={errors.date}
          />
          <TextField
            label={t('casework.case.reason')}
            isRequired
            value={reason}
            onChange={setReason}
            errorMessage={errors.reason}
          />
        </>
      )}
    </FormDialog>
  );
}

function HandoverDialog({ client, current, onDone, onClose }: DialogProps & { current: CaseView }) {
  const { t } = useTranslation();
  const guides = useEndpoint(api.cases.listGuides, {});
  const [guide, setGuide] = useState<string | null>(null);
  const [deputy, setDeputy] = useState<string | null>(current.deputies[0]?.id ?? null);
  const [reason, setReason] = useState('');
  const options = (guides.data?.items ?? []).map((g) => ({ id: g.id, label: g.displayName }));
  return (
    <FormDialog
      title={t('casework.case.handover')}
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      submitLabel={t('casework.case.handoverSubmit')}
      onSubmit={async () => {
        await api.cases.handover({
          params: { id: client.id },
          body: { guideUserId: guide ?? undefined, reason, deputyUserIds: deputy ? [deputy] : [] },
        });
        onDone(t('casework.case.handedOver'));
      }}
    >
      {(errors) => (
        <>
          <SelectField
            label={t('casework.case.newGuide')}
            options={options}
            selectedKey={guide}
            onSelectionChange={setGuide}
            placeholder={t('casework.choose')}
          />
          {errors.guideUserId ? <p className="field__error">{errors.guideUserId}</p> : null}
          <SelectField
            label={t('casework.case.deputy')}
            options={[{ id: '', label: t('common.none') }, ...options]}
            selectedKey={deputy ?? ''}
            onSelectionChange={(k) => setDeputy(k || null)}
          />
          <TextField
            label={t('casework.case.reason')}
            isRequired
            value={reason}
            onChange={setReason}
            errorMessage={errors.reason}
          />
        </>
      )}
    </FormDialog>
  );
}

function ShareDialog({ client, onDone, onClose }: DialogProps) {
  const { t } = useTranslation();
  const consents = useEndpoint(api.consents.list, { params: { id: client.id } });
  const partners = (consents.data?.items ?? [])
    .filter((c) => c.purpose === 'sharing' && c.active && c.partnerAgency)
    .map((c) => ({ id: c.partnerAgency?.id ?? '', label: c.partnerAgency?.name ?? '' }));
  const [partner, setPartner] = useState<string | null>(null);
  return (
    <FormDialog
      title={t('casework.case.share')}
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      submitLabel={t('casework.case.shareSubmit')}
      onSubmit={async () => {
        await api.cases.share({
          params: { id: client.id },
          body: { partnerAgencyId: partner ?? undefined },
        });
        onDone(t('casework.case.sharedNotice'));
      }}
    >
      {(errors) => (
        <>
          <p>{t('casework.case.shareHelp')}</p>
          {partners.length > 0 ? (
            <SelectField
              label={t('casework.case.partnerAgency')}
              options={partners}
              selectedKey={partner}
              onSelectionChange={setPartner}
              placeholder={t('casework.choose')}
            />
          ) : (
            <p>{t('casework.case.noSharingConsent')}</p>
          )}
          {errors.partnerAgencyId ? <p className="field__error">{errors.partnerAgencyId}</p> : null}
        </>
      )}
    </FormDialog>
  );
}
