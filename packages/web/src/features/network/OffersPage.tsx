import type { OfferView } from '@lotse/domain';
import { offerEndpoints, partnerEndpoints } from '@lotse/domain/endpoints';
import type { offerRoutes } from '@lotse/domain/routes';
import type { RouteInput } from '@lotse/domain/src/api/route.ts';
import { useState } from 'react';
import { Form, ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../app/auth.tsx';
import { api } from '../../app/client.ts';
import { errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { useDimensions } from '../../app/useDimensions.ts';
import { useListParams } from '../../app/useListParams.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { CheckboxGroupField } from '../../ui/CheckboxGroupField.tsx';
import { Loading, Page } from '../../ui/Page.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TableRegion } from '../../ui/TableRegion.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { DistrictMap } from './DistrictMap.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { offerLanguages, targetGroups, useDistricts, useLanguageName } from './network.ts';
import { OfferFormDialog } from './OfferFormDialog.tsx';
import './network.css';

const PAGE_SIZE = 50;
const FILTERS = [
  'suche',
  'bereich',
  'sozialraum',
  'zielgruppe',
  'sprache',
  'verzeichnis',
  'merkmale',
  'ansicht',
] as const;

/** Places as text: "3 von 12", "belegt", "ohne Begrenzung". */
/** Places of an offer in words ("9 von 11 Plätzen frei"), so the numbers say what they count. */
export function PlacesText({ offer }: { offer: Pick<OfferView, 'freePlaces' | 'capacity'> }) {
  const { t } = useTranslation();
  if (offer.freePlaces === null) return <>{t('network.offers.placesUnlimited')}</>;
  if (offer.freePlaces === 0)
    return (
      <span className="badge badge--warning">
        {offer.capacity === null
          ? t('network.offers.full')
          : t('network.offers.fullOf', { capacity: offer.capacity })}
      </span>
    );
  return (
    <>
      {offer.capacity === null
        ? t('network.offers.placesFree', { count: offer.freePlaces })
        : t('network.offers.placesOf', { free: offer.freePlaces, capacity: offer.capacity })}
    </>
  );
}

/** The offer directory: own and shared offers with filters, as a list or on the district map. */
export function OffersPage() {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const districts = useDistricts();
  const { get, page, update, searchBy } = useListParams(FILTERS);
  const [draft, setDraft] = useState(get('suche'));
  const dims = useDimensions();
  const canImport = useCan('network.import');
  const canWrite = useCan('network.write');
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const [imported, setImported] = useState<string>();
  const traits = get('merkmale') ? get('merkmale').split(',') : [];
  const scope =
    ({ eigene: 'own', gemeinsame: 'shared' } as Record<string, string>)[get('verzeichnis')] ?? 'all';
  const view = get('ansicht') === 'karte' ? 'map' : 'list';
  const offers = useEndpoint(api.offers.list, {
    // The filters come from the address as typed; the server answers an unknown code with a field issue.
    query: {
      page,
      pageSize: view === 'map' ? 200 : PAGE_SIZE,
      query: get('suche'),
      dimension: get('bereich'),
      district: get('sozialraum'),
      targetGroup: get('zielgruppe'),
      language: get('sprache'),
      scope,
      stepFree: traits.includes('stepFree') ? 'true' : undefined,
      easyLanguage: traits.includes('easyLanguage') ? 'true' : undefined,
      available: traits.includes('available') ? 'true' : undefined,
    } as RouteInput<typeof offerRoutes.list>['query'],
  });

  const all = { id: 'all', label: t('network.any') };
  const onSearch = searchBy('suche', draft);

  return (
    <Page
      title={t('network.offers.title')}
      intro={<p>{t('network.offers.intro')}</p>}
      actions={
        <>
          {canWrite ? <Button onPress={() => setCreating(true)}>{t('network.offers.new')}</Button> : null}
          <ExportImportActions kind="offers" canImport={canImport} onImport={() => setImporting(true)} />
        </>
      }
    >
      {canWrite ? (
        <OfferFormDialog
          isOpen={creating}
          onOpenChange={setCreating}
          onSaved={(o) => navigate(`/angebote/${o.id}`, { state: { created: true } })}
        />
      ) : null}
      {imported ? <Alert tone="success">{imported}</Alert> : null}
      {canImport ? (
        <ImportDialog
          endpoint={offerEndpoints.import.path}
          title={t('network.import.offersTitle')}
          isOpen={importing}
          onOpenChange={setImporting}
          onImported={(count) => {
            setImported(t('network.import.done', { count }));
            offers.reload();
          }}
        />
      ) : null}
      <search className="toolbar network-filters" aria-label={t('network.offers.filters')}>
        <Form onSubmit={onSearch} className="toolbar__form">
          <TextField
            label={t('network.offers.query')}
            description={t('network.offers.queryHelp')}
            type="search"
            value={draft}
            onChange={setDraft}
          />
          <Button type="submit">{t('network.offers.search')}</Button>
        </Form>
        <div className="network-filters__grid">
          <SelectField
            label={t('network.offers.dimension')}
            options={[all, ...dims.options]}
            selectedKey={get('bereich') || 'all'}
            onSelectionChange={(k) => update({ bereich: k === 'all' ? '' : (k ?? '') })}
          />
          <SelectField
            label={t('network.offers.district')}
            options={[all, ...districts.items.map((d) => ({ id: d.key, label: d.name }))]}
            selectedKey={get('sozialraum') || 'all'}
            onSelectionChange={(k) => update({ sozialraum: k === 'all' ? '' : (k ?? '') })}
          />
          <SelectField
            label={t('network.offers.targetGroup')}
            options={[all, ...targetGroups.map((g) => ({ id: g, label: t(`network.targetGroup.${g}`) }))]}
            selectedKey={get('zielgruppe') || 'all'}
            onSelectionChange={(k) => update({ zielgruppe: k === 'all' ? '' : (k ?? '') })}
          />
          <SelectField
            label={t('network.offers.language')}
            options={[all, ...Object.keys(offerLanguages).map((c) => ({ id: c, label: languageName(c) }))]}
            selectedKey={get('sprache') || 'all'}
            onSelectionChange={(k) => update({ sprache: k === 'all' ? '' : (k ?? '') })}
          />
          <SelectField
            label={t('network.offers.scope')}
            options={[
              { id: 'all', label: t('network.offers.scopeAll') },
              { id: 'own', label: t('network.offers.scopeOwn') },
              { id: 'shared', label: t('network.offers.scopeShared') },
            ]}
            selectedKey={scope}
            onSelectionChange={(k) =>
              update({ verzeichnis: k === 'own' ? 'eigene' : k === 'shared' ? 'gemeinsame' : '' })
            }
          />
          <CheckboxGroupField
            label={t('network.offers.options')}
            options={[
              { value: 'stepFree', label: t('network.offers.stepFree') },
              { value: 'easyLanguage', label: t('network.offers.easyLanguage') },
              { value: 'available', label: t('network.offers.available') },
            ]}
            value={traits}
            onChange={(v) => update({ merkmale: v.join(',') })}
          />
        </div>
      </search>
      <ToggleButtonGroup
        className="view-switch"
        aria-label={t('network.offers.view')}
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[view]}
        onSelectionChange={(keys) => update({ ansicht: [...keys][0] === 'map' ? 'karte' : '', seite: 1 })}
      >
        <ToggleButton id="list" className="view-switch__option">
          {t('network.offers.list')}
        </ToggleButton>
        <ToggleButton id="map" className="view-switch__option">
          {t('network.offers.map')}
        </ToggleButton>
      </ToggleButtonGroup>
      {offers.error ? <Alert tone="error">{errorText(t, offers.error)}</Alert> : null}
      {offers.loading && !offers.data ? <Loading label={t('common.loading')} /> : null}
      {offers.data ? (
        <>
          {view === 'map' ? <DistrictMap offers={offers.data.items} districts={districts.items} /> : null}
          <TableRegion
            caption={t('network.offers.caption', { count: offers.data.total })}
            columns={[
              { label: t('network.offers.titleCol') },
              { label: t('network.offers.partner') },
              { label: t('network.offers.district') },
              { label: t('network.offer.dimensions') },
              { label: t('network.offers.places') },
            ]}
          >
            {offers.data.items.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <Link to={`/angebote/${o.id}`}>{o.title}</Link>
                  {o.own ? null : <span className="badge badge--neutral"> {t('network.offers.shared')}</span>}
                </th>
                <td>{o.partner.name}</td>
                <td>{o.districtName}</td>
                <td>{o.dimensions.map(dims.labelOf).join(', ')}</td>
                <td className="cell--nowrap">
                  <PlacesText offer={o} />
                </td>
              </tr>
            ))}
          </TableRegion>
          {offers.data.items.length === 0 ? <p>{t('network.offers.empty')}</p> : null}
          <Pagination
            page={offers.data.page}
            pageSize={offers.data.pageSize}
            total={offers.data.total}
            onChange={(next) => update({ seite: next })}
          />
        </>
      ) : null}
    </Page>
  );
}

const exportPath = { offers: offerEndpoints.export.path, partners: partnerEndpoints.export.path };

/** Export links (the import format) and, for leads and coordinators, the import. */
export function ExportImportActions({
  kind,
  canImport,
  onImport,
}: {
  kind: 'offers' | 'partners';
  canImport: boolean;
  onImport: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <a className="btn btn--secondary" href={`${exportPath[kind]}?format=csv`} download>
        {t('network.import.exportCsv')}
      </a>
      <a className="btn btn--secondary" href={`${exportPath[kind]}?format=xlsx`} download>
        {t('network.import.exportXlsx')}
      </a>
      {canImport ? (
        <Button variant="secondary" onPress={onImport}>
          {t('network.import.title')}
        </Button>
      ) : null}
    </>
  );
}
