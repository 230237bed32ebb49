import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions, useUser } from '../../app/auth.tsx';
import { featuresFor } from '../../app/features.ts';
import { FactList } from '../../ui/FactList.tsx';
import { Page } from '../../ui/Page.tsx';
import { NotificationsPanel } from './NotificationsPanel.tsx';

/** Start page: who am I, where do I work, what may I do here. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useUser();
  const permissions = usePermissions();
  if (!user) return null;
  // Only features with a page of their own: assessments are reached from a client's record.
  const links = featuresFor(permissions).filter((f) => f.inNav && f.id !== 'home');
  return (
    <Page
      title={t('home.title')}
      intro={<p className="lead">{t('home.greeting', { name: user.displayName })}</p>}
    >
      <div className="stack">
        <NotificationsPanel />
        <section className="card" aria-labelledby="home-agency">
          <h2 id="home-agency">{t('home.agencyTitle')}</h2>
          <FactList
            facts={[
              { label: t('home.agency'), value: user.agency.name },
              { label: t('home.agencyKind'), value: t(`agencyKinds.${user.agency.kind}`) },
              {
                label: t('home.roles', { count: user.roles.length }),
                value: (
                  <ul className="tag-list">
                    {user.roles.map((role) => (
                      <li key={role} className="badge badge--neutral">
                        {t(`roles.${role}`)}
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
          {!user.mfaEnabled ? (
            <p className="hint">
              {t('home.mfaHint')} <Link to="/konto#zwei-faktor">{t('home.mfaHintLink')}</Link>
            </p>
          ) : null}
        </section>
        <section aria-labelledby="home-features">
          <h2 id="home-features">{t('home.featuresTitle')}</h2>
          <ul className="tile-list">
            {links.map((feature) => (
              <li key={feature.id} className="tile">
                <Link to={feature.path} className="tile__link">
                  {t(`nav.${feature.id}`)}
                </Link>
                {t(`home.feature.${feature.id}`, { defaultValue: '' }) ? (
                  <p className="tile__text">{t(`home.feature.${feature.id}`)}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </Page>
  );
}
