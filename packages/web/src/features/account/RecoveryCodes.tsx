import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';

/** Shows fresh recovery codes once, with the hint to keep them safe. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone?: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'no' | undefined>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <div className="recovery-codes">
      <Alert tone="warning" title={t('recovery.title')}>
        <p>{t('recovery.hint')}</p>
      </Alert>
      <ol className="recovery-codes__list" aria-label={t('recovery.listLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="form__actions">
        <Button variant="secondary" onPress={() => void copy()}>
          {t('recovery.copy')}
        </Button>
        {onDone ? <Button onPress={onDone}>{t('recovery.done')}</Button> : null}
      </div>
      {copied === 'yes' ? <p role="status">{t('common.copied')}</p> : null}
      {copied === 'no' ? <p role="status">{t('common.copyFailed')}</p> : null}
    </div>
  );
}
