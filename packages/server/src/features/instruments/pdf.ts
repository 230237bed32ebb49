import type { InstrumentLocale, LocalizedText } from '@lotse/domain';
import pdfmake from 'pdfmake';
import type { Content, Margins, TDocumentDefinitions } from 'pdfmake/interfaces';
import { winAnsiText } from '../client-records/pdf-text.ts';

/** The PDF standard fonts need no files; only their names may be "loaded" (no file or URL access). */
const STANDARD_FONTS = new Set(['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique']);
const FONTS = {
  Helvetica: {
    normal: 'Helvetica',
    bold: 'Helvetica-Bold',
    italics: 'Helvetica-Oblique',
    bolditalics: 'Helvetica-BoldOblique',
  },
};

/** The agency's letterhead: the name shown and the logo as a data URL (PNG or JPEG, checked on upload). */
export interface Letterhead {
  name: string;
  logo?: string;
}

const LETTERHEAD_TOP = 72;

/**
 * Puts the agency's letterhead (logo left, name right) at the top of every page. The top margin grows
 * to make room; the image comes from the document's own image dictionary (a data URL, no file or URL
 * access). The name goes through winAnsiText because the standard fonts only draw WinAnsi.
 */
export function withLetterhead(
  doc: TDocumentDefinitions,
  letterhead: Letterhead | undefined,
): TDocumentDefinitions {
  if (!letterhead || (!letterhead.name && !letterhead.logo)) return doc;
  const m = doc.pageMargins ?? [40, 40, 40, 50];
  const [left, top, right, bottom] = (
    typeof m === 'number' ? [m, m, m, m] : m.length === 2 ? [m[0], m[1], m[0], m[1]] : m
  ) as [number, number, number, number];
  const name = {
    text: winAnsiText(letterhead.name),
    bold: true,
    fontSize: 11,
    alignment: 'right',
    width: '*',
    margin: [0, 12, 0, 0] as Margins,
  } as Content;
  return {
    ...doc,
    images: { ...(doc.images ?? {}), ...(letterhead.logo ? { letterheadLogo: letterhead.logo } : {}) },
    pageMargins: [left, Math.max(top, LETTERHEAD_TOP), right, bottom] as Margins,
    header: () =>
      ({
        columns: letterhead.logo
          ? [{ image: 'letterheadLogo', fit: [160, 40], width: 'auto' }, name]
          : [name],
        margin: [left, 16, right, 0] as Margins,
      }) as Content,
  };
}

/** Renders a finished document with the built-in PDF fonts; no file or URL is ever read. */
export async function pdfBuffer(doc: TDocumentDefinitions): Promise<Buffer> {
  // pdfmake is a process-wide singleton: fonts and policies are set right before (synchronously with)
  // createPdf, which captures them, so other features' settings cannot interfere.
  pdfmake.setFonts(FONTS);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => STANDARD_FONTS.has(path));
  const pdf = pdfmake.createPdf(doc);
  return (await (pdf as unknown as { getBuffer(): Promise<Buffer> }).getBuffer()) as Buffer;
}

export async function renderPdf(doc: TDocumentDefinitions, letterhead?: Letterhead): Promise<Buffer> {
  return pdfBuffer({
    ...withLetterhead({ ...doc, pageMargins: doc.pageMargins ?? [40, 40, 40, 50] }, letterhead),
    defaultStyle: { font: 'Helvetica', fontSize: 9, ...(doc.defaultStyle ?? {}) },
  });
}

/** Text in a locale, falling back to German (easy language falls back to German too). */
export const loc = (t: LocalizedText | undefined, locale: InstrumentLocale): string =>
  t ? (t[locale] ?? t.de) : '';

/** An empty tick box drawn as vector (the standard fonts have no box glyph). */
export const box = (): Content =>
  ({ canvas: [{ type: 'rect', x: 0, y: 1, w: 8, h: 8, lineWidth: 0.7 }], width: 10 }) as Content;

export const germanDate = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
};

const labels = {
  de: {
    self: 'Selbsteinschätzung',
    professional: 'Fremdeinschätzung',
    intake: 'Erst-Erhebung',
    follow_up: 'Verlaufserhebung',
    exit: 'Abschlusserhebung',
    together: 'gemeinsam am Bildschirm',
    self_link: 'allein über Link',
    paper: 'vom Papierbogen',
    version: 'Version',
    name: 'Name',
    clientNumber: 'Kund*innen-Nr.',
    date: 'Datum',
    workOn: 'Daran möchte ich arbeiten',
    score: 'Wert (0-100)',
    need: 'Bedarf',
    yes: 'ja',
    no: 'nein',
    answer: 'Antwort',
    noAnswer: 'nicht beantwortet',
    dimension: 'Bereich',
    enteredBy: 'Erfasst von',
    total: 'Gesamtwert',
    amended: 'Korrigiert',
    page: 'Seite',
    of: 'von',
    progress: 'Verlauf der Teilhabe',
    first: 'Erste',
    latest: 'Letzte',
    change: 'Veränderung',
    rci: 'RCI',
    class: 'Einordnung',
    improved: 'verbessert',
    unchanged: 'unverändert',
    worsened: 'verschlechtert',
    radar: 'Netzdiagramm: gestrichelt die erste, durchgezogen die letzte Erhebung (0 innen, 100 außen).',
    rciNote: 'RCI = Reliable Change Index; |RCI| > 1,96 gilt als verlässliche Veränderung.',
    instructions:
      'Bitte kreuzen Sie pro Aussage ein Kästchen an. Wenn eine Aussage nicht passt, kreuzen Sie die letzte Spalte an.',
  },
  en: {
    self: 'Self-assessment',
    professional: 'Professional assessment',
    intake: 'Intake',
    follow_up: 'Follow-up',
    exit: 'Exit',
    together: 'together on screen',
    self_link: 'alone via link',
    paper: 'from paper',
    version: 'Version',
    name: 'Name',
    clientNumber: 'Client no.',
    date: 'Date',
    workOn: 'I want to work on this',
    score: 'Score (0-100)',
    need: 'Need',
    yes: 'yes',
    no: 'no',
    answer: 'Answer',
    noAnswer: 'not answered',
    dimension: 'Area',
    enteredBy: 'Entered by',
    total: 'Total',
    amended: 'Corrected',
    page: 'Page',
    of: 'of',
    progress: 'Participation over time',
    first: 'First',
    latest: 'Latest',
    change: 'Change',
    rci: 'RCI',
    class: 'Classification',
    improved: 'improved',
    unchanged: 'unchanged',
    worsened: 'worsened',
    radar: 'Radar chart: dashed the first, solid the latest assessment (0 inside, 100 outside).',
    rciNote: 'RCI = Reliable Change Index; |RCI| > 1.96 counts as reliable change.',
    instructions: 'Please tick one box per statement. If a statement does not apply, tick the last column.',
  },
} as const;

export type PdfLabels = Record<keyof (typeof labels)['de'], string>;
export const labelsFor = (locale: InstrumentLocale): PdfLabels => (locale === 'en' ? labels.en : labels.de);

export const footer = (title: string, L: PdfLabels) => (page: number, pages: number) => ({
  text: `${title} · ${L.page} ${page} ${L.of} ${pages}`,
  alignment: 'center' as const,
  fontSize: 7,
  margin: [0, 20, 0, 0] as [number, number, number, number],
});
