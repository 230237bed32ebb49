import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, demo, type Harness, navLink, signIn, startHarness } from './harness.ts';

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

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

describe('offers and network in the browser', () => {
  test('a guide refers a client to a suggested offer and marks it as started', async () => {
    await (await navLink(guide, 'Kund*innen')).click();
    await guide.getByRole('heading', { level: 1, name: 'Kund*innen' }).waitFor();
    await guide.getByRole('table').getByRole('rowheader').first().getByRole('link').click();
    await guide.getByRole('heading', { level: 2, name: 'Passende Angebote' }).waitFor();
    const suggestions = guide.locator('#offer-suggestions');
    // An offer of the own agency: one of another agency would need a sharing consent first.
    const first = suggestions
      .locator('.suggestion')
      .filter({ hasNotText: /Einwilligung zur Weitergabe/ })
      .first();
    await first.waitFor();
    await expect(first.locator('.suggestion__reason').first().textContent()).resolves.toMatch(/^passt: /);
    const title = ((await first.locator('.suggestion__title').textContent()) ?? '').trim();
    await expectNoAxeViolations(guide);

    // Refer with the keyboard: focus the button and press Enter, then confirm in the dialog.
    const refer = first.getByRole('button', { name: /^(Zuweisen|Trotz Vollbelegung zuweisen): / });
    await refer.focus();
    await guide.keyboard.press('Enter');
    const dialog = guide.getByRole('dialog', { name: `Zuweisen: ${title}` });
    await dialog.getByText('Einwilligung: keine nötig').waitFor();
    await dialog.getByRole('button', { name: /^(Zuweisen|Trotz Vollbelegung zuweisen)$/ }).click();
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
    await (await navLink(guide, 'Angebote')).click();
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
    await (await navLink(guide, 'Veranstaltungen')).click();
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

    await (await navLink(guide, 'Gute Praxis')).click();
    await guide.getByRole('heading', { level: 1, name: 'Gute Praxis und Material' }).waitFor();
    const download = await guide
      .getByRole('link', { name: /^Herunterladen: / })
      .first()
      .getAttribute('href');
    const file = await guide.request.get(`${h.baseUrl}${download}`);
    expect(file.headers()['content-type']).toBe('application/pdf');
    await expectNoAxeViolations(guide);
  });

  test('a guide adds an offer through the form and edits it', async () => {
    await (await navLink(guide, 'Angebote')).click();
    await guide.getByRole('heading', { level: 1, name: 'Angebote' }).waitFor();
    await guide.getByRole('button', { name: 'Angebot anlegen' }).click();
    const dialog = guide.getByRole('dialog', { name: 'Angebot anlegen' });
    await dialog.waitFor();
    await dialog
      .getByRole('group', { name: /Teilhabebereiche/ })
      .locator('.checkbox')
      .first()
      .waitFor();
    await expectNoAxeViolations(guide);

    // Submitting empty names the missing fields and writes nothing.
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('Mindestens einen Teilhabebereich wählen.').waitFor();
    await expectNoAxeViolations(guide);

    await dialog.getByLabel('Titel').fill('Erzählcafé im Quartier');
    await dialog.getByRole('button', { name: /Träger/ }).click();
    await guide.getByRole('listbox').getByRole('option').first().click();
    await dialog
      .getByRole('group', { name: /Teilhabebereiche/ })
      .locator('.checkbox')
      .first()
      .click();
    await dialog.getByRole('group', { name: 'Zielgruppen' }).locator('.checkbox').first().click();
    await dialog.getByRole('button', { name: /Sozialraum/ }).click();
    await guide.getByRole('listbox').getByRole('option', { name: 'Witten', exact: true }).click();
    await dialog.getByLabel('Postleitzahl').fill('58452');
    await dialog.getByLabel('Breitengrad (für die Karte)').fill('51,4372');
    await dialog.getByLabel('Längengrad (für die Karte)').fill('7,3353');
    await dialog.getByLabel('Kosten für Kund*innen (Euro)').fill('2,50');
    await dialog.getByLabel('Plätze insgesamt').fill('12');
    await dialog.getByLabel('Davon aktuell frei').fill('5');
    await dialog.getByLabel('Gültig ab').fill('2026-01-01');
    await dialog.getByText('Im gemeinsamen regionalen Verzeichnis veröffentlichen').click();
    await dialog.getByRole('button', { name: 'Speichern' }).click();

    await guide.getByRole('heading', { level: 1, name: 'Erzählcafé im Quartier' }).waitFor();
    await guide.getByText('Das Angebot wurde angelegt.').waitFor();
    await guide.getByText('5 von 12').waitFor();
    await expectNoAxeViolations(guide);

    await guide.getByRole('button', { name: 'Bearbeiten' }).click();
    const edit = guide.getByRole('dialog', { name: 'Angebot bearbeiten' });
    await edit.waitFor();
    await expect(edit.getByLabel('Titel').inputValue()).resolves.toBe('Erzählcafé im Quartier');
    await edit.getByLabel('Davon aktuell frei').fill('4');
    await edit.getByRole('button', { name: 'Speichern' }).click();
    await guide.getByText('Die Änderungen wurden gespeichert.').waitFor();
    await guide.getByText('4 von 12').waitFor();
  });

  test('a guide adds a partner with a contact person and an inclusion profile and edits it', async () => {
    await (await navLink(guide, 'Netzwerkpartner')).click();
    await guide.getByRole('heading', { level: 1, name: 'Netzwerkpartner' }).waitFor();
    await guide.getByRole('button', { name: 'Netzwerkpartner anlegen' }).click();
    const dialog = guide.getByRole('dialog', { name: 'Netzwerkpartner anlegen' });
    await dialog.waitFor();
    await dialog.getByLabel('Name', { exact: true }).fill('Bäckerei Sonnenschein');
    await dialog.getByRole('button', { name: /Art/ }).click();
    await guide.getByRole('listbox').getByRole('option', { name: 'Arbeitgeber' }).click();
    await dialog.getByRole('button', { name: 'Ansprechperson hinzufügen' }).click();
    const contact = dialog.getByRole('group', { name: 'Ansprechperson 1' });
    await contact.getByLabel('Name').fill('Aylin Demir');
    await contact.getByLabel('E-Mail').fill('keine-adresse');
    await dialog.getByRole('group', { name: 'Sozialräume' }).locator('.checkbox').first().click();
    await dialog.getByText('Arbeitsplätze für Menschen mit Behinderung').click();
    await expectNoAxeViolations(guide);
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    // The server names the invalid field; nothing is written.
    await contact.getByText('Keine gültige E-Mail-Adresse').waitFor();
    await expectNoAxeViolations(guide);
    await contact.getByLabel('E-Mail').fill('demir@baeckerei.example');
    await dialog.getByRole('button', { name: 'Speichern' }).click();

    await guide.getByRole('heading', { level: 1, name: 'Bäckerei Sonnenschein' }).waitFor();
    await guide.getByText(/Aylin Demir, demir@baeckerei\.example/).waitFor();
    await guide.getByText('Arbeitsplätze für Menschen mit Behinderung: ja').waitFor();
    await guide.getByRole('button', { name: 'Bearbeiten' }).click();
    const edit = guide.getByRole('dialog', { name: 'Netzwerkpartner bearbeiten' });
    await edit.waitFor();
    await edit.getByLabel('Notizen').fill('Sucht Aushilfen am Wochenende.');
    await edit.getByRole('button', { name: 'Speichern' }).click();
    await guide.getByText('Die Änderungen wurden gespeichert.').waitFor();
    await guide.getByText('Sucht Aushilfen am Wochenende.').waitFor();
    await expectNoAxeViolations(guide);
  });

  test('a guide registers for an event, cancels, and manages the personal calendar link', async () => {
    await (await navLink(guide, 'Veranstaltungen')).click();
    await guide.getByRole('heading', { level: 1, name: 'Veranstaltungen' }).waitFor();
    const register = guide.getByRole('button', { name: /^Anmelden: V \d\d\/\d{3}/ }).first();
    const event = ((await register.getAttribute('aria-label')) ?? '').slice('Anmelden: '.length);
    const code = event.slice(0, 8);
    await register.click();
    await guide.getByText(new RegExp(`${code}: Sie (sind angemeldet|stehen auf der Warteliste)`)).waitFor();
    const cancel = guide.getByRole('button', { name: `Abmelden: ${event}` });
    await cancel.focus();
    await guide.keyboard.press('Enter');
    await guide
      .getByText(new RegExp(`${code}: Sie (sind abgemeldet|stehen nicht mehr auf der Warteliste)`))
      .waitFor();
    await guide.getByRole('button', { name: `Anmelden: ${event}` }).waitFor();
    await expectNoAxeViolations(guide);

    // The subscription is the page's top action; it opens the personal link in a dialog.
    await guide.getByRole('button', { name: 'Kalender abonnieren' }).click();
    const feed = guide.getByRole('dialog', { name: 'Persönlicher Kalender-Link' });
    await feed.getByRole('button', { name: /^(Kalender-Link erzeugen|Neuen Link erzeugen)/ }).click();
    const url = await feed.getByLabel('Ihr Kalender-Link').inputValue();
    expect(url).toMatch(/\/api\/events\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
    await expectNoAxeViolations(guide);
    // A calendar app has no session: the secret link alone gives the feed.
    const calendar = await fetch(url);
    expect(calendar.status).toBe(200);
    expect(await calendar.text()).toContain('BEGIN:VCALENDAR');
    await feed.getByRole('button', { name: 'Link widerrufen' }).click();
    await feed.getByText('Der Kalender-Link wurde widerrufen.').waitFor();
    expect((await fetch(url)).status).toBe(404);
    await feed.getByRole('button', { name: 'Schließen' }).click();
  });

  test('a coordinator sees needs versus offers for a district', async () => {
    const ctx = await h.newContext();
    const coordinator = await ctx.newPage();
    try {
      await signIn(coordinator, demo.coordinator);
      await (await navLink(coordinator, 'Angebotsplanung')).click();
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
      await (await navLink(coordinator, 'Angebote')).click();
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

      // A coordinator creates an event through the form.
      await (await navLink(coordinator, 'Veranstaltungen')).click();
      await coordinator.getByRole('heading', { level: 1, name: 'Veranstaltungen' }).waitFor();
      await coordinator.getByRole('button', { name: 'Veranstaltung anlegen' }).click();
      const form = coordinator.getByRole('dialog', { name: 'Veranstaltung anlegen' });
      await form.waitFor();
      await expectNoAxeViolations(coordinator);
      await form.getByLabel('Titel').fill('Fachgespräch Erzählcafés');
      await form.getByRole('button', { name: /Art/ }).click();
      await coordinator.getByRole('listbox').getByRole('option', { name: 'Fachgespräch' }).click();
      await form.getByLabel('Datum').fill('2027-03-10');
      await form.getByLabel('Beginn').fill('10:00');
      await form.getByLabel('Ende').fill('12:00');
      await form.getByLabel('Online-Link').fill('https://konferenz.example/raum');
      await form.getByLabel('Plätze').fill('20');
      await form.getByRole('button', { name: 'Speichern' }).click();
      await coordinator.getByText(/Die Veranstaltung V 27\/\d{3} wurde angelegt\./).waitFor();
      await coordinator.getByRole('heading', { level: 3, name: /Fachgespräch Erzählcafés/ }).waitFor();
    } finally {
      await ctx.close();
    }
  });
});
