/**
 * Words on screen, in German and English: the client's self-assessment page shows only what is meant
 * for the client, staff pages explain the RCI, and neither shows raw translation keys, library or
 * validation defaults (zod's English texts, react-aria's "Element wählen") or German on English pages.
 * One server and one browser; one context per role and language, reused.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, DEMO_PASSWORD, demo, type Harness, startHarness } from './harness.ts';

type Lang = 'de' | 'en';
type Role = 'lead' | 'caseworker' | 'coordinator' | 'admin';

const webSrc = (p: string) => fileURLToPath(new URL(`../packages/web/src/${p}`, import.meta.url));

// --- Texts from the locale files (buttons are found by their words in each language) --------------

type Tree = { [key: string]: string | Tree };
function load(lang: Lang): Tree {
  const files = [
    'i18n',
    'features/casework/i18n',
    'features/network/i18n',
    'features/instruments/i18n',
    'features/programmes/i18n',
    'features/evaluation/i18n',
  ].map((dir) => JSON.parse(readFileSync(webSrc(`${dir}/${lang}.json`), 'utf8')) as Tree);
  const merge = (a: Tree, b: Tree): Tree => {
    const out: Tree = { ...a };
    for (const [k, v] of Object.entries(b)) {
      const cur = out[k];
      out[k] = typeof v === 'object' && typeof cur === 'object' ? merge(cur, v) : v;
    }
    return out;
  };
  return files.reduce(merge, {});
}
const locales = { de: load('de'), en: load('en') };
function text(lang: Lang, key: string): string {
  const value = key
    .split('.')
    .reduce<string | Tree | undefined>((o, k) => (typeof o === 'object' ? o[k] : undefined), locales[lang]);
  if (typeof value !== 'string') throw new Error(`No text ${lang} ${key}`);
  return value;
}

// --- What must not be on screen -------------------------------------------------------------------

/** A translation key: lower-case word, dots, words (e-mail addresses, links and file names taken out first). */
const KEY = /(?<![\w@/.-])[a-z][a-zA-Z]+(?:\.[a-zA-Z_]{2,})+(?![\w@/-])/g;
const LIBRARY = [
  /Invalid input:/i,
  /expected (string|number|boolean|array|object)/i,
  /Too (small|big)/i,
  /Unrecognized key/i,
  /Invalid (option|string|email|date|uuid|url)/i,
  /Element wählen/,
  /Select an item/,
  /Datum außerhalb des gültigen Bereichs/,
];
/** German words of the UI that must not appear on English pages (not words of the demo data). */
const GERMAN =
  /\b(Bitte|nicht|ausfüllen|Ungültig\w*|Pflicht\w*|gefunden|außerhalb|passt:|verbessert|unverändert|verschlechtert|Türkisch|Arabisch|Selbstwirksamkeit|Tagesstruktur|Teilhabebereich|Zuweisung|Einwilligung|Erhebung|Veränderung|wählen)\b/;

/** Visible text of the page outside <code>/<pre>, plus placeholders and accessible names. */
async function visibleText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const value = node.textContent?.trim();
      if (!el || !value) continue;
      if (el.closest('code, pre, script, style, noscript, [data-user-data]')) continue;
      if (!el.checkVisibility()) continue;
      out.push(value);
    }
    for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
      for (const attr of ['placeholder', 'aria-label', 'title']) {
        const value = el.getAttribute(attr);
        if (value) out.push(value);
      }
    }
    return out;
  });
}

function problems(texts: string[], lang: Lang): string[] {
  const found: string[] = [];
  for (const raw of texts) {
    const t = raw
      .replace(/\S+@\S+/g, ' ')
      .replace(/\b(https?|webcal):\/\/\S+/g, ' ')
      .replace(/\b[\w-]+\.(pdf|csv|xlsx|ics|json|docx|odt|png|jpe?g|txt)\b/gi, ' ');
    for (const m of t.matchAll(KEY)) found.push(`key "${m[0]}" in "${raw}"`);
    for (const re of LIBRARY) if (re.test(t)) found.push(`library text in "${raw}"`);
    if (lang === 'en' && GERMAN.test(t)) found.push(`German in "${raw}"`);
  }
  return found;
}

// --- Harness ---------------------------------------------------------------------------------------

let h: Harness;
const contexts = new Map<string, { context: BrowserContext; page: Page }>();
const ids: Record<string, string> = {};
let selfToken = '';

async function session(role: Role | 'public', lang: Lang): Promise<Page> {
  const name = `${role}-${lang}`;
  const known = contexts.get(name);
  if (known) return known.page;
  const context = await h.newContext({ locale: lang === 'en' ? 'en-GB' : 'de-DE' });
  await context.addInitScript((language) => window.localStorage.setItem('lotse.language', language), lang);
  const page = await context.newPage();
  await page.goto('/anmelden');
  if (role !== 'public') {
    const status = await page.evaluate(
      async ([email, password]) =>
        (
          await fetch('/api/auth/login', {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body: JSON.stringify({ email, password }),
          })
        ).status,
      [demo[role], DEMO_PASSWORD],
    );
    expect(status).toBe(200);
  }
  contexts.set(name, { context, page });
  return page;
}

async function api<T>(page: Page, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ([p, b]) => {
      const res = await fetch(p as string, {
        method: b === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        ...(b === undefined ? {} : { body: JSON.stringify(b) }),
      });
      return res.json();
    },
    [path, body] as const,
  ) as Promise<T>;
}

type List = { items: { id: string }[] };

beforeAll(async () => {
  h = await startHarness();
  const lead = await session('lead', 'de');
  const first = async (path: string) => (await api<List>(lead, path)).items[0]?.id ?? '';
  ids.client = await first('/api/clients');
  ids.offer = await first('/api/offers');
  ids.partner = await first('/api/partners');
  ids.programme = await first('/api/programmes');
  // A client with two assessments, so the progress table shows a change and its RCI.
  const clients = await api<List>(lead, '/api/clients?pageSize=50');
  for (const c of clients.items) {
    const progress = await api<{ series: { assessments: { id: string }[] }[] }>(
      lead,
      `/api/clients/${c.id}/progress`,
    );
    const withTwo = progress.series?.find((s) => s.assessments.length > 1);
    if (withTwo) {
      ids.client = c.id;
      ids.assessment = withTwo.assessments[0]?.id ?? '';
      break;
    }
  }
  const admin = await session('admin', 'de');
  ids.instrument = (await api<List>(admin, '/api/instruments')).items[0]?.id ?? '';
  // A self-assessment link for a fresh client of the guide.
  const guide = await session('caseworker', 'de');
  const today = new Date().toISOString().slice(0, 10);
  const client = await api<{ id: string }>(guide, '/api/clients', {
    firstName: 'Wortprobe',
    lastName: 'Selbsteinschätzung',
    birthDate: '1980-02-03',
  });
  await api(guide, `/api/clients/${client.id}/consents`, {
    purpose: 'self_assessment',
    form: 'written',
    date: today,
  });
  const link = await api<{ token: string }>(guide, `/api/clients/${client.id}/self-assessment-links`, {
    instrumentId: ids.instrument,
    occasion: 'intake',
  });
  selfToken = link.token;
  expect(selfToken).toBeTruthy();
  expect(ids.assessment).toBeTruthy();
});

afterAll(async () => {
  for (const { context } of contexts.values()) await context.close();
  await h?.close();
});

describe('words on screen', () => {
  for (const lang of ['de', 'en'] as const) {
    test(`the client's self-assessment page shows no staff text; staff pages explain the RCI (${lang})`, async () => {
      const client = await session('public', lang);
      await client.goto(`/selbsteinschaetzung/${selfToken}`);
      await client.locator('fieldset.entry-item').first().waitFor();
      const shown = (await visibleText(client)).join(' ');
      expect(problems(await visibleText(client), lang)).toEqual([]);
      expect(await axeViolations(client)).toEqual([]);
      expect(shown).not.toMatch(
        /Referenzwerte|Reference values|Reliable Change|Reliabilität|reliability|Standardabweichung|standard deviation/i,
      );

      const guide = await session('lead', lang);
      await guide.goto(`/klienten/${ids.client}`);
      const sentence = guide.getByTestId('rci-explained');
      await sentence.waitFor();
      expect(await sentence.textContent()).toBe(text(lang, 'assessments.progress.rciExplained'));
      await guide.goto('/wirkung');
      await guide.getByTestId('rci-explained').waitFor();
    });
  }
});
