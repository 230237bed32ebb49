import type { OfferSuggestion } from '@lotse/domain';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/client.ts';
import { Alert } from '../../ui/Alert.tsx';
import { DraftDialog } from '../../ui/DraftDialog.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { useDraft } from '../../ui/useDraft.ts';
import { PlacesText } from './OffersPage.tsx';

/**
 * Confirms a referral before it is made: the offer and its places, the consent the referral needs and
 * whether the client has it (the server refuses without it, so the dialog does not offer to send), what
 * the partner will see, and an internal note.
 */
export function ReferDialog({
  clientId,
  suggestion,
  onClose,
  onReferred,
}: {
  clientId: string;
  suggestion: OfferSuggestion;
  onClose: () => void;
  onReferred: () => void;
}) {
  const { t } = useTranslation();
  const form = useDraft(() => ({ note: '' }));
  const { note } = form.draft;
  const { offer, consent, full } = suggestion;
  const agencyName = consent.agency?.name ?? offer.agency.name;
  const missing = !consent.given;

  return (
    <DraftDialog
      form={form}
      onClose={onClose}
      title={t('network.refer.title', { title: offer.title })}
      submitLabel={full ? t('network.suggestions.referFull') : t('network.suggestions.refer')}
      submitDisabled={missing}
      onSubmit={async () => {
        await api.referrals.create({
          params: { id: clientId },
          body: { offerId: offer.id, overrideCapacity: full, note: note.trim() || null },
        });
        onReferred();
      }}
    >
      {(field) => (
        <>
          <dl className="refer-facts">
            <div>
              <dt className="refer-facts__term">{t('network.refer.partner')}</dt>
              <dd className="refer-facts__value">
                {offer.partner.name}
                {offer.own ? '' : ` (${offer.agency.name})`}
              </dd>
            </div>
            <div>
              <dt className="refer-facts__term">{t('network.refer.places')}</dt>
              <dd className="refer-facts__value">
                <PlacesText offer={offer} />
              </dd>
            </div>
          </dl>
          {full ? <Alert tone="warning">{t('network.suggestions.confirmFull')}</Alert> : null}
          {consent.required === 'none' ? (
            <Alert tone="info" title={t('network.refer.consentNoneTitle')}>
              <p>{t('network.refer.consentNone')}</p>
            </Alert>
          ) : missing ? (
            <Alert tone="error" title={t('network.refer.consentMissingTitle')}>
              <p>{t('network.refer.consentMissing', { agency: agencyName })}</p>
            </Alert>
          ) : (
            <Alert tone="success" title={t('network.refer.consentGivenTitle')}>
              <p>{t('network.refer.consentGiven', { agency: agencyName })}</p>
            </Alert>
          )}
          <div className="refer-sees">
            <h3>{t('network.refer.seesTitle')}</h3>
            <p>
              {consent.required === 'none'
                ? t('network.refer.seesOwn', { partner: offer.partner.name })
                : t('network.refer.seesOther', { agency: agencyName })}{' '}
              {t('network.refer.seesLink')}
            </p>
          </div>
          {missing ? null : (
            <TextAreaField
              label={t('network.refer.note')}
              {...field.text('note')}
              maxLength={2000}
              rows={3}
            />
          )}
        </>
      )}
    </DraftDialog>
  );
}
