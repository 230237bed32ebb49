import type { ClientView, EraseClientRequest } from '@lotse/domain';
import { erasureReasons as reasons } from '@lotse/domain/codes';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../app/client.ts';
import { Button } from '../../ui/Button.tsx';
import { DraftDialog } from '../../ui/DraftDialog.tsx';
import { Section } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { useDraft } from '../../ui/useDraft.ts';

/** For team leads: erase or anonymise a client's record once no case is open and retention allows it. */
export function ErasureSection({ client, onDone }: { client: ClientView; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const form = useDraft(() => ({
    mode: 'anonymise' as EraseClientRequest['mode'] | null,
    reason: null as EraseClientRequest['reason'] | null,
  }));
  const { mode, reason } = form.draft;
  return (
    <Section
      id="loeschen"
      title={t('casework.erasure.title')}
      description={<p>{t('casework.erasure.intro')}</p>}
    >
      <div className="section-actions">
        <Button variant="danger" onPress={() => setOpen(true)}>
          {t('casework.erasure.open')}
        </Button>
      </div>
      {open ? (
        <DraftDialog
          form={form}
          onClose={() => setOpen(false)}
          title={t('casework.erasure.title')}
          submitLabel={t('casework.erasure.submit')}
          onSubmit={async () => {
            await api.clientRecords.erase({
              params: { id: client.id },
              body: { mode: mode ?? undefined, reason: reason ?? undefined },
            });
            if (mode === 'erase') navigate('/klienten');
            else onDone();
          }}
        >
          {(field) => (
            <>
              <SelectField
                label={t('casework.erasure.mode')}
                options={[
                  { id: 'anonymise', label: t('casework.erasure.anonymise') },
                  { id: 'erase', label: t('casework.erasure.erase') },
                ]}
                {...field.select('mode')}
              />
              <SelectField
                label={t('casework.erasure.reason')}
                options={reasons.map((r) => ({ id: r, label: t(`casework.erasure.reasons.${r}`) }))}
                placeholder={t('casework.choose')}
                {...field.select('reason')}
              />
            </>
          )}
        </DraftDialog>
      ) : null}
    </Section>
  );
}
