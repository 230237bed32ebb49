import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let ko: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  ko = t.client();
  await ko.login(DEMO.coordinator);
});
afterAll(() => t.close());

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');
const upload = (name: string, contentType = 'application/pdf', data = pdf) =>
  ko.post('/api/publications', { title: 'Bericht', kind: 'guide', file: { name, contentType, data } });
const count = async () =>
  (await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM publications')).rows[0]?.n;

describe('publication uploads', () => {
  it('[trust #13] refuse file names that lie about the content or hide characters (400, nothing written)', async () => {
    const before = await count();
    for (const name of [
      'bericht.pdf.exe',
      'bericht.exe.pdf',
      'bericht\u202Eexe.pdf',
      'bericht\u200B.pdf',
      'bericht',
    ]) {
      const res = await upload(name);
      expect(res.status, name).toBe(400);
      expect(res.body.error.issues[0].path).toBe('file.name');
      expect(res.body.error.message.length).toBeGreaterThan(10);
    }
    // A Windows program declared as PDF is refused by its content.
    const program = await upload(
      'bericht.pdf',
      'application/pdf',
      Buffer.from('MZ\x90\x00rest', 'latin1').toString('base64'),
    );
    expect(program.status).toBe(400);
    expect(program.body.error.issues[0].path).toBe('file.contentType');
    expect(await count()).toBe(before);
  });

  it('accepts a name with dots that name no file type', async () => {
    const res = await upload('Jahresbericht 2026.v2.pdf');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.file.name).toBe('Jahresbericht 2026.v2.pdf');
  });
});
