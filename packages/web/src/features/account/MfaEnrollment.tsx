import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/client.ts';
import { errorText } from '../../app/errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { OneTimeCodeForm } from './OneTimeCodeForm.tsx';
import { RecoveryCodes } from './RecoveryCodes.tsx';

type Enrollment = Awaited<ReturnType<typeof api.auth.startMfaEnrollment>>;

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
      setEnrollment(await api.auth.startMfaEnrollment());
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
  const qrSrc = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrollment.qrSvg)}`;

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
          <OneTimeCodeForm
            name="code"
            description={t('mfa.codeDescription')}
            numeric
            check={(code) => (/^\d{6}$/.test(code) ? undefined : t('mfa.sixDigits'))}
            send={async (code) => {
              const result = await api.auth.confirmMfaEnrollment({ body: { code } });
              onConfirmed(result.recoveryCodes);
            }}
            submitLabel={t('mfa.confirm')}
          />
        </li>
      </ol>
    </div>
  );
}
