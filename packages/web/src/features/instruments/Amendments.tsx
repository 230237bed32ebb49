import type { Answers, AnswerValue, AssessmentView, InstrumentView } from '@lotse/domain';
import { useId, useState } from 'react';
import { isApiError } from '../../app/api.ts';
import { api } from '../../app/client.ts';
import { detailedText, errorText } from '../../app/errors.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Section } from '../../ui/Page.tsx';
import { usePendingAction } from '../../ui/usePendingAction.ts';
import { AssessmentEntry } from './AssessmentEntry.tsx';
import { ColumnHeads } from './ColumnHeads.tsx';

/**
 * Corrections of a completed assessment: "Korrektur erfassen" opens the answers for editing with a
 * required reason; saving records an amendment (the previous state is kept). Below, the history.
 */
export function Amendments({
  assessment,
  instrument,
  onAmended,
}: {
  assessment: AssessmentView;
  instrument: InstrumentView;
  onAmended: () => void;
}) {
  const { t, locale } = useLanguage();
  const [editing, setEditing] = useState(false);
  const [answers, setAnswers] = useState<Answers>(assessment.answers);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [error, setError] = useState<unknown>();
  const { pending: busy, onSubmit } = usePendingAction();
  const [saved, setSaved] = useState(false);
  const reasonId = useId();
  const reasonErrorId = useId();

  const onChange = (key: string, value: AnswerValue | undefined) =>
    setAnswers((prev) => {
      const next = { ...prev };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });

  const save = async () => {
    if (!reason.trim()) {
      setReasonError(t('assessments.amend.reasonRequired'));
      document.getElementById(reasonId)?.focus();
      return;
    }
    setReasonError(undefined);
    setError(undefined);
    try {
      await api.assessments.amend({
        params: { id: assessment.id },
        body: { answers, reason: reason.trim() },
      });
      setEditing(false);
      setReason('');
      setSaved(true);
      onAmended();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Section id="korrekturen" title={t('assessments.amend.title')} description={t('assessments.amend.hint')}>
      {saved ? <Alert tone="success">{t('assessments.amend.saved')}</Alert> : null}
      {!editing ? (
        <Button
          variant="secondary"
          onPress={() => {
            setAnswers(assessment.answers);
            setSaved(false);
            setEditing(true);
          }}
        >
          {t('assessments.amend.start')}
        </Button>
      ) : (
        <form className="card" noValidate onSubmit={onSubmit(save)}>
          <AssessmentEntry
            instrument={instrument}
            assessment={assessment}
            answers={answers}
            onChange={onChange}
          />
          <label htmlFor={reasonId}>{t('assessments.amend.reason')}</label>
          <textarea
            id={reasonId}
            className="field__input"
            rows={3}
            required
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? reasonErrorId : undefined}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          {reasonError ? (
            <p className="field__error" id={reasonErrorId}>
              {reasonError}
            </p>
          ) : null}
          {error ? (
            <Alert tone="error">{isApiError(error) ? detailedText(t, error) : errorText(t, error)}</Alert>
          ) : null}
          <div className="entry-footer">
            <Button variant="secondary" onPress={() => setEditing(false)}>
              {t('assessments.amend.cancel')}
            </Button>
            <Button type="submit" isPending={busy}>
              {t('assessments.amend.save')}
            </Button>
          </div>
        </form>
      )}
      {assessment.amendments.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('assessments.amend.history')}</caption>
            <ColumnHeads
              columns={(['at', 'by', 'reason', 'changed'] as const).map((key) => ({
                label: t(`assessments.amend.${key}`),
              }))}
            />
            <tbody>
              {assessment.amendments.map((m) => (
                <tr key={m.id}>
                  <td>{new Date(m.amendedAt).toLocaleString(locale)}</td>
                  <td>{m.amendedBy?.name ?? '–'}</td>
                  <td>{m.reason}</td>
                  <td>{m.changedItems.join(', ') || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('assessments.amend.none')}</p>
      )}
    </Section>
  );
}
