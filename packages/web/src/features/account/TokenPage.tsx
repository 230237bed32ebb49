import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../app/api.ts';
import type { SignInState } from '../../app/auth.tsx';
import { api } from '../../app/client.ts';
import { errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { Alert } from '../../ui/Alert.tsx';
import { FactList } from '../../ui/FactList.tsx';
import { Loading, Page } from '../../ui/Page.tsx';
import { SubmitForm } from '../../ui/SubmitForm.tsx';
import { useFormSubmit } from '../../ui/useFormSubmit.ts';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields.tsx';
import { weakPasswordErrors } from './passwordRules.ts';

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
  const newPassword = useNewPassword();
  const { form, errors, submit } = useFormSubmit({
    explain: (error) => {
      const errors = weakPasswordErrors(t, error);
      if (errors) return { errors };
      return {
        failure: isApiError(error) && error.status === 404 ? t('token.invalid') : errorText(t, error),
      };
    },
  });

  const setPasswordAndSignIn = () =>
    submit(async () => {
      await api.auth.acceptToken({ body: { token, password: newPassword.password } });
      const state: SignInState = { reason: 'passwordSet' };
      await navigate('/anmelden', { state });
    }, newPassword.check(t));

  return (
    <div className="card">
      <p>{info.purpose === 'invite' ? t('token.inviteIntro') : t('token.resetIntro')}</p>
      <FactList facts={[{ label: t('token.email'), value: info.email }]} />
      <SubmitForm {...form} onSubmit={setPasswordAndSignIn} submitLabel={t('token.submit')}>
        {/* Lets password managers store the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={info.email} readOnly hidden />
        <NewPasswordFields {...newPassword.fields(errors)} />
      </SubmitForm>
    </div>
  );
}
