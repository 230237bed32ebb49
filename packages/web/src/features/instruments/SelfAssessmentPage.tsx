import type { InstrumentLocale } from '@lotse/domain';
import { selfAssessmentEndpoints } from '@lotse/domain/endpoints';
import type { selfAssessmentRoutes } from '@lotse/domain/routes';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { bind } from '../../app/endpoint.ts';
import { errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { setLanguage } from '../../i18n/language.ts';
import { Alert } from '../../ui/Alert.tsx';
import { OneTimeLinkStatus } from '../../ui/OneTimeLinkStatus.tsx';
import { Page } from '../../ui/Page.tsx';
import { PlainButton as Button } from '../../ui/PlainButton.tsx';
import { usePendingAction } from '../../ui/usePendingAction.ts';
import { AssessmentEntry } from './AssessmentEntry.tsx';
import './assessments.css';
import { missingAnswers, useAnswerDraft } from './useAnswerDraft.ts';

const LOCALES: InstrumentLocale[] = ['de', 'de-LS', 'en'];

// Only the public endpoints: the page is in the public pages' own small entry, which must not load the
// staff app's `api`.
const publicApi =
  bind<Pick<typeof selfAssessmentRoutes, 'open' | 'saveDraft' | 'submit'>>(selfAssessmentEndpoints);

/**
 * Public page behind a one-time link: the client fills in the self-assessment alone, in German, easy
 * language or English. Answers are saved as a draft on every change; "Abschicken" completes it. Shows
 * the first name at most, nothing else of the client's record. Part of the public pages' small entry
 * (public/), so it uses no router and no react-aria.
 */
export function SelfAssessmentPage({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const [locale, setLocale] = useState<InstrumentLocale>(i18n.language === 'en' ? 'en' : 'de');
  const k = (key: string, values?: Record<string, unknown>) =>
    t(`assessments.${locale === 'de-LS' ? 'publicLS' : 'public'}.${key}`, values);
  const link = useEndpoint(publicApi.open, { params: { token } });
  const data = link.data;
  const { answers, onChange, saving, error, setError, settled } = useAnswerDraft(data?.answers, (next) =>
    publicApi.saveDraft({ params: { token }, body: { answers: next } }),
  );
  const [done, setDone] = useState(false);
  const { pending: busy, onSubmit } = usePendingAction();
  // The header's language switch (de/en) and the page's switch stay in step.
  useEffect(() => {
    if (i18n.language === 'en') setLocale('en');
    else setLocale((current) => (current === 'en' ? 'de' : current));
  }, [i18n.language]);
  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'de';
  }, [locale]);

  const choose = (next: InstrumentLocale) => {
    setLocale(next);
    void setLanguage(next === 'en' ? 'en' : 'de');
  };

  const ins = data?.instrument;
  const missing = missingAnswers(ins, 'self', answers);
  const submit = async () => {
    setError(undefined);
    try {
      await settled();
      await publicApi.submit({ params: { token }, body: { answers } });
      setDone(true);
    } catch (e) {
      setError(e);
    }
  };

  // The server phrases its messages in the page's language (sent as Accept-Language).
  const message = (e: unknown) =>
    isApiError(e) && e.message && e.status !== 0 ? e.message : errorText(t, e);

  return (
    <Page title={k('title')} width="narrow">
      <div className="self-assessment">
        <fieldset className="self-assessment__languages">
          <legend>{k('language')}</legend>
          {LOCALES.map((l) => (
            <Button
              key={l}
              variant={locale === l ? 'primary' : 'secondary'}
              aria-pressed={locale === l}
              onPress={() => choose(l)}
            >
              <span lang={l === 'en' ? 'en' : 'de'}>{t(`assessments.public.locale.${l}`)}</span>
            </Button>
          ))}
        </fieldset>
        <OneTimeLinkStatus
          loading={link.loading && t('common.loading')}
          failure={!!link.error && message(link.error)}
          done={done}
          text={k}
        />
        {data && ins && answers && !done ? (
          <>
            <p className="self-assessment__hello">{k('hello', { name: data.firstName })}</p>
            <p>{k('intro')}</p>
            <form onSubmit={onSubmit(submit)}>
              <AssessmentEntry
                instrument={ins}
                assessment={{ perspective: 'self' }}
                answers={answers}
                onChange={onChange}
                locale={locale}
              />
              {error ? (
                <Alert tone="error">
                  <p>{message(error)}</p>
                </Alert>
              ) : null}
              <div className="entry-footer">
                <p role="status">
                  {saving === 'saving' ? k('saving') : saving === 'saved' ? k('saved') : ''}
                </p>
                {missing > 0 ? <p>{k('missing', { count: missing })}</p> : null}
                <Button type="submit" isPending={busy} isDisabled={missing > 0}>
                  {k('submit')}
                </Button>
              </div>
            </form>
          </>
        ) : null}
      </div>
    </Page>
  );
}
