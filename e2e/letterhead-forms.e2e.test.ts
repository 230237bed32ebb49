import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { solidPng } from '../packages/server/src/testing/images.ts';
import { axeViolations, demo, type Harness, signIn, startHarness, storeLanguage } from './harness.ts';

/**
 * Letterhead and forms in Chromium: the agency's letterhead (name and logo) and time zone on the
 * settings page, the full blank forms in every language from the instrument page, the material page
 * and the client record, and the progress PDF opened in the same tab without a 404. Checked at
 * 1366x900 and 390x844, in German and English, with axe.
 */
let h: Harness;
let adminContext: BrowserContext;
let guideContext: BrowserContext;
let admin: Page;
let guide: Page;

const viewports = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
] as const;
const languages = ['de', 'en'] as const;

beforeAll(async () => {
  h = await startHarness();
  adminContext = await h.newContext();
  admin = await adminContext.newPage();
  await signIn(admin, demo.admin);
  guideContext = await h.newContext();
  guide = await guideContext.newPage();
  await signIn(guide, demo.caseworker);
});

afterAll(async () => {
  await adminContext?.close();
  await guideContext?.close();
  await h?.close();
});

async function setLanguage(page: Page, lang: 'de' | 'en') {
  await storeLanguage(page, lang);
  await page.reload();
}

/**
 * Runs `check` on `path` at both sizes and in both languages, with axe and no sideways scrolling. On
 * pages where this feature only adds a part (`part`, a CSS selector), only that part must fit: the
 * rest of those pages has its own layout checks.
 */
async function everyView(
  page: Page,
  path: string,
  check: (lang: 'de' | 'en') => Promise<void>,
  part?: string,
) {
  for (const lang of languages) {
    for (const viewport of viewports) {
      await page.setViewportSize(viewport);
      await storeLanguage(page, lang);
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check(lang);
      expect(await axeViolations(page), `${path} ${lang} ${viewport.width}`).toEqual([]);
      const wide = await page.evaluate(
        (selector) =>
          [...document.querySelectorAll(selector ? `${selector}, ${selector} *` : 'body *')]
            .filter(
              (e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap'),
            )
            .slice(0, 12)
            .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
        part ?? '',
      );
      expect(wide, `${path} ${lang} ${viewport.width} scrolls sideways`).toEqual([]);
      if (!part) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} ${lang} ${viewport.width} scrolls sideways`).toBeLessThanOrEqual(0);
      }
    }
  }
  await page.setViewportSize(viewports[0]);
  await setLanguage(page, 'de');
}

/** The blank-form links inside `scope`: every one answers with a PDF. */
async function expectFormLinks(page: Page, hrefs: string[], perForm: number) {
  expect(hrefs.length).toBeGreaterThanOrEqual(perForm);
  expect(hrefs.length % perForm).toBe(0);
  for (const href of hrefs) {
    const res = await page.request.get(href);
    expect(res.status(), href).toBe(200);
    expect(res.headers()['content-type'], href).toBe('application/pdf');
  }
}

describe('the agency letterhead and time zone', () => {
  test('an admin sets the letterhead name, uploads a logo and chooses the time zone', async () => {
    await everyView(admin, '/verwaltung/einstellungen', async (lang) => {
      const de = lang === 'de';
      const letterhead = admin.getByRole('region', {
        name: de ? 'Briefkopf der PDF-Dokumente' : 'Letterhead of the PDF documents',
      });
      await letterhead
        .getByRole('textbox', { name: de ? 'Name im Briefkopf' : 'Name in the letterhead' })
        .waitFor();
      await letterhead.getByLabel(de ? 'Logo (PNG oder JPEG)' : 'Logo (PNG or JPEG)').waitFor();
      const zone = admin.getByRole('region', { name: de ? 'Zeitzone' : 'Time zone' });
      await zone.getByRole('button', { name: /Europe\/Berlin/ }).waitFor();
    });

    const letterhead = admin.getByRole('region', { name: 'Briefkopf der PDF-Dokumente' });
    // A file that only claims to be a PNG is refused by the server with a message in words.
    await letterhead
      .getByLabel('Logo (PNG oder JPEG)')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('kein Bild') });
    await letterhead.getByRole('button', { name: 'Speichern' }).click();
    await letterhead.getByText('Das Logo muss ein PNG- oder JPEG-Bild sein').waitFor();

    await letterhead.getByRole('textbox', { name: 'Name im Briefkopf' }).fill('Jobcenter EN – Team Teilhabe');
    await letterhead
      .getByLabel('Logo (PNG oder JPEG)')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: solidPng(120, 40) });
    await letterhead.getByRole('button', { name: 'Speichern' }).click();
    await letterhead.getByText('Die Einstellungen sind gespeichert.').waitFor();
    const logo = letterhead.getByRole('img', { name: 'Logo von Jobcenter EN – Team Teilhabe' });
    await logo.waitFor();
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
    expect(await axeViolations(admin)).toEqual([]);

    const zone = admin.getByRole('region', { name: 'Zeitzone' });
    await zone.getByRole('button', { name: /Europe\/Berlin/ }).click();
    await admin
      .getByRole('listbox')
      .getByRole('option', { name: /^Europe\/Vienna/ })
      .click();
    await zone.getByRole('button', { name: 'Speichern' }).click();
    await zone.getByText('Die Einstellungen sind gespeichert.').waitFor();

    await admin.reload();
    await admin
      .getByRole('region', { name: 'Zeitzone' })
      .getByRole('button', { name: /Europe\/Vienna/ })
      .waitFor();
    const agency = (await (await admin.request.get('/api/agency')).json()) as {
      settings: { timeZone?: string; letterheadName?: string };
      logo: { contentType: string } | null;
    };
    expect(agency.settings).toMatchObject({
      timeZone: 'Europe/Vienna',
      letterheadName: 'Jobcenter EN – Team Teilhabe',
    });
    expect(agency.logo?.contentType).toBe('image/png');

    // Removing the logo leaves the name; the time zone goes back to the default for the other tests.
    await admin
      .getByRole('region', { name: 'Briefkopf der PDF-Dokumente' })
      .getByRole('button', { name: 'Logo entfernen' })
      .click();
    await admin.getByText('Es ist kein Logo hinterlegt; der Briefkopf zeigt nur den Namen.').waitFor();
    expect(
      (await admin.request.patch('/api/agency/settings', { data: { timeZone: 'Europe/Berlin' } })).status(),
    ).toBe(200);
  });
});

describe('the full blank forms', () => {
  test('the instrument page offers each perspective in every language of the current version', async () => {
    await everyView(
      admin,
      '/verwaltung/erhebungsboegen',
      async (lang) => {
        const de = lang === 'de';
        const section = admin.getByRole('region', {
          name: de ? 'Leere Bögen zum Ausdrucken' : 'Blank forms to print',
        });
        await section
          .getByRole('link', {
            name: de ? 'Selbsteinschätzung, Leichte Sprache (PDF)' : 'Self-assessment, Easy German (PDF)',
          })
          .waitFor();
        await section
          .getByRole('link', {
            name: de ? 'Fremdeinschätzung, Englisch (PDF)' : 'Professional assessment, English (PDF)',
          })
          .waitFor();
      },
      '#leere-boegen',
    );
    // everyView switched back to German, which reloads the list: wait for the links to be back.
    const links = admin.getByRole('region', { name: 'Leere Bögen zum Ausdrucken' }).getByRole('link');
    await links.first().waitFor();
    const hrefs = await links.evaluateAll((links) =>
      links.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''),
    );
    await expectFormLinks(admin, hrefs, 6);
  });

  test('the material page offers them to every staff member', async () => {
    await everyView(guide, '/material', async (lang) => {
      const de = lang === 'de';
      const section = guide.getByRole('region', {
        name: de ? 'Leere Bögen zum Ausdrucken' : 'Blank forms to print',
      });
      await section
        .getByRole('link', {
          name: de ? 'Selbsteinschätzung, Deutsch (PDF)' : 'Self-assessment, German (PDF)',
        })
        .waitFor();
    });
  });

  test('the client record offers them with the client number (no name)', async () => {
    const clients = (await (await guide.request.get('/api/clients')).json()) as { items: { id: string }[] };
    const clientId = clients.items[0]?.id ?? '';
    expect(clientId).not.toBe('');
    await everyView(
      guide,
      `/klienten/${clientId}`,
      async (lang) => {
        const de = lang === 'de';
        const summary = guide.locator('summary', {
          hasText: de ? 'Leere Bögen zum Ausdrucken' : 'Blank forms to print',
        });
        await summary.focus();
        await guide.keyboard.press('Enter');
        await guide
          .getByRole('link', {
            name: de
              ? 'Fremdeinschätzung, Leichte Sprache (PDF)'
              : 'Professional assessment, Easy German (PDF)',
          })
          .waitFor();
      },
      '.blank-forms-disclosure',
    );
    await guide.locator('summary', { hasText: 'Leere Bögen zum Ausdrucken' }).click();
    await guide.getByRole('link', { name: 'Selbsteinschätzung, Deutsch (PDF)' }).waitFor();
    const hrefs = await guide
      .locator('.blank-forms-disclosure')
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href).toContain(`clientId=${clientId}`);
    await expectFormLinks(guide, hrefs, 6);
  });

  test('the progress PDF opens in the same tab without a 404 or a console error', async () => {
    const clients = (await (await guide.request.get('/api/clients')).json()) as { items: { id: string }[] };
    let withProgress = '';
    for (const c of clients.items) {
      const p = (await (await guide.request.get(`/api/clients/${c.id}/progress`)).json()) as {
        series: unknown[];
      };
      if (p.series.length > 0) {
        withProgress = c.id;
        break;
      }
    }
    expect(withProgress).not.toBe('');
    await guide.goto(`/klienten/${withProgress}`);
    const link = guide.getByRole('link', { name: 'Verlauf als PDF' });
    await link.waitFor();
    const missing: string[] = [];
    const errors: string[] = [];
    guide.on('response', (r) => {
      if (r.status() === 404) missing.push(r.url());
    });
    guide.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const pdf = guide.waitForResponse((r) => r.url().includes('/progress.pdf'));
    await link.click();
    const res = await pdf;
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    // The browser asks for the tab's icon once the PDF is shown; that request must not fail.
    const icon = await guide.request.get('/favicon.ico');
    expect(icon.status()).toBe(200);
    expect(missing).toEqual([]);
    expect(errors).toEqual([]);
  });
});
