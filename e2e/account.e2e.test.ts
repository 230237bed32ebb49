import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demo, type Harness, signIn, startHarness } from './harness.ts';
import { totp } from './totp.ts';

let h: Harness;
let adminContext: BrowserContext;
let admin: Page;

const STEP_MS = 30_000;

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

/** A fresh caseworker with a known password, created through the API the UI uses. */
async function createUser(email: string, displayName: string, password: string) {
  const created = await admin.request.post('/api/users', {
    data: { email, displayName, roles: ['caseworker'] },
  });
  expect(created.status()).toBe(201);
  const { link } = (await created.json()) as { link: { token: string } };
  const accepted = await admin.request.post('/api/auth/tokens/accept', {
    data: { token: link.token, password },
  });
  expect(accepted.status()).toBe(204);
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await page.waitForURL('**/anmelden');
}

/** Reads the secret shown for manual entry, confirms with the current code, returns the recovery codes. */
async function completeEnrollment(page: Page): Promise<{ secret: string; codes: string[] }> {
  await page.getByRole('img', { name: 'QR-Code zum Einrichten der Authenticator-App' }).waitFor();
  const secret = ((await page.locator('.mfa-enroll__secret code').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await page.getByLabel('Code', { exact: true }).fill(totp(secret));
  await page.getByRole('button', { name: 'Einrichtung bestätigen' }).click();
  const list = page.getByRole('list', { name: 'Wiederherstellungscodes' });
  await list.waitFor();
  await page.getByText('Die Codes werden nur jetzt angezeigt.', { exact: false }).waitFor();
  const codes = (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
  expect(codes.length).toBeGreaterThanOrEqual(5);
  return { secret, codes };
}

describe('account', () => {
  test('changing the password explains wrong input, weak passwords and success', async () => {
    await createUser('passwort.wechsel@jc-en.example', 'Paula Wechsel', 'Alte Brücke über die Ruhr');
    const context = await h.newContext();
    const page = await context.newPage();
    await signIn(page, 'passwort.wechsel@jc-en.example', 'Alte Brücke über die Ruhr');
    await page.getByRole('navigation').getByRole('link', { name: 'Mein Konto' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mein Konto' }).waitFor();
    await page.getByText('Mindestens 12 Zeichen', { exact: false }).waitFor();

    const current = page.getByLabel('Aktuelles Passwort');
    const next = page.getByLabel('Neues Passwort', { exact: true });
    const repeat = page.getByLabel('Neues Passwort wiederholen');
    const submit = page.getByRole('button', { name: 'Passwort ändern' });

    // Too short and not repeated: caught in the browser.
    await current.fill('Alte Brücke über die Ruhr');
    await next.fill('kurz');
    await submit.click();
    await page.getByText('Das Passwort muss mindestens 12 Zeichen lang sein.').waitFor();
    expect(await next.getAttribute('aria-invalid')).toBe('true');

    // Wrong current password: the server says so, shown at that field.
    await current.fill('Falsches Passwort 123');
    await next.fill('Neue Wege am Kanal entlang');
    await repeat.fill('Neue Wege am Kanal entlang');
    await submit.click();
    await page.getByText('Das aktuelle Passwort ist falsch.').waitFor();
    expect(await current.getAttribute('aria-invalid')).toBe('true');

    // A common password: the server's weak_password message at the new-password field.
    await current.fill('Alte Brücke über die Ruhr');
    await next.fill('passwort12345');
    await repeat.fill('passwort12345');
    await submit.click();
    await page.getByRole('alert').getByText('Bitte prüfen Sie Ihre Eingaben.').waitFor();
    expect(await next.getAttribute('aria-invalid')).toBe('true');
    const described = (await next.getAttribute('aria-describedby')) ?? '';
    const texts = await Promise.all(
      described.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(texts.join(' ')).toMatch(/Passwort/);

    await next.fill('Neue Wege am Kanal entlang');
    await repeat.fill('Neue Wege am Kanal entlang');
    await submit.click();
    await page.getByText('Ihr Passwort wurde geändert.').waitFor();

    await signOut(page);
    await signIn(page, 'passwort.wechsel@jc-en.example', 'Neue Wege am Kanal entlang');
    await context.close();
  });

  test('set up 2FA on the account page, sign in with a recovery code, renew codes, switch it off', async () => {
    const email = 'zwei.faktor@jc-en.example';
    const password = 'Leuchtturm im Nebel 2026';
    await createUser(email, 'Zora Zweifaktor', password);
    const context = await h.newContext();
    const page = await context.newPage();
    await signIn(page, email, password);
    await page.goto('/konto');
    const section = page.getByRole('region', { name: 'Zwei-Faktor-Anmeldung' });
    await section.getByText('Ausgeschaltet', { exact: true }).waitFor();
    await section.getByRole('button', { name: 'Zwei-Faktor-Anmeldung einrichten' }).click();
    const { secret, codes } = await completeEnrollment(page);
    await page.getByRole('button', { name: 'Ich habe die Codes sicher aufbewahrt' }).click();
    await section.getByText('Eingeschaltet', { exact: true }).waitFor();

    // Next sign-in asks for the second factor; a recovery code works once.
    await signOut(page);
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anmeldung bestätigen' }).waitFor();
    await page.getByLabel('Code', { exact: true }).fill('000000');
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    await page.getByText('Der Code ist nicht gültig.', { exact: false }).waitFor();
    await page.getByLabel('Code', { exact: true }).fill(codes[0] ?? '');
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();

    // New recovery codes replace the old ones.
    await page.goto('/konto');
    await section.getByRole('button', { name: 'Neue Wiederherstellungscodes erzeugen' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Neue Wiederherstellungscodes erzeugen?' });
    // The password (or a current code) is asked first; a wrong one is refused at the field.
    const proof = confirm.getByLabel('Passwort oder aktueller Code');
    await proof.fill('nicht mein Passwort');
    await confirm.getByRole('button', { name: 'Neue Codes erzeugen' }).click();
    await confirm.getByText('Das Passwort oder der Code ist nicht korrekt.').waitFor();
    await proof.fill(password);
    await confirm.getByRole('button', { name: 'Neue Codes erzeugen' }).click();
    const renewedList = section.getByRole('list', { name: 'Wiederherstellungscodes' });
    await renewedList.waitFor();
    const renewed = (await renewedList.getByRole('listitem').allTextContents()).map((c) => c.trim());
    expect(renewed.length).toBe(codes.length);
    expect(renewed.some((c) => codes.includes(c))).toBe(false);
    await section.getByRole('button', { name: 'Ich habe die Codes sicher aufbewahrt' }).click();

    // Switch off with a code the server has not seen yet (one step ahead, within its tolerance).
    await section.getByLabel('Code', { exact: true }).fill(totp(secret, Date.now() + STEP_MS));
    await section.getByRole('button', { name: 'Ausschalten' }).click();
    await section.getByText('Die Zwei-Faktor-Anmeldung ist ausgeschaltet.').waitFor();
    await section.getByText('Ausgeschaltet', { exact: true }).waitFor();
    await context.close();
  });

  test('when the agency requires 2FA for a role, sign-in leads to the set-up and it cannot be switched off', async () => {
    const email = 'pflicht@jc-en.example';
    const password = 'Kastanien im Stadtpark';
    await createUser(email, 'Peter Pflicht', password);

    await admin.goto('/verwaltung/einstellungen');
    const group = admin.getByRole('group', { name: 'Pflicht für diese Rollen' });
    await group.locator('label').filter({ hasText: 'Fallmanagement' }).click();
    expect(await group.getByRole('checkbox', { name: 'Fallmanagement' }).isChecked()).toBe(true);
    await admin
      .getByRole('region', { name: 'Zwei-Faktor-Anmeldung' })
      .getByRole('button', { name: 'Speichern' })
      .click();
    await admin.getByText('Die Einstellungen sind gespeichert.').waitFor();

    const context = await h.newContext();
    const page = await context.newPage();
    await page.goto('/anmelden');
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL('**/zwei-faktor-einrichten');
    await page.getByRole('heading', { level: 1, name: 'Zwei-Faktor-Anmeldung einrichten' }).waitFor();
    // Until set up, the rest of the app stays closed.
    expect(await page.getByRole('navigation', { name: 'Hauptnavigation' }).count()).toBe(0);

    await completeEnrollment(page);
    await page.getByRole('button', { name: 'Ich habe die Codes sicher aufbewahrt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();

    await page.goto('/konto');
    const section = page.getByRole('region', { name: 'Zwei-Faktor-Anmeldung' });
    await section.getByText('Eingeschaltet', { exact: true }).waitFor();
    await section
      .getByText('Ihre Behörde verlangt die Zwei-Faktor-Anmeldung für eine Ihrer Rollen.', { exact: false })
      .waitFor();
    expect(await section.getByRole('button', { name: 'Ausschalten' }).count()).toBe(0);
    await context.close();

    // Put the setting back for the other tests of this file.
    await group.locator('label').filter({ hasText: 'Fallmanagement' }).click();
    await admin
      .getByRole('region', { name: 'Zwei-Faktor-Anmeldung' })
      .getByRole('button', { name: 'Speichern' })
      .click();
    await admin.getByText('Die Einstellungen sind gespeichert.').waitFor();
  });
});
