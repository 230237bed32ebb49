import type { EventView } from '@lotse/domain';
import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ModalDialog } from '../../ui/Dialog.tsx';
import { focusFirstInvalid } from '../../ui/forms.ts';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { TextAreaField } from '../clients/TextAreaField.tsx';
import { eventKinds, fieldIssues, intOrNull, useAgencyTimeZone } from '../offers/network.ts';

const empty = {
  code: '',
  title: '',
  kind: null as string | null,
  date: '',
  startTime: '',
  endTime: '',
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

/** The form filled from an event (its times as wall-clock time of the agency's zone). */
const draftOf = (e: EventView): Draft => ({
  code: e.code,
  title: e.title,
  kind: e.kind,
  date: e.localStart?.slice(0, 10) ?? '',
  startTime: e.localStart?.slice(11, 16) ?? '',
  endTime: e.localEnd?.slice(11, 16) ?? '',
  place: e.place ?? '',
  onlineUrl: e.onlineUrl ?? '',
  description: e.description,
  capacity: e.capacity === null ? '' : String(e.capacity),
});

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
  const [d, setD] = useState<Draft>(editing ? draftOf(editing) : empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const required = t('network.form.required');
    const local: Record<string, string> = {};
    if (!d.title.trim()) local.title = required;
    if (!d.kind) local.kind = required;
    const startsAt = localOf(d.date, d.startTime);
    const endsAt = localOf(d.date, d.endTime);
    if (!d.date) local.date = required;
    if (!startsAt) local.startsAt = required;
    if (!endsAt) local.endsAt = required;
    else if (startsAt && endsAt <= startsAt) local.endsAt = t('network.form.endAfterStart');
    if (!d.place.trim() && !d.onlineUrl.trim()) local.place = t('network.form.placeOrLink');
    const capacity = intOrNull(d.capacity);
    if (capacity === undefined || capacity === 0) local.capacity = t('network.form.wholeNumber');
    setErrors(local);
    setFailure(undefined);
    if (Object.keys(local).length) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setPending(true);
    try {
      const fields = {
        title: d.title.trim(),
        kind: d.kind,
        localStart: startsAt,
        localEnd: endsAt,
        place: d.place.trim() || null,
        onlineUrl: d.onlineUrl.trim() || null,
        description: d.description.trim(),
        capacity,
      };
      const saved = editing
        ? await api<EventView>(`/api/events/${editing.id}`, { method: 'PATCH', body: fields })
        : await api<EventView>('/api/events', {
            method: 'POST',
            body: { ...(d.code.trim() ? { code: d.code.trim() } : {}), ...fields },
          });
      onCreated(saved);
      onOpenChange(false);
      if (!editing) setD(empty);
    } catch (error) {
      const issues = fieldIssues(error);
      // The server names the wall-clock fields localStart/localEnd; the form calls them startsAt/endsAt.
      if (issues.localStart) issues.startsAt ??= issues.localStart;
      if (issues.localEnd) issues.endsAt ??= issues.localEnd;
      setErrors(issues);
      setFailure(errorText(t, error));
      focusFirstInvalid(formRef.current);
    } finally {
      setPending(false);
    }
  };

  return (
    <ModalDialog
      title={editing ? t('network.eventAdmin.editTitle', { code: editing.code }) : t('network.events.new')}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={!pending}
    >
      <Form ref={formRef} className="form" onSubmit={(e) => void submit(e)} validationBehavior="aria">
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        <TextField
          label={t('network.events.eventTitle')}
          value={d.title}
          onChange={(v) => set('title', v)}
          isRequired
          errorMessage={errors.title}
        />
        {editing ? null : (
          <TextField
            label={t('network.form.code')}
            description={t('network.form.codeHelp')}
            value={d.code}
            onChange={(v) => set('code', v)}
            errorMessage={errors.code}
          />
        )}
        <SelectField
          label={t('network.events.kind')}
          options={eventKinds.map((k) => ({ id: k, label: t(`network.eventKind.${k}`) }))}
          selectedKey={d.kind}
          onSelectionChange={(k) => set('kind', k)}
          placeholder={t('network.form.choose')}
        />
        {errors.kind ? <p className="field__error">{errors.kind}</p> : null}
        <TextField
          label={t('network.form.date')}
          type="date"
          value={d.date}
          onChange={(v) => set('date', v)}
          isRequired
          errorMessage={errors.date}
        />
        <p className="muted" id="event-time-zone">
          {t('network.eventAdmin.timeZoneNote', { zone: timeZone })}
        </p>
        <TextField
          label={t('network.events.startsAt')}
          type="time"
          value={d.startTime}
          onChange={(v) => set('startTime', v)}
          isRequired
          errorMessage={errors.startsAt}
        />
        <TextField
          label={t('network.events.endsAt')}
          type="time"
          value={d.endTime}
          onChange={(v) => set('endTime', v)}
          isRequired
          errorMessage={errors.endsAt}
        />
        <TextField
          label={t('network.events.place')}
          description={t('network.form.placeOrLink')}
          value={d.place}
          onChange={(v) => set('place', v)}
          errorMessage={errors.place}
        />
        <TextField
          label={t('network.form.onlineUrl')}
          type="url"
          value={d.onlineUrl}
          onChange={(v) => set('onlineUrl', v)}
          errorMessage={errors.onlineUrl}
        />
        <TextAreaField
          label={t('network.events.description')}
          value={d.description}
          onChange={(v) => set('description', v)}
          errorMessage={errors.description}
        />
        <TextField
          label={t('network.events.capacity')}
          description={t('network.form.capacityHelp')}
          value={d.capacity}
          onChange={(v) => set('capacity', v)}
          inputMode="numeric"
          errorMessage={errors.capacity}
        />
        <div className="button-row">
          <Button type="submit" isPending={pending}>
            {t('network.form.save')}
          </Button>
          <Button variant="secondary" onPress={() => onOpenChange(false)} isDisabled={pending}>
            {t('network.form.cancel')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
