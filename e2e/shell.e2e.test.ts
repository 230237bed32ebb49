/**
 * The frame of every page: the main menu fits one row at 1366 px (areas grouped
 * behind disclosure buttons that work with the keyboard), a public page starts without a failed
 * request in the console (the session probe answers 200), German and English, 1366x900 and 390x844.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, DEMO_PASSWORD, demo, type Harness, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const words = {
  de: {
    nav: 'Hauptnavigation',
    network: 'Netzwerk',
    admin: 'Verwaltung',
    events: 'Veranstaltungen',
    menu: 'Menü',
  },
  en: { nav: 'Main navigation', network: 'Network', admin: 'Administration', events: 'Events', menu: 'Menu' },
} as const;

async function open(lang: 'de' | 'en', width: number, height: number) {
  const context = await h.browser.newContext({
    baseURL: h.baseUrl,
    locale: lang === 'en' ? 'en-GB' : 'de-DE',
    viewport: { width, height },
  });
  await context.addInitScript((language) => window.localStorage.setItem('lotse.language', language), lang);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

async function signInByApi(page: Page, email: string) {
  const status = await page.evaluate(
    async ([e, p]) =>
      (
        await fetch('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: e, password: p }),
        })
      ).status,
    [email, DEMO_PASSWORD],
  );
  expect(status).toBe(200);
}

const menuRows = (page: Page) =>
  page.evaluate(
    () =>
      new Set([...document.querySelectorAll<HTMLElement>('.app-nav__list > li')].map((li) => li.offsetTop))
        .size,
  );

describe('the frame of every page', () => {
  for (const lang of ['de', 'en'] as const) {
    const w = words[lang];

    test(`public page without console errors; menu on one row with keyboard groups at 1366 px (${lang})`, async () => {
      const { context, page, errors } = await open(lang, 1366, 900);
      try {
        const probe = page.waitForResponse((r) => r.url().endsWith('/api/auth/session'));
        await page.goto('/anmelden');
        expect((await probe).status()).toBe(200);
        await page.locator('h1').waitFor();
        expect(errors).toEqual([]);

        for (const role of ['lead', 'admin'] as const) {
          await signInByApi(page, demo[role]);
          await page.goto('/');
          const nav = page.getByRole('navigation', { name: w.nav });
          await nav.waitFor();
          await expect.poll(() => menuRows(page)).toBe(1);
          await context.clearCookies();
        }
        // The admin's menu: both groups; the network group opens with the keyboard, Escape closes it
        // and returns focus to its button, and a link inside leads to its page.
        await signInByApi(page, demo.admin);
        await page.goto('/');
        const nav = page.getByRole('navigation', { name: w.nav });
        const network = nav.getByRole('button', { name: w.network });
        // The menu renders once the session has loaded: wait for it, never measure mid-way.
        await network.waitFor();
        await expect.poll(() => nav.getByRole('button', { name: w.admin }).count()).toBe(1);
        await expect.poll(() => network.getAttribute('aria-expanded')).toBe('false');
        await network.focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => network.getAttribute('aria-expanded')).toBe('true');
        expect(await axeViolations(page)).toEqual([]);
        await page.keyboard.press('Tab');
        await page.keyboard.press('Escape');
        await expect.poll(() => network.getAttribute('aria-expanded')).toBe('false');
        await expect.poll(() => network.evaluate((el) => el === document.activeElement)).toBe(true);
        await page.keyboard.press('Enter');
        await nav.getByRole('link', { name: w.events }).click();
        await page.getByRole('heading', { level: 1, name: w.events }).waitFor();
        await expect.poll(() => network.getAttribute('aria-expanded')).toBe('false');
        await expect.poll(() => network.getAttribute('class')).toMatch(/app-nav__toggle--current/);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });

    test(`phone menu with groups (${lang}, 390 px)`, async () => {
      const { context, page, errors } = await open(lang, 390, 844);
      try {
        await page.goto('/anmelden');
        await signInByApi(page, demo.lead);
        await page.goto('/');
        await page.getByRole('button', { name: w.menu }).click();
        const nav = page.getByRole('navigation', { name: w.nav });
        await nav.getByRole('button', { name: w.network }).click();
        await nav.getByRole('link', { name: w.events }).waitFor();
        expect(await axeViolations(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
          true,
        );
        await nav.getByRole('link', { name: w.events }).click();
        await page.getByRole('heading', { level: 1, name: w.events }).waitFor();
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
