import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../app/errors.ts';
import type { QueryState } from '../app/useApi.ts';
import { Alert } from './Alert.tsx';
import { Loading } from './Page.tsx';

/**
 * The three states of loaded data in one place: the error, the loading message until the first
 * answer, then `children` with the data. While a reload runs the earlier data stays on screen.
 */
export function Loaded<T>({
  query,
  hideStale = false,
  children,
}: {
  query: QueryState<T>;
  /** After a failed reload the earlier data is not shown (it belongs to another selection). */
  hideStale?: boolean;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const showData = query.data !== undefined && !(hideStale && query.error);
  return (
    <>
      {query.error ? <Alert tone="error">{errorText(t, query.error)}</Alert> : null}
      {query.loading && query.data === undefined ? <Loading label={t('common.loading')} /> : null}
      {showData ? children(query.data as T) : null}
    </>
  );
}
