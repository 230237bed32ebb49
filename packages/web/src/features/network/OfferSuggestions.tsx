import type { ReferralStatus, ReferralView, SuggestionsResponse, UpdateReferralRequest } from '@lotse/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/client.ts';
import { formatDate } from '../../app/dates.ts';
import { errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { useDimensions } from '../../app/useDimensions.ts';
import { localeOf } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { Loading, Section } from '../../ui/Page.tsx';
import { RowButton } from '../../ui/RowButton.tsx';
import { TableRegion } from '../../ui/TableRegion.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDraft } from '../../ui/useDraft.ts';
import { useLanguageName } from './network.ts';
import { PlacesText } from './OffersPage.tsx';
import { ReferDialog } from './ReferDialog.tsx';
import { asksFeedback, FeedbackDialog, FeedbackLinkDialog, FeedbackText } from './ReferralFeedback.tsx';
import './network.css';

/**
 * Suggested offers for a client (ranked, with the reason) and the client's referrals with their status.
 * For the client page; needs the referral rights (guides and leads).
 */
export function OfferSuggestions({
  clientId,
  canWrite = true,
  onReferrals,
}: {
  clientId: string;
  canWrite?: boolean;
  /** Called with the client's referrals whenever they (re)load: the client page's summary counts them. */
  onReferrals?: (referrals: ReferralView[]) => void;
}) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string }>();
  const [referring, setReferring] = useState<SuggestionsResponse['items'][number]>();
  const suggestions = useEndpoint(api.referrals.suggestions, {
    params: { id: clientId },
    query: { limit: 10 },
  });
  const referrals = useEndpoint(api.referrals.list, { params: { id: clientId }, query: { pageSize: 200 } });
  useEffect(() => {
    if (referrals.data) onReferrals?.(referrals.data.items);
  }, [referrals.data, onReferrals]);
  const dims = useDimensions();
  const languageName = useLanguageName();

  /** Why an offer fits, in the UI language, from the codes the server matched (its `reason` is German). */
  const reasonOf = (s: SuggestionsResponse['items'][number]) => {
    const parts = [
      ...s.matches.dimensions.map(dims.labelOf),
      ...(s.matches.district ? [s.offer.districtName] : []),
      ...(s.matches.languages.length ? [s.offer.languages.map(languageName).join('/')] : []),
      ...(s.matches.stepFree ? [t('network.suggestions.reason.stepFree')] : []),
      ...(s.matches.easyLanguage ? [t('network.suggestions.reason.easyLanguage')] : []),
    ];
    const reason = parts.length
      ? t('network.suggestions.reason.fits', { parts: parts.join(', ') })
      : t('network.suggestions.reason.general');
    return s.full ? t('network.suggestions.reason.full', { reason }) : reason;
  };

  const data = suggestions.data;
  return (
    <>
      <Section
        id="offer-suggestions"
        title={t('network.suggestions.title')}
        description={<p>{t('network.suggestions.intro')}</p>}
      >
        {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
        {suggestions.error ? <Alert tone="error">{errorText(t, suggestions.error)}</Alert> : null}
        {suggestions.loading && !data ? <Loading label={t('common.loading')} /> : null}
        {data ? (
          <>
            <p>
              {data.basis.needs.length
                ? t('network.suggestions.basis', { needs: data.basis.needs.map(dims.labelOf).join(', ') })
                : t('network.suggestions.basisNone')}
            </p>
            {data.items.length === 0 ? <p>{t('network.suggestions.empty')}</p> : null}
            <ul className="suggestion-list">
              {data.items.map((s) => (
                <li key={s.offer.id} className="suggestion">
                  <div>
                    <p className="suggestion__title">
                      <Link to={`/angebote/${s.offer.id}`}>{s.offer.title}</Link>
                    </p>
                    <p className="suggestion__reason">{reasonOf(s)}</p>
                    <p className="suggestion__reason">
                      {s.offer.partner.name} · {s.offer.districtName} · <PlacesText offer={s.offer} />
                    </p>
                    {s.consent.required === 'sharing' ? (
                      <p className="suggestion__reason">
                        {t(
                          s.consent.given
                            ? 'network.suggestions.consentGiven'
                            : 'network.suggestions.consentNeeded',
                          {
                            agency: s.consent.agency?.name ?? s.offer.agency.name,
                          },
                        )}
                      </p>
                    ) : null}
                  </div>
                  {canWrite ? (
                    <Button
                      variant={s.full ? 'secondary' : 'primary'}
                      size="sm"
                      aria-label={`${s.full ? t('network.suggestions.referFull') : t('network.suggestions.refer')}: ${s.offer.title}`}
                      onPress={() => {
                        setNotice(undefined);
                        setReferring(s);
                      }}
                    >
                      {s.full ? t('network.suggestions.referFull') : t('network.suggestions.refer')}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {referring ? (
          <ReferDialog
            clientId={clientId}
            suggestion={referring}
            onClose={() => setReferring(undefined)}
            onReferred={() => {
              setNotice({
                tone: 'success',
                text: t('network.suggestions.referred', { title: referring.offer.title }),
              });
              suggestions.reload();
              referrals.reload();
            }}
          />
        ) : null}
      </Section>
      <ReferralsSection
        referrals={referrals.data?.items}
        loading={referrals.loading}
        error={referrals.error}
        canWrite={canWrite}
        onChanged={() => {
          setNotice(undefined);
          referrals.reload();
          suggestions.reload();
        }}
      />
    </>
  );
}

function ReferralsSection({
  referrals,
  loading,
  error,
  canWrite,
  onChanged,
}: {
  referrals: ReferralView[] | undefined;
  loading: boolean;
  error: unknown;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string }>();
  const [busy, setBusy] = useState<string>();
  const [dropping, setDropping] = useState<ReferralView>();
  const drop = useDraft(() => ({ reason: '' }));
  const [feedbackFor, setFeedbackFor] = useState<ReferralView>();
  const [linkFor, setLinkFor] = useState<ReferralView>();

  const move = async (
    r: ReferralView,
    status: ReferralStatus,
    extra: Partial<UpdateReferralRequest> = {},
  ) => {
    setBusy(r.id);
    try {
      await api.referrals.update({ params: { id: r.id }, body: { status, ...extra } });
      setMessage({
        tone: 'success',
        text: t('network.referrals.changed', { status: t(`network.status.${status}`) }),
      });
      onChanged();
    } catch (cause) {
      setMessage({ tone: 'error', text: errorText(t, cause) });
      throw cause;
    } finally {
      setBusy(undefined);
    }
  };
  const since = (r: ReferralView) => r.endedOn ?? r.startedOn ?? r.referredOn ?? r.suggestedOn;

  return (
    <Section id="referrals" title={t('network.referrals.title')}>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {error ? <Alert tone="error">{errorText(t, error)}</Alert> : null}
      {loading && !referrals ? <Loading label={t('common.loading')} /> : null}
      {referrals && referrals.length === 0 ? <p>{t('network.referrals.empty')}</p> : null}
      {referrals?.length ? (
        <TableRegion
          caption={t('network.referrals.caption')}
          columns={[
            { label: t('network.referrals.offer') },
            { label: t('network.referrals.status') },
            { label: t('network.referrals.since') },
            { label: t('network.referrals.feedback') },
            ...(canWrite ? [{ label: t('network.referrals.actions') }] : []),
          ]}
        >
          {referrals.map((r) => {
            const date = since(r);
            return (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/angebote/${r.offer.id}`}>{r.offer.title}</Link>
                  {r.offer.partnerName ? ` (${r.offer.partnerName})` : ''}
                </th>
                <td>
                  <span className="badge badge--neutral" data-testid="referral-status">
                    {t(`network.status.${r.status}`)}
                  </span>
                  {r.capacityOverride ? ` · ${t('network.referrals.override')}` : ''}
                  {r.reason ? ` · ${r.reason}` : ''}
                </td>
                <td className="cell--nowrap">{date ? formatDate(date, locale) : ''}</td>
                <td>
                  <FeedbackText referral={r} />
                </td>
                {canWrite ? (
                  <td>
                    <div className="button-row">
                      {steps
                        .filter((step) => step.from.includes(r.status))
                        .map((step) => (
                          <RowButton
                            key={step.to}
                            label={t(step.label)}
                            item={r.offer.title}
                            isPending={busy === r.id}
                            onPress={() => void move(r, step.to).catch(() => undefined)}
                          />
                        ))}
                      {asksFeedback(r) ? (
                        <>
                          <RowButton
                            label={t('network.feedback.enter')}
                            item={r.offer.title}
                            onPress={() => setFeedbackFor(r)}
                          />
                          <RowButton
                            label={t('network.feedback.link')}
                            item={r.offer.title}
                            onPress={() => setLinkFor(r)}
                          />
                        </>
                      ) : null}
                      {r.status !== 'completed' && r.status !== 'dropped' ? (
                        <RowButton
                          label={t('network.referrals.drop')}
                          item={r.offer.title}
                          variant="quiet"
                          onPress={() => {
                            drop.reset();
                            setDropping(r);
                          }}
                        />
                      ) : null}
                    </div>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </TableRegion>
      ) : null}
      {feedbackFor ? (
        <FeedbackDialog
          referral={feedbackFor}
          onClose={() => setFeedbackFor(undefined)}
          onSaved={() => {
            setMessage({ tone: 'success', text: t('network.feedback.saved') });
            onChanged();
          }}
        />
      ) : null}
      {linkFor ? <FeedbackLinkDialog referral={linkFor} onClose={() => setLinkFor(undefined)} /> : null}
      <FormDialog
        title={t('network.referrals.dropTitle')}
        isOpen={!!dropping}
        onOpenChange={(open) => {
          if (!open) setDropping(undefined);
        }}
        submitLabel={t('network.referrals.drop')}
        onSubmit={async () => {
          if (dropping) await move(dropping, 'dropped', { reason: drop.draft.reason.trim() });
        }}
      >
        {(errors) => (
          <TextField label={t('network.referrals.reason')} isRequired {...drop.bind(errors).text('reason')} />
        )}
      </FormDialog>
    </Section>
  );
}

/** The steps a referral's row offers, each from the statuses it may follow. */
const steps: { to: ReferralStatus; label: string; from: readonly ReferralStatus[] }[] = [
  { to: 'started', label: 'network.referrals.start', from: ['suggested', 'referred'] },
  { to: 'completed', label: 'network.referrals.complete', from: ['started', 'referred'] },
];
