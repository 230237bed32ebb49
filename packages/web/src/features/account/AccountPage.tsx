import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { useAuth, useUser } from '../../app/auth.tsx';
import { api } from '../../app/client.ts';
import { formatDateTime } from '../../app/dates.ts';
import { errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ModalDialog } from '../../ui/Dialog.tsx';
import { FactList } from '../../ui/FactList.tsx';
import { focusFirstInvalid } from '../../ui/forms.ts';
import { Page, Section } from '../../ui/Page.tsx';
import { SubmitForm } from '../../ui/SubmitForm.tsx';
import { useFormSubmit } from '../../ui/useFormSubmit.ts';
import { MfaEnrollment } from './MfaEnrollment.tsx';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields.tsx';
import { OneTimeCodeForm } from './OneTimeCodeForm.tsx';
import { PasswordField } from './PasswordField.tsx';
import { weakPasswordErrors } from './passwordRules.ts';
import { RecoveryCodes } from './RecoveryCodes.tsx';

export function AccountPage() {
  const { t } = useTranslation();
  const user = useUser();
  if (!user) return null;
  return (
    <Page title={t('account.title')}>
      <div className="stack">
        <Section id="profil" title={t('account.profileTitle')}>
          <FactList
            facts={[
              { label: t('account.name'), value: user.displayName },
              { label: t('account.email'), value: user.email },
              {
                label: t('account.agency'),
                value: `${user.agency.name} (${t(`agencyKinds.${user.agency.kind}`)})`,
              },
              { label: t('account.roles'), value: user.roles.map((role) => t(`roles.${role}`)).join(', ') },
              !!user.lastLoginAt && {
                label: t('account.lastLogin'),
                value: formatDateTime(user.lastLoginAt),
              },
            ]}
          />
        </Section>
        <Section id="passwort" title={t('account.passwordTitle')}>
          <ChangePasswordForm />
        </Section>
        <Section id="zwei-faktor" title={t('account.mfaTitle')} description={<p>{t('account.mfaIntro')}</p>}>
          <MfaSection />
        </Section>
      </div>
    </Page>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const user = useUser();
  const [current, setCurrent] = useState('');
  const newPassword = useNewPassword();
  const [done, setDone] = useState(false);
  const { form, errors, submit } = useFormSubmit({
    explain: (error) => {
      const errors =
        weakPasswordErrors(t, error) ??
        (isApiError(error) && error.code === 'invalid_credentials'
          ? { current: t('password.currentWrong') }
          : undefined);
      return errors ? { errors } : { failure: errorText(t, error) };
    },
  });

  const change = () => {
    setDone(false);
    return submit(
      async () => {
        await api.auth.changePassword({
          body: { currentPassword: current, newPassword: newPassword.password },
        });
        setCurrent('');
        newPassword.clear();
        setDone(true);
      },
      {
        current: current ? undefined : t('password.currentRequired'),
        ...newPassword.check(t),
      },
    );
  };

  return (
    <SubmitForm {...form} onSubmit={change} submitLabel={t('password.submit')}>
      {done ? <Alert tone="success">{t('password.changed')}</Alert> : null}
      <input type="email" name="username" autoComplete="username" value={user?.email ?? ''} readOnly hidden />
      <PasswordField
        label={t('password.current')}
        name="current-password"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
        errorMessage={errors.current}
      />
      <NewPasswordFields {...newPassword.fields(errors)} />
    </SubmitForm>
  );
}

function MfaSection() {
  const { t } = useTranslation();
  const user = useUser();
  const { refresh } = useAuth();
  const [enrolling, setEnrolling] = useState(false);
  const [message, setMessage] = useState<string>();
  if (!user) return null;

  const enabled = user.mfaEnabled;
  return (
    <div className={enabled ? 'stack' : 'stack stack--sm'}>
      {message ? <Alert tone="success">{message}</Alert> : null}
      <p>
        <span className={`badge badge--${enabled ? 'success' : 'neutral'}`}>
          {enabled ? t('account.mfaOn') : t('account.mfaOff')}
        </span>
      </p>
      {enabled ? (
        <>
          <RegenerateRecoveryCodes />
          <DisableMfa
            onDisabled={() => {
              setMessage(t('account.mfaDisabledNow'));
              void refresh();
            }}
          />
        </>
      ) : enrolling ? (
        <MfaEnrollment
          autoStart
          onFinished={() => {
            setEnrolling(false);
            setMessage(t('account.mfaEnabledNow'));
            void refresh();
          }}
        />
      ) : (
        <div>
          <Button onPress={() => setEnrolling(true)}>{t('mfa.start')}</Button>
        </div>
      )}
    </div>
  );
}

function RegenerateRecoveryCodes() {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [codes, setCodes] = useState<string[]>();
  const [proof, setProof] = useState('');
  const [proofError, setProofError] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const open = (isOpen: boolean) => {
    setConfirmOpen(isOpen);
    setProof('');
    setProofError(undefined);
    setError(undefined);
  };

  // The person at the screen proves to be the account holder: password, or a six-digit code.
  const regenerate = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(undefined);
    if (!proof.trim()) {
      setProofError(t('recovery.proofRequired'));
      focusFirstInvalid(formRef.current);
      return;
    }
    setProofError(undefined);
    setBusy(true);
    const compact = proof.replace(/\s+/g, '');
    try {
      const result = await api.auth.regenerateRecoveryCodes({
        body: /^\d{6}$/.test(compact) ? { code: compact } : { password: proof },
      });
      setCodes(result.recoveryCodes);
      open(false);
    } catch (cause) {
      setProof('');
      if (isApiError(cause) && (cause.code === 'invalid_credentials' || cause.code === 'invalid_mfa_code')) {
        setProofError(t('recovery.proofWrong'));
        focusFirstInvalid(formRef.current);
      } else setError(errorText(t, cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="subsection">
      <h3>{t('recovery.regenerateTitle')}</h3>
      <p>{t('recovery.regenerateIntro')}</p>
      {codes ? (
        <RecoveryCodes codes={codes} onDone={() => setCodes(undefined)} />
      ) : (
        <Button variant="secondary" onPress={() => open(true)}>
          {t('recovery.regenerate')}
        </Button>
      )}
      <ModalDialog
        isOpen={confirmOpen}
        onOpenChange={open}
        title={t('recovery.confirmTitle')}
        role="alertdialog"
        isDismissable={!busy}
      >
        <Form ref={formRef} onSubmit={regenerate} className="form" validationBehavior="aria">
          <p>{t('recovery.confirmText')}</p>
          {error ? <Alert tone="error">{error}</Alert> : null}
          <PasswordField
            label={t('recovery.proofLabel')}
            description={t('recovery.proofDescription')}
            name="recovery-proof"
            autoComplete="current-password"
            value={proof}
            onChange={setProof}
            errorMessage={proofError}
          />
          <div className="form__actions">
            <Button type="submit" isPending={busy}>
              {t('recovery.confirm')}
            </Button>
            <Button variant="secondary" onPress={() => open(false)} isDisabled={busy}>
              {t('common.cancel')}
            </Button>
          </div>
        </Form>
      </ModalDialog>
    </div>
  );
}

function DisableMfa({ onDisabled }: { onDisabled: () => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const agency = useEndpoint(api.agency.read, {});
  const [forbidden, setForbidden] = useState(false);

  // When the agency settings are visible to this user, tell up front that 2FA cannot be switched off.
  const required = agency.data?.settings?.mfaRequiredRoles ?? [];
  const requiredForMe = Boolean(user?.roles.some((role) => required.includes(role)));

  if (requiredForMe || forbidden) {
    return (
      <div className="subsection">
        <h3>{t('mfa.disableTitle')}</h3>
        <Alert tone="info">{t('mfa.disableForbidden')}</Alert>
      </div>
    );
  }

  return (
    <div className="subsection">
      <h3>{t('mfa.disableTitle')}</h3>
      <p>{t('mfa.disableIntro')}</p>
      <OneTimeCodeForm
        name="disable-code"
        description={t('mfa.codeDescription')}
        check={(code) => (code.length < 6 ? t('mfa.codeRequired') : undefined)}
        send={async (code) => {
          await api.auth.disableMfa({ body: { code } });
          onDisabled();
        }}
        onRefused={(cause) => {
          const refused = isApiError(cause) && cause.status === 403;
          if (refused) setForbidden(true);
          return refused;
        }}
        submitLabel={t('mfa.disable')}
        submitVariant="danger"
      />
    </div>
  );
}
