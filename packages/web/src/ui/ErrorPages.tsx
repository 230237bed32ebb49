import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';
import { Page } from './Page.tsx';

/** Unknown address, or a page the user may not open: the same answer for both. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')} width="narrow">
      <div className="card">
        <p>{t('notFound.text')}</p>
        <p>
          <Link to="/">{t('notFound.home')}</Link>
        </p>
      </div>
    </Page>
  );
}

/** Last resort when rendering failed: no internals, a way back. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (error) console.error(error);
  return (
    <main id="main" className="app-main">
      <Page title={t('routeError.title')} width="narrow">
        <div className="card">
          <p>{t('routeError.text')}</p>
          <p>
            <a href="/">{t('notFound.home')}</a>
          </p>
        </div>
      </Page>
    </main>
  );
}
