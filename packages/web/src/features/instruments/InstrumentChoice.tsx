import { dueOccasion, type Occasion, occasions, type Perspective } from '@lotse/domain';
import { useState } from 'react';
import { api } from '../../app/client.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { SelectField } from '../../ui/SelectField.tsx';
import { tr } from './text.ts';

/**
 * Which instrument a new assessment (or self-assessment link) of a client uses, and on which occasion:
 * the first published instrument and the occasion due after the client's earlier assessments of it in
 * this perspective, until the guide picks others. `clientId` null loads nothing (a closed panel).
 */
export function useInstrumentChoice(clientId: string | null, perspective: Perspective) {
  const instruments = useEndpoint(api.instruments.list, clientId === null ? null : {});
  const earlier = useEndpoint(api.assessments.list, clientId === null ? null : { params: { id: clientId } });
  const [instrumentId, setInstrumentId] = useState('');
  // Undefined until the guide picks one: then the due occasion is shown.
  const [pickedOccasion, setOccasion] = useState<Occasion>();
  const items = instruments.data?.items ?? [];
  const chosen = instrumentId || items[0]?.id || '';
  const instrument = items.find((i) => i.id === chosen);
  // Earlier assessments of this instrument (any version) and perspective, oldest first.
  const history = (earlier.data?.items ?? []).filter(
    (a) => a.instrumentKey === instrument?.key && a.perspective === perspective,
  );
  return {
    instruments: items,
    loading: instruments.loading || earlier.loading,
    /** The chosen instrument version's id ('' while none is published). */
    chosen,
    setInstrumentId,
    instrument,
    history,
    occasion: pickedOccasion ?? dueOccasion(history),
    setOccasion,
  };
}

export type InstrumentChoice = ReturnType<typeof useInstrumentChoice>;

/** The instrument and occasion fields of a choice; `onOccasionPicked` follows the guide's pick. */
export function InstrumentChoiceFields({
  choice,
  onOccasionPicked,
}: {
  choice: InstrumentChoice;
  onOccasionPicked?: () => void;
}) {
  const { t, lang } = useLanguage();
  return (
    <>
      <SelectField
        label={t('assessments.entry.instrument')}
        options={choice.instruments.map((i) => ({
          id: i.id,
          label: `${tr(i.title, lang)} (v${i.version})`,
        }))}
        selectedKey={choice.chosen || null}
        onSelectionChange={(key) => key && choice.setInstrumentId(key)}
      />
      <SelectField
        label={t('assessments.entry.occasion')}
        options={occasions.map((o) => ({ id: o, label: t(`assessments.occasion.${o}`) }))}
        selectedKey={choice.occasion}
        onSelectionChange={(key) => {
          if (!key) return;
          choice.setOccasion(key as Occasion);
          onOccasionPicked?.();
        }}
      />
    </>
  );
}
