import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, demo, type Harness, openListbox, signIn, startHarness } from './harness.ts';

let h: Harness;
let context: BrowserContext;
let guide: Page;

const LAST_NAME = 'Brinkhoff-Testfall';

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

/** Picks an option of a react-aria select by its label, with the keyboard-accessible listbox. */
async function choose(
  page: Page,
  scope: ReturnType<Page['getByRole']> | Page,
  label: string,
  option: string | 'first',
) {
  const listbox = await openListbox(page, scope.getByRole('button', { name: new RegExp(label) }));
  if (option === 'first') await listbox.getByRole('option').first().click();
  else await listbox.getByRole('option', { name: option, exact: true }).click();
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' });

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

describe('case work in the browser', () => {
  test('a guide takes a client from intake to closure', async () => {
    await nav(guide).getByRole('link', { name: 'Kund*innen' }).click();
    await guide.getByRole('heading', { level: 1, name: 'Kund*innen' }).waitFor();
    await guide.getByRole('table').waitFor();
    await expectNoAxeViolations(guide);

    // Typo-tolerant search over the demo clients.
    await guide.getByLabel('Suche', { exact: true }).fill('Schmit');
    await guide.getByRole('button', { name: 'Suchen' }).click();
    await guide.getByText(/Treffer für „Schmit“/).waitFor();

    // Intake.
    await guide.getByRole('link', { name: 'Neue Person aufnehmen' }).click();
    await guide.getByRole('heading', { level: 1, name: 'Neue Person aufnehmen' }).waitFor();
    await expectNoAxeViolations(guide);
    await guide.getByLabel('Vorname').fill('Helga');
    await guide.getByLabel('Nachname').fill(LAST_NAME);
    await guide.getByLabel('Geburtsdatum').fill('1964-05-04');
    await guide.getByLabel('Wohnort / Sozialraum').fill('Witten');
    await guide.getByRole('button', { name: 'Aufnehmen und Fall eröffnen' }).click();
    await guide.getByRole('heading', { level: 1, name: `Helga ${LAST_NAME}` }).waitFor();
    // The summary at the top and the case section both show the state; the section is checked here.
    const caseSection = guide.getByRole('region', { name: 'Fall', exact: true });
    await caseSection.getByText('offen', { exact: true }).waitFor();

    // Consent to process health data.
    await guide.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    let dialog = guide.getByRole('dialog', { name: 'Einwilligung erfassen' });
    await dialog.waitFor();
    await choose(guide, dialog, 'Zweck', 'Verarbeitung von Gesundheitsdaten');
    await dialog.getByRole('button', { name: 'Erfassen' }).click();
    await guide.getByText('Die Einwilligung ist erfasst.').waitFor();
    await guide.getByRole('rowheader', { name: 'Verarbeitung von Gesundheitsdaten' }).waitFor();

    // A goal on a participation dimension.
    // The main actions sit in the summary at the top of the record (the sections offer them too).
    const summary = guide.getByRole('region', { name: 'Überblick' });
    await summary.getByRole('button', { name: 'Ziel vereinbaren' }).click();
    dialog = guide.getByRole('dialog', { name: 'Ziel vereinbaren' });
    await dialog.waitFor();
    await dialog.getByLabel('Ziel', { exact: true }).fill('Einmal pro Woche zur Selbsthilfegruppe');
    await choose(guide, dialog, 'Teilhabebereich', 'first');
    await dialog.getByLabel('Zieldatum').fill('2027-06-30');
    await dialog
      .getByLabel('Schritte (einer pro Zeile)')
      .fill('Gruppe in Witten anrufen\nErsten Termin besuchen');
    await dialog.getByRole('button', { name: 'Vereinbaren' }).click();
    await guide.getByRole('rowheader', { name: /Einmal pro Woche zur Selbsthilfegruppe/ }).waitFor();

    // A documented contact.
    await summary.getByRole('button', { name: 'Kontakt dokumentieren' }).click();
    dialog = guide.getByRole('dialog', { name: 'Kontakt dokumentieren' });
    await dialog.waitFor();
    await dialog.getByLabel('Dauer in Minuten').fill('45');
    await dialog.getByLabel('Notiz').fill('Erstgespräch, Ziele besprochen.');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await guide.getByText('Erstgespräch, Ziele besprochen.').waitFor();
    await expectNoAxeViolations(guide);

    // Closure with an outcome; a missing outcome is refused with a message first.
    await guide.getByRole('button', { name: 'Fall abschließen' }).click();
    dialog = guide.getByRole('dialog', { name: 'Fall abschließen' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Abschließen' }).click();
    await dialog.getByRole('alert').waitFor();
    await choose(guide, dialog, 'Ergebnis', 'Sozialversicherungspflichtige Beschäftigung');
    await dialog.getByLabel('Grund').fill('Arbeitsvertrag als Lagerhelferin');
    await dialog.getByRole('button', { name: 'Abschließen' }).click();
    await guide.getByText('Der Fall ist abgeschlossen.').waitFor();
    await caseSection.getByText('abgeschlossen', { exact: true }).waitFor();
    await guide.getByText('Sozialversicherungspflichtige Beschäftigung').waitFor();
    await guide.getByRole('button', { name: 'Fall wieder eröffnen' }).waitFor();
    await expectNoAxeViolations(guide);
  });

  test('the caseload shows reminders and has no accessibility violations', async () => {
    await nav(guide).getByRole('link', { name: 'Meine Fälle' }).click();
    await guide.getByRole('heading', { level: 1, name: 'Meine Fälle' }).waitFor();
    await guide.getByRole('heading', { level: 2, name: /Ohne Kontakt seit 6 Wochen/ }).waitFor();
    await expectNoAxeViolations(guide);
  });

  test('a guide imports clients from a CSV file with preview, mapping and a result list', async () => {
    await guide.goto('/klienten');
    await guide.getByRole('link', { name: 'Aus Tabelle importieren' }).click();
    await guide.getByRole('heading', { level: 1, name: 'Kund*innen importieren' }).waitFor();
    await expectNoAxeViolations(guide);
    const csv = [
      'Vorname;Nachname;Geburtsdatum;Ort',
      'Rosa;Importova;01.02.1970;Witten',
      'Rosa;Importova;01.02.1970;Witten',
      'Ohne;Datum;;Witten',
    ].join('\n');
    await guide.getByLabel(/Datei \(CSV oder XLSX/).setInputFiles({
      name: 'liste.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await guide.getByRole('heading', { name: 'Vorschau der ersten Zeilen' }).waitFor();
    await expectNoAxeViolations(guide);
    await guide.getByRole('button', { name: 'Importieren' }).click();
    await guide.getByText('1 von 3 Zeilen übernommen; 1 fehlerhaft, 1 Dubletten.').waitFor();
    await expectNoAxeViolations(guide);
  });

  test('a coordinator sees master data and contact dates but not the note', async () => {
    const url = guide.url();
    await guide.goto(`/klienten?suche=${encodeURIComponent(LAST_NAME)}`);
    await guide.getByRole('link', { name: new RegExp(LAST_NAME) }).click();
    await guide.getByRole('heading', { level: 1, name: `Helga ${LAST_NAME}` }).waitFor();
    const clientUrl = guide.url();
    expect(clientUrl).not.toBe(url);
    const coordinatorContext = await h.newContext();
    try {
      const coordinator = await coordinatorContext.newPage();
      await signIn(coordinator, demo.coordinator);
      await coordinator.goto(clientUrl);
      await coordinator.getByRole('heading', { level: 1, name: `Helga ${LAST_NAME}` }).waitFor();
      await coordinator.getByText('Notiz nur für die fallführenden Fachkräfte sichtbar').waitFor();
      expect(await coordinator.getByText('Erstgespräch, Ziele besprochen.').count()).toBe(0);
      expect(await coordinator.getByRole('heading', { name: 'Zielvereinbarung' }).count()).toBe(0);
      await expectNoAxeViolations(coordinator);
    } finally {
      await coordinatorContext.close();
    }
  });
});
