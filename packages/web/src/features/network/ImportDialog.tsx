import type { ImportResult } from '@lotse/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { api } from '../../app/client.ts';
import { errorText } from '../../app/errors.ts';
import { base64Of } from '../../app/files.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { CheckboxItem } from '../../ui/CheckboxGroupField.tsx';
import { ModalDialog } from '../../ui/Dialog.tsx';
import { FileField } from '../../ui/FileField.tsx';

/** The typed import call of a directory: `api.offers.import`, `api.partners.import` or `api.districts.import`. */
export type Importer = typeof api.offers.import;

/**
 * Import of offers or partners from CSV/XLSX: first a preview with row-level errors, then the import,
 * which writes nothing while a row is invalid unless "skip invalid rows" is chosen.
 */
export function ImportDialog({
  importer,
  title,
  isOpen,
  onOpenChange,
  onImported,
}: {
  importer: Importer;
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onImported: (created: number) => void;
}) {
  const { t } = useTranslation();
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
      const result = await importer({
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
        <FileField
          label={t('network.import.file')}
          description={t('network.import.fileHelp')}
          accept=".csv,.xlsx"
          onChange={(chosen) => {
            setFile(chosen);
            setPreview(undefined);
          }}
        />
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
