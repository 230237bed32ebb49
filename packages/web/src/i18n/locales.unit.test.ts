import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Static checks of the locale files: a key the code asks for exists in every language, both languages
 * have the same keys, and every action the server writes to the audit log has a name.
 */
const webSrc = fileURLToPath(new URL('..', import.meta.url));
const serverSrc = fileURLToPath(new URL('../../../server/src', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else flatten(value, `${prefix}${key}.`, out);
  }
  return out;
}

const web = files(webSrc);
const keys = { de: new Map<string, string>(), en: new Map<string, string>() };
for (const file of web) {
  const lang = /[/\\](de|en)\.json$/.exec(file)?.[1] as 'de' | 'en' | undefined;
  if (lang) for (const [k, v] of flatten(JSON.parse(readFileSync(file, 'utf8')))) keys[lang].set(k, v);
}
const has = (lang: 'de' | 'en', key: string) =>
  keys[lang].has(key) || keys[lang].has(`${key}_one`) || keys[lang].has(`${key}_other`);

describe('locale files', () => {
  it('hold every key the code names literally, in German and English', () => {
    const missing: string[] = [];
    for (const file of web.filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*['"]([a-zA-Z0-9_.-]+)['"]/g)) {
        for (const lang of ['de', 'en'] as const) if (!has(lang, m[1] ?? '')) missing.push(`${lang} ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('have the same keys in both languages', () => {
    expect([...keys.de.keys()].filter((k) => !keys.en.has(k))).toEqual([]);
    expect([...keys.en.keys()].filter((k) => !keys.de.has(k))).toEqual([]);
  });

  it('name every action the server writes to the audit log', () => {
    const actions = new Set<string>();
    for (const file of files(serverSrc).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/\baction: '([a-z_]+(?:\.[a-z_]+)+)'/g)) actions.add(m[1] ?? '');
      for (const m of source.matchAll(/\baudit\([^)]*?'([a-z_]+(?:\.[a-z_]+)+)'/g)) actions.add(m[1] ?? '');
      // Actions chosen by a condition or named in a type (`action: a ? 'x.y' : 'x.z'`,
      // `auditAction: 'x.y' | 'x.z'`): every dotted literal on a line about an action.
      for (const line of source.split('\n').filter((l) => /action\b.*[:=]/i.test(l)))
        for (const m of line.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) actions.add(m[1] ?? '');
    }
    expect(actions.size).toBeGreaterThan(100);
    const unnamed = [...actions].filter(
      (a) => !keys.de.has(`audit.actions.${a}`) || !keys.en.has(`audit.actions.${a}`),
    );
    expect(unnamed).toEqual([]);
  });
});
