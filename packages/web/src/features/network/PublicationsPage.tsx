import type { CreatePublicationRequest } from '@lotse/domain';
import type { PublicationKind } from '@lotse/domain/codes';
import { publicationEndpoints } from '@lotse/domain/endpoints';
import { fillPath } from '@lotse/domain/src/api/route.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth.tsx';
import { api } from '../../app/client.ts';
import { formatDate } from '../../app/dates.ts';
import { base64Of } from '../../app/files.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { useListParams } from '../../app/useListParams.ts';
import { localeOf } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { FileField } from '../../ui/FileField.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { Page, Section } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDraft } from '../../ui/useDraft.ts';
import { BlankForms } from '../instruments/BlankForms.tsx';
import { DirectoryTable } from './DirectoryTable.tsx';
import { FilterSelect, ListToolbar } from './ListFilters.tsx';
import { publicationKinds } from './network.ts';
import './network.css';

const MAX_BYTES = 10 * 1024 * 1024;
const sizeText = (bytes: number, locale: string) =>
  bytes < 1024 * 1024
    ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`
    : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;

/** The library of good practice, guides, blank instruments and reports, with search and upload. */
export function PublicationsPage() {
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const list = useListParams(['suche', 'art'] as const);
  const { get, page, update } = list;
  const query = get('suche');
  const kind = get('art');
  const [notice, setNotice] = useState<string>();
  const [uploading, setUploading] = useState(false);
  const canPublish = useCan('publications.write');
  const publications = useEndpoint(api.publications.list, {
    // The kind comes from the address as typed; the server answers an unknown one with a field issue.
    query: { page, pageSize: 50, query, kind: kind as PublicationKind },
  });

  return (
    <Page
      title={t('network.publications.title')}
      intro={<p>{t('network.publications.intro')}</p>}
      actions={
        canPublish ? (
          <Button onPress={() => setUploading(true)}>{t('network.publications.upload')}</Button>
        ) : null
      }
    >
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <ListToolbar label={t('network.publications.title')} list={list}>
        <FilterSelect
          label={t('network.publications.kind')}
          options={publicationKinds.map((k) => ({ id: k, label: t(`network.publicationKind.${k}`) }))}
          filter="art"
          list={list}
        />
      </ListToolbar>
      <DirectoryTable
        list={publications}
        texts="network.publications"
        columns={[
          'network.publications.pubTitle',
          'network.publications.kind',
          'network.publications.tags',
          'network.publications.publishedOn',
          'network.publications.file',
        ]}
        onPage={(next) => update({ seite: next })}
        head={(p) => (
          <>
            {p.title}
            <div className="muted">{p.summary}</div>
            <div className="muted">{p.agency.name}</div>
          </>
        )}
      >
        {(p) => (
          <>
            <td>{t(`network.publicationKind.${p.kind}`)}</td>
            <td>
              <div className="button-group button-group--tight">
                {p.tags.map((tag) => (
                  <Button key={tag} variant="quiet" size="sm" onPress={() => update({ suche: tag })}>
                    {tag}
                  </Button>
                ))}
              </div>
            </td>
            <td className="cell--nowrap">{p.publishedOn ? formatDate(p.publishedOn, locale) : ''}</td>
            <td>
              {p.file ? (
                <a
                  href={fillPath(publicationEndpoints.downloadFile.path, { id: p.id })}
                  download={p.file.name}
                >
                  {t('network.publications.download', {
                    name: p.file.name,
                    size: sizeText(p.file.size, locale),
                  })}
                </a>
              ) : (
                t('network.publications.noFile')
              )}
            </td>
          </>
        )}
      </DirectoryTable>
      {/* The library holds excerpts; the full forms of the current version come from the instrument. */}
      <Section
        id="leere-boegen"
        title={t('instruments.blankForms.title')}
        description={<p>{t('instruments.blankForms.intro')}</p>}
      >
        <BlankForms />
      </Section>
      {canPublish ? (
        <UploadDialog
          isOpen={uploading}
          onOpenChange={setUploading}
          onDone={(title) => {
            setNotice(t('network.publications.created', { title }));
            publications.reload();
          }}
        />
      ) : null}
    </Page>
  );
}

function UploadDialog({
  isOpen,
  onOpenChange,
  onDone,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: (title: string) => void;
}) {
  const { t } = useTranslation();
  const form = useDraft(() => ({
    title: '',
    kind: 'good_practice' as PublicationKind,
    summary: '',
    tags: '',
  }));
  const { title, kind, summary, tags } = form.draft;
  const [file, setFile] = useState<File>();
  const [fileError, setFileError] = useState<string>();
  const onFile = (f: File | undefined) => {
    setFileError(f && f.size > MAX_BYTES ? t('network.publications.tooLarge') : undefined);
    setFile(f);
  };
  return (
    <FormDialog
      title={t('network.publications.uploadTitle')}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      submitLabel={t('network.publications.upload')}
      onSubmit={async () => {
        if (file && file.size > MAX_BYTES) throw new Error(t('network.publications.tooLarge'));
        await api.publications.create({
          body: {
            title: title.trim(),
            kind,
            summary: summary.trim(),
            tags: tags
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
            file: file
              ? {
                  name: file.name,
                  // The browser's type goes as given: the server checks it against the file's content.
                  contentType: (file.type || 'application/octet-stream') as NonNullable<
                    CreatePublicationRequest['file']
                  >['contentType'],
                  data: await base64Of(file),
                }
              : null,
          },
        });
        onDone(title.trim());
        form.setDraft((d) => ({ ...d, title: '', summary: '', tags: '' }));
        setFile(undefined);
      }}
    >
      {(errors) => (
        <>
          <TextField
            label={t('network.publications.pubTitle')}
            isRequired
            {...form.bind(errors).text('title')}
          />
          <SelectField
            label={t('network.publications.kind')}
            options={publicationKinds.map((k) => ({ id: k, label: t(`network.publicationKind.${k}`) }))}
            selectedKey={kind}
            onSelectionChange={(k) => form.set('kind', k ?? 'good_practice')}
          />
          <TextField label={t('network.publications.summary')} {...form.bind(errors).text('summary')} />
          <TextField
            label={t('network.publications.tags')}
            description={t('network.publications.tagsHelp')}
            value={tags}
            onChange={(value) => form.set('tags', value)}
          />
          <FileField
            label={t('network.publications.file')}
            description={t('network.publications.fileHelp')}
            accept=".pdf,.docx,.xlsx,.odt,.png,.jpg,.jpeg,.txt"
            onChange={onFile}
            errorMessage={fileError ?? errors['file.contentType'] ?? errors['file.data']}
          />
        </>
      )}
    </FormDialog>
  );
}
