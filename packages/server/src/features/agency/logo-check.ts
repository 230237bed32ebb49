import { badRequest } from '../../platform/errors.ts';
import { detectFileKind } from '../../platform/file-kind.ts';
import { renderPdf } from '../instruments/pdf.ts';

const KIND = { 'image/png': 'png', 'image/jpeg': 'jpeg' } as const;

/**
 * Decodes an uploaded logo and checks it by content: not empty, within the size limit, its signature
 * that of the declared type, and the PDF renderer able to embed it. The last check runs once here so
 * that a broken image can never make every later PDF of the agency fail.
 */
export async function checkedLogo(
  contentType: keyof typeof KIND,
  base64: string,
  maxBytes: number,
): Promise<Buffer> {
  const data = Buffer.from(base64, 'base64');
  if (data.length === 0)
    throw badRequest('Die Datei ist leer.', [{ path: 'data', message: 'Datei ist leer' }]);
  if (data.length > maxBytes) {
    const kib = Math.round(maxBytes / 1024);
    throw badRequest(`Das Logo ist größer als ${kib} KB.`, [
      { path: 'data', message: `Datei größer als ${kib} KB` },
    ]);
  }
  if (detectFileKind(data) !== KIND[contentType])
    throw badRequest('Das Logo muss ein PNG- oder JPEG-Bild sein, dessen Inhalt zum Dateityp passt.', [
      { path: 'contentType', message: 'Inhalt passt nicht zum Dateityp' },
    ]);
  try {
    await renderPdf({
      content: [{ image: 'logo', fit: [40, 40] }],
      images: { logo: `data:${contentType};base64,${data.toString('base64')}` },
    });
  } catch {
    throw badRequest('Das Bild ist beschädigt oder in einem nicht unterstützten Format.', [
      { path: 'data', message: 'Bild nicht lesbar' },
    ]);
  }
  return data;
}
