import type { ReferralFeedbackLinkView, ReferralView } from '@lotse/domain';
import type { ReferralFeedbackOutcome } from '@lotse/domain/codes';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/client.ts';
import { formatDate, todayIso } from '../../app/dates.ts';
import { localeOf } from '../../i18n/index.ts';
import { Button } from '../../ui/Button.tsx';
import { DraftDialog } from '../../ui/DraftDialog.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { ShownDialog } from '../../ui/ShownDialog.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDraft } from '../../ui/useDraft.ts';
import { referralFeedbackOutcomes } from './network.ts';

/** Feedback can be asked for and entered once a referral is under way. */
export const asksFeedback = (r: ReferralView) =>
  r.status === 'referred' || r.status === 'started' || r.status === 'completed';

/** The partner's feedback as a short line: outcome, date, note. */
export function FeedbackText({ referral }: { referral: ReferralView }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const parts = [
    referral.feedbackOutcome ? t(`network.feedbackOutcome.${referral.feedbackOutcome}`) : null,
    referral.feedbackOn ? formatDate(referral.feedbackOn, locale) : null,
    referral.feedback,
  ].filter(Boolean);
  return <>{parts.join(' · ')}</>;
}

/** Staff enter what the partner reported (by phone or mail). */
export function FeedbackDialog({
  referral,
  onClose,
  onSaved,
}: {
  referral: ReferralView;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const form = useDraft(() => ({
    outcome: referral.feedbackOutcome as ReferralFeedbackOutcome | null,
    note: referral.feedback ?? '',
    date: todayIso(),
  }));
  const { outcome, note, date } = form.draft;
  return (
    <DraftDialog
      form={form}
      onClose={onClose}
      title={t('network.feedback.dialogTitle', { offer: referral.offer.title })}
      submitLabel={t('common.save')}
      onSubmit={async () => {
        await api.referralFeedback.record({
          params: { id: referral.id },
          // A missing outcome goes as null: the server names it at the field.
          body: {
            outcome: outcome as ReferralFeedbackOutcome,
            date,
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        });
        onSaved();
      }}
    >
      {(field, errors) => (
        <>
          <SelectField
            label={t('network.feedback.outcome')}
            options={referralFeedbackOutcomes.map((o) => ({
              id: o,
              label: t(`network.feedbackOutcome.${o}`),
            }))}
            selectedKey={outcome}
            onSelectionChange={(value) => form.set('outcome', value)}
            placeholder={t('casework.choose')}
          />
          {errors.outcome ? <p className="field__error">{errors.outcome}</p> : null}
          <TextField label={t('network.feedback.date')} type="date" isRequired {...field.text('date')} />
          <TextField label={t('network.feedback.note')} {...field.text('note')} maxLength={500} />
        </>
      )}
    </DraftDialog>
  );
}

/** A one-time link for the partner, shown once to copy and pass on. */
export function FeedbackLinkDialog({ referral, onClose }: { referral: ReferralView; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const [link, setLink] = useState<ReferralFeedbackLinkView>();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const urlId = useId();
  const create = async () => {
    setBusy(true);
    setFailed(false);
    try {
      setLink(await api.referralFeedback.createLink({ params: { id: referral.id } }));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const url = link ? `${window.location.origin}${link.path}` : '';
  return (
    <ShownDialog title={t('network.feedback.linkTitle', { offer: referral.offer.title })} onClose={onClose}>
      <div className="form">
        <p>{t('network.feedback.linkHint')}</p>
        {failed ? <p className="field__error">{t('errors.generic')}</p> : null}
        {link ? (
          <>
            <label htmlFor={urlId}>{t('network.feedback.linkUrl')}</label>
            <input
              id={urlId}
              className="field__input"
              readOnly
              value={url}
              onFocus={(e) => e.currentTarget.select()}
            />
            <p>{t('network.feedback.linkExpires', { date: formatDate(link.expiresAt, locale) })}</p>
            <div className="form__actions">
              <Button variant="secondary" onPress={() => void navigator.clipboard?.writeText(url)}>
                {t('network.feedback.copy')}
              </Button>
              <Button onPress={onClose}>{t('common.close')}</Button>
            </div>
          </>
        ) : (
          <div className="form__actions">
            <Button isPending={busy} onPress={() => void create()}>
              {t('network.feedback.createLink')}
            </Button>
            <Button variant="secondary" onPress={onClose}>
              {t('common.cancel')}
            </Button>
          </div>
        )}
      </div>
    </ShownDialog>
  );
}
