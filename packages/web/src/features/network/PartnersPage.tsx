import type { partnerRoutes } from '@lotse/domain/routes';
import type { RouteInput } from '@lotse/domain/src/api/route.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useCan } from '../../app/auth.tsx';
import { api } from '../../app/client.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { useListParams } from '../../app/useListParams.ts';
import { Alert } from '../../ui/Alert.tsx';
import { NotFoundPage } from '../../ui/ErrorPages.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { Loading, Page, Section } from '../../ui/Page.tsx';
import { DirectoryPage, EntryActions } from './DirectoryActions.tsx';
import { DirectoryTable, EntryLink } from './DirectoryTable.tsx';
import { DistrictFilter, FilterSelect, ListToolbar } from './ListFilters.tsx';
import { partnerKinds, useDistricts } from './network.ts';
import { PlacesText } from './OffersPage.tsx';
import './network.css';
import { PartnerFormDialog } from './PartnerFormDialog.tsx';

/** Network partners of the agency and those behind offers of the shared directory. */
export function PartnersPage() {
  const { t } = useTranslation();
  const districts = useDistricts();
  const list = useListParams(['suche', 'art', 'sozialraum'] as const);
  const { get, page, update } = list;
  const query = get('suche');
  const kind = get('art');
  const district = get('sozialraum');
  const navigate = useNavigate();
  const partners = useEndpoint(api.partners.list, {
    // The filters come from the address as typed; the server answers an unknown code with a field issue.
    query: { page, pageSize: 50, query, kind, district } as RouteInput<typeof partnerRoutes.list>['query'],
  });
  return (
    <DirectoryPage
      kind="partners"
      CreateDialog={PartnerFormDialog}
      onCreated={(p) => navigate(`/netzwerk/partner/${p.id}`)}
      onImported={() => partners.reload()}
    >
      <ListToolbar label={t('network.partners.title')} list={list}>
        <div className="network-filters__grid">
          <FilterSelect
            label={t('network.partners.kind')}
            options={partnerKinds.map((k) => ({ id: k, label: t(`network.partnerKind.${k}`) }))}
            filter="art"
            list={list}
          />
          <DistrictFilter districts={districts.items} list={list} />
        </div>
      </ListToolbar>
      <DirectoryTable
        list={partners}
        texts="network.partners"
        columns={[
          'network.partners.name',
          'network.partners.kind',
          'network.partners.districts',
          'network.partners.offerCount',
        ]}
        onPage={(next) => update({ seite: next })}
        head={(p) => (
          <EntryLink to={`/netzwerk/partner/${p.id}`} name={p.name} sharedBy={p.own ? null : p.agency.name} />
        )}
      >
        {(p) => (
          <>
            <td>{t(`network.partnerKind.${p.kind}`)}</td>
            <td>{p.districts.map(districts.name).join(', ')}</td>
            <td>{p.offerCount}</td>
          </>
        )}
      </DirectoryTable>
    </DirectoryPage>
  );
}

/** One partner: contact persons, inclusion profile (employers) and its offers. */
export function PartnerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const districts = useDistricts();
  const partner = useEndpoint(api.partners.read, id ? { params: { id } } : null);
  const canWrite = useCan('network.write');
  const [saved, setSaved] = useState(false);
  const offers = useEndpoint(api.offers.list, id ? { query: { partnerId: id, pageSize: 200 } } : null);
  if (partner.error && (partner.error as { status?: number }).status === 404) return <NotFoundPage />;
  const p = partner.data;
  const yesNo = (v: boolean) => (v ? t('network.yes') : t('network.no'));
  return (
    <Page
      title={p?.name ?? t('network.partners.title')}
      intro={p ? <p>{t(`network.partnerKind.${p.kind}`)}</p> : null}
      actions={
        <EntryActions
          back="/netzwerk/partner"
          backLabel={t('network.partners.back')}
          editor={
            p?.own && canWrite
              ? (dialog) => (
                  <PartnerFormDialog
                    partner={p}
                    {...dialog}
                    onSaved={() => {
                      setSaved(true);
                      partner.reload();
                    }}
                  />
                )
              : undefined
          }
        />
      }
    >
      {saved ? <Alert tone="success">{t('network.form.saved')}</Alert> : null}
      <Loaded query={partner}>
        {(p) => (
          <>
            <Section id="partner-details" title={t('network.offer.details')}>
              <dl className="details-list">
                <dt>{t('network.offer.address')}</dt>
                <dd>
                  {[p.street, [p.postalCode, p.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') ||
                    t('network.unknown')}
                </dd>
                <dt>{t('network.partners.districts')}</dt>
                <dd>{p.districts.map(districts.name).join(', ') || t('network.unknown')}</dd>
                {p.website ? (
                  <>
                    <dt>{t('network.partners.website')}</dt>
                    <dd>
                      <a href={p.website} rel="noreferrer noopener">
                        {p.website}
                      </a>
                    </dd>
                  </>
                ) : null}
                <dt>{t('network.partners.contacts')}</dt>
                <dd>
                  {p.contactPersons.length ? (
                    <ul className="plain-list">
                      {p.contactPersons.map((c, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: contact persons have no id and never reorder here
                        <li key={i}>
                          {c.name}
                          {c.role ? `, ${c.role}` : ''}
                          {c.phone ? `, ${c.phone}` : ''}
                          {c.email ? `, ${c.email}` : ''}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    t('network.unknown')
                  )}
                </dd>
                {p.inclusion ? (
                  <>
                    <dt>{t('network.partners.inclusion')}</dt>
                    <dd>
                      {t('network.partners.jobsForPeopleWithDisabilities')}:{' '}
                      {yesNo(p.inclusion.jobsForPeopleWithDisabilities)}
                      <br />
                      {t('network.partners.accessibleWorkplace')}: {yesNo(p.inclusion.accessibleWorkplace)}
                      <br />
                      {t('network.partners.partTimePossible')}: {yesNo(p.inclusion.partTimePossible)}
                    </dd>
                  </>
                ) : null}
                {p.notes ? (
                  <>
                    <dt>{t('network.partners.notes')}</dt>
                    <dd className="prewrap">{p.notes}</dd>
                  </>
                ) : null}
              </dl>
            </Section>
            <Section id="partner-offers" title={t('network.partners.offersOf')}>
              {offers.data?.items.length ? (
                <ul className="plain-list">
                  {offers.data.items.map((o) => (
                    <li key={o.id}>
                      <Link to={`/angebote/${o.id}`}>{o.title}</Link> – {o.districtName} –{' '}
                      <PlacesText offer={o} />
                    </li>
                  ))}
                </ul>
              ) : offers.loading ? (
                <Loading label={t('common.loading')} />
              ) : (
                <p>{t('network.offers.empty')}</p>
              )}
            </Section>
          </>
        )}
      </Loaded>
    </Page>
  );
}
