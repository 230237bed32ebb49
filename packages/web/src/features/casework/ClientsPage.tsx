import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Link } from 'react-router';
import { useCan } from '../../app/auth.tsx';
import { api } from '../../app/client.ts';
import { formatDate } from '../../app/dates.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useListParams } from '../../app/useListParams.ts';
import { Button } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';
import { PagedTable } from '../../ui/PagedTable.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { columnsOf } from './casework.ts';

const PAGE_SIZE = 50;
/** The list's columns, by their headings' keys. */
const COLUMNS = [
  'casework.client.name',
  'casework.client.clientNumber',
  'casework.client.birthDate',
  'casework.client.district',
  'casework.case.status',
  'casework.case.guide',
] as const;

/** Clients of the agency and cases shared with it: typo-tolerant search, own cases, paging. */
export function ClientsPage() {
  const { t, locale } = useLanguage();
  const { get, page, update, searchBy } = useListParams(['suche', 'auswahl'] as const);
  const query = get('suche');
  const canWrite = useCan('clients.write');
  const scope = get('auswahl') === 'meine' && canWrite ? 'mine' : 'all';
  const [draft, setDraft] = useState(query);
  const clients = useEndpoint(api.clients.list, { query: { page, pageSize: PAGE_SIZE, query, scope } });

  const onSearch = searchBy('suche', draft);

  return (
    <Page
      title={t('casework.clients.title')}
      intro={<p>{t('casework.clients.intro')}</p>}
      actions={
        canWrite ? (
          <>
            <Link className="btn btn--primary" to="/klienten/neu">
              {t('casework.clients.new')}
            </Link>
            <Link className="btn btn--secondary" to="/klienten/import">
              {t('casework.import.open')}
            </Link>
          </>
        ) : null
      }
    >
      <search className="toolbar" aria-label={t('casework.clients.searchRegion')}>
        <Form onSubmit={onSearch} className="toolbar__form">
          <TextField
            label={t('casework.clients.search')}
            description={t('casework.clients.searchHelp')}
            type="search"
            value={draft}
            onChange={setDraft}
          />
          <Button type="submit">{t('casework.clients.searchButton')}</Button>
        </Form>
        {canWrite ? (
          <SelectField
            label={t('casework.clients.scope')}
            options={[
              { id: 'all', label: t('casework.clients.scopeAll') },
              { id: 'mine', label: t('casework.clients.scopeMine') },
            ]}
            selectedKey={scope}
            onSelectionChange={(key) => update({ auswahl: key === 'mine' ? 'meine' : '' })}
          />
        ) : null}
      </search>
      <PagedTable
        list={clients}
        caption={(count) =>
          query
            ? t('casework.clients.captionSearch', { count, query })
            : t('casework.clients.caption', { count })
        }
        columns={columnsOf(t, COLUMNS)}
        empty={t('casework.clients.empty')}
        onPage={(next) => update({ seite: next })}
      >
        {(c) => (
          <tr key={c.id}>
            <th scope="row">
              <Link to={`/klienten/${c.id}`}>
                {c.lastName}, {c.firstName}
              </Link>
              {c.shared ? (
                <span className="badge badge--neutral"> {t('casework.clients.shared')}</span>
              ) : null}
            </th>
            <td className="cell--nowrap">{c.clientNumber}</td>
            <td className="cell--nowrap">{formatDate(c.birthDate, locale)}</td>
            <td>{c.district ?? ''}</td>
            <td>{c.caseStatus ? t(`casework.caseStatus.${c.caseStatus}`) : ''}</td>
            <td>{c.guide?.displayName ?? ''}</td>
          </tr>
        )}
      </PagedTable>
    </Page>
  );
}
