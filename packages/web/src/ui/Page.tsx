import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets document.title for the current page: "<page> – Lotse". */
export function useDocumentTitle(title: string) {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} – ${appName}` : appName;
  }, [title, appName]);
}

/**
 * The frame of every page: sets the document title and renders the one <h1>. The heading takes focus
 * after client-side navigation (see Shell), so screen-reader users hear where they arrived.
 */
export function Page({
  title,
  intro,
  children,
  width = 'wide',
  actions,
}: {
  title: string;
  intro?: ReactNode;
  children?: ReactNode;
  width?: 'wide' | 'narrow';
  actions?: ReactNode;
}) {
  useDocumentTitle(title);
  return (
    <div className={`page page--${width}`}>
      <div className="page__header">
        <div>
          <h1 tabIndex={-1} className="page__title">
            {title}
          </h1>
          {intro ? <div className="page__intro">{intro}</div> : null}
        </div>
        {actions ? <div className="page__actions">{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}

export function Section({
  title,
  children,
  id,
  description,
}: {
  title: string;
  children: ReactNode;
  id: string;
  description?: ReactNode;
}) {
  const headingId = `${id}-heading`;
  return (
    <section className="card" aria-labelledby={headingId} id={id}>
      <h2 id={headingId}>{title}</h2>
      {description ? <div className="card__description">{description}</div> : null}
      {children}
    </section>
  );
}

/** A polite loading message. */
export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      <span className="loading__spinner" aria-hidden="true" />
      {label}
    </p>
  );
}
