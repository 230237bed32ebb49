import { type ClientImportField, clientImportFields } from '@lotse/domain/codes';
import { clientImportEndpoints } from '@lotse/domain/endpoints';
import { type ChangeEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { FigureTable } from '../../ui/FigureTable.tsx';
import { Page, Section } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { usePendingAction } from '../../ui/usePendingAction.ts';
import './casework.css';
import { columnsOf } from './casework.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fields = clientImportFields;
type Mapping = Partial<Record<ClientImportField, string>>;
interface Problem {
  row: number;
  path: string;
  message: string;
}
interface Preview {
  headers: string[];
  mapping: Mapping;
  rows: { row: number; values: Record<string, string>; problems: Problem[] }[];
}
interface Result {
  total: number;
  imported: number;
  duplicates: { row: number; firstName: string; lastName: string; birthDate: string; inFile: boolean }[];
  duplicateCount: number;
  errors: Problem[];
  errorCount: number;
}

/**
 * Sends the file as it is (CSV or XLSX) and reports upload progress: the server imports rows while they
 * arrive, so the upload's progress is the import's progress. fetch() has no upload progress; XHR does.
 */
function send<T>(url: string, file: File, onProgress?: (share: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: { error?: { code?: string; message?: string; issues?: Problem[] } } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: keep the status text.
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else
        reject(
          new ApiError(
            xhr.status,
            body.error?.code ?? 'http_error',
            body.error?.message ?? xhr.statusText,
            undefined,
            body.error?.issues ?? [],
          ),
        );
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'network error'));
    xhr.send(file);
  });
}

/** Migration from spreadsheets: choose a file, check the column mapping and a preview, import. */
export function ImportPage() {
  const { t } = useTranslation();
  const inputId = useId();
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<Preview>();
  const [mapping, setMapping] = useState<Mapping>({});
  const [progress, setProgress] = useState<number>();
  const [result, setResult] = useState<Result>();
  const [failure, setFailure] = useState<string>();
  const { pending, run } = usePendingAction();

  /** One request of the page at a time: `pending` while it runs, its failure as the page's message. */
  const attempt = (request: () => Promise<void>) =>
    run(() => {
      setFailure(undefined);
      return request().catch((error: unknown) => setFailure(errorText(t, error)));
    });

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setFile(chosen);
    setPreview(undefined);
    setResult(undefined);
    setFailure(undefined);
    if (!chosen) return;
    await attempt(async () => {
      const p = await send<Preview>(clientImportEndpoints.preview.path, chosen);
      setPreview(p);
      setMapping(p.mapping);
    });
  };

  const runImport = async () => {
    if (!file) return;
    setProgress(0);
    await attempt(async () => {
      const query = encodeURIComponent(JSON.stringify(mapping));
      setResult(await send<Result>(`${clientImportEndpoints.run.path}?mapping=${query}`, file, setProgress));
    });
    setProgress(undefined);
  };

  const headerOptions = [
    { id: '', label: t('casework.import.notMapped') },
    ...(preview?.headers ?? []).map((h) => ({ id: h, label: h })),
  ];

  return (
    <Page title={t('casework.import.title')} intro={<p>{t('casework.import.intro')}</p>}>
      <div className="stack">
        <Section id="datei" title={t('casework.import.fileStep')}>
          <div className="field">
            <label className="field__label" htmlFor={inputId}>
              {t('casework.import.file')}
            </label>
            <input
              id={inputId}
              className="field__input"
              type="file"
              accept=".csv,.xlsx,text/csv"
              onChange={choose}
            />
          </div>
        </Section>
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        {preview ? (
          <Section
            id="zuordnung"
            title={t('casework.import.mappingStep')}
            description={<p>{t('casework.import.mappingHelp')}</p>}
          >
            <div className="form form--grid">
              {fields.map((f) => (
                <SelectField
                  key={f}
                  label={t(`casework.import.field.${f}`)}
                  options={headerOptions}
                  selectedKey={mapping[f] ?? ''}
                  onSelectionChange={(k) => setMapping((m) => ({ ...m, [f]: k || undefined }))}
                />
              ))}
            </div>
            <h3>{t('casework.import.previewHeading')}</h3>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
            <section className="table-wrap" aria-label={t('casework.import.previewHeading')} tabIndex={0}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('casework.import.row')}</th>
                    {preview.headers.map((h) => (
                      <th scope="col" key={h}>
                        {h}
                      </th>
                    ))}
                    <th scope="col">{t('casework.import.problems')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.row}>
                      <th scope="row">{r.row}</th>
                      {preview.headers.map((h) => (
                        <td key={h}>{r.values[h]}</td>
                      ))}
                      <td>{r.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <div className="section-actions">
              <Button onPress={() => void runImport()} isPending={pending}>
                {t('casework.import.run')}
              </Button>
            </div>
            {progress !== undefined ? (
              <div className="field">
                <label className="field__label" htmlFor={`${inputId}-progress`}>
                  {t('casework.import.progress')}
                </label>
                <progress id={`${inputId}-progress`} max={1} value={progress}>
                  {Math.round(progress * 100)} %
                </progress>
              </div>
            ) : null}
          </Section>
        ) : null}
        {result ? <ImportResult result={result} /> : null}
      </div>
    </Page>
  );
}

/** The result's tables: the rows that were not imported, by their columns' headings. */
const ERROR_COLUMNS = ['casework.import.row', 'casework.import.column', 'casework.import.problems'] as const;
const DUPLICATE_COLUMNS = [
  'casework.import.row',
  'casework.client.name',
  'casework.client.birthDate',
  'casework.import.duplicateOf',
] as const;

function ImportResult({ result }: { result: Result }) {
  const { t } = useTranslation();
  return (
    <Section id="ergebnis" title={t('casework.import.resultStep')}>
      <Alert tone={result.errorCount + result.duplicateCount > 0 ? 'warning' : 'success'}>
        {t('casework.import.summary', {
          imported: result.imported,
          total: result.total,
          errors: result.errorCount,
          duplicates: result.duplicateCount,
        })}
      </Alert>
      {result.errors.length > 0 ? (
        <FigureTable
          caption={t('casework.import.errorsCaption')}
          columns={columnsOf(t, ERROR_COLUMNS)}
          rows={result.errors.map((e) => [e.row, e.path, e.message])}
        />
      ) : null}
      {result.duplicates.length > 0 ? (
        <FigureTable
          caption={t('casework.import.duplicatesCaption')}
          columns={columnsOf(t, DUPLICATE_COLUMNS)}
          rows={result.duplicates.map((d) => [
            d.row,
            `${d.lastName}, ${d.firstName}`,
            d.birthDate,
            d.inFile ? t('casework.import.inFile') : t('casework.import.inLotse'),
          ])}
        />
      ) : null}
      <p>
        <Link to="/klienten">{t('casework.import.toList')}</Link>
      </p>
    </Section>
  );
}
