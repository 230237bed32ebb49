/**
 * The route walk: every route of the web app (read from the router, so a new route fails here until
 * the walk visits it), in German and English. On each page, and after the empty submit of every form
 * on it and in the dialogs its buttons open, it fails on:
 * - anything that looks like a translation key, an untranslated library message (zod, react-aria),
 *   German UI words on English pages;
 * - a console error or uncaught exception;
 * - sideways scrolling at 320 px and 390 px; a main menu on more than one row at 1366 px; buttons that
 *   touch each other; native <select> elements (the app uses its accessible SelectField);
 * - axe findings (WCAG 2.1 AA): at 1366x900 in German and at 390x844 in English, so every page is
 *   checked at both sizes and in both languages without running axe four times per page.
 * One server, one browser, each role signed in once (stored state shared by its contexts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, DEMO_PASSWORD, demo, type Harness, startHarness } from './harness.ts';

type Lang = 'de' | 'en';
type Role = 'public' | 'lead' | 'admin';

const webSrc = (p: string) => fileURLToPath(new URL(`../packages/web/src/${p}`, import.meta.url));

// --- The routes of the app ------------------------------------------------------------------------

/** Every route path of the router ('' is the index route, '*' the not-found page). */
function routerPaths(): string[] {
  const source = readFileSync(webSrc('app/router.tsx'), 'utf8');
  const paths = [...source.matchAll(/\bpath: '([^']+)'/g)].map((m) => m[1] as string);
  if (/\bindex: true\b/.test(source)) paths.push('');
  return paths;
}

const ids: Record<string, string> = {};

/** How the walk reaches each route: the role it signs in as and the address with real ids. */
const visits: Record<string, { role: Role; url: () => string }> = {
  anmelden: { role: 'public', url: () => '/anmelden' },
  'einladung/:token': { role: 'public', url: () => `/einladung/${ids.invitation}` },
  'selbsteinschaetzung/:token': { role: 'public', url: () => `/selbsteinschaetzung/${ids.selfAssessment}` },
  'rueckmeldung/:token': { role: 'public', url: () => `/rueckmeldung/${ids.feedback}` },
  // With a complete session this page leads on to the account page (its own form needs an agency
  // that requires a second factor; account.e2e covers it).
  'zwei-faktor-einrichten': { role: 'lead', url: () => '/zwei-faktor-einrichten' },
  '': { role: 'lead', url: () => '/' },
  konto: { role: 'lead', url: () => '/konto' },
  'verwaltung/benutzer': { role: 'admin', url: () => '/verwaltung/benutzer' },
  'verwaltung/sozialraeume': { role: 'admin', url: () => '/verwaltung/sozialraeume' },
  'verwaltung/einstellungen': { role: 'admin', url: () => '/verwaltung/einstellungen' },
  'meine-faelle': { role: 'lead', url: () => '/meine-faelle' },
  klienten: { role: 'lead', url: () => '/klienten' },
  'klienten/neu': { role: 'lead', url: () => '/klienten/neu' },
  'klienten/import': { role: 'lead', url: () => '/klienten/import' },
  'klienten/:id': { role: 'lead', url: () => `/klienten/${ids.client}` },
  angebote: { role: 'lead', url: () => '/angebote' },
  'angebote/:id': { role: 'lead', url: () => `/angebote/${ids.offer}` },
  'netzwerk/partner': { role: 'lead', url: () => '/netzwerk/partner' },
  'netzwerk/partner/:id': { role: 'lead', url: () => `/netzwerk/partner/${ids.partner}` },
  angebotsplanung: { role: 'lead', url: () => '/angebotsplanung' },
  veranstaltungen: { role: 'lead', url: () => '/veranstaltungen' },
  material: { role: 'lead', url: () => '/material' },
  'klienten/:id/erhebung': { role: 'lead', url: () => `/klienten/${ids.client}/erhebung` },
  'verwaltung/erhebungsboegen': { role: 'admin', url: () => '/verwaltung/erhebungsboegen' },
  'verwaltung/erhebungsboegen/:id': {
    role: 'admin',
    url: () => `/verwaltung/erhebungsboegen/${ids.instrument}`,
  },
  'erhebungen/:id': { role: 'lead', url: () => `/erhebungen/${ids.assessment}` },
  programme: { role: 'lead', url: () => '/programme' },
  'programme/:id': { role: 'lead', url: () => `/programme/${ids.programme}` },
  wirkung: { role: 'lead', url: () => '/wirkung' },
  protokoll: { role: 'admin', url: () => '/protokoll' },
  '*': { role: 'lead', url: () => '/gibt-es-nicht' },
};

// --- What must not be on screen -------------------------------------------------------------------

/** A translation key: lower-case word, dots, words (e-mail addresses, links and file names taken out first). */
const KEY = /(?<![\w@/.-])[a-z][a-zA-Z0-9]+(?:\.[a-zA-Z0-9_]{2,})+(?![\w@/-])/g;
const LIBRARY = [
  /Invalid input:/i,
  /\bexpected (string|number|boolean|array|object|date)/i,
  /\breceived (null|undefined|string|number|NaN)/i,
  /Too (small|big)/i,
  /Unrecognized key/i,
  /Invalid (option|string|email|date|uuid|url|element|type)/i,
  /Element wählen/,
  /Select an item/,
  /Datum außerhalb des gültigen Bereichs/,
  /Constraints not satisfied/,
  /Please fill (in|out) this field/i,
  /\b(undefined|NaN|\[object Object\])\b/,
  /\{\{\s*\w+\s*\}\}/,
];
/** Frequent German UI words that must not appear on English pages (demo names and offers may). */
const GERMAN =
  /\b(Bitte|nicht|und|oder|für|mit|keine?|ausfüllen|Ungültig\w*|Pflicht\w*|gefunden|außerhalb|passt:|verbessert|unverändert|verschlechtert|Türkisch|Arabisch|Selbstwirksamkeit|Tagesstruktur|Gesundheit|Teilhabebereich|Zuweisung|Einwilligung|Erhebung\w*|Veränderung|wählen|Speichern|Abbrechen|Schließen|Anlegen|Bearbeiten|Löschen|Suchen|Zurück|Weiter|Datum|Seite|Einstellungen|Benutzer|Protokoll|Übersicht|Angebote?|Kund\*innen)\b/;

/** Visible text of the page outside <code>/<pre> and demo data, plus placeholders and accessible names. */
async function visibleText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [document.title];
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
      if (el.closest('[data-user-data]') || !(el as HTMLElement).checkVisibility?.()) continue;
      for (const attr of ['placeholder', 'aria-label', 'title']) {
        const value = el.getAttribute(attr);
        if (value) out.push(value);
      }
    }
    return out;
  });
}

function withoutDemoData(text: string): string {
  let out = text;
  for (const d of demoStrings) if (out.includes(d)) out = out.split(d).join(' ');
  return out;
}

function wordProblems(texts: string[], lang: Lang): string[] {
  const found: string[] = [];
  for (const raw of texts) {
    const t = raw
      .replace(/\S+@\S+/g, ' ')
      .replace(/\b(https?|webcal):\/\/\S+/g, ' ')
      .replace(/(^|\s)\/\S*/g, ' ')
      .replace(/\b[\w-]+\.(pdf|csv|xlsx|ics|json|docx|odt|png|jpe?g|txt|svg)\b/gi, ' ')
      .replace(/\b\d+([.,:]\d+)+\b/g, ' ');
    for (const m of t.matchAll(KEY)) found.push(`key "${m[0]}" in "${raw}"`);
    for (const re of LIBRARY) if (re.test(t)) found.push(`library text ${re} in "${raw}"`);
    if (lang === 'en') {
      const german = withoutDemoData(t).match(GERMAN);
      if (german) found.push(`German "${german[0]}" in "${raw}"`);
    }
  }
  return found;
}

/** Layout checks of the current viewport: sideways scroll, menu rows, touching buttons, native selects. */
async function layoutProblems(page: Page, width: number): Promise<string[]> {
  return page.evaluate((w) => {
    const found: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth) {
      // Name the elements that stick out while their parent does not, for the failure message.
      const right = (el: Element) => el.getBoundingClientRect().right;
      const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => right(el) > window.innerWidth + 1 && el.checkVisibility())
        .filter((el) => !el.parentElement || right(el.parentElement) <= window.innerWidth + 1)
        .slice(0, 4)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${el.textContent?.trim().slice(0, 30)}"`,
        );
      found.push(`scrolls sideways at ${w} px: ${doc.scrollWidth} px wide (${culprits.join(', ')})`);
    }
    if (w >= 1366) {
      const entries = [...document.querySelectorAll<HTMLElement>('.app-nav__list > li')];
      const rows = new Set(entries.map((li) => li.offsetTop));
      if (rows.size > 1) found.push(`main menu on ${rows.size} rows at ${w} px`);
    }
    for (const select of document.querySelectorAll('select')) {
      // SelectField (react-aria) keeps a hidden native <select> for forms; only bare ones count.
      if (select.closest('.select')) continue;
      if (select.checkVisibility())
        found.push(`native <select> "${select.labels?.[0]?.textContent ?? select.id}"`);
    }
    const buttons = [...document.querySelectorAll<HTMLElement>('.btn')].filter((b) => b.checkVisibility());
    for (const a of buttons) {
      for (const b of buttons) {
        if (a === b || a.parentElement !== b.parentElement) continue;
        const ra = a.getBoundingClientRect();
        const rb = b.getBoundingClientRect();
        const sameRow = ra.top < rb.bottom && rb.top < ra.bottom;
        const sameColumn = ra.left < rb.right && rb.left < ra.right;
        if (sameRow && rb.left >= ra.left && rb.left - ra.right < 4)
          found.push(`buttons touch: "${a.textContent?.trim()}" | "${b.textContent?.trim()}" at ${w} px`);
        else if (sameColumn && !sameRow && rb.top >= ra.top && rb.top - ra.bottom < 4)
          found.push(`buttons touch: "${a.textContent?.trim()}" over "${b.textContent?.trim()}" at ${w} px`);
      }
    }
    return found;
  }, width);
}

// --- Harness ---------------------------------------------------------------------------------------

let h: Harness;
const states = new Map<Role, Awaited<ReturnType<BrowserContext['storageState']>>>();
/** Strings of the demo data, longest first. */
let demoStrings: string[] = [];

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

async function signedInPage(browser: Browser, role: Exclude<Role, 'public'>): Promise<Page> {
  const context = await browser.newContext({ baseURL: h.baseUrl });
  const page = await context.newPage();
  await page.goto('/anmelden');
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
  states.set(role, await context.storageState());
  return page;
}

type List = { items: { id: string }[] };

beforeAll(async () => {
  h = await startHarness();
  const lead = await signedInPage(h.browser, 'lead');
  const admin = await signedInPage(h.browser, 'admin');
  const first = async (page: Page, path: string) => (await api<List>(page, path)).items[0]?.id ?? '';
  ids.offer = await first(lead, '/api/offers');
  ids.partner = await first(lead, '/api/partners');
  ids.programme = await first(lead, '/api/programmes');
  ids.instrument = await first(admin, '/api/instruments');

  // A client with two assessments (the progress and its change show) and a referral to an offer.
  const clients = await api<List>(lead, '/api/clients?pageSize=50');
  for (const c of clients.items) {
    const progress = await api<{ series: { assessments: { id: string }[] }[] }>(
      lead,
      `/api/clients/${c.id}/progress`,
    );
    const withTwo = progress.series?.find((s) => s.assessments.length > 1);
    if (!withTwo) continue;
    ids.client = c.id;
    ids.assessment = withTwo.assessments[0]?.id ?? '';
    break;
  }
  // A partner's feedback link: a referral of the lead's own agency that can be asked about.
  search: for (const c of clients.items) {
    const referrals = await api<{ items?: { id: string; status: string }[] }>(
      lead,
      `/api/clients/${c.id}/referrals`,
    );
    for (const referral of referrals.items ?? []) {
      if (!['referred', 'started', 'completed'].includes(referral.status)) continue;
      const link = await api<{ token?: string; url?: string }>(
        lead,
        `/api/referrals/${referral.id}/feedback-links`,
        {},
      );
      const token = link.token ?? link.url?.split('/').pop();
      if (!token) continue;
      ids.feedback = token;
      break search;
    }
  }
  // Demo data (people, offers, partners, events, material, districts, notes) may stay German on
  // English pages: every string of these answers is taken out before the German check.
  const sources: [Page, string][] = [
    [lead, '/api/clients?pageSize=100'],
    [lead, '/api/offers?pageSize=200'],
    [lead, '/api/partners?pageSize=200'],
    [lead, '/api/events?pageSize=100'],
    [lead, '/api/publications?pageSize=100'],
    [lead, '/api/programmes?pageSize=100'],
    [lead, '/api/districts'],
    [lead, '/api/agency'],
    [lead, `/api/clients/${ids.client}`],
    [lead, `/api/clients/${ids.client}/goals`],
    [lead, `/api/clients/${ids.client}/contacts`],
    [lead, `/api/clients/${ids.client}/referrals`],
    [lead, `/api/offers/${ids.offer}`],
    [lead, `/api/partners/${ids.partner}`],
    [lead, `/api/programmes/${ids.programme}`],
    [admin, '/api/users?pageSize=100'],
    [lead, '/api/caseload'],
    [lead, '/api/caseload?scope=team'],
  ];
  const strings = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.length >= 4 && /\p{L}/u.test(value)) strings.add(value.trim());
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const [page, path] of sources) collect(await api(page, path));
  demoStrings = [...strings].sort((a, b) => b.length - a.length);

  const invitation = await api<{ link: { token: string } }>(admin, '/api/users', {
    email: 'weg.probe@jc-en.example',
    displayName: 'Weg Probe',
    roles: ['caseworker'],
  });
  ids.invitation = invitation.link.token;
  // A self-assessment link for a fresh client with consent.
  const today = new Date().toISOString().slice(0, 10);
  const client = await api<{ id: string }>(lead, '/api/clients', {
    firstName: 'Wegprobe',
    lastName: 'Selbsteinschätzung',
    birthDate: '1981-03-04',
  });
  await api(lead, `/api/clients/${client.id}/consents`, {
    purpose: 'self_assessment',
    form: 'written',
    date: today,
  });
  const link = await api<{ token: string }>(lead, `/api/clients/${client.id}/self-assessment-links`, {
    instrumentId: ids.instrument,
    occasion: 'intake',
  });
  ids.selfAssessment = link.token;
  for (const key of [
    'offer',
    'partner',
    'programme',
    'instrument',
    'client',
    'assessment',
    'feedback',
    'invitation',
    'selfAssessment',
  ])
    expect(ids[key], key).toBeTruthy();
  await lead.context().close();
  await admin.context().close();
});

afterAll(async () => {
  await h?.close();
});

// --- The walk --------------------------------------------------------------------------------------

/** The page has rendered its content: a heading, no loading indicator, no pending button. */
async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(
    () => !document.querySelector('.loading, .btn--pending, [aria-busy="true"]'),
    undefined,
    { polling: 'raf' },
  );
  // Two frames: layout after the last render.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Buttons that open a form dialog (by their words in both languages); nothing that acts at once. */
const OPENS_FORM =
  /^(.*\b(anlegen|hinzufügen|dokumentieren|einladen|erfassen|vereinbaren|übergeben|bearbeiten|Importieren|create|add|record|invite|hand over|edit|import)\b.*)$/i;
const NEVER_PRESS =
  /löschen|delete|entfernen|remove|abmelden|sign out|widerruf|withdraw|abschließen|close|schließen/i;

async function emptySubmits(page: Page, report: (where: string) => Promise<void>): Promise<void> {
  // Forms on the page itself.
  const forms = page.locator('main form');
  for (let i = 0; i < (await forms.count()); i++) {
    const submit = forms.nth(i).locator('button[type="submit"]').first();
    if (!(await submit.count()) || !(await submit.isVisible()) || !(await submit.isEnabled())) continue;
    const name = (await submit.textContent())?.trim() ?? '';
    if (NEVER_PRESS.test(name)) continue;
    await submit.click();
    await settled(page);
    await report(`after the empty submit of "${name}"`);
  }
  // Forms in dialogs: the first button of each distinct name that opens one.
  const seen = new Set<string>();
  const buttons = page.locator('main button');
  // The buttons are read in one go on every step: a section that re-renders after a dialog (a list
  // reloaded, a row edited in place) changes their number, and a button looked up by a stale index
  // would be waited for in vain.
  const read = () =>
    buttons.evaluateAll((els) =>
      els.map((e) => ({
        name: (e.getAttribute('aria-label') ?? e.textContent ?? '').trim(),
        submit: e.getAttribute('type') === 'submit',
      })),
    );
  for (let i = 0; ; i++) {
    const found = (await read())[i];
    if (!found) break;
    const { name, submit: isSubmit } = found;
    if (!OPENS_FORM.test(name) || NEVER_PRESS.test(name) || seen.has(name) || isSubmit) continue;
    const button = buttons.nth(i);
    if (!(await button.isVisible()) || !(await button.isEnabled({ timeout: 5_000 }))) continue;
    seen.add(name);
    await button.click();
    await settled(page);
    // Some of these buttons edit in place instead of opening a dialog: nothing more to submit then.
    const dialog = page.getByRole('dialog');
    if ((await dialog.count()) === 0) {
      await report(`after pressing "${name}"`);
      continue;
    }
    const submit = dialog.locator('button[type="submit"]').first();
    if ((await submit.count()) && (await submit.isEnabled())) {
      await submit.click();
      await settled(page);
    }
    await report(`in the dialog of "${name}" after its empty submit`);
    if (await dialog.isVisible()) {
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    }
  }
}

test('every route of the router is in the walk', () => {
  expect(routerPaths().sort()).toEqual(Object.keys(visits).sort());
});

for (const lang of ['de', 'en'] as const) {
  describe(`route walk (${lang})`, () => {
    const contexts = new Map<Role, { context: BrowserContext; page: Page; errors: string[] }>();
    /** One context per role and language (the role's stored sign-in), reused from page to page. */
    const open = async (role: Role) => {
      const known = contexts.get(role);
      if (known) return known;
      const context = await h.browser.newContext({
        baseURL: h.baseUrl,
        locale: lang === 'en' ? 'en-GB' : 'de-DE',
        viewport: { width: 1366, height: 900 },
        ...(role === 'public' ? {} : { storageState: states.get(role) }),
      });
      await context.addInitScript(
        (language) => window.localStorage.setItem('lotse.language', language),
        lang,
      );
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      const entry = { context, page, errors };
      contexts.set(role, entry);
      return entry;
    };
    afterAll(async () => {
      for (const { context } of contexts.values()) await context.close();
    });

    for (const [route, visit] of Object.entries(visits)) {
      // A page with many dialogs (programme: enrolments, budgets, report) needs more than the default minute.
      test(`/${route}: words, console, layout at 1366/390/320 px, axe, empty submits`, {
        timeout: 240_000,
      }, async () => {
        const findings: string[] = [];
        const { page, errors } = await open(visit.role);
        const url = visit.url();
        const where = `${lang} ${url}`;
        errors.splice(0);
        await page.setViewportSize({ width: 1366, height: 900 });
        await page.goto(url);
        await settled(page);
        const words = async (state: string) => {
          for (const p of wordProblems(await visibleText(page), lang))
            findings.push(`${where} ${state}: ${p}`);
        };
        await words('on load');
        for (const p of await layoutProblems(page, 1366)) findings.push(`${where}: ${p}`);
        if (lang === 'de')
          for (const v of await axeViolations(page)) findings.push(`${where} axe 1366: ${v}`);
        // The console stays clean on load; after an empty submit the browser may log the server's 4xx.
        for (const e of errors.splice(0)) findings.push(`${where}: console error "${e}"`);

        for (const width of [390, 320]) {
          await page.setViewportSize({ width, height: 844 });
          await settled(page);
          for (const p of await layoutProblems(page, width)) findings.push(`${where}: ${p}`);
          if (width === 390 && lang === 'en')
            for (const v of await axeViolations(page)) findings.push(`${where} axe 390: ${v}`);
        }
        await page.setViewportSize({ width: 1366, height: 900 });
        await settled(page);
        if (route !== '*') await emptySubmits(page, words);
        for (const e of errors.splice(0)) {
          if (!/status of 4\d\d/.test(e)) findings.push(`${where} (forms): console error "${e}"`);
        }
        expect(findings).toEqual([]);
      });
    }
  });
}
