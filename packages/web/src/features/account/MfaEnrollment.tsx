import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { focusFirstInvalid } from '../../ui/forms.ts';
import { TextField } from '../../ui/TextField.tsx';
import { RecoveryCodes } from './RecoveryCodes.tsx';

interface Enrollment {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

/** Groups a base32 secret in blocks of four so it can be typed without losing one's place. */
function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Sets up TOTP: start (server creates a secret), scan the QR code or type the secret, confirm with a
 * code, then see the recovery codes once.
 */
export function MfaEnrollment({
  onFinished,
  autoStart = false,
}: {
  onFinished: () => void;
  autoStart?: boolean;
}) {
  const { t } = useTranslation();
  const [enrollment, setEnrollment] = useState<Enrollment>();
  const [codes, setCodes] = useState<string[]>();
  const [startError, setStartError] = useState<string>();
  const [starting, setStarting] = useState(false);
  const started = useRef(false);

  const start = async () => {
    setStarting(true);
    setStartError(undefined);
    try {
      setEnrollment(await api<Enrollment>('/api/auth/mfa/enroll', { method: 'POST' }));
    } catch (error) {
      setStartError(errorText(t, error));
    } finally {
      setStarting(false);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: start once on mount when asked to
  useEffect(() => {
    if (autoStart && !started.current) {
      started.current = true;
      void start();
    }
  }, []);

  if (codes) return <RecoveryCodes codes={codes} onDone={onFinished} />;

  if (!enrollment) {
    return (
      <div>
        {startError ? <Alert tone="error">{startError}</Alert> : null}
        <Button onPress={() => void start()} isPending={starting}>
          {autoStart && !startError ? t('mfa.starting') : t('mfa.start')}
        </Button>
      </div>
    );
  }

  return <ConfirmEnrollment enrollment={enrollment} onConfirmed={setCodes} />;
}

function ConfirmEnrollment({
  enrollment,
  onConfirmed,
}: {
  enrollment: Enrollment;
  onConfirmed: (codes: string[]) => void;
}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const qrSrc = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrollment.qrSvg)}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setFormError(undefined);
    const trimmed = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(trimmed)) {
      setError(t('mfa.sixDigits'));
      setFormError(t('form.checkInput'));
      focusFirstInvalid(formRef.current);
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      const result = await api<{ recoveryCodes: string[] }>('/api/auth/mfa/enroll/confirm', {
        method: 'POST',
        body: { code: trimmed },
      });
      onConfirmed(result.recoveryCodes);
    } catch (cause) {
      setCode('');
      if (isApiError(cause) && cause.code === 'invalid_mfa_code') {
        setError(t('mfa.invalidCode'));
        setFormError(t('form.checkInput'));
        focusFirstInvalid(formRef.current);
      } else setFormError(errorText(t, cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="mfa-enroll">
      <ol className="steps">
        <li>
          <p>{t('mfa.step1')}</p>
        </li>
        <li>
          <p>{t('mfa.step2')}</p>
          <div className="mfa-enroll__qr">
            <img src={qrSrc} alt={t('mfa.qrAlt')} width={200} height={200} />
          </div>
          <p>{t('mfa.manualEntry')}</p>
          <p className="mfa-enroll__secret">
            <code>{groupSecret(enrollment.secret)}</code>
          </p>
        </li>
        <li>
          <p>{t('mfa.step3')}</p>
          <Form ref={formRef} onSubmit={submit} className="form" validationBehavior="aria">
            {formError ? (
              <Alert key={attempt} tone="error">
                {formError}
              </Alert>
            ) : null}
            <TextField
              label={t('mfa.codeLabel')}
              description={t('mfa.codeDescription')}
              name="code"
              autoComplete="one-time-code"
              inputMode="numeric"
              isRequired
              value={code}
              onChange={setCode}
              errorMessage={error}
              inputClassName="field__input--code"
            />
            <div className="form__actions">
              <Button type="submit" isPending={busy}>
                {t('mfa.confirm')}
              </Button>
            </div>
          </Form>
        </li>
      </ol>
    </div>
  );
}
