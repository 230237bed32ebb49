import type { Answers, AnswerValue, AssessmentView, InstrumentItem, InstrumentView } from '@lotse/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/useLanguage.ts';
import { type AnswerChange, visibleItems } from './AssessmentEntry.tsx';
import { tr } from './text.ts';

// Staff only, in a module of its own: the public self-assessment page loads AssessmentEntry, not this.
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
  const { t, lang } = useLanguage();
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
