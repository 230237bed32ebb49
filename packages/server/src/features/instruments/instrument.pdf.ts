import {
  askedIn,
  type InstrumentDefinition,
  type InstrumentItem,
  type InstrumentLocale,
  type Perspective,
} from '@lotse/domain';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { box, footer, type Letterhead, labelsFor, loc, renderPdf } from './pdf.ts';

function itemRows(
  item: InstrumentItem,
  n: number,
  perspective: Perspective,
  locale: InstrumentLocale,
): TableCell[][] {
  const text = loc(item.texts[perspective], locale);
  const help = item.help
    ? { text: loc(item.help, locale), italics: true, fontSize: 7, color: '#444444' }
    : null;
  const question: TableCell = { stack: [{ text: `${n}. ${text}` }, ...(help ? [help] : [])] };
  if (!item.scale) return [];
  const options = item.scale.options;
  return [[question, ...options.map(() => box()), box()]];
}

/** A blank printable form of one version, locale and perspective: every item text of that locale. */
export function blankForm(
  title: string,
  version: number,
  def: InstrumentDefinition,
  locale: InstrumentLocale,
  perspective: Perspective,
  letterhead?: Letterhead,
  prefill: { clientNumber?: string | undefined } = {},
): Promise<Buffer> {
  const L = labelsFor(locale);
  let n = 0;
  const content: Content[] = [
    { text: loc(def.title, locale), fontSize: 16, bold: true },
    { text: `${L[perspective]} · ${L.version} ${version}`, margin: [0, 2, 0, 6] },
    {
      columns: [
        { text: `${L.name}: ______________________________` },
        { text: `${L.date}: ______________`, width: 'auto' },
      ],
      margin: [0, 0, 0, 8],
    },
    { text: L.instructions, italics: true, margin: [0, 0, 0, 8] },
  ];
  if (prefill.clientNumber)
    content.splice(2, 0, { text: `${L.clientNumber}: ${prefill.clientNumber}`, margin: [0, 0, 0, 4] });
  for (const d of def.dimensions) {
    const asked = d.items.filter((i) => askedIn(i, perspective));
    if (asked.length === 0) continue;
    content.push({ text: loc(d.title, locale), fontSize: 12, bold: true, margin: [0, 10, 0, 2] });
    if (d.help) content.push({ text: loc(d.help, locale), italics: true, fontSize: 8, margin: [0, 0, 0, 4] });
    // One table per scale so that the option labels head their columns.
    const scaled = asked.filter((i) => i.scale);
    const groups = new Map<string, InstrumentItem[]>();
    for (const i of scaled) {
      const k = JSON.stringify(i.scale?.options.map((o) => o.value));
      groups.set(k, [...(groups.get(k) ?? []), i]);
    }
    for (const items of groups.values()) {
      const scale = items[0]?.scale;
      if (!scale) continue;
      const many = scale.options.length > 6;
      const header: TableCell[] = [
        { text: '' },
        ...scale.options.map((o) => ({
          text: many ? String(o.value) : loc(o.label, locale),
          fontSize: 6.5,
          alignment: 'center' as const,
        })),
        { text: loc(scale.nullLabel, locale), fontSize: 6.5, alignment: 'center' as const },
      ];
      const rows = items.flatMap((i) => itemRows(i, ++n, perspective, locale));
      content.push({
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: ['*', ...scale.options.map(() => (many ? 14 : 40)), many ? 40 : 48],
          body: [header, ...rows],
        },
        layout: 'lightHorizontalLines',
      });
      if (many) {
        const ends = `${loc(scale.options[0]?.label, locale)} … ${loc(scale.options.at(-1)?.label, locale)}`;
        content.push({ text: ends, fontSize: 7, italics: true, margin: [0, 2, 0, 0] });
      }
    }
    for (const i of asked.filter((x) => !x.scale)) {
      const text = i.role === 'work_on' ? L.workOn : `${++n}. ${loc(i.texts[perspective], locale)}`;
      content.push({
        columns: [{ text, width: '*' }, box(), { text: L.yes, width: 30 }, box(), { text: L.no, width: 30 }],
        margin: [0, 4, 0, 0],
      });
    }
  }
  return renderPdf(
    {
      info: { title: `${title} ${L.version} ${version}` },
      content,
      footer: footer(`${loc(def.title, locale)} · ${L[perspective]}`, L),
    },
    letterhead,
  );
}
