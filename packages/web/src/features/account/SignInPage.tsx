import type { MfaState } from '@lotse/domain';
import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { type Session, type SignInState, safeReturnPath, useAuth } from '../../app/auth.tsx';
import { api } from '../../app/client.ts';
import { errorText } from '../../app/errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { type FieldErrors, focusFirstInvalid, hasErrors } from '../../ui/forms.ts';
import { Loading, Page } from '../../ui/Page.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { OneTimeCodeForm } from './OneTimeCodeForm.tsx';

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
      {state.reason === 'expired' && step === 'password' ? (
        <Alert tone="warning">{t('signIn.expired')}</Alert>
      ) : null}
      {state.reason === 'mfaAttempts' && step === 'password' ? (
        <Alert tone="warning">{t('signIn.mfaAttempts')}</Alert>
      ) : null}
      {state.reason === 'signedOut' && step === 'password' ? (
        <Alert tone="info">{t('signIn.signedOut')}</Alert>
      ) : null}
      {state.reason === 'passwordSet' && step === 'password' ? (
        <Alert tone="success">{t('signIn.passwordSet')}</Alert>
      ) : null}
      <div className="card">
        {step === 'verify' ? <VerifyForm onDone={proceed} /> : <PasswordForm onDone={proceed} />}
      </div>
    </Page>
  );
}

function PasswordForm({ onDone }: { onDone: (session: Session) => void }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors<'email' | 'password'>>({});
  const [formError, setFormError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: FieldErrors<'email' | 'password'> = {
      email: email.trim() ? undefined : t('signIn.emailRequired'),
      password: password ? undefined : t('signIn.passwordRequired'),
    };
    setErrors(next);
    setFormError(undefined);
    setAttempt((n) => n + 1);
    if (hasErrors(next)) {
      setFormError(t('form.checkInput'));
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    try {
      const session = await api.auth.login(
        { body: { email: email.trim(), password } },
        { expectUnauthenticated: true },
      );
      onDone(session);
    } catch (error) {
      setPassword('');
      if (isApiError(error) && error.status === 401) setFormError(t('signIn.invalidCredentials'));
      else setFormError(errorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form ref={formRef} onSubmit={submit} className="form" validationBehavior="aria">
      {formError ? (
        <Alert key={attempt} tone="error">
          {formError}
        </Alert>
      ) : null}
      <TextField
        label={t('signIn.email')}
        type="email"
        name="email"
        autoComplete="username"
        isRequired
        value={email}
        onChange={setEmail}
        errorMessage={errors.email}
      />
      <TextField
        label={t('signIn.password')}
        type="password"
        name="password"
        autoComplete="current-password"
        isRequired
        value={password}
        onChange={setPassword}
        errorMessage={errors.password}
      />
      <div className="form__actions">
        <Button type="submit" isPending={busy}>
          {t('signIn.submit')}
        </Button>
      </div>
    </Form>
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
