import type { ReferralFeedbackOutcome } from '@lotse/domain';
import { referralFeedbackEndpoints } from '@lotse/domain/endpoints';
import type { referralFeedbackRoutes } from '@lotse/domain/routes';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { formatDate } from '../../app/dates.ts';
import { bind } from '../../app/endpoint.ts';
import { errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { localeOf } from '../../i18n/language.ts';
import { Alert } from '../../ui/Alert.tsx';
import { OneTimeLinkStatus } from '../../ui/OneTimeLinkStatus.tsx';
import { Page } from '../../ui/Page.tsx';
import { PlainButton as Button } from '../../ui/PlainButton.tsx';
import { PlainTextAreaField as TextAreaField } from '../../ui/PlainTextAreaField.tsx';
import { referralFeedbackOutcomes } from './feedbackOutcomes.ts';

// Only this group: the page is in the public pages' own small entry, which must not load the staff app's `api`.
const feedbackApi = bind<typeof referralFeedbackRoutes>(referralFeedbackEndpoints);

/**
 * Public page behind a one-time feedback link, for a partner without a Lotse account (sports club,
 * welfare provider): shows the first name with the surname initial, the offer and the date, and takes
 * one report (came, started, ended, did not come) with a short note. Part of the public pages' small
 * entry (public/), so it uses no router and no react-aria.
 */
export function ReferralFeedbackPage({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const view = useEndpoint(feedbackApi.open, { params: { token } });
  const [outcome, setOutcome] = useState<ReferralFeedbackOutcome>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const k = (key: string, values?: Record<string, string>) => t(`network.feedbackPage.${key}`, values);
  const message = (e: unknown) =>
    isApiError(e) && e.message && i18n.language !== 'en' ? e.message : errorText(t, e);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) {
      setError(new Error(k('chooseOutcome')));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await feedbackApi.submit({
        params: { token },
        body: { outcome, ...(note.trim() ? { note: note.trim() } : {}) },
      });
      setDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const data = view.data;
  return (
    <Page title={k('title')} width="narrow">
      <OneTimeLinkStatus
        loading={view.loading && t('common.loading')}
        failure={!!view.error && message(view.error)}
        done={done}
        text={k}
      />
      {data && !done ? (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <p>
            {k('intro', {
              person: data.person,
              offer: data.offer.partnerName
                ? `${data.offer.title} (${data.offer.partnerName})`
                : data.offer.title,
              date: formatDate(data.referredOn, locale),
            })}
          </p>
          {error ? (
            <Alert tone="error">
              {error instanceof Error && !isApiError(error) ? error.message : message(error)}
            </Alert>
          ) : null}
          <fieldset className="field">
            <legend className="field__label">{k('question', { person: data.person })}</legend>
            {referralFeedbackOutcomes.map((o) => (
              <label key={o} className="choice">
                <input
                  type="radio"
                  name="outcome"
                  value={o}
                  checked={outcome === o}
                  onChange={() => setOutcome(o)}
                />{' '}
                {t(`network.feedbackOutcome.${o}`)}
              </label>
            ))}
          </fieldset>
          <TextAreaField label={k('note')} value={note} onChange={setNote} maxLength={500} rows={3} />
          <p>{k('privacy')}</p>
          <div className="form__actions">
            <Button type="submit" isPending={busy}>
              {k('send')}
            </Button>
          </div>
        </form>
      ) : null}
    </Page>
  );
}
