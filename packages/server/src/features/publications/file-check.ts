import { PUBLICATION_MAX_BYTES } from '@lotse/domain';
import { badRequest } from '../../platform/errors.ts';

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/** What the first bytes of a file must look like for each allowed type. */
const SIGNATURES: Record<string, (buf: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (b) =>
    startsWith(b, [0x50, 0x4b, 3, 4]),
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': (b) =>
    startsWith(b, [0x50, 0x4b, 3, 4]),
  'application/vnd.oasis.opendocument.text': (b) => startsWith(b, [0x50, 0x4b, 3, 4]),
  'image/png': (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  'text/plain': (b) => {
    if (b.includes(0)) return false;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b);
      return true;
    } catch {
      return false;
    }
  },
};

/** Decodes an uploaded file and checks its size and that its content matches the declared type. */
export function checkedFile(file: { name: string; contentType: string; data: string }): Buffer {
  const content = Buffer.from(file.data, 'base64');
  if (content.length === 0)
    throw badRequest('Die Datei ist leer.', [{ path: 'file.data', message: 'Datei ist leer' }]);
  if (content.length > PUBLICATION_MAX_BYTES)
    throw badRequest('Die Datei ist größer als 10 MB.', [
      { path: 'file.data', message: 'Datei größer als 10 MB' },
    ]);
  const matches = SIGNATURES[file.contentType];
  if (!matches?.(content))
    throw badRequest('Der Inhalt der Datei passt nicht zum angegebenen Dateityp.', [
      { path: 'file.contentType', message: 'Inhalt passt nicht zum Dateityp' },
    ]);
  return content;
}
