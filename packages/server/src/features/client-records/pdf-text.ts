import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/** Characters the PDF standard fonts can show (WinAnsi: Latin-1 plus a few typographic extras). */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const isWinAnsi = (ch: string) => {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x80 || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(ch);
};
/** Letters that do not decompose into a base letter plus accent. */
const SPECIAL: Record<string, string> = { ı: 'i', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ħ: 'h', ŀ: 'l', ſ: 's' };

/**
 * The standard fonts (the only ones the PDFs use, so nothing is loaded from disk) cannot draw letters
 * such as ı, ş, ł or ğ, frequent in the names of our clients. Rather than printing garbage, such letters
 * become their base letter (Yıldırım -> Yildirim, Łukasz -> Lukasz); everything in Latin-1 stays as is.
 */
export function winAnsiText(text: string): string {
  let out = '';
  for (const ch of text) {
    if (isWinAnsi(ch)) out += ch;
    else
      out +=
        SPECIAL[ch] ??
        ([...ch.normalize('NFD')].filter((c) => isWinAnsi(c) && !/\p{M}/u.test(c)).join('') || '?');
  }
  return out;
}

/** Applies `winAnsiText` to every string in a document definition (functions such as footers are wrapped). */
export function winAnsiDocument(doc: TDocumentDefinitions): TDocumentDefinitions {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return winAnsiText(value);
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === 'function')
      return (...args: unknown[]) => walk((value as (...a: unknown[]) => unknown)(...args));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return walk(doc) as TDocumentDefinitions;
}
