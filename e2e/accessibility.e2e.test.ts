import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, demo, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
let admin: BrowserContext;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  admin = await h.newContext();
  page = await admin.newPage();
  await signIn(page, demo.admin);
});

afterAll(async () => {
  await admin?.close();
  await h?.close();
});

async function expectNoViolations(p: Page) {
  expect(await axeViolations(p)).toEqual([]);
}

async function openAs(path: string, heading: string) {
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  // Wait for data-driven content (tables, forms) so axe checks the finished page.
  await page.getByRole('status').filter({ hasText: 'Wird geladen' }).waitFor({ state: 'detached' });
}

describe('axe-core finds no WCAG 2.1 A/AA violations (German)', () => {
  test('sign-in page, empty and with an error', async () => {
    const context = await h.newContext();
    const p = await context.newPage();
    await p.goto('/anmelden');
    await p.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    await expectNoViolations(p);
    await p.getByRole('button', { name: 'Anmelden' }).click();
    await p.getByRole('alert').waitFor();
    await expectNoViolations(p);
    await context.close();
  });

  test('start page', async () => {
    await openAs('/', 'Übersicht');
    await expectNoViolations(page);
  });

  test('account page', async () => {
    await openAs('/konto', 'Mein Konto');
    await expectNoViolations(page);
  });

  test('users admin page, with the invitation and edit dialogs', async () => {
    await openAs('/verwaltung/benutzer', 'Benutzerverwaltung');
    await page.getByRole('table').waitFor();
    await expectNoViolations(page);

    await page.getByRole('button', { name: 'Person einladen' }).click();
    const invite = page.getByRole('dialog', { name: 'Person einladen' });
    await invite.waitFor();
    await expectNoViolations(page);
    await invite.getByRole('button', { name: 'Einladung erstellen' }).click();
    await invite.getByRole('alert').waitFor();
    await expectNoViolations(page);
    await page.keyboard.press('Escape');
    await invite.waitFor({ state: 'detached' });

    await page
      .getByRole('button', { name: /bearbeiten$/ })
      .first()
      .click();
    await page.getByRole('dialog').waitFor();
    await expectNoViolations(page);
    await page.keyboard.press('Escape');
  });

  test('settings page', async () => {
    await openAs('/verwaltung/einstellungen', 'Einstellungen');
    await page.getByRole('checkbox').first().waitFor();
    await expectNoViolations(page);
  });

  test('audit log page', async () => {
    await openAs('/protokoll', 'Protokoll');
    await page.getByRole('table').waitFor();
    await expectNoViolations(page);
  });

  test('invitation page, valid and invalid link', async () => {
    const response = await page.request.post('/api/users', {
      data: { email: 'axe.check@jc-en.example', displayName: 'Axe Check', roles: ['caseworker'] },
    });
    expect(response.status()).toBe(201);
    const { link } = (await response.json()) as { link: { token: string } };

    const context = await h.newContext();
    const p = await context.newPage();
    await p.goto(`/einladung/${link.token}`);
    await p.getByRole('heading', { level: 1, name: 'Einladung annehmen' }).waitFor();
    await p.getByText('axe.check@jc-en.example').waitFor();
    await expectNoViolations(p);

    await p.getByRole('button', { name: 'Passwort speichern' }).click();
    await p.getByRole('alert').first().waitFor();
    await expectNoViolations(p);

    await p.goto(`/einladung/${'x'.repeat(40)}`);
    await p.getByRole('heading', { level: 1 }).waitFor();
    await p.getByText('Dieser Link ist ungültig', { exact: false }).waitFor();
    await expectNoViolations(p);
    await context.close();
  });

  test('not-found page', async () => {
    await openAs('/nicht-vorhanden', 'Seite nicht gefunden');
    await expectNoViolations(page);
  });

  test('small screen with the menu open', async () => {
    const context = await h.browser.newContext({ baseURL: h.baseUrl, viewport: { width: 390, height: 800 } });
    const p = await context.newPage();
    await signIn(p, demo.lead);
    const toggle = p.getByRole('button', { name: 'Menü' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await p.getByRole('navigation', { name: 'Hauptnavigation' }).isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await p
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Protokoll' })
      .click();
    await p.getByRole('heading', { level: 1, name: 'Protokoll' }).waitFor();
    await toggle.click();
    await expectNoViolations(p);
    await context.close();
  });
});

describe('axe-core finds no WCAG 2.1 A/AA violations (English)', () => {
  test('sign-in page', async () => {
    const context = await h.newContext({ locale: 'en-GB' });
    const p = await context.newPage();
    await p.goto('/anmelden');
    await p.getByRole('radio', { name: 'English' }).click();
    await p.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await p.getAttribute('html', 'lang')).toBe('en');
    await expectNoViolations(p);
    await context.close();
  });
});
