import en from './en.json' with { type: 'json' };

/**
 * The server's messages in the user's language. German is the source language: services throw German
 * texts, and `en.json` maps each of them (with `{0}`, `{1}` for values filled in) to English. Error
 * codes never change with the language; only `message` and issue messages do.
 */
export type Language = 'de' | 'en';

/** The first supported language of an Accept-Language header by preference; German otherwise. */
export function languageOf(acceptLanguage: string | string[] | undefined): Language {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { primary: tag.split('-')[0], weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { primary } of ranked) {
    if (primary === 'de' || primary === 'en') return primary;
  }
  return 'de';
}

const catalogue: Record<string, string> = en;
const exact = new Map(Object.entries(catalogue));

/** Templates with values, longest first so the most specific wins. */
const templates = Object.entries(catalogue)
  .filter(([source]) => /\{\d\}/.test(source))
  .sort(([a], [b]) => b.length - a.length)
  .map(([source, target]) => {
    const names: number[] = [];
    const pattern = source
      .split(/(\{\d\})/)
      .map((part) => {
        const slot = /^\{(\d)\}$/.exec(part);
        if (!slot) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(Number(slot[1]));
        return '(.+?)';
      })
      .join('');
    return { regex: new RegExp(`^${pattern}$`, 's'), names, target };
  });

/** The message in the given language; a message without a translation stays German. */
export function localize(message: string, language: Language): string {
  if (language === 'de' || !message) return message;
  const direct = exact.get(message);
  if (direct !== undefined) return direct;
  for (const { regex, names, target } of templates) {
    const match = regex.exec(message);
    if (!match) continue;
    return names.reduce(
      // A value can itself be a message (e.g. the reason inside "Frage „x“: …").
      (out, slot, i) => out.replaceAll(`{${slot}}`, localize(match[i + 1] ?? '', language)),
      target,
    );
  }
  return message;
}

/** Whether a message has an English text (exact or through a template). */
export function isTranslated(message: string): boolean {
  return exact.has(message) || templates.some(({ regex }) => regex.test(message));
}
