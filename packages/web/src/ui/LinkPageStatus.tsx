import { useTranslation } from 'react-i18next';
import { Alert } from './Alert.tsx';
import { Loading } from './Page.tsx';

/**
 * The states of a public page behind a one-time link, above its form: loading, why the link does not
 * work (`failure`: invalid, expired, used) and, once the form was sent, the thanks. React only, so the
 * public pages may use it.
 */
export function LinkPageStatus({
  loading,
  failure,
  done,
  texts,
}: {
  loading: boolean;
  /** Why the link does not work, as the page explains it. */
  failure: string | undefined;
  done: boolean;
  texts: { invalidTitle: string; doneTitle: string; done: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      {loading ? <Loading label={t('common.loading')} /> : null}
      {failure ? (
        <Alert tone="error" title={texts.invalidTitle}>
          <p>{failure}</p>
        </Alert>
      ) : null}
      {done ? (
        <Alert tone="success" title={texts.doneTitle}>
          <p>{texts.done}</p>
        </Alert>
      ) : null}
    </>
  );
}
