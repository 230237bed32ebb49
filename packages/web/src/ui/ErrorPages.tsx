import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';
import { Page } from './Page.tsx';

/** A page that explains why the requested content is missing and offers a way back. */
function ErrorPage({ title, text, wayBack }: { title: string; text: string; wayBack: ReactNode }) {
  return (
    <Page title={title} width="narrow">
      <div className="card">
        <p>{text}</p>
        <p>{wayBack}</p>
      </div>
    </Page>
  );
}

/** Unknown address, or a page the user may not open: the same answer for both. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <ErrorPage
      title={t('notFound.title')}
      text={t('notFound.text')}
      wayBack={<Link to="/">{t('notFound.home')}</Link>}
    />
  );
}

/** Last resort when rendering failed: no internals, a way back. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (error) console.error(error);
  // A full page load: the router that failed is not trusted to navigate.
  return (
    <main id="main" className="app-main">
      <ErrorPage
        title={t('routeError.title')}
        text={t('routeError.text')}
        wayBack={<a href="/">{t('notFound.home')}</a>}
      />
    </main>
  );
}
