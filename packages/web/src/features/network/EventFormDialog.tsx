import type { EventView } from '@lotse/domain';
import type { EventKind } from '@lotse/domain/codes';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/client.ts';
import { type FieldErrors, firstSegment } from '../../app/fieldErrors.ts';
import { EntityFormDialog } from '../../ui/EntityFormDialog.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { eventKinds, intOrNull, useAgencyTimeZone } from './network.ts';

const empty = {
  code: '',
  title: '',
  kind: null as EventKind | null,
  date: '',
  startsAt: '',
  endsAt: '',
  place: '',
  onlineUrl: '',
  description: '',
  capacity: '',
};
type Draft = typeof empty;

/**
 * Date and time as entered, as wall-clock time of the agency ("2027-01-20T14:00"): the server reads it
 * in the agency's time zone, so the browser's own zone never shifts it. Undefined when incomplete.
 */
const localOf = (date: string, time: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(time) ? `${date}T${time}` : undefined;

// The server names the wall-clock fields localStart/localEnd; the form calls them startsAt/endsAt.
const serverNames: Record<string, string> = { localStart: 'startsAt', localEnd: 'endsAt' };
const eventField = (path: string) => {
  const field = firstSegment(path);
  return serverNames[field] ?? field;
};

/** The form filled from an event (its times as wall-clock time of the agency's zone). */
const draftOf = (e: EventView | undefined): Draft =>
  e
    ? {
        code: e.code,
        title: e.title,
        kind: e.kind,
        date: e.localStart?.slice(0, 10) ?? '',
        startsAt: e.localStart?.slice(11, 16) ?? '',
        endsAt: e.localEnd?.slice(11, 16) ?? '',
        place: e.place ?? '',
        onlineUrl: e.onlineUrl ?? '',
        description: e.description,
        capacity: e.capacity === null ? '' : String(e.capacity),
      }
    : empty;

/** The event's times and capacity as the server takes them; undefined where not valid. */
const parsed = (d: Draft) => ({
  localStart: localOf(d.date, d.startsAt),
  localEnd: localOf(d.date, d.endsAt),
  capacity: intOrNull(d.capacity),
});

const validate = (d: Draft, t: TFunction) => {
  const { localStart, localEnd, capacity } = parsed(d);
  const required = t('network.form.required');
  const errors: FieldErrors = {};
  if (!d.title.trim()) errors.title = required;
  if (!d.kind) errors.kind = required;
  if (!d.date) errors.date = required;
  if (!localStart) errors.startsAt = required;
  if (!localEnd) errors.endsAt = required;
  else if (localStart && localEnd <= localStart) errors.endsAt = t('network.form.endAfterStart');
  if (!d.place.trim() && !d.onlineUrl.trim()) errors.place = t('network.form.placeOrLink');
  if (capacity === undefined || capacity === 0) errors.capacity = t('network.form.wholeNumber');
  return errors;
};

/** The fields both creating and changing send. */
const fieldsOf = (d: Draft) => {
  const { localStart, localEnd, capacity } = parsed(d);
  return {
    title: d.title.trim(),
    // `validate` refuses a missing kind before this runs.
    kind: d.kind ?? undefined,
    localStart,
    localEnd,
    place: d.place.trim() || null,
    onlineUrl: d.onlineUrl.trim() || null,
    description: d.description.trim(),
    capacity,
  };
};

/** Create a network event (code assigned unless given), or change one of the own agency. */
export function EventFormDialog({
  isOpen,
  onOpenChange,
  onCreated,
  event: editing,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (event: EventView) => void;
  /** The event to change; without it a new one is created. */
  event?: EventView | undefined;
}) {
  const { t } = useTranslation();
  const timeZone = useAgencyTimeZone();

  return (
    <EntityFormDialog
      entity={editing}
      draftOf={draftOf}
      validate={(d) => validate(d, t)}
      create={(d) =>
        api.events.create({ body: { ...(d.code.trim() ? { code: d.code.trim() } : {}), ...fieldsOf(d) } })
      }
      update={(e, d) => api.events.update({ params: { id: e.id }, body: fieldsOf(d) })}
      onSaved={onCreated}
      title={editing ? t('network.eventAdmin.editTitle', { code: editing.code }) : t('network.events.new')}
      submitLabel={t('network.form.save')}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      fieldOf={eventField}
    >
      {({ field }) => (
        <>
          <TextField label={t('network.events.eventTitle')} isRequired {...field.text('title')} />
          {editing ? null : (
            <TextField
              label={t('network.form.code')}
              description={t('network.form.codeHelp')}
              {...field.text('code')}
            />
          )}
          <SelectField
            label={t('network.events.kind')}
            options={eventKinds.map((k) => ({ id: k, label: t(`network.eventKind.${k}`) }))}
            placeholder={t('network.form.choose')}
            {...field.select('kind')}
          />
          <TextField label={t('network.form.date')} type="date" isRequired {...field.text('date')} />
          <p className="muted" id="event-time-zone">
            {t('network.eventAdmin.timeZoneNote', { zone: timeZone })}
          </p>
          <TextField
            label={t('network.events.startsAt')}
            type="time"
            isRequired
            {...field.text('startsAt')}
          />
          <TextField label={t('network.events.endsAt')} type="time" isRequired {...field.text('endsAt')} />
          <TextField
            label={t('network.events.place')}
            description={t('network.form.placeOrLink')}
            {...field.text('place')}
          />
          <TextField label={t('network.form.onlineUrl')} type="url" {...field.text('onlineUrl')} />
          <TextAreaField label={t('network.events.description')} {...field.text('description')} />
          <TextField
            label={t('network.events.capacity')}
            description={t('network.form.capacityHelp')}
            inputMode="numeric"
            {...field.text('capacity')}
          />
        </>
      )}
    </EntityFormDialog>
  );
}
