import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../app/auth.tsx';
import { api } from '../../app/client.ts';
import { formatDate } from '../../app/dates.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { localeOf } from '../../i18n/index.ts';
import { Button } from '../../ui/Button.tsx';
import { textColumns } from '../../ui/columns.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { Page } from '../../ui/Page.tsx';
import { TableRegion } from '../../ui/TableRegion.tsx';
import { ProgrammeFormDialog } from './ProgrammeFormDialog.tsx';
import './programmes.css';

/** Programmes the own agency takes part in. */
export function ProgrammesPage() {
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const programmes = useEndpoint(api.programmes.list, { query: { pageSize: 200 } });
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const canCreate = useCan('programmes.manage');

  return (
    <Page title={t('programmes.list.title')} intro={<p>{t('programmes.list.intro')}</p>}>
      {canCreate ? (
        <div className="programme-toolbar">
          <Button onPress={() => setCreating(true)}>{t('programmes.form.createTitle')}</Button>
        </div>
      ) : null}
      {creating ? (
        <ProgrammeFormDialog
          onClose={() => setCreating(false)}
          onSaved={(saved) => navigate(`/programme/${saved.id}`, { state: { created: true } })}
        />
      ) : null}
      <Loaded query={programmes}>
        {(data) => (
          <>
            <TableRegion
              caption={t('programmes.list.caption', { count: data.total })}
              columns={textColumns(t, 'programmes.list', ['name', 'funding', 'runtime', 'role', 'agencies'])}
            >
              {data.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/programme/${p.id}`}>{p.name}</Link>
                  </th>
                  <td>{t(`programmes.fundingSource.${p.fundingSource}`)}</td>
                  <td className="cell--nowrap">
                    {formatDate(p.startsOn, locale)} – {formatDate(p.endsOn, locale)}
                  </td>
                  <td>{t(`programmes.role.${p.myRole}`)}</td>
                  <td>{p.agencies.map((a) => a.agency.name).join(', ')}</td>
                </tr>
              ))}
            </TableRegion>
            {data.items.length === 0 ? <p>{t('programmes.list.empty')}</p> : null}
          </>
        )}
      </Loaded>
    </Page>
  );
}
