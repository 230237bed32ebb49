import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, demo, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
let context: BrowserContext;
let page: Page;

const PROGRAMME = 'Soziale Teilhabe am Arbeitsmarkt (§ 16i SGB II)';
const OWN_AGENCY = 'Jobcenter EN (Demo)';

beforeAll(async () => {
  h = await startHarness();
  context = await h.newContext();
  page = await context.newPage();
  await signIn(page, demo.coordinator);
});

afterAll(async () => {
  await context?.close();
  await h?.close();
});

const nav = (p: Page) => p.getByRole('navigation', { name: 'Hauptnavigation' });

async function expectNoAxeViolations(p: Page) {
  expect(await axeViolations(p)).toEqual([]);
}

/** Picks an option of a react-aria select by its label, with the keyboard-accessible listbox. */
async function choose(p: Page, scope: Locator | Page, label: string, option: string) {
  await scope.getByRole('button', { name: new RegExp(label) }).click();
  const listbox = p.getByRole('listbox');
  await listbox.waitFor();
  await listbox
    .getByRole('option')
    .filter({ has: p.getByText(option, { exact: true }) })
    .click();
  await listbox.waitFor({ state: 'detached' });
}

/** "96.000,00 €" -> 9600000 and "−1.234,50 €" -> -123450 (cents), exactly. */
const cents = (text: string) => (/[−-]/.test(text) ? -1 : 1) * Number(text.replace(/[^\d]/g, ''));

describe('programmes in the browser', () => {
  test('a coordinator reads occupancy and budgets, books an expenditure, enrols and exits a client', async () => {
    await nav(page).getByRole('link', { name: 'Programme' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programme und Förderung' }).waitFor();
    await page.getByRole('table', { name: /Programme Ihrer Stelle/ }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: PROGRAMME }).click();
    await page.getByRole('heading', { level: 1, name: PROGRAMME }).waitFor();

    // Agencies and places, occupancy as a table next to the chart, budgets per funding line.
    const agencies = page.getByRole('table', { name: 'Geförderte Plätze je Stelle und Jahr' });
    await agencies.getByRole('rowheader', { name: OWN_AGENCY }).waitFor();
    const occupancy = page.getByRole('table', { name: /^Belegung \d{4}/ });
    await occupancy.waitFor();
    expect(await occupancy.getByRole('row').count()).toBe(13);
    await page.getByRole('img', { name: /Diagramm: geförderte und besetzte Plätze/ }).waitFor();
    const budget = page.getByRole('table', {
      name: new RegExp(`^Budget \\d{4}: ${OWN_AGENCY.replace(/[()]/g, '\\$&')}`),
    });
    await budget.waitFor();
    const coaching = budget.getByRole('row', { name: /^Coaching/ });
    const remainingBefore = cents((await coaching.getByRole('cell').nth(2).textContent()) ?? '');
    expect(Number.isInteger(remainingBefore)).toBe(true);
    await expectNoAxeViolations(page);

    // An invalid amount is refused in the form before anything is sent.
    const form = page.getByRole('region', { name: 'Ausgabe buchen' });
    await choose(page, form, 'Förderlinie', 'Coaching');
    await form.getByLabel('Betrag in Euro').fill('12,345');
    await form.getByLabel('Beleg / Buchungszeichen').fill('E2E-4711');
    await form.getByRole('button', { name: 'Buchen' }).click();
    await form.getByText(/Bitte einen Betrag größer als 0/).waitFor();

    // A valid booking: the remaining budget of the line drops by exactly the amount.
    await form.getByLabel('Betrag in Euro').fill('1234,50');
    await form.getByRole('button', { name: 'Buchen' }).click();
    await form.getByText('Gebucht: 1.234,50 € auf Coaching.').waitFor();
    const expected = remainingBefore - 123_450;
    await expect
      .poll(async () => cents((await coaching.getByRole('cell').nth(2).textContent()) ?? ''))
      .toBe(expected);
    await page
      .getByRole('table', { name: 'Letzte Buchungen Ihrer Stelle' })
      .getByRole('rowheader', { name: 'E2E-4711' })
      .waitFor();

    // A client of the own agency who does not take part in the programme yet.
    const programmeId = page.url().split('/programme/')[1]?.split('?')[0] as string;
    const all = async <T>(path: string): Promise<T[]> => {
      const items: T[] = [];
      for (let n = 1; ; n++) {
        const body = (await (await page.request.get(`${path}?pageSize=200&page=${n}`)).json()) as {
          items: T[];
          total: number;
        };
        items.push(...body.items);
        if (body.items.length === 0 || items.length >= body.total) return items;
      }
    };
    const clients = await all<{
      id: string;
      clientNumber: string;
      firstName: string;
      lastName: string;
      shared: boolean;
    }>('/api/clients');
    const taken = new Set(
      (await all<{ client: { id: string } }>(`/api/programmes/${programmeId}/enrolments`)).map(
        (e) => e.client.id,
      ),
    );
    const free = clients.find((c) => !c.shared && !taken.has(c.id));
    expect(free).toBeDefined();
    const person = free as NonNullable<typeof free>;
    const name = `${person.firstName} ${person.lastName}`;

    await page.getByRole('button', { name: 'Person aufnehmen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Person aufnehmen' });
    await dialog.waitFor();
    await dialog.getByLabel('Person suchen').fill(person.clientNumber);
    await dialog.getByRole('button', { name: 'Suchen', exact: true }).click();
    await dialog.getByText(/\d+ Treffer/).waitFor();
    await choose(page, dialog, 'Person', `${person.lastName}, ${person.firstName} (${person.clientNumber})`);
    // Over-booking with a reason: takes a free place if there is one, else over-books (audited).
    await choose(page, dialog, 'Aufnahme', 'Platz überbuchen (alle Plätze sind belegt)');
    await dialog.getByLabel('Begründung der Überbuchung').fill('Ende-zu-Ende-Test: dringender Fall');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Aufnehmen' }).click();
    await page.getByText(`${name} ist aufgenommen.`).waitFor();
    const active = page.getByRole('table', { name: /^Teilnahmen: aktiv/ });
    await active.getByRole('rowheader', { name }).waitFor();

    // Exit with date and reason.
    await page.getByRole('button', { name: `Austritt erfassen: ${name}` }).click();
    const exitDialog = page.getByRole('dialog', { name: `Austritt erfassen: ${name}` });
    await exitDialog.waitFor();
    await choose(page, exitDialog, 'Grund des Austritts', 'vorzeitiges Ende');
    await choose(page, exitDialog, 'Grund für das vorzeitige Ende', 'Umzug');
    await exitDialog.getByRole('button', { name: 'Austritt erfassen' }).click();
    await page.getByText(`Der Austritt von ${name} ist erfasst.`).waitFor();
    await active.getByRole('rowheader', { name }).waitFor({ state: 'detached' });

    await choose(page, page.getByRole('region', { name: 'Teilnahmen Ihrer Stelle' }), 'Anzeigen', 'beendet');
    const ended = page.getByRole('table', { name: /^Teilnahmen: beendet/ });
    const row = ended.getByRole('row', { name: new RegExp(name) });
    await row.waitFor();
    await row.getByText('vorzeitiges Ende: Umzug').waitFor();

    // The funder report is offered for download as PDF and XLSX.
    const pdf = page.getByRole('link', { name: 'Bericht als PDF herunterladen' });
    expect(await pdf.getAttribute('href')).toMatch(
      /\/report\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&format=pdf$/,
    );
    const response = await page.request.get((await pdf.getAttribute('href')) as string);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    await page.getByRole('link', { name: 'Bericht als Excel-Datei (XLSX) herunterladen' }).waitFor();
    await expectNoAxeViolations(page);
  });

  test('a caseworker has no programme menu item and gets "not found" on the page', async () => {
    const other = await h.newContext();
    try {
      const p = await other.newPage();
      await signIn(p, demo.caseworker);
      expect(await nav(p).getByRole('link', { name: 'Programme' }).count()).toBe(0);
      await p.goto('/programme');
      await p.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor();
    } finally {
      await other.close();
    }
  });
});
