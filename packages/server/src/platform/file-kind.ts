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
