import { Alert } from './Alert.tsx';
import { Loading } from './Page.tsx';

/**
 * What a public page behind a one-time link says around its form: that the link is being opened, why
 * it does not work (unknown, used or expired), or that the answer has been sent. React only, so the
 * public pages' small entry may use it.
 */
export function OneTimeLinkStatus({
  loading,
  failure,
  done,
  text,
}: {
  /** Said while the link is being opened. */
  loading: string | false;
  /** Why the link could not be opened, in the page's words. */
  failure: string | false;
  /** The answer has been sent. */
  done: boolean;
  /** The page's own wording of `invalidTitle`, `doneTitle` and `done`. */
  text: (key: 'invalidTitle' | 'doneTitle' | 'done') => string;
}) {
  return (
    <>
      {loading ? <Loading label={loading} /> : null}
      {failure ? (
        <Alert tone="error" title={text('invalidTitle')}>
          <p>{failure}</p>
        </Alert>
      ) : null}
      {done ? (
        <Alert tone="success" title={text('doneTitle')}>
          <p>{text('done')}</p>
        </Alert>
      ) : null}
    </>
  );
}
