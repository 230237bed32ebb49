import type { EventView } from '@lotse/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useUser } from '../../app/auth.tsx';
import { errorText } from '../../app/errors.ts';
import { useApiQuery } from '../../app/useApi.ts';
import { localeOf } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading, Page, Section } from '../../ui/Page.tsx';
import { formatDateTime, formatTime } from '../offers/network.ts';
import '../offers/network.css';
import { EventFormDialog } from './EventFormDialog.tsx';
import { FeedLinkSection } from './FeedLinkSection.tsx';

interface EventPage {
  items: EventView[];
  total: number;
}

const todayIso = () => new Date().toISOString().slice(0, 10);

/** The network's event calendar: upcoming events with registration and .ics links, then past ones. */
export function EventsPage() {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string }>();
  const [busy, setBusy] = useState<string>();
  const [creating, setCreating] = useState(false);
  const user = useUser();
  const canCreate = !!user?.roles.some((r) => r === 'lead' || r === 'coordinator');
  const events = useApiQuery<EventPage>('/api/events', { pageSize: 200 });
  const today = todayIso();
  const upcoming = events.data?.items.filter((e) => e.endsAt.slice(0, 10) >= today) ?? [];
  const past = (events.data?.items.filter((e) => e.endsAt.slice(0, 10) < today) ?? []).reverse();

  const register = async (e: EventView) => {
    setBusy(e.id);
    try {
      const r = await api<{ status: 'registered' | 'waitlisted'; waitlistPosition: number | null }>(
        `/api/events/${e.id}/registrations`,
        { method: 'POST', body: {} },
      );
      setNotice({
        tone: 'success',
        text:
          r.status === 'registered'
            ? `${e.code}: ${t('network.events.registered')}`
            : `${e.code}: ${t('network.events.waitlisted', { position: r.waitlistPosition })}`,
      });
      events.reload();
    } catch (error) {
      setNotice({ tone: 'error', text: errorText(t, error) });
    } finally {
      setBusy(undefined);
    }
  };

  const cancel = async (e: EventView) => {
    setBusy(e.id);
    try {
      const r = await api<{ cancelled: 'registered' | 'waitlisted'; promoted: boolean }>(
        `/api/events/${e.id}/registrations`,
        { method: 'DELETE' },
      );
      setNotice({
        tone: 'success',
        text: `${e.code}: ${r.cancelled === 'registered' ? t('network.events.cancelled') : t('network.events.leftWaitlist')}${r.promoted ? ` ${t('network.events.promoted')}` : ''}`,
      });
      events.reload();
    } catch (error) {
      setNotice({ tone: 'error', text: errorText(t, error) });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Page
      title={t('network.events.title')}
      intro={<p>{t('network.events.intro')}</p>}
      actions={
        <>
          {canCreate ? <Button onPress={() => setCreating(true)}>{t('network.events.new')}</Button> : null}
          <a className="btn btn--secondary" href="/api/events.ics" download="lotse-veranstaltungen.ics">
            {t('network.events.feed')}
          </a>
        </>
      }
    >
      {canCreate ? (
        <EventFormDialog
          isOpen={creating}
          onOpenChange={setCreating}
          onCreated={(e) => {
            setNotice({ tone: 'success', text: t('network.events.created', { code: e.code }) });
            events.reload();
          }}
        />
      ) : null}
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {events.error ? <Alert tone="error">{errorText(t, events.error)}</Alert> : null}
      {events.loading && !events.data ? <Loading label={t('common.loading')} /> : null}
      {events.data ? (
        <>
          <Section id="events-upcoming" title={t('network.events.upcoming')}>
            <EventList events={upcoming} busy={busy} onRegister={register} onCancel={cancel} />
          </Section>
          <Section id="events-past" title={t('network.events.past')}>
            <EventList events={past} />
          </Section>
          <FeedLinkSection />
        </>
      ) : null}
    </Page>
  );
}

function EventList({
  events,
  busy,
  onRegister,
  onCancel,
}: {
  events: EventView[];
  busy?: string | undefined;
  onRegister?: (e: EventView) => void;
  onCancel?: (e: EventView) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  if (events.length === 0) return <p>{t('network.events.empty')}</p>;
  return (
    <ul className="event-list">
      {events.map((e) => (
        <li key={e.id} className="event-card card">
          <h3>
            {e.code} · {e.title}
          </h3>
          <dl className="details-list">
            <dt>{t('network.events.kind')}</dt>
            <dd>{t(`network.eventKind.${e.kind}`)}</dd>
            <dt>{t('network.events.startsAt')}</dt>
            <dd>
              {formatDateTime(e.startsAt, locale)} – {formatTime(e.endsAt, locale)}
            </dd>
            <dt>{t('network.events.place')}</dt>
            <dd>
              {e.place ?? ''}
              {e.place && e.onlineUrl ? ' · ' : ''}
              {e.onlineUrl ? (
                <a href={e.onlineUrl} rel="noreferrer noopener">
                  {t('network.events.online')}
                </a>
              ) : null}
            </dd>
            <dt>{t('network.events.organiser')}</dt>
            <dd>{e.organiser.name}</dd>
            <dt>{t('network.events.capacity')}</dt>
            <dd>
              {t('network.events.registeredCount', { registered: e.registered })}
              {e.capacity !== null ? ` / ${e.capacity}` : ''}
              {e.waitlisted ? ` · ${t('network.events.waitlistedCount', { count: e.waitlisted })}` : ''}
            </dd>
          </dl>
          {e.description ? <p className="prewrap">{e.description}</p> : null}
          <div className="button-row">
            {onRegister && !e.myRegistration ? (
              <Button
                size="sm"
                isPending={busy === e.id}
                aria-label={`${t('network.events.register')}: ${e.code} ${e.title}`}
                onPress={() => onRegister(e)}
              >
                {t('network.events.register')}
              </Button>
            ) : null}
            {e.myRegistration === 'registered' ? (
              <span className="badge badge--success">{t('network.events.registered')}</span>
            ) : null}
            {e.myRegistration === 'waitlisted' ? (
              <span className="badge badge--warning">{t('network.events.waitlistedShort')}</span>
            ) : null}
            {onCancel && e.myRegistration ? (
              <Button
                size="sm"
                variant="secondary"
                isPending={busy === e.id}
                aria-label={`${t('network.events.cancel')}: ${e.code} ${e.title}`}
                onPress={() => onCancel(e)}
              >
                {t('network.events.cancel')}
              </Button>
            ) : null}
            <a
              className="btn btn--secondary btn--sm"
              href={`/api/events/${e.id}.ics`}
              aria-label={`${t('network.events.ics')}: ${e.code} ${e.title}`}
            >
              {t('network.events.ics')}
            </a>
          </div>
        </li>
      ))}
    </ul>
  );
}
