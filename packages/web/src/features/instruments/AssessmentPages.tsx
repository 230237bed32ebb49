import {
  type AssessmentMode,
  assessmentModes,
  currentIntake,
  followUpDue,
  type Perspective,
  perspectives,
} from '@lotse/domain';
import { assessmentEndpoints } from '@lotse/domain/endpoints';
import { fillPath } from '@lotse/domain/src/api/route.ts';
import { useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../app/client.ts';
import { errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { NotFoundPage } from '../../ui/ErrorPages.tsx';
import { Loading, Page, Section } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { usePendingAction } from '../../ui/usePendingAction.ts';
import { Amendments } from './Amendments.tsx';
import { AssessmentEntry } from './AssessmentEntry.tsx';
import { ColumnHeads } from './ColumnHeads.tsx';
import { PaperEntry } from './PaperEntry.tsx';
import './assessments.css';
import { useLanguage } from '../../app/useLanguage.ts';
import { blankFormHref } from './BlankForms.tsx';
import { InstrumentChoiceFields, useInstrumentChoice } from './InstrumentChoice.tsx';
import { dateText, fmt, tr } from './text.ts';
import { missingAnswers, useAnswerDraft } from './useAnswerDraft.ts';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Starting an assessment: instrument, occasion, perspective, mode and date; it is saved as a draft.
 * The occasion defaults to the due one (a follow-up once the episode has its intake); choosing a second
 * intake asks for confirmation first (the server refuses it otherwise).
 */
export function NewAssessmentPage() {
  const { id = '' } = useParams();
  const { t, locale } = useLanguage();
  const navigate = useNavigate();
  const [perspective, setPerspective] = useState<Perspective>('professional');
  const choice = useInstrumentChoice(id, perspective);
  const { chosen, instrument, history, occasion } = choice;
  const [mode, setMode] = useState<AssessmentMode>('together');
  const [date, setDate] = useState(today());
  const [confirmSecond, setConfirmSecond] = useState(false);
  const [error, setError] = useState<unknown>();
  const { pending: busy, onSubmit } = usePendingAction();
  const ids = {
    occasionHint: useId(),
    date: useId(),
    warning: useId(),
  };
  const intake = currentIntake(history);
  const lastCompleted = history.filter((a) => a.status === 'completed').at(-1);
  const dueOn =
    intake && lastCompleted && instrument
      ? followUpDue(lastCompleted.date, instrument.scoring.followUpMonths)
      : null;
  const secondIntake = occasion === 'intake' && !!intake;

  const start = async () => {
    setError(undefined);
    try {
      const created = await api.assessments.create({
        params: { id },
        body: {
          instrumentId: chosen,
          occasion,
          perspective,
          mode,
          date,
          answers: {},
          status: 'draft',
          ...(secondIntake && confirmSecond ? { confirmSecondIntake: true } : {}),
        },
      });
      navigate(`/erhebungen/${created.id}`, { replace: true });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Page
      title={t('assessments.entry.newTitle')}
      width="narrow"
      actions={
        <Link className="btn btn--secondary" to={`/klienten/${id}`}>
          {t('assessments.entry.back')}
        </Link>
      }
    >
      {error ? <Alert tone="error">{errorText(t, error)}</Alert> : null}
      {choice.loading ? <Loading label={t('common.loading')} /> : null}
      <form className="card" onSubmit={onSubmit(start)}>
        <div className="entry-header">
          <InstrumentChoiceFields choice={choice} onOccasionPicked={() => setConfirmSecond(false)} />
          {intake ? (
            <p id={ids.occasionHint} className="hint entry-header__wide" data-testid="occasion-hint">
              {t('assessments.entry.intakeOn', { date: dateText(intake.date, locale) })}{' '}
              {dueOn
                ? t(
                    dueOn <= today()
                      ? 'assessments.entry.followUpDueSince'
                      : 'assessments.entry.followUpDueOn',
                    {
                      date: dateText(dueOn, locale),
                    },
                  )
                : null}
            </p>
          ) : null}
          {secondIntake ? (
            <div
              className="alert alert--warning entry-header__wide"
              id={ids.warning}
              data-testid="second-intake"
            >
              <p className="alert__title">{t('assessments.entry.secondIntakeTitle')}</p>
              <p>
                {t('assessments.entry.secondIntakeText', {
                  date: intake ? dateText(intake.date, locale) : '',
                })}
              </p>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={confirmSecond}
                  onChange={(e) => setConfirmSecond(e.target.checked)}
                />
                {t('assessments.entry.secondIntakeConfirm')}
              </label>
            </div>
          ) : null}
          <fieldset>
            <legend>{t('assessments.progress.perspective')}</legend>
            {perspectives.map((p) => (
              <label key={p} style={{ fontWeight: 'normal', flexDirection: 'row' }}>
                <input
                  type="radio"
                  name="perspective"
                  value={p}
                  checked={perspective === p}
                  onChange={() => setPerspective(p)}
                />
                {t(`assessments.perspective.${p}`)}
              </label>
            ))}
          </fieldset>
          <SelectField
            label={t('assessments.entry.mode')}
            options={assessmentModes.map((m) => ({ id: m, label: t(`assessments.mode.${m}`) }))}
            selectedKey={mode}
            onSelectionChange={(key) => key && setMode(key as AssessmentMode)}
          />
          <label htmlFor={ids.date}>
            {t('assessments.entry.date')}
            <input
              id={ids.date}
              type="date"
              value={date}
              max={today()}
              onChange={(e) => setDate(e.target.value)}
            />
          </label>
        </div>
        <Button type="submit" isPending={busy} isDisabled={!chosen || (secondIntake && !confirmSecond)}>
          {t('assessments.entry.start')}
        </Button>
      </form>
    </Page>
  );
}

/** One assessment: a draft is filled in (autosaved on every answer) and completed; a completed one is shown. */
export function AssessmentPage() {
  const { id = '' } = useParams();
  const { t, lang, locale } = useLanguage();
  const navigate = useNavigate();
  const assessment = useEndpoint(api.assessments.read, { params: { id } });
  const a = assessment.data;
  const instrument = useEndpoint(api.instruments.read, a ? { params: { id: a.instrumentId } } : null);
  const { answers, onChange, saving, error, setError, settled } = useAnswerDraft(a?.answers, (next) =>
    api.assessments.update({ params: { id }, body: { answers: next } }),
  );

  if (assessment.error && (assessment.error as { status?: number }).status === 404) return <NotFoundPage />;
  const ins = instrument.data;
  const title = a
    ? `${t(`assessments.occasion.${a.occasion}`)} · ${t(`assessments.perspective.${a.perspective}`)} · ${dateText(a.date, locale)}`
    : t('assessments.entry.title');
  const missing = missingAnswers(ins, a?.perspective, answers);
  const complete = async () => {
    setError(undefined);
    try {
      await settled();
      await api.assessments.complete({ params: { id } });
      // The client page opens its progress on the series just recorded (see ClientProgress).
      navigate(`/klienten/${a?.clientId}#verlauf`, { state: { recordedAssessmentId: id } });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Page
      title={title}
      intro={
        ins ? (
          <p>{`${tr(ins.title, lang)} (v${ins.version}) · ${a ? t(`assessments.mode.${a.mode}`) : ''}`}</p>
        ) : null
      }
      actions={
        a ? (
          <>
            <Link className="btn btn--secondary" to={`/klienten/${a.clientId}`}>
              {t('assessments.entry.back')}
            </Link>
            {ins ? (
              <a className="btn btn--secondary" href={blankFormHref(ins.id, lang, a.perspective)}>
                {t('assessments.entry.blankForm')}
              </a>
            ) : null}
            {a.status === 'completed' ? (
              <a
                className="btn btn--secondary"
                href={`${fillPath(assessmentEndpoints.downloadPdf.path, { id: a.id })}?locale=${lang}`}
              >
                {t('assessments.entry.pdf')}
              </a>
            ) : null}
          </>
        ) : null
      }
    >
      {error ? <Alert tone="error">{errorText(t, error)}</Alert> : null}
      {!a || !ins || !answers ? <Loading label={t('common.loading')} /> : null}
      {a && ins && answers && a.status === 'draft' ? (
        <div className="card">
          {a.mode === 'paper' ? (
            <PaperEntry instrument={ins} assessment={a} answers={answers} onChange={onChange} />
          ) : (
            <AssessmentEntry instrument={ins} assessment={a} answers={answers} onChange={onChange} />
          )}
          <div className="entry-footer">
            <p role="status">
              {saving === 'saving'
                ? t('assessments.entry.saving')
                : saving === 'saved'
                  ? t('assessments.entry.saved')
                  : ''}
            </p>
            {missing > 0 ? <p>{t('assessments.entry.missing', { count: missing })}</p> : null}
            <Button onPress={() => void complete()} isDisabled={missing > 0}>
              {t('assessments.entry.complete')}
            </Button>
          </div>
        </div>
      ) : null}
      {a && ins && a.status === 'completed' ? (
        <Section
          id="werte"
          title={t('assessments.entry.scores')}
          description={t('assessments.entry.completed')}
        >
          <div className="table-wrap">
            <table className="table">
              <ColumnHeads
                columns={[
                  { label: t('assessments.progress.dimension') },
                  { label: t('assessments.entry.score'), numeric: true },
                  { label: t('assessments.progress.need') },
                ]}
              />
              <tbody>
                {a.scores.map((s) => (
                  <tr key={s.dimension}>
                    <th scope="row">{tr(ins.dimensions.find((d) => d.key === s.dimension)?.title, lang)}</th>
                    <td className="num">{fmt(s.score, locale)}</td>
                    <td>
                      {s.need
                        ? t('assessments.entry.yes')
                        : s.need === false
                          ? t('assessments.entry.no')
                          : '–'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      ) : null}
      {a && ins && a.status === 'completed' ? (
        <Amendments assessment={a} instrument={ins} onAmended={assessment.reload} />
      ) : null}
    </Page>
  );
}
