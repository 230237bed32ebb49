import type { MfaState } from '@lotse/domain';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { type Session, type SignInState, safeReturnPath, useAuth } from '../../app/auth.tsx';
import { api } from '../../app/client.ts';
import { errorText } from '../../app/errors.ts';
import { Alert, type AlertTone } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading, Page } from '../../ui/Page.tsx';
import { SubmitForm } from '../../ui/SubmitForm.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDraft } from '../../ui/useDraft.ts';
import { useFormSubmit } from '../../ui/useFormSubmit.ts';
import { OneTimeCodeForm } from './OneTimeCodeForm.tsx';
import { PasswordField } from './PasswordField.tsx';

/** Why the sign-in page was opened, as shown above the password form (texts: `signIn.<reason>`). */
const reasonTones: Record<NonNullable<SignInState['reason']>, AlertTone> = {
  expired: 'warning',
  mfaAttempts: 'warning',
  signedOut: 'info',
  passwordSet: 'success',
};

/** Sign-in: e-mail and password, then (if needed) the second factor. */
export function SignInPage() {
  const { t } = useTranslation();
  const { session, setSession } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as SignInState;
  const target = safeReturnPath(state.from);

  const proceed = (next: Session) => {
    setSession(next);
    if (next.mfa === 'enroll') void navigate('/zwei-faktor-einrichten', { replace: true });
    else if (next.mfa === 'ok') void navigate(target, { replace: true });
  };

  if (session === undefined) return <Loading label={t('common.loading')} />;
  if (session?.mfa === 'ok' && !state.reason) return <Navigate to={target} replace />;
  if (session?.mfa === 'enroll' && !state.reason) return <Navigate to="/zwei-faktor-einrichten" replace />;

  const step: MfaState | 'password' = session?.mfa === 'verify' ? 'verify' : 'password';
  return (
    <Page title={step === 'verify' ? t('signIn.verifyTitle') : t('signIn.title')} width="narrow">
      {step === 'password' && state.reason ? (
        <Alert tone={reasonTones[state.reason]}>{t(`signIn.${state.reason}`)}</Alert>
      ) : null}
      <div className="card">
        {step === 'verify' ? <VerifyForm onDone={proceed} /> : <PasswordForm onDone={proceed} />}
      </div>
    </Page>
  );
}

function PasswordForm({ onDone }: { onDone: (session: Session) => void }) {
  const { t } = useTranslation();
  const login = useDraft(() => ({ email: '', password: '' }));
  const { email, password } = login.draft;
  const { form, errors, submit } = useFormSubmit({
    explain: (error) => ({
      failure:
        isApiError(error) && error.status === 401 ? t('signIn.invalidCredentials') : errorText(t, error),
    }),
  });

  const signIn = () =>
    submit(
      async () => {
        try {
          onDone(
            await api.auth.login(
              { body: { email: email.trim(), password } },
              { expectUnauthenticated: true },
            ),
          );
        } catch (error) {
          login.set('password', '');
          throw error;
        }
      },
      {
        email: email.trim() ? undefined : t('signIn.emailRequired'),
        password: password ? undefined : t('signIn.passwordRequired'),
      },
    );

  const field = login.bind(errors);
  return (
    <SubmitForm {...form} onSubmit={signIn} submitLabel={t('signIn.submit')}>
      <TextField
        label={t('signIn.email')}
        type="email"
        name="email"
        autoComplete="username"
        isRequired
        {...field.text('email')}
      />
      <PasswordField
        label={t('signIn.password')}
        name="password"
        autoComplete="current-password"
        {...field.text('password')}
      />
    </SubmitForm>
  );
}

function VerifyForm({ onDone }: { onDone: (session: Session) => void }) {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  return (
    <OneTimeCodeForm
      intro={<p>{t('signIn.verifyIntro')}</p>}
      name="code"
      description={t('mfa.codeOrRecoveryDescription')}
      autoFocus
      check={(code) => (code.length < 6 ? t('mfa.codeRequired') : undefined)}
      send={async (code) => onDone(await api.auth.verifyMfa({ body: { code } }))}
      submitLabel={t('signIn.verifySubmit')}
      actions={
        <Button variant="secondary" onPress={() => void signOut()}>
          {t('common.cancel')}
        </Button>
      }
    />
  );
}
