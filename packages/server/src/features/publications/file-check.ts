import { PUBLICATION_MAX_BYTES, type publicationContentTypes } from '@lotse/domain';
import { badRequest } from '../../platform/errors.ts';
import { detectFileKind, fileNameProblem, isText } from '../../platform/file-kind.ts';

type ContentType = (typeof publicationContentTypes)[number];

/** What each allowed type must look like: its signature (magic bytes) and its file name extensions. */
const TYPES: Record<ContentType, { matches: (content: Buffer) => boolean; extensions: string[] }> = {
  'application/pdf': { matches: (b) => detectFileKind(b) === 'pdf', extensions: ['pdf'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    matches: (b) => detectFileKind(b) === 'zip',
    extensions: ['docx'],
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    matches: (b) => detectFileKind(b) === 'zip',
    extensions: ['xlsx'],
  },
  'application/vnd.oasis.opendocument.text': {
    matches: (b) => detectFileKind(b) === 'zip',
    extensions: ['odt'],
  },
  'image/png': { matches: (b) => detectFileKind(b) === 'png', extensions: ['png'] },
  'image/jpeg': { matches: (b) => detectFileKind(b) === 'jpeg', extensions: ['jpg', 'jpeg'] },
  'text/plain': { matches: isText, extensions: ['txt'] },
};

/**
 * Decodes an uploaded file and checks its size, that its content matches the declared type, and that
 * its name says the same (extension, no double extension naming another type, no hidden characters).
 */
export function checkedFile(file: { name: string; contentType: string; data: string }): Buffer {
  const content = Buffer.from(file.data, 'base64');
  if (content.length === 0)
    throw badRequest('Die Datei ist leer.', [{ path: 'file.data', message: 'Datei ist leer' }]);
  if (content.length > PUBLICATION_MAX_BYTES)
    throw badRequest('Die Datei ist größer als 10 MB.', [
      { path: 'file.data', message: 'Datei größer als 10 MB' },
    ]);
  const type = TYPES[file.contentType as ContentType];
  if (!type?.matches(content))
    throw badRequest('Der Inhalt der Datei passt nicht zum angegebenen Dateityp.', [
      { path: 'file.contentType', message: 'Inhalt passt nicht zum Dateityp' },
    ]);
  const problem = fileNameProblem(file.name, type.extensions);
  if (problem) throw badRequest(problem, [{ path: 'file.name', message: problem }]);
  return content;
}
