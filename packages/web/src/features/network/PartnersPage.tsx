import { partnerEndpoints } from '@lotse/domain/endpoints';
import type { partnerRoutes } from '@lotse/domain/routes';
import type { RouteInput } from '@lotse/domain/src/api/route.ts';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useCan } from '../../app/auth.tsx';
import { api } from '../../app/client.ts';
import { errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { useListParams } from '../../app/useListParams.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { NotFoundPage } from '../../ui/ErrorPages.tsx';
import { Loading, Page, Section } from '../../ui/Page.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TableRegion } from '../../ui/TableRegion.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { partnerKinds, useDistricts } from './network.ts';
import { ExportImportActions, PlacesText } from './OffersPage.tsx';
import './network.css';
import { PartnerFormDialog } from './PartnerFormDialog.tsx';

/** Network partners of the agency and those behind offers of the shared directory. */
export function PartnersPage() {
  const { t } = useTranslation();
  const districts = useDistricts();
  const { get, page, update, searchBy } = useListParams(['suche', 'art', 'sozialraum'] as const);
  const query = get('suche');
  const kind = get('art');
  const district = get('sozialraum');
  const [draft, setDraft] = useState(query);
  const canImport = useCan('network.import');
  const canWrite = useCan('network.write');
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const [imported, setImported] = useState<string>();
  const partners = useEndpoint(api.partners.list, {
    // The filters come from the address as typed; the server answers an unknown code with a field issue.
    query: { page, pageSize: 50, query, kind, district } as RouteInput<typeof partnerRoutes.list>['query'],
  });
  const onSearch = searchBy('suche', draft);
  const all = { id: 'all', label: t('network.any') };

  return (
    <Page
      title={t('network.partners.title')}
      intro={<p>{t('network.partners.intro')}</p>}
      actions={
        <>
          {canWrite ? <Button onPress={() => setCreating(true)}>{t('network.partners.new')}</Button> : null}
          <ExportImportActions kind="partners" canImport={canImport} onImport={() => setImporting(true)} />
        </>
      }
    >
      {canWrite ? (
        <PartnerFormDialog
          isOpen={creating}
          onOpenChange={setCreating}
          onSaved={(p) => navigate(`/netzwerk/partner/${p.id}`)}
        />
      ) : null}
      {imported ? <Alert tone="success">{imported}</Alert> : null}
      {canImport ? (
        <ImportDialog
          endpoint={partnerEndpoints.import.path}
          title={t('network.import.partnersTitle')}
          isOpen={importing}
          onOpenChange={setImporting}
          onImported={(count) => {
            setImported(t('network.import.done', { count }));
            partners.reload();
          }}
        />
      ) : null}
      <search className="toolbar network-filters" aria-label={t('network.partners.title')}>
        <Form onSubmit={onSearch} className="toolbar__form">
          <TextField label={t('network.offers.query')} type="search" value={draft} onChange={setDraft} />
          <Button type="submit">{t('network.offers.search')}</Button>
        </Form>
        <div className="network-filters__grid">
          <SelectField
            label={t('network.partners.kind')}
            options={[all, ...partnerKinds.map((k) => ({ id: k, label: t(`network.partnerKind.${k}`) }))]}
            selectedKey={kind || 'all'}
            onSelectionChange={(k) => update({ art: k === 'all' ? '' : (k ?? '') })}
          />
          <SelectField
            label={t('network.offers.district')}
            options={[all, ...districts.items.map((d) => ({ id: d.key, label: d.name }))]}
            selectedKey={district || 'all'}
            onSelectionChange={(k) => update({ sozialraum: k === 'all' ? '' : (k ?? '') })}
          />
        </div>
      </search>
      {partners.error ? <Alert tone="error">{errorText(t, partners.error)}</Alert> : null}
      {partners.loading && !partners.data ? <Loading label={t('common.loading')} /> : null}
      {partners.data ? (
        <>
          <TableRegion
            caption={t('network.partners.caption', { count: partners.data.total })}
            columns={[
              { label: t('network.partners.name') },
              { label: t('network.partners.kind') },
              { label: t('network.partners.districts') },
              { label: t('network.partners.offerCount') },
            ]}
          >
            {partners.data.items.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={`/netzwerk/partner/${p.id}`}>{p.name}</Link>
                  {p.own ? null : <span className="badge badge--neutral"> {p.agency.name}</span>}
                </th>
                <td>{t(`network.partnerKind.${p.kind}`)}</td>
                <td>{p.districts.map(districts.name).join(', ')}</td>
                <td>{p.offerCount}</td>
              </tr>
            ))}
          </TableRegion>
          {partners.data.items.length === 0 ? <p>{t('network.partners.empty')}</p> : null}
          <Pagination
            page={partners.data.page}
            pageSize={partners.data.pageSize}
            total={partners.data.total}
            onChange={(next) => update({ seite: next })}
          />
        </>
      ) : null}
    </Page>
  );
}

/** One partner: contact persons, inclusion profile (employers) and its offers. */
export function PartnerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const districts = useDistricts();
  const partner = useEndpoint(api.partners.read, id ? { params: { id } } : null);
  const canWrite = useCan('network.write');
  const [editing, setEditing] = useState(false);
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
        <>
          <Link className="btn btn--secondary" to="/netzwerk/partner">
            {t('network.partners.back')}
          </Link>
          {p?.own && canWrite ? (
            <Button variant="secondary" onPress={() => setEditing(true)}>
              {t('network.form.edit')}
            </Button>
          ) : null}
        </>
      }
    >
      {saved ? <Alert tone="success">{t('network.form.saved')}</Alert> : null}
      {p?.own && canWrite && editing ? (
        <PartnerFormDialog
          partner={p}
          isOpen={editing}
          onOpenChange={setEditing}
          onSaved={() => {
            setSaved(true);
            partner.reload();
          }}
        />
      ) : null}
      {partner.error ? <Alert tone="error">{errorText(t, partner.error)}</Alert> : null}
      {partner.loading && !p ? <Loading label={t('common.loading')} /> : null}
      {p ? (
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
      ) : null}
    </Page>
  );
}
