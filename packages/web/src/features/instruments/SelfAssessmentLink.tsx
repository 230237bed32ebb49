import type { SelfAssessmentLinkView } from '@lotse/domain';
import { useId, useState } from 'react';
import { isApiError } from '../../app/api.ts';
import { api } from '../../app/client.ts';
import { detailedText, errorText } from '../../app/errors.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { localeOf } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { usePendingAction } from '../../ui/usePendingAction.ts';
import { InstrumentChoiceFields, useInstrumentChoice } from './InstrumentChoice.tsx';

/**
 * A guide creates a one-time link for the client's self-assessment (needs the client's consent to
 * self-assessment). The link is shown once, to copy and pass on.
 */
export function SelfAssessmentLink({ clientId, onCreated }: { clientId: string; onCreated?: () => void }) {
  const { t, lang } = useLanguage();
  const [open, setOpen] = useState(false);
  // The occasion due is the one of the client's self-assessments.
  const choice = useInstrumentChoice(open ? clientId : null, 'self');
  const [link, setLink] = useState<SelfAssessmentLinkView>();
  const [error, setError] = useState<unknown>();
  const { pending: busy, onSubmit } = usePendingAction();
  const ids = { url: useId() };
  const { chosen, occasion } = choice;

  const create = async () => {
    setError(undefined);
    try {
      setLink(
        await api.selfAssessment.createLink({
          params: { id: clientId },
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
            <InstrumentChoiceFields choice={choice} />
          </div>
          <Button type="submit" isPending={busy} isDisabled={!chosen}>
            {t('assessments.selfLink.create')}
          </Button>
        </form>
      )}
    </div>
  );
}
