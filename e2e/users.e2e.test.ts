import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, demo, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
let adminContext: BrowserContext;
let admin: Page;

const NEW_USER = { email: 'neue.kollegin@jc-en.example', name: 'Nora Neumann' };
const FIRST_PASSWORD = 'Sonnenblumen am Bahndamm 7';
const SECOND_PASSWORD = 'Kraniche ziehen im Oktober';

beforeAll(async () => {
  h = await startHarness();
  adminContext = await h.newContext();
  admin = await adminContext.newPage();
  await signIn(admin, demo.admin);
});

afterAll(async () => {
  await adminContext?.close();
  await h?.close();
});

/** Opens a one-time link in a fresh browser (no admin cookies) and sets the password. */
async function setPasswordViaLink(url: string, heading: string, password: string) {
  const context = await h.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.getByText(NEW_USER.email).waitFor();
    await page.getByLabel('Neues Passwort', { exact: true }).fill(password);
    await page.getByLabel('Neues Passwort wiederholen').fill(password);
    await page.getByRole('button', { name: 'Passwort speichern' }).click();
    await page.waitForURL('**/anmelden');
    await page.getByText('Ihr Passwort ist gespeichert. Sie können sich jetzt anmelden.').waitFor();
  } finally {
    await context.close();
  }
}

async function userRow(name: string) {
  await admin.goto('/verwaltung/benutzer');
  await admin.getByRole('table').waitFor();
  const row = admin.getByRole('row').filter({ has: admin.getByRole('rowheader', { name }) });
  await row.waitFor();
  return row;
}

async function openEditDialog(name: string) {
  const row = await userRow(name);
  await row.getByRole('button', { name: `${name} bearbeiten` }).click();
  const dialog = admin.getByRole('dialog', { name: `${name} bearbeiten` });
  await dialog.waitFor();
  return dialog;
}

describe('user administration', () => {
  test('an admin invites a person, who accepts the link in another browser and signs in', async () => {
    await admin.goto('/verwaltung/benutzer');
    await admin.getByRole('button', { name: 'Person einladen' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Person einladen' });
    await dialog.getByLabel('E-Mail-Adresse').fill(NEW_USER.email);
    await dialog.getByLabel('Anzeigename').fill(NEW_USER.name);
    // Case management is preselected; the checkbox group is labelled by its legend text.
    expect(await dialog.getByRole('checkbox', { name: 'Fallmanagement' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Einladung erstellen' }).click();

    const done = admin.getByRole('dialog', { name: 'Einladung erstellt' });
    await done.getByText(`${NEW_USER.name} ist eingeladen.`).waitFor();
    const url = await done.getByLabel('Einladungslink').inputValue();
    expect(url).toMatch(new RegExp(`^${h.baseUrl}/einladung/[A-Za-z0-9_-]{20,}$`));
    await done.getByRole('button', { name: 'Schließen' }).first().click();

    // The list shows the invitation.
    const row = admin.getByRole('row').filter({ has: admin.getByRole('rowheader', { name: NEW_USER.name }) });
    await row.getByText('Eingeladen').waitFor();

    await setPasswordViaLink(url, 'Einladung annehmen', FIRST_PASSWORD);

    const context = await h.newContext();
    const page = await context.newPage();
    await signIn(page, NEW_USER.email, FIRST_PASSWORD);
    await page.getByText(`Guten Tag, ${NEW_USER.name}!`).waitFor();
    const nav = await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link')
      .allTextContents();
    expect(nav).toEqual(expect.arrayContaining(['Übersicht', 'Mein Konto']));
    expect(nav).not.toContain('Protokoll');
    expect(nav).not.toContain('Benutzer');
    await context.close();

    expect(await (await userRow(NEW_USER.name)).getByText('Aktiv').count()).toBe(1);
  });

  test('an invitation for an e-mail address already in use is refused at the field', async () => {
    await admin.goto('/verwaltung/benutzer');
    await admin.getByRole('button', { name: 'Person einladen' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Person einladen' });
    await dialog.getByLabel('E-Mail-Adresse').fill(demo.caseworker);
    await dialog.getByLabel('Anzeigename').fill('Doppelt');
    await dialog.getByRole('button', { name: 'Einladung erstellen' }).click();
    await dialog.getByRole('alert').waitFor();
    const email = dialog.getByLabel('E-Mail-Adresse');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    await dialog.getByText('Diese E-Mail-Adresse ist bereits vergeben.').waitFor();
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  });

  test('an admin changes roles; the person then sees the audit log', async () => {
    const dialog = await openEditDialog(NEW_USER.name);
    // react-aria keeps the native checkbox visually hidden inside its label: click the label.
    await dialog.locator('label').filter({ hasText: 'Teamleitung' }).click();
    expect(await dialog.getByRole('checkbox', { name: 'Teamleitung' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('Die Änderungen sind gespeichert.').waitFor();
    await dialog.getByRole('button', { name: 'Schließen' }).last().click();
    const row = await userRow(NEW_USER.name);
    await row
      .getByText('Teamleitung, Fallmanagement')
      .or(row.getByText('Fallmanagement, Teamleitung'))
      .waitFor();

    const context = await h.newContext();
    const page = await context.newPage();
    await signIn(page, NEW_USER.email, FIRST_PASSWORD);
    const nav = await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link')
      .allTextContents();
    expect(nav).toEqual(expect.arrayContaining(['Übersicht', 'Protokoll', 'Mein Konto']));
    expect(nav).not.toContain('Benutzer');
    await context.close();
  });

  test('an admin cannot change their own roles or combine the admin role with client data', async () => {
    const own = await openEditDialog('Petra Admin');
    await own
      .getByText('Ihre eigenen Rollen kann nur eine andere Administratorin', { exact: false })
      .waitFor();
    expect(await own.getByRole('checkbox').count()).toBe(0);
    expect(await own.getByRole('button', { name: 'Passwort zurücksetzen' }).count()).toBe(0);
    expect(await axeViolations(admin)).toEqual([]);
    await own.getByRole('button', { name: 'Schließen' }).last().click();

    const dialog = await openEditDialog(NEW_USER.name);
    await dialog.locator('label').filter({ hasText: 'Administration' }).click();
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('Die Administrationsrolle kann nicht mit', { exact: false }).first().waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await dialog.getByRole('button', { name: 'Schließen' }).last().click();
  });

  test('an admin resets the password and hands over the link', async () => {
    const dialog = await openEditDialog(NEW_USER.name);
    await dialog.getByRole('button', { name: 'Passwort zurücksetzen' }).click();
    await dialog.getByRole('button', { name: 'Ja, zurücksetzen' }).click();
    await dialog.getByText('Das Passwort wurde zurückgesetzt.', { exact: false }).waitFor();
    const url = await dialog.getByLabel('Link zum Zurücksetzen des Passworts').inputValue();
    await dialog.getByRole('button', { name: 'Schließen' }).last().click();

    await setPasswordViaLink(url, 'Neues Passwort festlegen', SECOND_PASSWORD);
    const context = await h.newContext();
    const page = await context.newPage();
    await signIn(page, NEW_USER.email, SECOND_PASSWORD);
    await context.close();
  });

  test('a disabled account cannot sign in until it is enabled again', async () => {
    let dialog = await openEditDialog(NEW_USER.name);
    await dialog.getByRole('button', { name: 'Konto sperren' }).click();
    await dialog.getByRole('button', { name: 'Ja, sperren' }).click();
    await dialog.getByText('Das Konto ist gesperrt.').waitFor();
    await dialog.getByRole('button', { name: 'Schließen' }).last().click();
    expect(await (await userRow(NEW_USER.name)).getByText('Gesperrt').count()).toBe(1);

    const context = await h.newContext();
    const page = await context.newPage();
    await page.goto('/anmelden');
    await page.getByLabel('E-Mail-Adresse').fill(NEW_USER.email);
    await page.getByLabel('Passwort', { exact: true }).fill(SECOND_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('alert').getByText('E-Mail oder Passwort ist falsch.').waitFor();

    dialog = await openEditDialog(NEW_USER.name);
    await dialog.getByRole('button', { name: 'Konto entsperren' }).click();
    await dialog.getByText('Das Konto ist entsperrt.').waitFor();
    await dialog.getByRole('button', { name: 'Schließen' }).last().click();

    await signIn(page, NEW_USER.email, SECOND_PASSWORD);
    await context.close();
  });

  test('the audit log records the invitation and can be filtered by person and action', async () => {
    await admin.goto('/protokoll');
    await admin.getByRole('table').waitFor();
    await admin.getByRole('button', { name: /Person/ }).click();
    await admin.getByRole('option', { name: new RegExp(NEW_USER.name) }).click();
    await admin.getByLabel('Aktion').fill('auth.login');
    await admin.getByRole('button', { name: 'Filter anwenden' }).click();
    await admin.waitForURL(/aktion=auth\.login/);
    const cells = (column: number) =>
      admin.getByRole('table').locator(`tbody td:nth-child(${column})`).allTextContents();
    // The table shows only the filtered entries once the new page of results has arrived.
    await expect
      .poll(async () => {
        // The action column shows the action as words with its code in a <code> element.
        const actions = await admin
          .getByRole('table')
          .locator('tbody td:nth-child(2) code')
          .allTextContents();
        return actions.length > 0 && actions.every((action) => action === 'auth.login');
      })
      .toBe(true);
    expect(new Set(await cells(4))).toEqual(new Set([NEW_USER.name]));

    // A wrong client id is caught before it reaches the server.
    await admin.getByLabel('Kund*innen-ID').fill('123');
    await admin.getByRole('button', { name: 'Filter anwenden' }).click();
    await admin.getByText('Bitte geben Sie eine vollständige ID ein', { exact: false }).waitFor();

    await admin.getByRole('button', { name: 'Filter zurücksetzen' }).click();
    await admin.waitForURL((url) => url.search === '');
  });
});
