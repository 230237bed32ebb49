import type { NotificationView } from '@lotse/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../app/client.ts';
import { formatDateTime } from '../../app/dates.ts';
import { errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { useAgencyTimeZone } from '../network/network.ts';

/**
 * Unread in-app notifications (e.g. an event one registered for was cancelled), shown on the start
 * page after sign-in until they are marked as read. Nothing is shown when there are none.
 */
export function NotificationsPanel() {
  const { t, locale } = useLanguage();
  const timeZone = useAgencyTimeZone();
  const list = useEndpoint(api.notifications.list, { query: { unread: 'true' } });
  const [failure, setFailure] = useState<string>();
  const [pending, setPending] = useState<string>();

  const mark = async (send: () => Promise<unknown>, key: string) => {
    setPending(key);
    setFailure(undefined);
    try {
      await send();
      list.reload();
    } catch (error) {
      setFailure(errorText(t, error));
    } finally {
      setPending(undefined);
    }
  };

  const items = list.data?.items ?? [];
  if (items.length === 0 && !failure) return null;
  const text = (n: NotificationView) =>
    t(`notifications.kind.${n.kind}`, {
      code: n.params.code ?? '',
      title: n.params.title ?? '',
      date: n.params.startsAt ? formatDateTime(n.params.startsAt, { locale, timeZone, style: 'event' }) : '',
    });
  return (
    <section className="card notifications" aria-labelledby="home-notifications">
      <h2 id="home-notifications">
        {t('notifications.title', { count: list.data?.unread ?? items.length })}
      </h2>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <ul className="notification-list">
        {items.map((n) => (
          <li key={n.id} className="notification">
            <p>
              <span className={`badge ${n.kind === 'event_cancelled' ? 'badge--danger' : 'badge--warning'}`}>
                {t(`notifications.badge.${n.kind}`)}
              </span>{' '}
              {text(n)}
            </p>
            {n.params.reason ? <p>{t('notifications.reason', { reason: n.params.reason })}</p> : null}
            <p className="muted">
              {t('notifications.at', {
                date: formatDateTime(n.createdAt, { locale, timeZone, style: 'event' }),
              })}
            </p>
            <div className="button-row">
              <Link to="/veranstaltungen" className="btn btn--secondary btn--sm">
                {t('notifications.toEvents')}
              </Link>
              <Button
                size="sm"
                variant="secondary"
                isPending={pending === n.id}
                aria-label={`${t('notifications.markRead')}: ${text(n)}`}
                onPress={() => void mark(() => api.notifications.markRead({ params: { id: n.id } }), n.id)}
              >
                {t('notifications.markRead')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {items.length > 1 ? (
        <Button
          variant="secondary"
          isPending={pending === 'all'}
          onPress={() => void mark(() => api.notifications.markAllRead(), 'all')}
        >
          {t('notifications.markAllRead')}
        </Button>
      ) : null}
    </section>
  );
}
