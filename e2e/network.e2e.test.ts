import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, demo, type Harness, signIn, startHarness } from './harness.ts';

/**
 * Offers and network in the browser: a guide finds a suggested offer for a client, refers and moves the
 * referral to started; a coordinator sees needs versus offers for a district; the directory (list and
 * map), events and publications pass axe.
 */
let h: Harness;
let context: BrowserContext;
let guide: Page;

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

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' });

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

describe('offers and network in the browser', () => {
  test('a guide refers a client to a suggested offer and marks it as started', async () => {
    await nav(guide).getByRole('link', { name: 'Kund*innen' }).click();
    await guide.getByRole('heading', { level: 1, name: 'Kund*innen' }).waitFor();
    await guide.getByRole('table').getByRole('rowheader').first().getByRole('link').click();
    await guide.getByRole('heading', { level: 2, name: 'Passende Angebote' }).waitFor();
    const suggestions = guide.locator('#offer-suggestions');
    const first = suggestions.locator('.suggestion').first();
    await first.waitFor();
    await expect(first.locator('.suggestion__reason').first().textContent()).resolves.toMatch(/^passt: /);
    const title = ((await first.locator('.suggestion__title').textContent()) ?? '').trim();
    await expectNoAxeViolations(guide);

    // Refer with the keyboard: focus the button and press Enter.
    const refer = first.getByRole('button', { name: /^(Zuweisen|Trotz Vollbelegung zuweisen): / });
    await refer.focus();
    await guide.keyboard.press('Enter');
    await suggestions.getByText(`„${title}“ wurde zugewiesen.`).waitFor();

    const referrals = guide.locator('#referrals');
    const row = referrals
      .getByRole('row')
      .filter({ has: guide.getByRole('rowheader', { name: new RegExp(title) }) });
    await row.getByText('zugewiesen', { exact: true }).waitFor();
    await row.getByRole('button', { name: `Als begonnen markieren: ${title}` }).click();
    await referrals.getByText('Status geändert: begonnen.').waitFor();
    await row.getByText('begonnen', { exact: true }).waitFor();
    await expectNoAxeViolations(guide);
  });

  test('the directory filters offers and shows them on the district map', async () => {
    await nav(guide).getByRole('link', { name: 'Angebote' }).click();
    await guide.getByRole('heading', { level: 1, name: 'Angebote' }).waitFor();
    await guide.getByRole('table').waitFor();
    await expectNoAxeViolations(guide);
    await guide.getByLabel('Suche', { exact: true }).fill('Schuldnerberatung');
    await guide.getByRole('button', { name: 'Suchen' }).click();
    await guide
      .getByRole('rowheader', { name: /Schuldnerberatung/ })
      .first()
      .waitFor();
    await guide.getByRole('radio', { name: 'Karte' }).click();
    await guide.getByRole('img', { name: /Karte der Sozialräume/ }).waitFor();
    expect(await guide.locator('.district-map__dot').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(guide);
    await guide
      .getByRole('rowheader', { name: /Schuldnerberatung/ })
      .first()
      .getByRole('link')
      .click();
    await guide.getByRole('heading', { level: 2, name: 'Angaben' }).waitFor();
    await expectNoAxeViolations(guide);
  });

  test('events offer registration and calendar files; publications offer downloads', async () => {
    await nav(guide).getByRole('link', { name: 'Veranstaltungen' }).click();
    await guide.getByRole('heading', { level: 1, name: 'Veranstaltungen' }).waitFor();
    const register = guide.getByRole('button', { name: /^Anmelden: V \d\d\/\d{3}/ }).first();
    const label = (await register.getAttribute('aria-label')) ?? '';
    await register.click();
    await guide
      .getByText(
        new RegExp(
          `${label.slice('Anmelden: '.length, 'Anmelden: '.length + 8)}: Sie (sind angemeldet|stehen auf der Warteliste)`,
        ),
      )
      .waitFor();
    const ics = await guide
      .getByRole('link', { name: /In den Kalender \(\.ics\)/ })
      .first()
      .getAttribute('href');
    const res = await guide.request.get(`${h.baseUrl}${ics}`);
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain('BEGIN:VEVENT');
    await expectNoAxeViolations(guide);

    await nav(guide).getByRole('link', { name: 'Gute Praxis' }).click();
    await guide.getByRole('heading', { level: 1, name: 'Gute Praxis und Material' }).waitFor();
    const download = await guide
      .getByRole('link', { name: /^Herunterladen: / })
      .first()
      .getAttribute('href');
    const file = await guide.request.get(`${h.baseUrl}${download}`);
    expect(file.headers()['content-type']).toBe('application/pdf');
    await expectNoAxeViolations(guide);
  });

  test('a coordinator sees needs versus offers for a district', async () => {
    const ctx = await h.newContext();
    const coordinator = await ctx.newPage();
    try {
      await signIn(coordinator, demo.coordinator);
      await nav(coordinator).getByRole('link', { name: 'Angebotsplanung' }).click();
      await coordinator.getByRole('heading', { level: 1, name: 'Angebotsplanung' }).waitFor();
      await coordinator.getByRole('button', { name: /Sozialraum/ }).click();
      await coordinator.getByRole('listbox').getByRole('option', { name: 'Witten', exact: true }).click();
      const table = coordinator.getByRole('table', { name: 'Bedarfe und Angebote – Witten' });
      await table.waitFor();
      expect(await table.getByRole('row').count()).toBeGreaterThan(5);
      await table.getByRole('columnheader', { name: 'Kund*innen mit Bedarf' }).waitFor();
      await table.getByRole('columnheader', { name: 'Bewertung' }).waitFor();
      await coordinator.locator('.chart svg').waitFor();
      await expectNoAxeViolations(coordinator);

      // Import with a preview: an invalid row is reported and nothing is imported until it is skipped.
      await nav(coordinator).getByRole('link', { name: 'Angebote' }).click();
      await coordinator.getByRole('heading', { level: 1, name: 'Angebote' }).waitFor();
      await coordinator.getByRole('button', { name: 'Importieren' }).click();
      const dialog = coordinator.getByRole('dialog', { name: 'Angebote importieren' });
      await dialog.waitFor();
      await dialog.getByLabel('Datei (CSV oder XLSX)').setInputFiles({
        name: 'angebote.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('title;partner;dimensions;district\nTest;Niemand;health;Atlantis\n'),
      });
      await dialog.getByRole('button', { name: 'Prüfen' }).click();
      await dialog.getByText('1 Zeilen, 0 gültig, 1 ungültig.').waitFor();
      await dialog.getByRole('table', { name: 'Fehler je Zeile' }).waitFor();
      expect(await dialog.getByRole('button', { name: 'Importieren' }).isDisabled()).toBe(true);
      await expectNoAxeViolations(coordinator);
      await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    } finally {
      await ctx.close();
    }
  });
});
