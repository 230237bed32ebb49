import type { OfferView } from '@lotse/domain';
import type { offerRoutes } from '@lotse/domain/routes';
import type { RouteInput } from '@lotse/domain/src/api/route.ts';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../app/client.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { useDimensions } from '../../app/useDimensions.ts';
import { useListParams } from '../../app/useListParams.ts';
import { CheckboxGroupField } from '../../ui/CheckboxGroupField.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { DirectoryPage } from './DirectoryActions.tsx';
import { DirectoryTable, EntryLink } from './DirectoryTable.tsx';
import { DistrictMap } from './DistrictMap.tsx';
import { DistrictFilter, FilterSelect, ListToolbar } from './ListFilters.tsx';
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

/** The scopes of the directory with their texts. */
const scopes = {
  all: 'network.offers.scopeAll',
  own: 'network.offers.scopeOwn',
  shared: 'network.offers.scopeShared',
} as const;

/** Traits an offer may be filtered by: each is a yes/no filter of the API and a text of the list. */
const traitKeys = ['stepFree', 'easyLanguage', 'available'] as const;

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
  const list = useListParams(FILTERS);
  const { get, page, update } = list;
  const dims = useDimensions();
  const navigate = useNavigate();
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
      ...Object.fromEntries(traitKeys.map((k) => [k, traits.includes(k) ? 'true' : undefined])),
    } as RouteInput<typeof offerRoutes.list>['query'],
  });

  return (
    <DirectoryPage
      kind="offers"
      CreateDialog={OfferFormDialog}
      onCreated={(o) => navigate(`/angebote/${o.id}`, { state: { created: true } })}
      onImported={() => offers.reload()}
    >
      <ListToolbar
        label={t('network.offers.filters')}
        list={list}
        description={t('network.offers.queryHelp')}
      >
        <div className="network-filters__grid">
          <FilterSelect
            label={t('network.offers.dimension')}
            options={dims.options}
            filter="bereich"
            list={list}
          />
          <DistrictFilter districts={districts.items} list={list} />
          <FilterSelect
            label={t('network.offers.targetGroup')}
            options={targetGroups.map((g) => ({ id: g, label: t(`network.targetGroup.${g}`) }))}
            filter="zielgruppe"
            list={list}
          />
          <FilterSelect
            label={t('network.offers.language')}
            options={Object.keys(offerLanguages).map((c) => ({ id: c, label: languageName(c) }))}
            filter="sprache"
            list={list}
          />
          <SelectField
            label={t('network.offers.scope')}
            options={Object.entries(scopes).map(([id, key]) => ({ id, label: t(key) }))}
            selectedKey={scope}
            onSelectionChange={(k) =>
              update({ verzeichnis: k === 'own' ? 'eigene' : k === 'shared' ? 'gemeinsame' : '' })
            }
          />
          <CheckboxGroupField
            label={t('network.offers.options')}
            options={traitKeys.map((value) => ({ value, label: t(`network.offers.${value}`) }))}
            value={traits}
            onChange={(v) => update({ merkmale: v.join(',') })}
          />
        </div>
      </ListToolbar>
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
      {view === 'map' && offers.data ? (
        <DistrictMap offers={offers.data.items} districts={districts.items} />
      ) : null}
      <DirectoryTable
        list={offers}
        texts="network.offers"
        columns={[
          'network.offers.titleCol',
          'network.offers.partner',
          'network.offers.district',
          'network.offer.dimensions',
          'network.offers.places',
        ]}
        onPage={(next) => update({ seite: next })}
        head={(o) => (
          <EntryLink
            to={`/angebote/${o.id}`}
            name={o.title}
            sharedBy={o.own ? null : t('network.offers.shared')}
          />
        )}
      >
        {(o) => (
          <>
            <td>{o.partner.name}</td>
            <td>{o.districtName}</td>
            <td>{o.dimensions.map(dims.labelOf).join(', ')}</td>
            <td className="cell--nowrap">
              <PlacesText offer={o} />
            </td>
          </>
        )}
      </DirectoryTable>
    </DirectoryPage>
  );
}
