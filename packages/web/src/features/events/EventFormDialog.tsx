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
import { eventKinds, fieldIssues, intOrNull } from '../offers/network.ts';

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

/** Date and time as entered (local time of the browser) to an ISO timestamp; undefined when incomplete. */
const isoOf = (date: string, time: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return undefined;
  const d = new Date(`${date}T${time}:00`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
};

/** Create a network event (code assigned unless given). */
export function EventFormDialog({
  isOpen,
  onOpenChange,
  onCreated,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (event: EventView) => void;
}) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(empty);
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
    const startsAt = isoOf(d.date, d.startTime);
    const endsAt = isoOf(d.date, d.endTime);
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
      const created = await api<EventView>('/api/events', {
        method: 'POST',
        body: {
          ...(d.code.trim() ? { code: d.code.trim() } : {}),
          title: d.title.trim(),
          kind: d.kind,
          startsAt,
          endsAt,
          place: d.place.trim() || null,
          onlineUrl: d.onlineUrl.trim() || null,
          description: d.description.trim(),
          capacity,
        },
      });
      onCreated(created);
      onOpenChange(false);
      setD(empty);
    } catch (error) {
      setErrors(fieldIssues(error));
      setFailure(errorText(t, error));
      focusFirstInvalid(formRef.current);
    } finally {
      setPending(false);
    }
  };

  return (
    <ModalDialog
      title={t('network.events.new')}
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
        <TextField
          label={t('network.form.code')}
          description={t('network.form.codeHelp')}
          value={d.code}
          onChange={(v) => set('code', v)}
          errorMessage={errors.code}
        />
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
