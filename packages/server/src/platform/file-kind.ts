/** What the first bytes of a file say it is (its magic number), independent of name and declared type. */
export type FileKind = 'pdf' | 'zip' | 'ole' | 'png' | 'jpeg' | 'gif' | 'executable';

const SIGNATURES: [FileKind, number[]][] = [
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['zip', [0x50, 0x4b, 0x03, 0x04]], // DOCX, XLSX, ODT are zip files
  ['ole', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]], // DOC, XLS
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['executable', [0x4d, 0x5a]], // MZ: Windows programs
  ['executable', [0x7f, 0x45, 0x4c, 0x46]], // ELF
];

export function detectFileKind(content: Buffer): FileKind | undefined {
  return SIGNATURES.find(([, bytes]) => bytes.every((b, i) => content[i] === b))?.[0];
}

/** UTF-8 text without NUL bytes: what a CSV or TXT file must be. */
export function isText(content: Buffer): boolean {
  if (content.includes(0) || detectFileKind(content) !== undefined) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}

/** Extensions that name a type of their own; inside a file name they would lie about the type. */
const TYPE_EXTENSIONS = new Set(
  'pdf doc docx xls xlsx xlsm odt ods rtf txt csv png jpg jpeg gif bmp svg tif tiff htm html xml zip rar 7z gz exe com bat cmd scr msi pif cpl dll js jse vbs vbe wsf ps1 psm1 sh jar lnk reg hta iso img'.split(
    ' ',
  ),
);

/**
 * Control characters (C0, DEL, C1), bidirectional overrides and isolates, zero-width and other
 * invisible format characters: they make `bericht\u202Efdp.exe` display as `bericht.exe.pdf`.
 */
const HIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/**
 * Why an uploaded file's name is refused, or undefined: it must end in one of the type's extensions,
 * hold no hidden characters, and no inner part may name another type (`bericht.pdf.exe`,
 * `rechnung.exe.pdf`).
 */
export function fileNameProblem(name: string, extensions: readonly string[]): string | undefined {
  if (HIDDEN_CHARACTERS.test(name)) return 'Der Dateiname enthält unsichtbare Steuer- oder Richtungszeichen.';
  const parts = name.toLowerCase().split('.');
  const extension = parts.length > 1 ? parts.at(-1) : undefined;
  if (!extension || !extensions.includes(extension))
    return `Die Dateiendung passt nicht zum Inhalt (erwartet: .${extensions.join(', .')}).`;
  const inner = parts.slice(1, -1).find((p) => TYPE_EXTENSIONS.has(p.trim()) && p.trim() !== extension);
  if (inner) return `Der Dateiname täuscht einen anderen Dateityp vor (.${inner.trim()}).`;
  return undefined;
}
