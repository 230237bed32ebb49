import type { InstrumentView } from '@lotse/domain';
import { instrumentEndpoints } from '@lotse/domain/endpoints';
import { fillPath } from '@lotse/domain/src/api/route.ts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../app/client.ts';
import { errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading, Page, Section } from '../../ui/Page.tsx';
import { TableRegion } from '../../ui/TableRegion.tsx';
import { BlankFormLinks, blankFormHref, currentVersions } from './BlankForms.tsx';
import { tr } from './text.ts';

/** Admins: every version (system and own), copy to draft, publish, FHIR export and import, blank forms. */
export function InstrumentsPage() {
  const { t, lang } = useLanguage();
  const navigate = useNavigate();
  const list = useEndpoint(api.instruments.list, { query: { status: 'all' } });
  const [notice, setNotice] = useState<string>();
  const [unmapped, setUnmapped] = useState<string[]>([]);
  /** The imported draft, when some of its items must be edited before it can be published. */
  const [toEdit, setToEdit] = useState<string>();
  const [error, setError] = useState<unknown>();
  const fileId = useId();

  const run = async (action: () => Promise<void>) => {
    setError(undefined);
    setNotice(undefined);
    try {
      await action();
    } catch (e) {
      setError(e);
    }
  };
  const copy = (id: string) =>
    run(async () => {
      const draft = await api.instruments.copyToDraft({ params: { id } });
      navigate(`/verwaltung/erhebungsboegen/${draft.id}`);
    });
  const publish = (id: string) =>
    run(async () => {
      await api.instruments.publish({ params: { id } });
      setNotice(t('instruments.published_ok'));
      list.reload();
    });
  const importFile = (file: File | undefined) =>
    run(async () => {
      if (!file) return;
      // Any JSON: the server says what is not a FHIR Questionnaire.
      const body = JSON.parse(await file.text()) as { resourceType?: 'Questionnaire' };
      const result = await api.instruments.importFhir({ body });
      setUnmapped(result.unmapped);
      setToEdit(result.itemsToEdit.length ? result.instrument.id : undefined);
      setNotice(t('instruments.imported'));
      list.reload();
    });

  return (
    <Page title={t('instruments.title')} intro={<p>{t('instruments.intro')}</p>}>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {unmapped.length ? (
        <Alert tone="info" title={t('instruments.unmapped')}>
          <ul>
            {unmapped.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
          {toEdit ? (
            <Link className="btn btn--secondary" to={`/verwaltung/erhebungsboegen/${toEdit}`}>
              {t('instruments.editImported')}
            </Link>
          ) : null}
        </Alert>
      ) : null}
      {error ? <Alert tone="error">{errorText(t, error)}</Alert> : null}
      {list.loading && !list.data ? <Loading label={t('common.loading')} /> : null}
      <Section id="versionen" title={t('instruments.title')}>
        <TableRegion
          caption={t('instruments.title')}
          captionHidden
          labelTable
          columns={[
            { label: t('instruments.instrumentTitle') },
            { label: t('instruments.version') },
            { label: t('instruments.status') },
            { label: t('instruments.edit'), hidden: true },
          ]}
        >
          {(list.data?.items ?? []).map((i) => (
            <tr key={i.id}>
              <th scope="row">
                {tr(i.title, lang)} <code>{i.key}</code>
              </th>
              <td>{i.version}</td>
              <td>
                {t(`instruments.${i.status}`)}
                {i.shared ? ` (${t('instruments.shared')})` : ''}
              </td>
              <td>
                <InstrumentActions
                  instrument={i}
                  lang={lang}
                  onPublish={() => void publish(i.id)}
                  onCopy={() => void copy(i.id)}
                />
              </td>
            </tr>
          ))}
        </TableRegion>
      </Section>
      <Section
        id="leere-boegen"
        title={t('instruments.blankForms.title')}
        description={<p>{t('instruments.blankForms.intro')}</p>}
      >
        {currentVersions(list.data?.items ?? []).map((i) => (
          <BlankFormLinks key={i.id} instrument={i} />
        ))}
      </Section>
      <Section id="import" title={t('instruments.import')}>
        <label htmlFor={fileId} className="field__label">
          {t('instruments.importFile')}
        </label>
        <input
          id={fileId}
          type="file"
          accept="application/json,application/fhir+json,.json"
          onChange={(e) => void importFile(e.target.files?.[0])}
        />
      </Section>
    </Page>
  );
}

/** What can be done with one version: a draft is edited or published, a published one copied to a draft. */
function InstrumentActions({
  instrument: i,
  lang,
  onPublish,
  onCopy,
}: {
  instrument: InstrumentView;
  lang: 'de' | 'en';
  onPublish: () => void;
  onCopy: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="section-actions">
      {i.status === 'draft' ? (
        <>
          <Link className="btn btn--secondary" to={`/verwaltung/erhebungsboegen/${i.id}`}>
            {t('instruments.edit')}
          </Link>
          <Button variant="secondary" onPress={onPublish}>
            {t('instruments.publish')}
          </Button>
        </>
      ) : (
        <Button variant="secondary" onPress={onCopy}>
          {t('instruments.copy')}
        </Button>
      )}
      <a
        className="btn btn--secondary"
        href={fillPath(instrumentEndpoints.exportFhir.path, { id: i.id })}
        download={`${i.key}-v${i.version}.json`}
      >
        {t('instruments.fhir')}
      </a>
      <a className="btn btn--secondary" href={blankFormHref(i.id, lang, 'self')}>
        {t('instruments.form')}
      </a>
    </div>
  );
}
