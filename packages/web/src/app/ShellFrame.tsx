import type { MouseEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Parts of the page frame shared by the staff app's Shell and the public pages' frame
 * (public/PublicShell.tsx), which loads without the router and react-aria.
 */

/** Skip link to the main content; the handler only avoids a router history entry. */
export function SkipLink({ mainRef }: { mainRef: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation();
  const skipToContent = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
    mainRef.current?.scrollIntoView();
  };
  return (
    // biome-ignore lint/a11y/useValidAnchor: a real fragment link; the handler only avoids a router history entry
    <a className="skip-link" href="#main" onClick={skipToContent}>
      {t('shell.skipLink')}
    </a>
  );
}

/** The logo and name inside the brand link, with the agency of a signed-in user. */
export function BrandContent({ agency }: { agency?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="6" fill="#ffffff" />
        <path d="M16 5 9 27h3.2l3.8-12.5L19.8 27H23z" fill="#1d4a8c" />
      </svg>
      <span className="brand__name">{t('app.name')}</span>
      {agency ? <span className="brand__agency">{agency}</span> : null}
    </>
  );
}

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="app-footer">
      <div className="app-footer__inner">
        <p>{t('shell.footer')}</p>
      </div>
    </footer>
  );
}
