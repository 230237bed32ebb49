import type {
  Answers,
  AnswerValue,
  AssessmentView,
  InstrumentItem,
  InstrumentView,
  Perspective,
} from '@lotse/domain';
// The scoring module holds no schemas: the domain package's index would bring zod into the public
// self-assessment page, which shows this form too.
import { askedIn, isEnabled } from '@lotse/domain/src/instruments/scoring.ts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { tr } from './text.ts';

/** A changed answer; `undefined` removes it (not answered). */
export type AnswerChange = (key: string, value: AnswerValue | undefined) => void;

/** The dimensions with the items the perspective is asked, as far as earlier answers enable them. */
export function visibleItems(
  instrument: Pick<InstrumentView, 'dimensions'>,
  perspective: Perspective,
  answers: Answers,
) {
  return instrument.dimensions.map((d) => ({
    dimension: d,
    items: d.items.filter((i) => askedIn(i, perspective) && isEnabled(i, answers)),
  }));
}

/**
 * Entering an assessment on screen (with the client, or the client alone): one fieldset of radio
 * buttons per item, with the help text, grouped by area. Native radios keep keyboard use standard
 * (Tab between questions, arrow keys between answers).
 */
export function AssessmentEntry({
  instrument,
  assessment,
  answers,
  onChange,
  locale,
}: {
  instrument: Pick<InstrumentView, 'dimensions'>;
  assessment: Pick<AssessmentView, 'perspective'>;
  answers: Answers;
  onChange: AnswerChange;
  /** Instrument locale to show (editor preview); default: the UI language. */
  locale?: 'de' | 'de-LS' | 'en';
}) {
  const { t, i18n } = useTranslation();
  const lang = locale ?? (i18n.language === 'en' ? 'en' : 'de');
  return (
    <div>
      {visibleItems(instrument, assessment.perspective, answers).map(({ dimension, items }) =>
        items.length ? (
          <section key={dimension.key} aria-labelledby={`dim-${dimension.key}`}>
            <h2 id={`dim-${dimension.key}`}>{tr(dimension.title, lang)}</h2>
            {dimension.help ? <p className="help">{tr(dimension.help, lang)}</p> : null}
            {items.map((item) => (
              <ItemField
                key={item.key}
                item={item}
                perspective={assessment.perspective}
                value={answers[item.key]}
                onChange={onChange}
                lang={lang}
                noAnswer={t('assessments.entry.noAnswer')}
                yesNo={[t('assessments.entry.yes'), t('assessments.entry.no')]}
              />
            ))}
          </section>
        ) : null,
      )}
    </div>
  );
}

function ItemField({
  item,
  perspective,
  value,
  onChange,
  noAnswer,
  yesNo,
  lang,
}: {
  lang: string;
  item: InstrumentItem;
  perspective: Perspective;
  value: AnswerValue | undefined;
  onChange: AnswerChange;
  noAnswer: string;
  yesNo: [string, string];
}) {
  const name = useId();
  const helpId = useId();
  const options: { value: AnswerValue; label: string }[] = item.scale
    ? [
        ...item.scale.options.map((o) => ({ value: o.value, label: tr(o.label, lang) })),
        { value: null, label: tr(item.scale.nullLabel, lang) || noAnswer },
      ]
    : [
        { value: true, label: yesNo[0] },
        { value: false, label: yesNo[1] },
      ];
  return (
    <fieldset className="entry-item" aria-describedby={item.help ? helpId : undefined}>
      <legend>
        {tr(item.texts[perspective], lang)}
        {item.required ? <span aria-hidden="true"> *</span> : null}
      </legend>
      {item.help ? (
        <p className="help" id={helpId}>
          {tr(item.help, lang)}
        </p>
      ) : null}
      <div className="entry-options">
        {options.map((o) => (
          <label key={String(o.value)}>
            <input
              type="radio"
              name={name}
              checked={value === o.value}
              onChange={() => onChange(item.key, o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
