import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, demo, type Harness, signIn, startHarness } from './harness.ts';

/**
 * Issue 12 item 4 in Chromium: "Meine Fälle" opens with a summary of what is due, lists overdue goals
 * first with the mark in words, one row per client, and shows the first rows of a long section with
 * "show all". Checked at 1366x900 and 390x844, in German and English, with axe.
 */
let h: Harness;
let context: BrowserContext;
let guide: Page;

const viewports = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
] as const;
const languages = ['de', 'en'] as const;

beforeAll(async () => {
  h = await startHarness();
  context = await h.newContext();
  guide = await context.newPage();
  await signIn(guide, demo.caseworker);
});

afterAll(async () => {
  await context?.close();
  await h?.close();
});

async function setLanguage(page: Page, lang: 'de' | 'en') {
  await page.evaluate((l) => window.localStorage.setItem('lotse.language', l), lang);
  await page.reload();
}

/** Runs `check` on `path` at both sizes and in both languages, with axe and no sideways scrolling. */
async function everyView(page: Page, path: string, check: (lang: 'de' | 'en') => Promise<void>) {
  for (const lang of languages) {
    for (const viewport of viewports) {
      await page.setViewportSize(viewport);
      await page.goto(path);
      await setLanguage(page, lang);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check(lang);
      expect(await axeViolations(page), `${path} ${lang} ${viewport.width}`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} ${lang} ${viewport.width} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  }
  await page.setViewportSize(viewports[0]);
  await setLanguage(page, 'de');
}

describe('the caseload', () => {
  test('sums up what is due, lists overdue goals first with a mark in words, and collapses long lists', async () => {
    await everyView(guide, '/meine-faelle', async (lang) => {
      const de = lang === 'de';
      const summary = guide.getByRole('region', { name: de ? 'Auf einen Blick' : 'At a glance' });
      const overdueGoals = summary.getByRole('link', {
        name: de ? /überfällige? Ziele?$/ : /overdue goals?$/,
      });
      await overdueGoals.waitFor();
      const overdueCount = Number(
        (await overdueGoals.locator('.caseload-summary__count').textContent()) ?? '0',
      );
      expect(overdueCount).toBeGreaterThan(0);
      await summary
        .getByRole('link', { name: de ? /Vermittlungen? ohne Rückmeldung/ : /awaiting feedback/ })
        .waitFor();

      // The goals section: the first client's first goal is overdue, said in words ("überfällig seit …").
      const goals = guide.locator('#ziele-faellig');
      const firstRow = goals.getByRole('row').nth(1);
      await expect(firstRow.locator('li').first().textContent()).resolves.toMatch(
        de ? /überfällig seit \d{2}\.\d{2}\.\d{4}/ : /overdue since/,
      );
      // One row per client.
      const names = await goals.getByRole('rowheader').allTextContents();
      expect(new Set(names).size).toBe(names.length);

      // A long section shows its first rows; "show all" opens the rest and says so to screen readers.
      const candidate = guide
        .locator('#ziele-faellig, #erhebungen-faellig, #ohne-kontakt, #rueckmeldungen')
        .filter({
          has: guide.getByRole('button', {
            name: de ? /^Alle \d+ Personen anzeigen$/ : /^Show all \d+ people$/,
          }),
        })
        .first();
      await candidate.waitFor();
      // Pinned by id: the filter stops matching once the button's label changes.
      const long = guide.locator(`#${await candidate.getAttribute('id')}`);
      const button = long.getByRole('button', {
        name: de ? /^Alle \d+ Personen anzeigen$/ : /^Show all \d+ people$/,
      });
      expect(await long.getByRole('rowheader').count()).toBe(8);
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      const total = Number(/\d+/.exec((await button.textContent()) ?? '')?.[0]);
      await button.focus();
      await guide.keyboard.press('Enter');
      await expect.poll(() => long.getByRole('rowheader').count()).toBe(total);
      const fewer = long.getByRole('button', { name: de ? /^Nur die ersten 8/ : /^Show only the first 8/ });
      expect(await fewer.getAttribute('aria-expanded')).toBe('true');
    });
  });

  test('fits on a few screens at desktop width (the list was about 7,000 px long)', async () => {
    await guide.goto('/meine-faelle');
    await guide.locator('#ziele-faellig').waitFor();
    const height = await guide.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(4500);
  });
});
