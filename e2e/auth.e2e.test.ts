import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, demo, type Harness, navLink, signIn, startHarness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

async function withPage<T>(fn: (page: Page) => Promise<T>, locale?: string): Promise<T> {
  const context = await h.newContext(locale ? { locale } : {});
  try {
    return await fn(await context.newPage());
  } finally {
    await context.close();
  }
}

/**
 * Presses Tab until the focused element matches `condition` (a JS expression over `el`), at most `max`
 * times; returns whether it got there.
 */
async function tabTo(page: Page, condition: string, max = 80): Promise<boolean> {
  const check = `((el) => Boolean(${condition}))(document.activeElement)`;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(check)) return true;
  }
  return false;
}

describe('sign-in and sign-out', () => {
  test('a demo user signs in, sees the start page and signs out again', async () => {
    await withPage(async (page) => {
      await signIn(page, demo.caseworker);
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await page.title()).toBe('Übersicht – Lotse');
      await expect.poll(() => page.getByText(/^Guten Tag, .+!$/).count()).toBe(1);
      expect(await page.locator('header').getByText('Jobcenter EN (Demo)').count()).toBe(1);

      await page.getByRole('button', { name: 'Abmelden' }).click();
      await page.waitForURL('**/anmelden');
      await page.getByRole('status').getByText('Sie haben sich abgemeldet.').waitFor();

      // The session is gone on the server too: a protected page sends us back to sign-in.
      await page.goto('/konto');
      await page.waitForURL('**/anmelden');
      await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    });
  });

  test('a wrong password shows the error and keeps the user on the sign-in page', async () => {
    await withPage(async (page) => {
      await page.goto('/anmelden');
      await page.getByLabel('E-Mail-Adresse').fill(demo.coordinator);
      await page.getByLabel('Passwort', { exact: true }).fill('not-the-password-123');
      await page.getByRole('button', { name: 'Anmelden' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('E-Mail oder Passwort ist falsch.');
      expect(new URL(page.url()).pathname).toBe('/anmelden');
      // The password field is cleared for the next attempt.
      expect(await page.getByLabel('Passwort', { exact: true }).inputValue()).toBe('');
    });
  });

  test('repeated wrong passwords are throttled and the wait time is shown', async () => {
    await withPage(async (page) => {
      await page.goto('/anmelden');
      const alert = page.getByRole('alert');
      // The server allows a few failures per account, then answers 429 with Retry-After.
      for (let attempt = 0; attempt < 10; attempt++) {
        await page.getByLabel('E-Mail-Adresse').fill(demo.researcher);
        await page.getByLabel('Passwort', { exact: true }).fill(`wrong-password-${attempt}`);
        await page.getByRole('button', { name: 'Anmelden' }).click();
        await alert.waitFor();
        await expect
          .poll(() => page.getByRole('button', { name: 'Anmelden' }).getAttribute('aria-disabled'))
          .toBeNull();
        if ((await alert.textContent())?.startsWith('Zu viele Versuche')) break;
      }
      expect(await alert.textContent()).toMatch(
        /^Zu viele Versuche\. Bitte versuchen Sie es in \d+ (Minute|Minuten|Sekunden?) noch einmal\.$/,
      );
    });
  });

  test('empty fields are reported, linked to their inputs and announced', async () => {
    await withPage(async (page) => {
      await page.goto('/anmelden');
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.getByRole('alert').getByText('Bitte prüfen Sie Ihre Eingaben.').waitFor();
      const email = page.getByLabel('E-Mail-Adresse');
      expect(await email.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
      const descriptions = await Promise.all(
        describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()),
      );
      expect(descriptions.join(' ')).toContain('Bitte geben Sie Ihre E-Mail-Adresse ein.');
      // Focus moves to the first invalid field.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('type')))
        .toBe('email');
    });
  });
});

describe('keyboard only', () => {
  test('sign in with Tab, typing and Enter, then open a menu item with the keyboard', async () => {
    await withPage(async (page) => {
      await page.goto('/anmelden');
      await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
      expect(await tabTo(page, "el instanceof HTMLInputElement && el.type === 'email'")).toBe(true);
      await page.keyboard.type(demo.lead);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('password');
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();

      const reached = await tabTo(
        page,
        "el instanceof HTMLAnchorElement && el.closest('nav') && el.textContent === 'Protokoll'",
      );
      expect(reached).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForURL('**/protokoll');
      await page.getByRole('heading', { level: 1, name: 'Protokoll' }).waitFor();
      // After client-side navigation focus sits on the new page's heading.
      await expect
        .poll(() =>
          page.evaluate(() => `${document.activeElement?.tagName}:${document.activeElement?.textContent}`),
        )
        .toBe('H1:Protokoll');
      // The focused control always shows a visible focus indicator.
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return `${style.outlineStyle} ${style.outlineWidth}`;
      });
      expect(outline).toBe('solid 3px');
    });
  });

  test('the skip link is the first stop and moves focus to the main content', async () => {
    await withPage(async (page) => {
      await signIn(page, demo.admin);
      // A full page load puts focus at the start of the document.
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => document.activeElement?.textContent);
      expect(first).toBe('Zum Inhalt springen');
      expect(await page.getByRole('link', { name: 'Zum Inhalt springen' }).isVisible()).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      // The next Tab goes into the content, past header and navigation.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    });
  });
});

describe('roles decide the menu', () => {
  test('a caseworker sees no admin items and gets the not-found page at /verwaltung/benutzer', async () => {
    await withPage(async (page) => {
      await signIn(page, demo.caseworker);
      const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
      const items = await nav.getByRole('link').allTextContents();
      expect(items).toEqual(expect.arrayContaining(['Übersicht', 'Mein Konto']));
      for (const adminItem of ['Benutzer', 'Einstellungen', 'Protokoll'])
        expect(items).not.toContain(adminItem);

      for (const path of ['/verwaltung/benutzer', '/verwaltung/einstellungen', '/protokoll']) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor();
        expect(await page.title()).toBe('Seite nicht gefunden – Lotse');
      }
    });
  });

  test('a lead sees the audit log but not the user administration', async () => {
    await withPage(async (page) => {
      await signIn(page, demo.lead);
      const items = await page
        .getByRole('navigation', { name: 'Hauptnavigation' })
        .getByRole('link')
        .allTextContents();
      expect(items).toEqual(expect.arrayContaining(['Übersicht', 'Protokoll', 'Mein Konto']));
      expect(items).not.toContain('Benutzer');
      expect(items).not.toContain('Einstellungen');
      await page.goto('/protokoll');
      await page.getByRole('heading', { level: 1, name: 'Protokoll' }).waitFor();
      await page.getByRole('table').waitFor();
      // Only admins may list users, so leads get no person filter.
      expect(await page.getByRole('button', { name: /Person/ }).count()).toBe(0);
      expect(await page.getByLabel('Aktion').count()).toBe(1);
    });
  });

  test('unknown addresses show the not-found page', async () => {
    await withPage(async (page) => {
      await page.goto('/gibt-es-nicht');
      await page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor();
    });
  });
});

describe('language', () => {
  test('the language switch changes texts and html lang, and is remembered', async () => {
    await withPage(async (page) => {
      await page.goto('/anmelden');
      await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('de');

      await page.getByRole('radio', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.getByLabel('E-mail address').count()).toBe(1);
      expect(await page.title()).toBe('Sign in – Lotse');

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');

      await page.getByRole('radio', { name: 'Deutsch' }).click();
      await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('de');
    });
  });
});

describe('session expiry', () => {
  test('after the cookie is gone the next action leads to sign-in with the expiry message, and back', async () => {
    const context = await h.newContext();
    try {
      const page = await context.newPage();
      await signIn(page, demo.admin);
      await page.getByRole('link', { name: 'Benutzer', exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Benutzerverwaltung' }).waitFor();

      await context.clearCookies();
      await (await navLink(page, 'Protokoll')).click();
      await page.waitForURL('**/anmelden');
      await page.getByText('Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.').waitFor();

      // Signing in again returns to where the user was going.
      await page.getByLabel('E-Mail-Adresse').fill(demo.admin);
      await page.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.waitForURL('**/protokoll');
      await page.getByRole('heading', { level: 1, name: 'Protokoll' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
