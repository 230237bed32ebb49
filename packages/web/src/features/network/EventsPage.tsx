import type { EventAttendeesView, EventView } from '@lotse/domain';
import { eventEndpoints } from '@lotse/domain/endpoints';
import { fillPath } from '@lotse/domain/src/api/route.ts';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth.tsx';
import { api } from '../../app/client.ts';
import { formatDateTime, formatTime } from '../../app/dates.ts';
import { errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { localeOf } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading, Page, Section } from '../../ui/Page.tsx';
import { RowButton } from '../../ui/RowButton.tsx';
import { ShownDialog } from '../../ui/ShownDialog.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { useAgencyTimeZone } from './network.ts';
import './network.css';
import { EventFormDialog } from './EventFormDialog.tsx';
import { SubscribeDialog } from './FeedLinkSection.tsx';

/** The network's event calendar: upcoming events with registration and .ics links, then past ones. */
export function EventsPage() {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string }>();
  const [busy, setBusy] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [subscribing, setSubscribing] = useState(false);
  const [editing, setEditing] = useState<EventView>();
  const [cancelling, setCancelling] = useState<EventView>();
  const [listing, setListing] = useState<EventView>();
  const canCreate = useCan('events.write');
  const events = useEndpoint(api.events.list, { query: { pageSize: 200 } });
  // Instants, not calendar days of some zone: an event is upcoming until it has ended.
  const now = Date.now();
  const upcoming = events.data?.items.filter((e) => Date.parse(e.endsAt) >= now) ?? [];
  const past = (events.data?.items.filter((e) => Date.parse(e.endsAt) < now) ?? []).reverse();

  const register = async (e: EventView) => {
    setBusy(e.id);
    try {
      const r = await api.events.register({ params: { id: e.id }, body: {} });
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
      const r = await api.events.unregister({ params: { id: e.id } });
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
          <Button onPress={() => setSubscribing(true)}>{t('network.subscribe.action')}</Button>
          {canCreate ? (
            <Button variant="secondary" onPress={() => setCreating(true)}>
              {t('network.events.new')}
            </Button>
          ) : null}
          <a
            className="btn btn--secondary"
            href={eventEndpoints.calendar.path}
            download="lotse-veranstaltungen.ics"
          >
            {t('network.subscribe.download')}
          </a>
        </>
      }
    >
      <SubscribeDialog isOpen={subscribing} onOpenChange={setSubscribing} />
      {editing ? (
        <EventFormDialog
          key={editing.id}
          event={editing}
          isOpen
          onOpenChange={(open) => {
            if (!open) setEditing(undefined);
          }}
          onCreated={(e) => {
            setNotice({ tone: 'success', text: t('network.eventAdmin.saved', { code: e.code }) });
            events.reload();
          }}
        />
      ) : null}
      {cancelling ? (
        <CancelEventDialog
          event={cancelling}
          onClose={() => setCancelling(undefined)}
          onCancelled={(e, notified) => {
            setNotice({
              tone: 'success',
              text: t('network.eventAdmin.cancelDone', { code: e.code, count: notified }),
            });
            events.reload();
          }}
        />
      ) : null}
      {listing ? <AttendeesDialog event={listing} onClose={() => setListing(undefined)} /> : null}
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
            <EventList
              events={upcoming}
              busy={busy}
              onRegister={register}
              onCancel={cancel}
              organiser={
                canCreate
                  ? { onEdit: setEditing, onCancelEvent: setCancelling, onAttendees: setListing }
                  : undefined
              }
            />
          </Section>
          <Section id="events-past" title={t('network.events.past')}>
            <EventList events={past} organiser={canCreate ? { onAttendees: setListing } : undefined} />
          </Section>
        </>
      ) : null}
    </Page>
  );
}

interface OrganiserActions {
  onEdit?: (e: EventView) => void;
  onCancelEvent?: (e: EventView) => void;
  onAttendees: (e: EventView) => void;
}

function EventList({
  events,
  busy,
  onRegister,
  onCancel,
  organiser,
}: {
  events: EventView[];
  busy?: string | undefined;
  onRegister?: (e: EventView) => void;
  onCancel?: (e: EventView) => void;
  /** Actions of the organising agency's leads and coordinators on their own events. */
  organiser?: OrganiserActions | undefined;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const timeZone = useAgencyTimeZone();
  if (events.length === 0) return <p>{t('network.events.empty')}</p>;
  return (
    <ul className="event-list">
      {events.map((e) => (
        <li key={e.id} className="event-card card">
          <h3>
            {e.code} · {e.title}
          </h3>
          {e.cancelledAt ? (
            <p>
              <span className="badge badge--danger">{t('network.eventAdmin.cancelledBadge')}</span>
              {e.cancelReason ? ` ${e.cancelReason}` : null}
            </p>
          ) : null}
          <dl className="details-list">
            <dt>{t('network.events.kind')}</dt>
            <dd>{t(`network.eventKind.${e.kind}`)}</dd>
            <dt>{t('network.events.startsAt')}</dt>
            <dd>
              <span data-testid="event-time">
                {formatDateTime(e.startsAt, { locale, timeZone, style: 'event' })} –{' '}
                {formatTime(e.endsAt, { locale, timeZone })}
              </span>
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
            {onRegister && !e.myRegistration && !e.cancelledAt ? (
              <RowButton
                label={t('network.events.register')}
                item={`${e.code} ${e.title}`}
                variant="primary"
                isPending={busy === e.id}
                onPress={() => onRegister(e)}
              />
            ) : null}
            {e.myRegistration === 'registered' ? (
              <span className="badge badge--success">{t('network.events.registered')}</span>
            ) : null}
            {e.myRegistration === 'waitlisted' ? (
              <span className="badge badge--warning">{t('network.events.waitlistedShort')}</span>
            ) : null}
            {onCancel && e.myRegistration && !e.cancelledAt ? (
              <RowButton
                label={t('network.events.cancel')}
                item={`${e.code} ${e.title}`}
                isPending={busy === e.id}
                onPress={() => onCancel(e)}
              />
            ) : null}
            <a
              className="btn btn--secondary btn--sm"
              href={fillPath(eventEndpoints.downloadIcs.path, { id: e.id })}
              aria-label={`${t('network.events.ics')}: ${e.code} ${e.title}`}
            >
              {t('network.events.ics')}
            </a>
          </div>
          {organiser && e.own ? (
            <div className="button-row">
              <RowButton
                label={t('network.eventAdmin.attendees')}
                item={`${e.code} ${e.title}`}
                onPress={() => organiser.onAttendees(e)}
              />
              {organiser.onEdit && !e.cancelledAt ? (
                <RowButton
                  label={t('network.eventAdmin.edit')}
                  item={`${e.code} ${e.title}`}
                  onPress={() => organiser.onEdit?.(e)}
                />
              ) : null}
              {organiser.onCancelEvent && !e.cancelledAt ? (
                <RowButton
                  label={t('network.eventAdmin.cancelEvent')}
                  item={`${e.code} ${e.title}`}
                  variant="danger"
                  onPress={() => organiser.onCancelEvent?.(e)}
                />
              ) : null}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Confirms the cancellation of an own event; the registered people get an in-app notification. */
function CancelEventDialog({
  event,
  onClose,
  onCancelled,
}: {
  event: EventView;
  onClose: () => void;
  onCancelled: (e: EventView, notified: number) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string>();
  const affected = event.registered + event.waitlisted;
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setPending(true);
    setFailure(undefined);
    try {
      const r = await api.events.cancel({
        params: { id: event.id },
        body: { reason: reason.trim() || null },
      });
      onCancelled(r, r.notified);
      onClose();
    } catch (error) {
      setFailure(errorText(t, error));
    } finally {
      setPending(false);
    }
  };
  return (
    <ShownDialog
      title={t('network.eventAdmin.cancelTitle', { code: event.code })}
      onClose={onClose}
      isDismissable={!pending}
      role="alertdialog"
    >
      <Form className="form" onSubmit={(e) => void submit(e)} validationBehavior="aria">
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        <p>{event.title}</p>
        <p>{t('network.eventAdmin.cancelWho', { count: affected })}</p>
        <TextAreaField label={t('network.eventAdmin.reason')} value={reason} onChange={setReason} />
        <div className="button-row">
          <Button type="submit" variant="danger" isPending={pending}>
            {t('network.eventAdmin.cancelConfirm')}
          </Button>
          <Button variant="secondary" onPress={onClose} isDisabled={pending}>
            {t('network.eventAdmin.keep')}
          </Button>
        </div>
      </Form>
    </ShownDialog>
  );
}

/** Who registered and who waits (staff of every agency), for the organiser. */
function AttendeesDialog({ event, onClose }: { event: EventView; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const timeZone = useAgencyTimeZone();
  const list = useEndpoint(api.events.attendees, { params: { id: event.id } });
  const table = (caption: string, rows: EventAttendeesView['registered'], waiting: boolean, empty: string) =>
    rows.length === 0 ? (
      <p>{empty}</p>
    ) : (
      <div className="table-wrap">
        <table className="table table--compact">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {waiting ? <th scope="col">{t('network.eventAdmin.position')}</th> : null}
              <th scope="col">{t('network.eventAdmin.name')}</th>
              <th scope="col">{t('network.eventAdmin.agency')}</th>
              <th scope="col">{t('network.eventAdmin.registeredAt')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.registrationId}>
                {waiting ? <td>{r.waitlistPosition}</td> : null}
                <th scope="row" className="cell--break">
                  {r.name}
                  <br />
                  <a href={`mailto:${r.email}`}>{r.email}</a>
                </th>
                <td>{r.agency}</td>
                <td>{formatDateTime(r.registeredAt, { locale, timeZone, style: 'event' })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  return (
    <ShownDialog title={t('network.eventAdmin.attendeesTitle', { code: event.code })} onClose={onClose}>
      <div className="stack">
        {list.error ? <Alert tone="error">{errorText(t, list.error)}</Alert> : null}
        {list.loading && !list.data ? <Loading label={t('common.loading')} /> : null}
        {list.data ? (
          <>
            {table(
              t('network.eventAdmin.registeredList', { count: list.data.registered.length }),
              list.data.registered,
              false,
              t('network.eventAdmin.noneRegistered'),
            )}
            {table(
              t('network.eventAdmin.waitingList', { count: list.data.waitlisted.length }),
              list.data.waitlisted,
              true,
              t('network.eventAdmin.noneWaiting'),
            )}
          </>
        ) : null}
        <div className="button-row">
          <Button variant="secondary" onPress={onClose}>
            {t('network.subscribe.close')}
          </Button>
        </div>
      </div>
    </ShownDialog>
  );
}
