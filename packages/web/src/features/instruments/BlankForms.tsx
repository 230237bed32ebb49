import {
  type InstrumentLocale,
  type InstrumentView,
  instrumentLocales,
  type Perspective,
  perspectives,
} from '@lotse/domain';
import { instrumentEndpoints } from '@lotse/domain/endpoints';
import { fillPath } from '@lotse/domain/src/api/route.ts';
import { useId } from 'react';
import { api } from '../../app/client.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { tr } from './text.ts';

/** The address of a version's blank printable form; with a client, it carries that client's number. */
export function blankFormHref(
  instrumentId: string,
  locale: InstrumentLocale,
  perspective: Perspective,
  clientId?: string,
): string {
  const client = clientId ? `&clientId=${clientId}` : '';
  return `${fillPath(instrumentEndpoints.downloadForm.path, { id: instrumentId })}?locale=${locale}&perspective=${perspective}${client}`;
}

/** The locales an instrument version has texts in (German always; easy language and English if written). */
export const localesOf = (i: InstrumentView): InstrumentLocale[] =>
  instrumentLocales.filter((l) => l === 'de' || Boolean(i.title[l]));

/** The newest published version of each instrument: the one new paper forms should be printed from. */
export function currentVersions(items: readonly InstrumentView[]): InstrumentView[] {
  const newest = new Map<string, InstrumentView>();
  for (const i of items)
    if (i.status === 'published' && (newest.get(i.key)?.version ?? 0) < i.version) newest.set(i.key, i);
  return [...newest.values()];
}

/**
 * Links to the full blank (paper-entry) form of one version, for each perspective and each language
 * it has. With a client, the form carries that client's number (the server checks and audits this).
 */
export function BlankFormLinks({ instrument, clientId }: { instrument: InstrumentView; clientId?: string }) {
  const { t, lang } = useLanguage();
  const captionId = useId();
  const locales = localesOf(instrument);
  return (
    <div className="blank-forms">
      <h3 id={captionId}>
        {t('instruments.blankForms.caption', {
          title: tr(instrument.title, lang),
          version: instrument.version,
        })}
      </h3>
      <dl className="blank-forms__list" aria-labelledby={captionId}>
        {perspectives.map((p) => (
          <div key={p}>
            <dt>{t(`instruments.blankForms.${p}`)}</dt>
            <dd>
              <ul className="link-row">
                {locales.map((l) => (
                  <li key={l}>
                    <a
                      href={blankFormHref(instrument.id, l, p, clientId)}
                      aria-label={t('instruments.blankForms.link', {
                        perspective: t(`instruments.blankForms.${p}`),
                        language: t(`instruments.locale.${l}`),
                      })}
                    >
                      {t(`instruments.locale.${l}`)}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** The blank forms of every current instrument version (for the material page and the client record). */
export function BlankForms({ clientId }: { clientId?: string }) {
  const list = useEndpoint(api.instruments.list, {});
  return (
    <div className="stack">
      {currentVersions(list.data?.items ?? []).map((i) => (
        <BlankFormLinks key={i.id} instrument={i} clientId={clientId} />
      ))}
    </div>
  );
}
