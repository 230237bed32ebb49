import type { District } from '@lotse/domain';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { api } from '../../app/client.ts';
import { detailedText, errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { textColumns } from '../../ui/columns.ts';
import { Loading, Page, Section } from '../../ui/Page.tsx';
import { StatusAlert, useStatus } from '../../ui/StatusAlert.tsx';
import { TableRegion } from '../../ui/TableRegion.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDraft } from '../../ui/useDraft.ts';
import { ImportDialog } from '../network/ImportDialog.tsx';

interface Draft {
  /** The key of the district being edited; undefined for a new one. */
  editing?: string;
  key: string;
  name: string;
  ags: string;
  lat: string;
  lon: string;
}

const empty: Draft = { key: '', name: '', ags: '', lat: '', lon: '' };

const draftOf = (d: District): Draft => ({
  editing: d.key,
  key: d.key,
  name: d.name,
  ags: d.ags ?? '',
  lat: d.centre ? String(d.centre.coordinates[1]) : '',
  lon: d.centre ? String(d.centre.coordinates[0]) : '',
});

/** The district from the form; the boundary is kept (it comes from the CSV import). */
function districtOf(d: Draft, before: District | undefined): District {
  const lat = Number(d.lat.replace(',', '.'));
  const lon = Number(d.lon.replace(',', '.'));
  const centre =
    d.lat.trim() && d.lon.trim()
      ? { type: 'Point' as const, coordinates: [lon, lat] as [number, number] }
      : undefined;
  return {
    key: d.key.trim(),
    name: d.name.trim(),
    ...(d.ags.trim() ? { ags: d.ags.trim() } : {}),
    ...(centre ? { centre } : {}),
    ...(before?.boundary ? { boundary: before.boundary } : {}),
  };
}

/** Admins maintain the agency's districts ("Sozialräume"): list, add, edit, remove, CSV import. */
export function DistrictsPage() {
  const { t } = useTranslation();
  const list = useEndpoint(api.districts.list, {});
  const { draft, setDraft, bind } = useDraft(() => empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { status, report } = useStatus();
  const [busy, setBusy] = useState(false);
  const [importing, setImporting] = useState(false);
  const items = list.data?.items ?? [];

  const save = async (next: District[], done: string) => {
    setBusy(true);
    setErrors({});
    try {
      await api.districts.replace({ body: { items: next } });
      report('success', done);
      setDraft(empty);
      list.reload();
    } catch (error) {
      const issues = (error as { issues?: { path: string; message: string }[] }).issues ?? [];
      const fields: Record<string, string> = {};
      for (const i of issues) fields[i.path.split('.').at(-1) ?? ''] = i.message;
      setErrors(fields);
      // The server names the districts still in use (409); show that rather than a generic text.
      report('error', isApiError(error) ? detailedText(t, error) : errorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const before = items.find((d) => d.key === draft.editing);
    const district = districtOf(draft, before);
    const next = before ? items.map((d) => (d.key === before.key ? district : d)) : [...items, district];
    void save(next, t('districts.saved', { name: district.name }));
  };

  const remove = (d: District) =>
    void save(
      items.filter((x) => x.key !== d.key),
      t('districts.removed', { name: d.name }),
    );

  const field = bind(errors);

  return (
    <Page
      title={t('districts.title')}
      intro={<p>{t('districts.intro')}</p>}
      actions={
        <Button variant="secondary" onPress={() => setImporting(true)}>
          {t('districts.import')}
        </Button>
      }
    >
      {importing ? (
        <ImportDialog
          importer={api.districts.import}
          title={t('districts.importTitle')}
          isOpen={importing}
          onOpenChange={setImporting}
          onImported={(count) => {
            report('success', t('districts.imported', { count }));
            list.reload();
          }}
        />
      ) : null}
      <StatusAlert status={status} />
      {list.error ? <Alert tone="error">{errorText(t, list.error)}</Alert> : null}
      {list.loading && !list.data ? <Loading label={t('common.loading')} /> : null}
      <Section id="liste" title={t('districts.listTitle', { count: items.length })}>
        <TableRegion
          caption={t('districts.caption')}
          className="table table--compact"
          columns={textColumns(t, 'districts', ['name', 'key', 'ags', 'map', 'actions'])}
        >
          {items.map((d) => (
            <tr key={d.key}>
              <th scope="row">{d.name}</th>
              <td>{d.key}</td>
              <td>{d.ags ?? '–'}</td>
              <td>
                {[d.centre ? t('districts.hasCentre') : null, d.boundary ? t('districts.hasBoundary') : null]
                  .filter(Boolean)
                  .join(', ') || '–'}
              </td>
              <td className="actions">
                <div className="button-group">
                  <Button variant="secondary" size="sm" onPress={() => setDraft(draftOf(d))}>
                    {t('districts.edit', { name: d.name })}
                  </Button>
                  <Button variant="secondary" size="sm" isPending={busy} onPress={() => remove(d)}>
                    {t('districts.remove', { name: d.name })}
                  </Button>
                </div>
              </td>
            </tr>
          ))}
        </TableRegion>
      </Section>
      <Section
        id="bearbeiten"
        title={draft.editing ? t('districts.editTitle', { name: draft.name }) : t('districts.addTitle')}
      >
        <Form onSubmit={submit} className="form" validationBehavior="aria">
          <TextField label={t('districts.name')} {...field.text('name')} isRequired />
          <TextField
            label={t('districts.key')}
            description={t('districts.keyHelp')}
            {...field.text('key')}
            isRequired
          />
          <TextField label={t('districts.ags')} description={t('districts.agsHelp')} {...field.text('ags')} />
          <TextField label={t('districts.lat')} {...field.text('lat')} errorMessage={errors.centre} />
          <TextField label={t('districts.lon')} {...field.text('lon')} />
          <div className="form__actions">
            <Button type="submit" isPending={busy}>
              {draft.editing ? t('common.save') : t('districts.add')}
            </Button>
            {draft.editing ? (
              <Button variant="secondary" onPress={() => setDraft(empty)}>
                {t('common.cancel')}
              </Button>
            ) : null}
          </div>
        </Form>
      </Section>
    </Page>
  );
}
