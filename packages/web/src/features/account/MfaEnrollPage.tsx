import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth.tsx';
import { Loading, Page } from '../../ui/Page.tsx';
import { MfaEnrollment } from './MfaEnrollment.tsx';

/** After sign-in, when the agency requires a second factor the user has not set up yet. */
export function MfaEnrollPage() {
  const { t } = useTranslation();
  const { session, refresh } = useAuth();
  const navigate = useNavigate();
  const [finishing, setFinishing] = useState(false);
  if (session === undefined) return <Loading label={t('common.loading')} />;
  if (session === null || session.mfa === 'verify') return <Navigate to="/anmelden" replace />;
  if (session.mfa === 'ok' && !finishing) return <Navigate to="/konto" replace />;

  const finish = async () => {
    setFinishing(true);
    await refresh();
    await navigate('/', { replace: true });
  };

  return (
    <Page title={t('mfa.enrollPageTitle')} width="narrow" intro={<p>{t('mfa.enrollRequired')}</p>}>
      <div className="card">
        <MfaEnrollment autoStart onFinished={() => void finish()} />
      </div>
    </Page>
  );
}
