import type { ClientView } from '@lotse/domain';
import type { ContactType } from '@lotse/domain/codes';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/client.ts';
import { formatDate, todayIso } from '../../app/dates.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { DraftDialog } from '../../ui/DraftDialog.tsx';
import { LoadedTable } from '../../ui/LoadedTable.tsx';
import { Section } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDraft } from '../../ui/useDraft.ts';
import { contactTypes } from './casework.ts';
import type { AddToClientProps } from './clientDialog.ts';
import { SectionActions } from './SectionActions.tsx';

/** Dated contacts; notes only for people who may see the case (the server leaves them out otherwise). */
export function ContactsSection({
  client,
  canWrite,
  adding,
  onAddingChange: setAdding,
}: {
  client: ClientView;
  canWrite: boolean;
  /** Whether the form is open: the client page's summary opens it as well. */
  adding: boolean;
  onAddingChange: (adding: boolean) => void;
}) {
  const { t, locale } = useLanguage();
  const contacts = useEndpoint(api.contacts.list, { params: { id: client.id }, query: { pageSize: 200 } });

  return (
    <Section id="kontakte" title={t('casework.contact.title')}>
      {canWrite ? <SectionActions label={t('casework.contact.add')} onPress={() => setAdding(true)} /> : null}
      <LoadedTable
        query={contacts}
        empty={t('casework.contact.none')}
        caption={t('casework.contact.caption', { count: contacts.data?.total })}
        columns={[
          { label: t('casework.contact.date') },
          { label: t('casework.contact.type') },
          { label: t('casework.contact.duration') },
          { label: t('casework.contact.note') },
          { label: t('casework.contact.author') },
        ]}
        cells={(c) => (
          <>
            <th scope="row" className="cell--nowrap">
              {formatDate(c.date, locale)}
            </th>
            <td>{t(`casework.contactType.${c.type}`)}</td>
            <td>
              {c.durationMinutes === null ? '' : t('casework.contact.minutes', { count: c.durationMinutes })}
            </td>
            <td className="note-text">
              {c.noteHidden ? <em>{t('casework.contact.noteHidden')}</em> : (c.note ?? '')}
            </td>
            <td>{c.author?.displayName ?? ''}</td>
          </>
        )}
      />
      {adding ? (
        <AddContactDialog clientId={client.id} onClose={() => setAdding(false)} onAdded={contacts.reload} />
      ) : null}
    </Section>
  );
}

function AddContactDialog({ clientId, onClose, onAdded }: AddToClientProps) {
  const { t } = useTranslation();
  const form = useDraft(() => ({
    type: 'meeting' as ContactType | null,
    date: todayIso(),
    duration: '',
    note: '',
  }));
  const { type, date, duration, note } = form.draft;
  return (
    <DraftDialog
      form={form}
      onClose={onClose}
      title={t('casework.contact.add')}
      submitLabel={t('common.save')}
      onSubmit={async () => {
        const minutes = Number(duration);
        await api.contacts.create({
          params: { id: clientId },
          body: {
            type: type ?? undefined,
            date,
            ...(duration.trim() && Number.isFinite(minutes) ? { durationMinutes: minutes } : {}),
            ...(note.trim() ? { note } : {}),
          },
        });
        onAdded();
      }}
    >
      {(field, errors) => (
        <>
          <SelectField
            label={t('casework.contact.type')}
            options={contactTypes.map((c) => ({ id: c, label: t(`casework.contactType.${c}`) }))}
            {...field.select('type')}
          />
          <TextField label={t('casework.contact.date')} type="date" isRequired {...field.text('date')} />
          <TextField
            label={t('casework.contact.durationMinutes')}
            inputMode="numeric"
            {...field.text('duration')}
            errorMessage={errors.durationMinutes}
          />
          <TextAreaField label={t('casework.contact.note')} {...field.text('note')} />
        </>
      )}
    </DraftDialog>
  );
}
