import {
  type AssessmentSummaryView,
  dueOccasion,
  type InstrumentView,
  type Occasion,
  occasions,
  type SelfAssessmentLinkView,
} from '@lotse/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, request } from '../../app/api.ts';
import { detailedText, errorText } from '../../app/errors.ts';
import { useApiQuery } from '../../app/useApi.ts';
import { localeOf } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { usePendingAction } from '../../ui/usePendingAction.ts';
import { tr } from './text.ts';

/**
 * A guide creates a one-time link for the client's self-assessment (needs the client's consent to
 * self-assessment). The link is shown once, to copy and pass on.
 */
export function SelfAssessmentLink({ clientId, onCreated }: { clientId: string; onCreated?: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const [open, setOpen] = useState(false);
  const instruments = useApiQuery<{ items: InstrumentView[] }>(open ? '/api/instruments' : null);
  const [instrumentId, setInstrumentId] = useState('');
  const earlier = useApiQuery<{ items: AssessmentSummaryView[] }>(
    open ? `/api/clients/${clientId}/assessments` : null,
  );
  // Undefined until the guide picks one: then the occasion due for the client's self-assessment.
  const [pickedOccasion, setOccasion] = useState<Occasion>();
  const [link, setLink] = useState<SelfAssessmentLinkView>();
  const [error, setError] = useState<unknown>();
  const { pending: busy, onSubmit } = usePendingAction();
  const ids = { url: useId() };
  const chosen = instrumentId || instruments.data?.items[0]?.id || '';
  const instrumentKey = instruments.data?.items.find((i) => i.id === chosen)?.key;
  const occasion =
    pickedOccasion ??
    dueOccasion(
      (earlier.data?.items ?? []).filter(
        (a) => a.instrumentKey === instrumentKey && a.perspective === 'self',
      ),
    );

  const create = async () => {
    setError(undefined);
    try {
      setLink(
        await request<SelfAssessmentLinkView>(`/api/clients/${clientId}/self-assessment-links`, {
          method: 'POST',
          body: { instrumentId: chosen, occasion },
        }),
      );
      onCreated?.();
    } catch (e) {
      setError(e);
    }
  };

  if (!open)
    return (
      <Button variant="secondary" onPress={() => setOpen(true)}>
        {t('assessments.selfLink.open')}
      </Button>
    );
  const url = link ? `${window.location.origin}${link.path}` : '';
  return (
    <div className="card self-link">
      <h3>{t('assessments.selfLink.title')}</h3>
      <p>{t('assessments.selfLink.hint')}</p>
      {error ? (
        <Alert tone="error">{isApiError(error) ? detailedText(t, error) : errorText(t, error)}</Alert>
      ) : null}
      {link ? (
        <>
          <label htmlFor={ids.url}>{t('assessments.selfLink.url')}</label>
          <input
            id={ids.url}
            className="field__input self-link__url"
            readOnly
            value={url}
            onFocus={(e) => e.currentTarget.select()}
          />
          <p>
            {t('assessments.selfLink.expires', {
              date: new Date(link.expiresAt).toLocaleDateString(localeOf[lang]),
            })}
          </p>
          <Button variant="secondary" onPress={() => void navigator.clipboard?.writeText(url)}>
            {t('assessments.selfLink.copy')}
          </Button>
        </>
      ) : (
        <form onSubmit={onSubmit(create)}>
          <div className="entry-header">
            <SelectField
              label={t('assessments.entry.instrument')}
              options={(instruments.data?.items ?? []).map((i) => ({
                id: i.id,
                label: `${tr(i.title, lang)} (v${i.version})`,
              }))}
              selectedKey={chosen || null}
              onSelectionChange={(key) => key && setInstrumentId(key)}
            />
            <SelectField
              label={t('assessments.entry.occasion')}
              options={occasions.map((o) => ({ id: o, label: t(`assessments.occasion.${o}`) }))}
              selectedKey={occasion}
              onSelectionChange={(key) => key && setOccasion(key as Occasion)}
            />
          </div>
          <Button type="submit" isPending={busy} isDisabled={!chosen}>
            {t('assessments.selfLink.create')}
          </Button>
        </form>
      )}
    </div>
  );
}
