import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, demo, type Harness, openListbox, signIn, startHarness } from './harness.ts';

let h: Harness;
let context: BrowserContext;
let guide: Page;
let clientId: string;

/** Calls the API from the signed-in tab (same cookies, same origin). */
function apiCall<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return (await res.json()) as T;
    },
    { method, path, body },
  );
}

async function choose(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string) {
  const listbox = await openListbox(page, scope.getByRole('button', { name: new RegExp(label) }));
  if (option === 'first') await listbox.getByRole('option').first().click();
  else await listbox.getByRole('option', { name: option, exact: true }).click();
}

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  h = await startHarness();
  context = await h.newContext();
  guide = await context.newPage();
  await signIn(guide, demo.caseworker);
  const client = await apiCall<{ id: string }>(guide, 'POST', '/api/clients', {
    firstName: 'Vera',
    lastName: 'Vertrauen-Testfall',
    birthDate: '1975-08-09',
  });
  clientId = client.id;
  await apiCall(guide, 'POST', `/api/clients/${clientId}/consents`, {
    purpose: 'self_assessment',
    form: 'written',
    date: today(),
  });
});

afterAll(async () => {
  await context?.close();
  await h?.close();
});

describe('case-work trust fixes in the browser', () => {
  test('contradictory dates are refused with a message at the field', async () => {
    await guide.goto(`/klienten/${clientId}`);
    await guide
      .getByRole('region', { name: 'Überblick' })
      .getByRole('button', { name: 'Ziel vereinbaren' })
      .click();
    let dialog = guide.getByRole('dialog', { name: 'Ziel vereinbaren' });
    await dialog.waitFor();
    await dialog.getByLabel('Ziel', { exact: true }).fill('Bewerbungsmappe fertigstellen');
    await choose(guide, dialog, 'Teilhabebereich', 'first');
    await dialog.getByLabel('Zieldatum').fill(daysAgo(3));
    await dialog.getByRole('button', { name: 'Vereinbaren' }).click();
    await dialog.getByText(/Das Zieldatum kann nicht vor dem Tag der Vereinbarung/).waitFor();
    expect(await dialog.getByLabel('Zieldatum').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(guide)).toEqual([]);
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();

    await guide.getByRole('button', { name: 'Fall abschließen' }).click();
    dialog = guide.getByRole('dialog', { name: 'Fall abschließen' });
    await dialog.waitFor();
    await choose(guide, dialog, 'Ergebnis', 'Sozialversicherungspflichtige Beschäftigung');
    await dialog.getByLabel('Abgeschlossen am').fill('2001-01-01');
    await dialog.getByRole('button', { name: 'Abschließen' }).click();
    await dialog.getByText(/Der Fall kann nicht vor seinem Beginn/).waitFor();
    expect(await dialog.getByLabel('Abgeschlossen am').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(guide)).toEqual([]);
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    // Nothing was closed.
    await guide.getByRole('button', { name: 'Fall abschließen' }).waitFor();
  });

  test('a guide sees the open self-assessment links and revokes one', async () => {
    await guide.goto(`/klienten/${clientId}`);
    await guide.getByRole('button', { name: 'Link zur Selbsteinschätzung' }).click();
    await guide.getByRole('button', { name: 'Link erstellen' }).click();
    const url = await guide.getByLabel('Link für die Person (nur jetzt sichtbar)').inputValue();
    const table = guide.getByRole('table', { name: 'Links zur Selbsteinschätzung' });
    await table.getByText(/offen, gültig bis/).waitFor();
    expect(await axeViolations(guide)).toEqual([]);
    await table.getByRole('button', { name: /widerrufen/ }).click();
    await guide.getByText('Der Link wurde widerrufen und funktioniert nicht mehr.').waitFor();
    await table.getByText(/widerrufen am/).waitFor();
    expect(await axeViolations(guide)).toEqual([]);

    const visitor = await h.newContext();
    try {
      const page = await visitor.newPage();
      const res = await page.request.get(
        new URL(new URL(url).pathname.replace('/selbsteinschaetzung/', '/api/self-assessment/'), url).href,
      );
      expect(res.status()).toBe(404);
    } finally {
      await visitor.close();
    }
  });

  test('a guide enters feedback and hands out a feedback link; the partner reports on a public page without a session', async () => {
    const offers = await apiCall<{ items: { id: string; title: string }[] }>(
      guide,
      'GET',
      '/api/offers?pageSize=1&scope=own',
    );
    const offer = offers.items[0] as { id: string; title: string };
    await apiCall(guide, 'POST', `/api/clients/${clientId}/referrals`, {
      offerId: offer.id,
      overrideCapacity: true,
    });
    await guide.goto(`/klienten/${clientId}`);
    const section = guide.locator('#referrals');
    await section.getByRole('button', { name: `Rückmeldung erfassen: ${offer.title}` }).click();
    let dialog = guide.getByRole('dialog', { name: `Rückmeldung zu ${offer.title}` });
    await dialog.waitFor();
    await choose(guide, dialog, 'Rückmeldung', 'ist gekommen');
    await dialog.getByLabel('Kurze Notiz').fill('Telefonisch bestätigt');
    expect(await axeViolations(guide)).toEqual([]);
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await guide.getByText('Die Rückmeldung ist erfasst.').waitFor();
    await section.getByText(/ist gekommen · .* · Telefonisch bestätigt/).waitFor();

    await section.getByRole('button', { name: `Link für Rückmeldung: ${offer.title}` }).click();
    dialog = guide.getByRole('dialog', { name: `Link für Rückmeldung zu ${offer.title}` });
    await dialog.getByRole('button', { name: 'Link erstellen' }).click();
    const url = await dialog.getByLabel('Link für den Partner (nur jetzt sichtbar)').inputValue();
    expect(url).toMatch(/\/rueckmeldung\/[A-Za-z0-9_-]{43}$/);
    expect(await axeViolations(guide)).toEqual([]);

    const visitor = await h.newContext();
    try {
      const partner = await visitor.newPage();
      await partner.goto(new URL(url).pathname);
      await partner.getByRole('heading', { level: 1, name: 'Rückmeldung zu einer Vermittlung' }).waitFor();
      await partner.getByText(/Vera V\. wurde am/).waitFor();
      expect(await partner.locator('main').innerText()).not.toContain('Vertrauen-Testfall');
      expect(await axeViolations(partner)).toEqual([]);
      await partner.getByRole('button', { name: 'Rückmeldung senden' }).click();
      await partner.getByText('Bitte wählen Sie eine Antwort.').waitFor();
      await partner.getByLabel('hat begonnen').check();
      await partner.getByLabel(/Kurze Notiz/).fill('Kommt dienstags');
      await partner.getByRole('button', { name: 'Rückmeldung senden' }).click();
      await partner.getByText('Ihre Rückmeldung ist angekommen.', { exact: false }).waitFor();
      expect(await axeViolations(partner)).toEqual([]);
      // Single use: the link is gone.
      await partner.reload();
      await partner.getByText('Link nicht nutzbar').waitFor();
    } finally {
      await visitor.close();
    }
    await guide.reload();
    await guide
      .locator('#referrals')
      .getByText(/hat begonnen · .* · Kommt dienstags/)
      .waitFor();
  });
});
