import type { FeedTokenView } from '@lotse/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import { useApiQuery } from '../../app/useApi.ts';
import { localeOf } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Section } from '../../ui/Page.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { formatDateTime } from '../offers/network.ts';

/**
 * The personal secret calendar link: calendar apps cannot sign in, so they subscribe to a link with a
 * random key. It is shown once when created; a new one replaces it, revoking ends it.
 */
export function FeedLinkSection() {
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const status = useApiQuery<FeedTokenView>('/api/events/feed-token');
  const [url, setUrl] = useState<string>();
  const [pending, setPending] = useState<'create' | 'revoke'>();
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string }>();

  const create = async () => {
    setPending('create');
    try {
      const r = await api<FeedTokenView>('/api/events/feed-token', { method: 'POST' });
      setUrl(r.path ? `${window.location.origin}${r.path}` : undefined);
      setNotice({ tone: 'success', text: t('network.feed.created') });
      status.reload();
    } catch (error) {
      setNotice({ tone: 'error', text: errorText(t, error) });
    } finally {
      setPending(undefined);
    }
  };
  const revoke = async () => {
    setPending('revoke');
    try {
      await api<FeedTokenView>('/api/events/feed-token', { method: 'DELETE' });
      setUrl(undefined);
      setNotice({ tone: 'success', text: t('network.feed.revoked') });
      status.reload();
    } catch (error) {
      setNotice({ tone: 'error', text: errorText(t, error) });
    } finally {
      setPending(undefined);
    }
  };

  const s = status.data;
  return (
    <Section id="events-feed" title={t('network.feed.title')}>
      <p>{t('network.feed.intro')}</p>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {status.error ? <Alert tone="error">{errorText(t, status.error)}</Alert> : null}
      {s?.active && s.createdAt ? (
        <p>{t('network.feed.activeSince', { date: formatDateTime(s.createdAt, locale) })}</p>
      ) : s ? (
        <p>{t('network.feed.none')}</p>
      ) : null}
      {url ? (
        <TextField
          label={t('network.feed.url')}
          description={t('network.feed.urlHelp')}
          value={url}
          isReadOnly
          inputClassName="network-feed-url"
        />
      ) : null}
      <div className="button-row">
        <Button variant="secondary" onPress={() => void create()} isPending={pending === 'create'}>
          {s?.active ? t('network.feed.regenerate') : t('network.feed.create')}
        </Button>
        {s?.active ? (
          <Button variant="secondary" onPress={() => void revoke()} isPending={pending === 'revoke'}>
            {t('network.feed.revoke')}
          </Button>
        ) : null}
      </div>
    </Section>
  );
}
