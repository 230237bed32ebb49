import { describe, expect, it } from 'vitest';
import { detectFileKind, fileNameProblem, isText } from './file-kind.ts';

describe('uploaded file names and contents', () => {
  it('[trust #13] refuses names whose extension lies about the content', () => {
    expect(fileNameProblem('bericht.pdf.exe', ['pdf'])).toMatch(/Dateiendung/);
    expect(fileNameProblem('bericht.exe.pdf', ['pdf'])).toMatch(/täuscht/);
    expect(fileNameProblem('bericht.docx.pdf', ['pdf'])).toMatch(/täuscht/);
    expect(fileNameProblem('bericht', ['pdf'])).toMatch(/Dateiendung/);
    expect(fileNameProblem('Foto.JPG', ['jpg', 'jpeg'])).toBeUndefined();
    expect(fileNameProblem('Jahresbericht 2026.v2.final.pdf', ['pdf'])).toBeUndefined();
  });

  it('[trust #13] refuses right-to-left overrides, zero-width and control characters in names', () => {
    for (const hidden of [
      '\u202E',
      '\u202D',
      '\u2066',
      '\u200B',
      '\u200F',
      '\u0007',
      '\u007F',
      '\u0085',
      '\uFEFF',
    ])
      expect(fileNameProblem(`bericht${hidden}fdp.pdf`, ['pdf'])).toMatch(/unsichtbare/);
  });

  it('recognises files by their first bytes, not their names', () => {
    expect(detectFileKind(Buffer.from('%PDF-1.7'))).toBe('pdf');
    expect(detectFileKind(Buffer.from('MZ\x90\x00', 'latin1'))).toBe('executable');
    expect(detectFileKind(Buffer.from([0x50, 0x4b, 3, 4]))).toBe('zip');
    expect(detectFileKind(Buffer.from('Hallo'))).toBeUndefined();
    expect(isText(Buffer.from('Grüße'))).toBe(true);
    expect(isText(Buffer.from([0x48, 0, 0x49]))).toBe(false);
  });
});
