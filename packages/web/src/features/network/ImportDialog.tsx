import type { ImportResult } from '@lotse/domain';
import { type ChangeEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { CheckboxItem } from '../../ui/CheckboxGroupField.tsx';
import { ModalDialog } from '../../ui/Dialog.tsx';

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Import of offers or partners from CSV/XLSX: first a preview with row-level errors, then the import,
 * which writes nothing while a row is invalid unless "skip invalid rows" is chosen.
 */
export function ImportDialog({
  endpoint,
  title,
  isOpen,
  onOpenChange,
  onImported,
}: {
  endpoint: '/api/offers/import' | '/api/partners/import' | '/api/districts/import';
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onImported: (created: number) => void;
}) {
  const { t } = useTranslation();
  const fileId = useId();
  const helpId = useId();
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<ImportResult>();
  const [skip, setSkip] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string>();

  const run = async (mode: 'preview' | 'commit') => {
    if (!file) return;
    setPending(true);
    setFailure(undefined);
    try {
      const format = file.name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
      const result = await request<ImportResult>(endpoint, {
        method: 'POST',
        body: { format, data: await base64Of(file), mode, skipInvalid: skip },
      });
      if (mode === 'preview') setPreview(result);
      else {
        onImported(result.created);
        onOpenChange(false);
        setPreview(undefined);
        setFile(undefined);
      }
    } catch (error) {
      setFailure(errorText(t, error));
    } finally {
      setPending(false);
    }
  };

  return (
    <ModalDialog title={title} isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={!pending}>
      <div className="form">
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        <div className="field file-input">
          <label className="field__label" htmlFor={fileId}>
            {t('network.import.file')}
          </label>
          <span id={helpId} className="field__description">
            {t('network.import.fileHelp')}
          </span>
          <input
            id={fileId}
            type="file"
            accept=".csv,.xlsx"
            aria-describedby={helpId}
            onChange={(e: ChangeEvent<HTMLInputElement>) => {
              setFile(e.target.files?.[0]);
              setPreview(undefined);
            }}
          />
        </div>
        {preview ? (
          <div role="status">
            <p>
              {t('network.import.summary', {
                rows: preview.rows,
                valid: preview.valid,
                invalid: preview.rows - preview.valid,
              })}
            </p>
            {preview.errors.length ? (
              <div className="table-wrap">
                <table className="table">
                  <caption>{t('network.import.errors')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('network.import.row')}</th>
                      <th scope="col">{t('network.import.field')}</th>
                      <th scope="col">{t('network.import.message')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.errors.slice(0, 50).map((e) => (
                      <tr key={`${e.row}-${e.field}`}>
                        <td>{e.row}</td>
                        <td>{e.field}</td>
                        <td>{e.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            {preview.errors.length ? (
              <CheckboxItem isSelected={skip} onChange={setSkip}>
                {t('network.import.skip')}
              </CheckboxItem>
            ) : null}
          </div>
        ) : null}
        <div className="form__actions">
          <Button
            variant="secondary"
            isDisabled={!file}
            isPending={pending && !preview}
            onPress={() => void run('preview')}
          >
            {t('network.import.preview')}
          </Button>
          <Button
            isDisabled={!preview || preview.valid === 0 || (preview.errors.length > 0 && !skip)}
            isPending={pending && !!preview}
            onPress={() => void run('commit')}
          >
            {t('network.import.commit')}
          </Button>
          <Button variant="quiet" onPress={() => onOpenChange(false)} isDisabled={pending}>
            {t('common.cancel')}
          </Button>
        </div>
      </div>
    </ModalDialog>
  );
}
