import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../app/api.ts';
import type { SignInState } from '../../app/auth.tsx';
import { api } from '../../app/client.ts';
import { detailedText, errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { focusFirstInvalid, hasErrors } from '../../ui/forms.ts';
import { Loading, Page } from '../../ui/Page.tsx';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { checkNewPassword } from './passwordRules.ts';

type TokenInfo = Awaited<ReturnType<typeof api.auth.readToken>>;

/** Public page behind a one-time link: accept an invitation or reset a password. */
export function TokenPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const info = useEndpoint(api.auth.readToken, { params: { token } });

  const title =
    info.data?.purpose === 'invite'
      ? t('token.inviteTitle')
      : info.data?.purpose === 'reset'
        ? t('token.resetTitle')
        : t('token.title');

  return (
    <Page title={title} width="narrow">
      {info.loading ? <Loading label={t('common.loading')} /> : null}
      {!info.loading && info.error ? (
        <Alert tone="error" title={t('token.invalidTitle')}>
          <p>
            {isApiError(info.error) && (info.error.status === 404 || info.error.status === 400)
              ? t('token.invalid')
              : errorText(t, info.error)}
          </p>
          <p>
            <Link to="/anmelden">{t('token.toSignIn')}</Link>
          </p>
        </Alert>
      ) : null}
      {info.data ? <SetPasswordForm token={token} info={info.data} /> : null}
    </Page>
  );
}

function SetPasswordForm({ token, info }: { token: string; info: TokenInfo }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const [formError, setFormError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setFormError(undefined);
    const next = checkNewPassword(t, password, repeat);
    setErrors(next);
    if (hasErrors(next)) {
      setFormError(t('form.checkInput'));
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    try {
      await api.auth.acceptToken({ body: { token, password } });
      const state: SignInState = { reason: 'passwordSet' };
      await navigate('/anmelden', { state });
    } catch (error) {
      if (isApiError(error) && error.code === 'weak_password') {
        setErrors({ password: detailedText(t, error) });
        setFormError(t('form.checkInput'));
        focusFirstInvalid(formRef.current);
      } else if (isApiError(error) && error.status === 404) {
        setFormError(t('token.invalid'));
      } else {
        setFormError(errorText(t, error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card">
      <p>{info.purpose === 'invite' ? t('token.inviteIntro') : t('token.resetIntro')}</p>
      <dl className="facts">
        <div>
          <dt>{t('token.email')}</dt>
          <dd>{info.email}</dd>
        </div>
      </dl>
      <Form ref={formRef} onSubmit={submit} className="form" validationBehavior="aria">
        {formError ? (
          <Alert key={attempt} tone="error">
            {formError}
          </Alert>
        ) : null}
        {/* Lets password managers store the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={info.email} readOnly hidden />
        <NewPasswordFields
          password={password}
          repeat={repeat}
          onPasswordChange={setPassword}
          onRepeatChange={setRepeat}
          errors={errors}
        />
        <div className="form__actions">
          <Button type="submit" isPending={busy}>
            {t('token.submit')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
