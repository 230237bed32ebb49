import { offerEndpoints, partnerEndpoints } from '@lotse/domain/endpoints';
import { type ComponentType, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/auth.tsx';
import { api } from '../../app/client.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';
import { ImportDialog } from './ImportDialog.tsx';

/** What differs between the offer and the partner directory. */
const directories = {
  offers: {
    title: 'network.offers.title',
    intro: 'network.offers.intro',
    newLabel: 'network.offers.new',
    importTitle: 'network.import.offersTitle',
    importer: api.offers.import,
    exportPath: offerEndpoints.export.path,
  },
  partners: {
    title: 'network.partners.title',
    intro: 'network.partners.intro',
    newLabel: 'network.partners.new',
    importTitle: 'network.import.partnersTitle',
    importer: api.partners.import,
    exportPath: partnerEndpoints.export.path,
  },
} as const;

/** What a directory's entry dialog (new or edited entry) gets. */
export interface EntryDialogProps<V> {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: (saved: V) => void;
}

/**
 * The list page of a directory with its actions and their dialogs: a new entry (for writers), export
 * links in the import format, and the import (for leads and coordinators). `children` are the list.
 */
export function DirectoryPage<V>({
  kind,
  CreateDialog,
  onCreated,
  onImported,
  children,
}: {
  kind: keyof typeof directories;
  /** The directory's form for a new entry. */
  CreateDialog: ComponentType<EntryDialogProps<V>>;
  onCreated: (created: V) => void;
  /** After an import: the list shows the new entries. */
  onImported: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const canImport = useCan('network.import');
  const canWrite = useCan('network.write');
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const [imported, setImported] = useState<string>();
  const directory = directories[kind];

  const actions = (
    <>
      {canWrite ? <Button onPress={() => setCreating(true)}>{t(directory.newLabel)}</Button> : null}
      <a className="btn btn--secondary" href={`${directory.exportPath}?format=csv`} download>
        {t('network.import.exportCsv')}
      </a>
      <a className="btn btn--secondary" href={`${directory.exportPath}?format=xlsx`} download>
        {t('network.import.exportXlsx')}
      </a>
      {canImport ? (
        <Button variant="secondary" onPress={() => setImporting(true)}>
          {t('network.import.title')}
        </Button>
      ) : null}
    </>
  );
  return (
    <Page title={t(directory.title)} intro={<p>{t(directory.intro)}</p>} actions={actions}>
      {canWrite ? <CreateDialog isOpen={creating} onOpenChange={setCreating} onSaved={onCreated} /> : null}
      {imported ? <Alert tone="success">{imported}</Alert> : null}
      {canImport ? (
        <ImportDialog
          importer={directory.importer}
          title={t(directory.importTitle)}
          isOpen={importing}
          onOpenChange={setImporting}
          onImported={(count) => {
            setImported(t('network.import.done', { count }));
            onImported();
          }}
        />
      ) : null}
      {children}
    </Page>
  );
}

/**
 * The header actions of one directory entry's page: back to the list, and editing where `editor` is
 * given (the agency's own entry and a user who may write): the button opens the dialog it renders.
 * `children` adds further actions.
 */
export function EntryActions({
  back,
  backLabel,
  editor,
  children,
}: {
  back: string;
  backLabel: string;
  editor?: ((dialog: { isOpen: boolean; onOpenChange: (open: boolean) => void }) => ReactNode) | undefined;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <>
      <Link className="btn btn--secondary" to={back}>
        {backLabel}
      </Link>
      {editor ? (
        <Button variant="secondary" onPress={() => setEditing(true)}>
          {t('network.form.edit')}
        </Button>
      ) : null}
      {children}
      {editor && editing ? editor({ isOpen: editing, onOpenChange: setEditing }) : null}
    </>
  );
}
