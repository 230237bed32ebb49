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
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tr } from './text.ts';

/** A changed answer; `undefined` removes it (not answered). */
export type AnswerChange = (key: string, value: AnswerValue | undefined) => void;

function visibleItems(
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

/**
 * "Enter from paper": one small text field per item in form order. Typing a value moves the focus to
 * the next field (for one-digit scales), x or - means "does not apply / no answer", empty = not
 * answered. Works with the keyboard alone.
 */
export function PaperEntry({
  instrument,
  assessment,
  answers,
  onChange,
}: {
  instrument: InstrumentView;
  assessment: Pick<AssessmentView, 'perspective'>;
  answers: Answers;
  onChange: AnswerChange;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const groups = visibleItems(instrument, assessment.perspective, answers);
  const order = groups.flatMap((g) => g.items.map((i) => i.key));
  const focusNext = (key: string) => {
    const next = order[order.indexOf(key) + 1];
    if (next) inputs.current.get(next)?.focus();
  };
  let n = 0;
  return (
    <div>
      <p>{t('assessments.entry.paperHint')}</p>
      <table className="table paper-table">
        <tbody>
          {groups.flatMap(({ dimension, items }) =>
            items.length
              ? [
                  <tr key={dimension.key}>
                    <th colSpan={3} scope="colgroup">
                      {tr(dimension.title, lang)}
                    </th>
                  </tr>,
                  ...items.map((item) => {
                    n += 1;
                    return (
                      <PaperRow
                        key={item.key}
                        n={n}
                        item={item}
                        label={
                          item.role === 'work_on'
                            ? `${tr(dimension.title, lang)}: ${t('assessments.entry.workOn')}`
                            : tr(item.texts[assessment.perspective], lang)
                        }
                        value={answers[item.key]}
                        register={(el) => {
                          if (el) inputs.current.set(item.key, el);
                          else inputs.current.delete(item.key);
                        }}
                        onChange={onChange}
                        onDone={() => focusNext(item.key)}
                      />
                    );
                  }),
                ]
              : [],
          )}
        </tbody>
      </table>
    </div>
  );
}

const shown = (v: AnswerValue | undefined) =>
  v === undefined ? '' : v === null ? 'x' : typeof v === 'boolean' ? (v ? 'j' : 'n') : String(v);

function PaperRow({
  n,
  item,
  label,
  value,
  register,
  onChange,
  onDone,
}: {
  n: number;
  item: InstrumentItem;
  label: string;
  value: AnswerValue | undefined;
  register: (el: HTMLInputElement | null) => void;
  onChange: AnswerChange;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(shown(value));
  const [invalid, setInvalid] = useState(false);
  const id = useId();
  const hintId = useId();
  useEffect(() => setText(shown(value)), [value]);
  const allowed = item.scale ? item.scale.options.map((o) => o.value) : [];
  const singleDigit = item.scale ? allowed.every((v) => v >= 0 && v <= 9) : true;
  const parse = (raw: string): { ok: boolean; value?: AnswerValue | undefined } => {
    const s = raw.trim().toLowerCase();
    if (s === '') return { ok: true, value: undefined };
    if (s === 'x' || s === '-') return { ok: true, value: null };
    if (!item.scale) {
      if (['j', 'y', '1'].includes(s)) return { ok: true, value: true };
      if (['n', '0'].includes(s)) return { ok: true, value: false };
      return { ok: false };
    }
    const v = Number(s);
    return Number.isInteger(v) && allowed.includes(v) ? { ok: true, value: v } : { ok: false };
  };
  const commit = (raw: string) => {
    const r = parse(raw);
    setInvalid(!r.ok);
    if (r.ok) onChange(item.key, r.value);
    return r.ok;
  };
  return (
    <tr>
      <td className="num">{n}</td>
      <td>
        <label htmlFor={id}>{label}</label>
      </td>
      <td>
        <input
          id={id}
          ref={register}
          inputMode={item.scale ? 'numeric' : 'text'}
          autoComplete="off"
          value={text}
          aria-invalid={invalid}
          aria-describedby={hintId}
          onChange={(e) => {
            const raw = e.target.value;
            setText(raw);
            const r = parse(raw);
            if (r.ok && raw.trim() !== '' && (singleDigit || raw.trim().length >= 2 || raw.trim() === 'x')) {
              commit(raw);
              onDone();
            }
          }}
          onBlur={(e) => commit(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (commit((e.target as HTMLInputElement).value)) onDone();
            }
          }}
        />
        <span id={hintId} className="visually-hidden">
          {invalid ? `${t('assessments.entry.invalid')}. ` : ''}
          {t('assessments.entry.allowed', { values: item.scale ? allowed.join(', ') : 'j, n' })}
        </span>
      </td>
    </tr>
  );
}
