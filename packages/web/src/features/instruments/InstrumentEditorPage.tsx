import type {
  Answers,
  InstrumentDimension,
  InstrumentItem,
  InstrumentLocale,
  InstrumentView,
  LocalizedText,
  Perspective,
} from '@lotse/domain';
import { instrumentLocales, itemsToEdit, perspectives } from '@lotse/domain';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { api } from '../../app/client.ts';
import { errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading, Page, Section } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { AssessmentEntry } from './AssessmentEntry.tsx';
import './assessments.css';
import './instruments.css';
import { useLanguage } from '../../app/useLanguage.ts';

type Draft = Pick<InstrumentView, 'title' | 'description' | 'scoring' | 'dimensions'>;

/** The scoring settings the editor offers, each a whole number within its bounds. */
const SCORING_FIELDS = [
  { key: 'needThreshold', min: 0, max: 100 },
  { key: 'followUpMonths', min: 1, max: 60 },
] as const;

/** One text per locale, as three labelled inputs. */
function LocalizedInput({
  label,
  value,
  onChange,
  multiline,
}: {
  label: string;
  value: LocalizedText | undefined;
  onChange: (v: LocalizedText) => void;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  const base = useId();
  return (
    <fieldset className="editor-texts">
      <legend>{label}</legend>
      {instrumentLocales.map((locale) => {
        const id = `${base}-${locale}`;
        const v = value?.[locale] ?? '';
        const set = (text: string) => {
          const next: LocalizedText = { ...(value ?? { de: '' }) };
          if (text || locale === 'de') next[locale] = text;
          else delete next[locale];
          onChange(next);
        };
        return (
          <label key={locale} htmlFor={id}>
            {t(`instruments.locale.${locale}`)}
            {multiline ? (
              <textarea id={id} rows={2} value={v} onChange={(e) => set(e.target.value)} />
            ) : (
              <input id={id} value={v} onChange={(e) => set(e.target.value)} />
            )}
          </label>
        );
      })}
    </fieldset>
  );
}

const defaultScale = (): NonNullable<InstrumentItem['scale']> => ({
  options: [1, 2, 3, 4, 5].map((value) => ({ value, label: { de: String(value) } })),
  nullLabel: { de: 'trifft nicht zu / keine Angabe' },
});

const newItem = (dimension: InstrumentDimension, n: number): InstrumentItem => {
  const template = dimension.items.find((i) => i.type === 'scale' && i.scale);
  return {
    key: `${dimension.key}_item_${n}`,
    type: 'scale',
    scale: template?.scale ?? defaultScale(),
    required: true,
    reverse: false,
    scored: true,
    role: 'rating',
    texts: { self: { de: 'Ich …' }, professional: { de: 'Die Person …' } },
  };
};

const itemAnchor = (key: string) => `frage-${key}`;

/**
 * An item the import could not take over completely: what went wrong and the way out. Resolving puts a
 * default scale where none could be read (its labels are edited below) and removes the note, which
 * publishing requires.
 */
function ImportIssue({ item, onResolve }: { item: InstrumentItem; onResolve: () => void }) {
  const { t } = useTranslation();
  const needsScale = item.type === 'scale' && !item.scale;
  return (
    <Alert tone="warning" title={t('instruments.importIssueTitle')}>
      <p>{item.importIssue}</p>
      <p>{t('instruments.importIssueHint')}</p>
      <Button variant="secondary" onPress={onResolve}>
        {t(needsScale ? 'instruments.importIssueDefaultScale' : 'instruments.importIssueResolve')}
      </Button>
    </Alert>
  );
}

/** Editing a draft: dimensions, items, scale labels, texts and translations, with a live preview. */
export function InstrumentEditorPage() {
  const { id = '' } = useParams();
  const { t, lang } = useLanguage();
  const instrument = useEndpoint(api.instruments.read, { params: { id } });
  const [draft, setDraft] = useState<Draft>();
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [previewPerspective, setPreviewPerspective] = useState<Perspective>('self');
  const [previewLocale, setPreviewLocale] = useState<InstrumentLocale>(lang);
  const [previewAnswers, setPreviewAnswers] = useState<Answers>({});

  useEffect(() => {
    const i = instrument.data;
    if (i && !draft)
      setDraft({ title: i.title, description: i.description, scoring: i.scoring, dimensions: i.dimensions });
  }, [instrument.data, draft]);

  const i = instrument.data;
  const editable = i?.status === 'draft' && !i.shared;
  const setDimension = (di: number, change: Partial<InstrumentDimension>) =>
    setDraft(
      (d) => d && { ...d, dimensions: d.dimensions.map((x, k) => (k === di ? { ...x, ...change } : x)) },
    );
  const setItem = (di: number, ii: number, change: Partial<InstrumentItem>) =>
    setDimension(di, {
      items: (draft?.dimensions[di]?.items ?? []).map((x, k) => (k === ii ? { ...x, ...change } : x)),
    });

  const save = async () => {
    if (!draft) return;
    setError(undefined);
    setNotice(undefined);
    try {
      const saved = await api.instruments.update({
        params: { id },
        body: {
          title: draft.title,
          ...(draft.description ? { description: draft.description } : {}),
          scoring: draft.scoring,
          dimensions: draft.dimensions,
        },
      });
      setDraft({
        title: saved.title,
        description: saved.description,
        scoring: saved.scoring,
        dimensions: saved.dimensions,
      });
      setNotice(t('instruments.saved'));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Page
      title={t('instruments.editorTitle')}
      intro={
        i ? (
          <p>{`${i.key} · ${t('instruments.version')} ${i.version} · ${t(`instruments.${i.status}`)}`}</p>
        ) : null
      }
      actions={
        <Link className="btn btn--secondary" to="/verwaltung/erhebungsboegen">
          {t('instruments.back')}
        </Link>
      }
    >
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error ? (
        <Alert tone="error">
          {errorText(t, error)}
          {error instanceof ApiError && error.issues.length ? (
            <ul>
              {error.issues.map((x) => (
                <li key={`${x.path}-${x.message}`}>
                  <code>{x.path}</code>: {x.message}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {!draft ? <Loading label={t('common.loading')} /> : null}
      {draft && !editable ? <Alert tone="info">{t('instruments.intro')}</Alert> : null}
      {draft && editable && itemsToEdit(draft).length ? (
        <Alert tone="warning" title={t('instruments.importIssues', { count: itemsToEdit(draft).length })}>
          <ul>
            {itemsToEdit(draft).map((item) => (
              <li key={item.key}>
                <a href={`#${itemAnchor(item.key)}`}>{item.key}</a>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {draft && editable ? (
        <div className="editor">
          <div className="editor__form">
            <Section id="allgemein" title={t('instruments.instrumentTitle')}>
              <LocalizedInput
                label={t('instruments.instrumentTitle')}
                value={draft.title}
                onChange={(title) => setDraft({ ...draft, title })}
              />
              <div className="editor-row">
                {SCORING_FIELDS.map(({ key, min, max }) => (
                  <label key={key}>
                    {t(`instruments.${key}`)}
                    <input
                      type="number"
                      min={min}
                      max={max}
                      value={draft.scoring[key]}
                      onChange={(e) =>
                        setDraft({ ...draft, scoring: { ...draft.scoring, [key]: Number(e.target.value) } })
                      }
                    />
                  </label>
                ))}
              </div>
            </Section>
            {draft.dimensions.map((d, di) => (
              <Section
                // biome-ignore lint/suspicious/noArrayIndexKey: keys are edited in place; the position is the identity
                key={di}
                id={`bereich-${di}`}
                title={`${t('instruments.dimension')}: ${d.title.de}`}
              >
                <LocalizedInput
                  label={t('instruments.dimensionTitle')}
                  value={d.title}
                  onChange={(title) => setDimension(di, { title })}
                />
                <div className="editor-row">
                  <label>
                    {t('instruments.sd')}
                    <input
                      type="number"
                      step="0.1"
                      value={d.reference.sd}
                      onChange={(e) =>
                        setDimension(di, { reference: { ...d.reference, sd: Number(e.target.value) } })
                      }
                    />
                  </label>
                  <label>
                    {t('instruments.reliability')}
                    <input
                      type="number"
                      step="0.01"
                      min={0}
                      max={0.99}
                      value={d.reference.reliability}
                      onChange={(e) =>
                        setDimension(di, {
                          reference: { ...d.reference, reliability: Number(e.target.value) },
                        })
                      }
                    />
                  </label>
                </div>
                {d.items.map((item, ii) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: keys are edited in place; the position is the identity
                  <fieldset key={ii} className="editor-item" id={itemAnchor(item.key)}>
                    <legend>
                      {t('instruments.item')} <code>{item.key}</code>
                    </legend>
                    {item.importIssue ? (
                      <ImportIssue
                        item={item}
                        onResolve={() =>
                          setItem(di, ii, {
                            importIssue: undefined,
                            ...(item.type === 'scale' && !item.scale
                              ? { scale: defaultScale(), scored: true }
                              : {}),
                          })
                        }
                      />
                    ) : null}
                    <label>
                      {t('instruments.itemKey')}
                      <input value={item.key} onChange={(e) => setItem(di, ii, { key: e.target.value })} />
                    </label>
                    {item.type === 'scale' ? (
                      <div className="editor-row">
                        {(['required', 'reverse'] as const).map((flag) => (
                          <label key={flag} className="editor-check">
                            <input
                              type="checkbox"
                              checked={item[flag]}
                              onChange={(e) => setItem(di, ii, { [flag]: e.target.checked })}
                            />
                            {t(`instruments.${flag}`)}
                          </label>
                        ))}
                      </div>
                    ) : null}
                    {perspectives.map((p) =>
                      item.texts[p] || item.role !== 'work_on' ? (
                        <LocalizedInput
                          key={p}
                          multiline
                          label={t(p === 'self' ? 'instruments.textSelf' : 'instruments.textProfessional')}
                          value={item.texts[p]}
                          onChange={(text) => setItem(di, ii, { texts: { ...item.texts, [p]: text } })}
                        />
                      ) : null,
                    )}
                    <LocalizedInput
                      label={t('instruments.help')}
                      value={item.help}
                      onChange={(help) => setItem(di, ii, help.de ? { help } : { help: undefined })}
                    />
                    {item.scale ? (
                      <details>
                        <summary>{t('instruments.scale')}</summary>
                        {item.scale.options.map((o, oi) => (
                          <LocalizedInput
                            key={o.value}
                            label={t('instruments.option', { value: o.value })}
                            value={o.label}
                            onChange={(label) =>
                              setItem(di, ii, {
                                scale: item.scale && {
                                  ...item.scale,
                                  options: item.scale.options.map((x, k) => (k === oi ? { ...x, label } : x)),
                                },
                              })
                            }
                          />
                        ))}
                      </details>
                    ) : null}
                    <Button
                      variant="secondary"
                      onPress={() => setDimension(di, { items: d.items.filter((_, k) => k !== ii) })}
                    >
                      {t('instruments.removeItem')}
                    </Button>
                  </fieldset>
                ))}
                <Button
                  variant="secondary"
                  onPress={() => setDimension(di, { items: [...d.items, newItem(d, d.items.length + 1)] })}
                >
                  {t('instruments.addItem')}
                </Button>
              </Section>
            ))}
            <div className="section-actions">
              <Button
                variant="secondary"
                onPress={() =>
                  setDraft({
                    ...draft,
                    dimensions: [
                      ...draft.dimensions,
                      {
                        key: `area_${draft.dimensions.length + 1}`,
                        kind: 'area',
                        title: { de: `Bereich ${draft.dimensions.length + 1}` },
                        reference: { sd: 20, reliability: 0.8 },
                        items: [
                          newItem({ key: `area_${draft.dimensions.length + 1}`, items: [] } as never, 1),
                        ],
                      },
                    ],
                  })
                }
              >
                {t('instruments.addDimension')}
              </Button>
              <Button onPress={() => void save()}>{t('instruments.save')}</Button>
            </div>
          </div>
          <aside className="editor__preview card" aria-labelledby="vorschau-heading">
            <h2 id="vorschau-heading">{t('instruments.preview')}</h2>
            <div className="progress-controls">
              <SelectField
                label={t('instruments.previewPerspective')}
                options={perspectives.map((p) => ({ id: p, label: t(`assessments.perspective.${p}`) }))}
                selectedKey={previewPerspective}
                onSelectionChange={(key) => key && setPreviewPerspective(key as Perspective)}
              />
              <SelectField
                label={t('instruments.previewLocale')}
                options={instrumentLocales.map((l) => ({ id: l, label: t(`instruments.locale.${l}`) }))}
                selectedKey={previewLocale}
                onSelectionChange={(key) => key && setPreviewLocale(key as InstrumentLocale)}
              />
            </div>
            <AssessmentEntry
              instrument={draft}
              assessment={{ perspective: previewPerspective }}
              answers={previewAnswers}
              locale={previewLocale}
              onChange={(key, value) =>
                setPreviewAnswers((a) => {
                  const next = { ...a };
                  if (value === undefined) delete next[key];
                  else next[key] = value;
                  return next;
                })
              }
            />
          </aside>
        </div>
      ) : null}
    </Page>
  );
}
