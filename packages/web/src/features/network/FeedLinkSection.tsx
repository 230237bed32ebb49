import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/client.ts';
import { formatDateTime } from '../../app/dates.ts';
import { errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { localeOf } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ModalDialog } from '../../ui/Dialog.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useAgencyTimeZone } from './network.ts';

/** The same address for calendar apps: webcal:// makes the system offer "subscribe". */
export const webcalOf = (url: string) => url.replace(/^https?:\/\//, 'webcal://');

/**
 * The personal secret calendar link: calendar apps cannot sign in, so they subscribe to a link with a
 * random key (only its hash is stored, so it is shown once when created; a new one replaces it,
 * revoking ends it). Shown as a webcal:// link to subscribe and the https address with a copy button.
 */
export function FeedLinkPanel() {
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const timeZone = useAgencyTimeZone();
  const status = useEndpoint(api.events.feedToken, {});
  const [url, setUrl] = useState<string>();
  const [copied, setCopied] = useState<boolean>();
  const [pending, setPending] = useState<'create' | 'revoke'>();
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string }>();

  /** Creates or revokes the link: `request` answers with the link to show afterwards (none after revoking). */
  const change = async (
    action: 'create' | 'revoke',
    done: string,
    request: () => Promise<string | undefined>,
  ) => {
    setPending(action);
    try {
      setUrl(await request());
      setNotice({ tone: 'success', text: t(done) });
      status.reload();
    } catch (error) {
      setNotice({ tone: 'error', text: errorText(t, error) });
    } finally {
      setPending(undefined);
    }
  };
  const create = () => {
    setCopied(undefined);
    return change('create', 'network.feed.created', async () => {
      const r = await api.events.createFeedToken();
      return r.path ? `${window.location.origin}${r.path}` : undefined;
    });
  };
  const revoke = () =>
    change('revoke', 'network.feed.revoked', async () => {
      await api.events.revokeFeedToken();
      return undefined;
    });
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Clipboard blocked (permissions, insecure context): the field stays selectable by hand.
      setCopied(false);
    }
  };

  const s = status.data;
  return (
    <div className="stack feed-link" id="events-feed">
      <p>{t('network.feed.intro')}</p>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {status.error ? <Alert tone="error">{errorText(t, status.error)}</Alert> : null}
      {url ? null : s?.active && s.createdAt ? (
        <p>
          {t('network.feed.activeSince', {
            date: formatDateTime(s.createdAt, { locale, timeZone, style: 'event' }),
          })}{' '}
          {t('network.subscribe.shownOnce')}
        </p>
      ) : s ? (
        <p>{t('network.feed.none')}</p>
      ) : null}
      {url ? (
        <>
          <a className="btn btn--primary" href={webcalOf(url)}>
            {t('network.subscribe.open')}
          </a>
          <TextField
            label={t('network.feed.url')}
            description={t('network.feed.urlHelp')}
            value={url}
            isReadOnly
            inputClassName="network-feed-url"
          />
          <div className="button-row">
            <Button variant="secondary" onPress={() => void copy()}>
              {t('network.subscribe.copy')}
            </Button>
          </div>
          <p role="status" className="muted">
            {copied === true
              ? t('network.subscribe.copied')
              : copied === false
                ? t('network.subscribe.copyFailed')
                : ''}
          </p>
        </>
      ) : null}
      <div className="button-row">
        <Button
          variant={s?.active ? 'secondary' : 'primary'}
          onPress={() => void create()}
          isPending={pending === 'create'}
        >
          {s?.active ? t('network.feed.regenerate') : t('network.feed.create')}
        </Button>
        {s?.active ? (
          <Button variant="secondary" onPress={() => void revoke()} isPending={pending === 'revoke'}>
            {t('network.feed.revoke')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/** The top action of the events page: subscribe in a calendar app (the download is secondary). */
export function SubscribeDialog({
  isOpen,
  onOpenChange,
}: {
  isOpen: boolean;
  onOpenChange: (o: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog title={t('network.feed.title')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <FeedLinkPanel />
      <div className="button-row">
        <Button variant="secondary" onPress={() => onOpenChange(false)}>
          {t('network.subscribe.close')}
        </Button>
      </div>
    </ModalDialog>
  );
}
