import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/dates.ts';
import { absoluteUrl } from '../../app/format.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/TextField.tsx';

export interface OneTimeLinkData {
  url: string;
  token: string;
  expiresAt: string;
}

/** A link the admin hands over in person or by a channel of their choice; shown once. */
export function OneTimeLink({ link, label }: { link: OneTimeLinkData; label: string }) {
  const { t } = useTranslation();
  const url = absoluteUrl(link.url);
  const [copied, setCopied] = useState<'yes' | 'no'>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <div className="one-time-link">
      <TextField
        label={label}
        description={t('users.linkValidUntil', { date: formatDateTime(link.expiresAt) })}
        value={url}
        isReadOnly
        inputClassName="field__input--mono"
        onFocus={(event) => (event.target as HTMLInputElement).select()}
      />
      <div className="form__actions">
        <Button variant="secondary" onPress={() => void copy()}>
          {t('users.copyLink')}
        </Button>
      </div>
      {copied === 'yes' ? <p role="status">{t('common.copied')}</p> : null}
      {copied === 'no' ? <p role="status">{t('common.copyFailed')}</p> : null}
    </div>
  );
}
