import type { CaseView, ClientView } from '@lotse/domain';
import type { Outcome } from '@lotse/domain/codes';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/client.ts';
import { checkDateOrder } from '../../app/dateOrder.ts';
import { formatDate, formatDateTime, todayIso } from '../../app/dates.ts';
import type { FieldErrors } from '../../app/fieldErrors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { Button } from '../../ui/Button.tsx';
import { DraftDialog } from '../../ui/DraftDialog.tsx';
import { FactList } from '../../ui/FactList.tsx';
import { Section } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDraft } from '../../ui/useDraft.ts';
import { CaseStatusBadge } from './CaseStatusBadge.tsx';
import { outcomes } from './casework.ts';

/** The case: status, guide, outcome, history; closing, re-opening, handover and sharing. */
export function CaseSection({
  client,
  onChanged,
}: {
  client: ClientView;
  onChanged: (message: string) => void;
}) {
  const { t, locale } = useLanguage();
  const [dialog, setDialog] = useState<keyof typeof dialogs | null>(null);
  const current = client.cases[0];
  const canManage = client.owned && !client.anonymised;
  const closed = current?.status === 'closed';
  const Dialog = dialog ? dialogs[dialog] : null;

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
      {Dialog ? (
        <Dialog client={client} current={current} onDone={onChanged} onClose={() => setDialog(null)} />
      ) : null}
    </Section>
  );
}

interface DialogProps {
  client: ClientView;
  /** The client's current case; the section offers no action that needs one while there is none. */
  current: CaseView | undefined;
  onDone: (message: string) => void;
  onClose: () => void;
}

type Form<D extends object> = ReturnType<typeof useDraft<D>>;

/**
 * The texts (`casework.case.*`) of each action on the case besides its name, which titles its dialog:
 * the dialog's submit button and the notice once it is done.
 */
const ACTION_TEXTS = {
  close: { submit: 'closeSubmit', done: 'closed' },
  reopen: { submit: 'reopen', done: 'reopened' },
  handover: { submit: 'handoverSubmit', done: 'handedOver' },
  share: { submit: 'shareSubmit', done: 'sharedNotice' },
} as const;

/** A dialog that changes the case: sends the form's values, then tells the section what happened. */
function CaseDialog<D extends object>({
  action,
  initial,
  send,
  onDone,
  onClose,
  children,
}: DialogProps & {
  action: keyof typeof ACTION_TEXTS;
  initial: () => D;
  send: (draft: D) => Promise<unknown>;
  children: (field: ReturnType<Form<D>['bind']>, errors: FieldErrors, form: Form<D>) => ReactNode;
}) {
  const { t } = useTranslation();
  const texts = ACTION_TEXTS[action];
  const form = useDraft(initial);
  return (
    <DraftDialog
      form={form}
      onClose={onClose}
      title={t(`casework.case.${action}`)}
      submitLabel={t(`casework.case.${texts.submit}`)}
      onSubmit={async () => {
        await send(form.draft);
        onDone(t(`casework.case.${texts.done}`));
      }}
    >
      {(field, errors) => children(field, errors, form)}
    </DraftDialog>
  );
}

function CloseDialog(props: DialogProps) {
  const { client } = props;
  const { t, locale } = useLanguage();
  // The server allows closing from the day the case's work began (an earlier first contact counts).
  const beganOn = client.cases[0]?.beganOn;
  return (
    <CaseDialog
      {...props}
      action="close"
      initial={() => ({ outcome: null as Outcome | null, date: todayIso(), reason: '' })}
      send={({ outcome, date, reason }) => {
        checkDateOrder(t, 'caseClosure', beganOn, date, formatDate(beganOn, locale));
        return api.cases.close({
          params: { id: client.id },
          body: { outcome: outcome ?? undefined, date, ...(reason.trim() ? { reason } : {}) },
        });
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
    </CaseDialog>
  );
}

function ReopenDialog(props: DialogProps) {
  const { client } = props;
  const { t } = useTranslation();
  return (
    <CaseDialog
      {...props}
      action="reopen"
      initial={() => ({ date: todayIso(), reason: '' })}
      send={(body) => api.cases.reopen({ params: { id: client.id }, body })}
    >
      {(field) => (
        <>
          <TextField label={t('casework.case.openedOn')} type="date" isRequired {...field.text('date')} />
          <TextField label={t('casework.case.reason')} isRequired {...field.text('reason')} />
        </>
      )}
    </CaseDialog>
  );
}

function HandoverDialog(props: DialogProps) {
  const { client, current } = props;
  const { t } = useTranslation();
  const guides = useEndpoint(api.cases.listGuides, {});
  const options = (guides.data?.items ?? []).map((g) => ({ id: g.id, label: g.displayName }));
  return (
    <CaseDialog
      {...props}
      action="handover"
      initial={() => ({
        guideUserId: null as string | null,
        deputy: current?.deputies[0]?.id ?? null,
        reason: '',
      })}
      send={({ guideUserId, deputy, reason }) =>
        api.cases.handover({
          params: { id: client.id },
          body: { guideUserId: guideUserId ?? undefined, reason, deputyUserIds: deputy ? [deputy] : [] },
        })
      }
    >
      {(field, _errors, form) => (
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
            selectedKey={form.draft.deputy ?? ''}
            onSelectionChange={(k) => form.set('deputy', k || null)}
          />
          <TextField label={t('casework.case.reason')} isRequired {...field.text('reason')} />
        </>
      )}
    </CaseDialog>
  );
}

function ShareDialog(props: DialogProps) {
  const { client } = props;
  const { t } = useTranslation();
  const consents = useEndpoint(api.consents.list, { params: { id: client.id } });
  const partners = (consents.data?.items ?? [])
    .filter((c) => c.purpose === 'sharing' && c.active && c.partnerAgency)
    .map((c) => ({ id: c.partnerAgency?.id ?? '', label: c.partnerAgency?.name ?? '' }));
  return (
    <CaseDialog
      {...props}
      action="share"
      initial={() => ({ partnerAgencyId: null as string | null })}
      send={({ partnerAgencyId }) =>
        api.cases.share({
          params: { id: client.id },
          body: { partnerAgencyId: partnerAgencyId ?? undefined },
        })
      }
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
    </CaseDialog>
  );
}

const dialogs = { close: CloseDialog, reopen: ReopenDialog, handover: HandoverDialog, share: ShareDialog };
