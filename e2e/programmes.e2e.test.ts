import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, demo, type Harness, openListbox, signIn, startHarness } from './harness.ts';

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
  const listbox = await openListbox(p, scope.getByRole('button', { name: new RegExp(label) }));
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

  test('a coordinator creates a programme with places for the own agency, plans a budget and edits the programme', async () => {
    const year = new Date().getFullYear();
    const title = `E2E-Projekt ESF ${year}`;
    await nav(page).getByRole('link', { name: 'Programme' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programme und Förderung' }).waitFor();
    await page.getByRole('button', { name: 'Programm anlegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Programm anlegen' });
    await dialog.waitFor();
    await expectNoAxeViolations(page);

    // Nothing is sent while required fields are missing.
    await dialog.getByRole('button', { name: 'Anlegen' }).click();
    await dialog.getByLabel('Programm', { exact: true }).waitFor();
    expect(await dialog.getByText('Bitte ausfüllen.').count()).toBeGreaterThan(0);

    await dialog.getByLabel('Programm', { exact: true }).fill(title);
    await choose(page, dialog, 'Förderung', 'ESF Plus');
    await dialog.getByLabel('Rechtsgrundlage').fill('ESF Plus, Förderaufruf Teilhabe');
    await dialog.getByLabel('Fördergeber').fill('Land NRW');
    await dialog.getByLabel('Beginn').fill(`${year}-01-01`);
    await dialog.getByLabel('Ende').fill(`${year + 1}-12-31`);
    await dialog.getByLabel('Zielgruppe').fill('Langzeitarbeitslose mit gesundheitlichen Einschränkungen');
    const own = dialog.getByRole('group', { name: OWN_AGENCY });
    await own.getByLabel(`Plätze ${year}`).fill('12');
    await own.getByLabel(`Plätze ${year + 1}`).fill('14');
    // A partner agency with equal rights and places of its own.
    await choose(page, dialog, 'Weitere Stelle', 'Jobcenter Maerkischer Kreis (Demo)');
    await dialog.getByRole('button', { name: 'Stelle hinzufügen' }).click();
    const partner = dialog.getByRole('group', { name: 'Jobcenter Maerkischer Kreis (Demo)' });
    await choose(page, partner, 'Rolle', 'Partnerin mit gleichen Rechten');
    await partner.getByLabel(`Plätze ${year}`).fill('8');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Anlegen' }).click();

    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('Das Programm ist angelegt.').waitFor();
    const agencies = page.getByRole('table', { name: 'Geförderte Plätze je Stelle und Jahr' });
    const ownRow = agencies.getByRole('row', { name: new RegExp(OWN_AGENCY.replace(/[()]/g, '\\$&')) });
    expect(await ownRow.getByRole('cell').allTextContents()).toEqual(['Trägerin', '12', '14']);
    const partnerRow = agencies.getByRole('row', { name: /Maerkischer Kreis/ });
    expect(await partnerRow.getByRole('cell').allTextContents()).toEqual(['Partnerin', '8', '0']);

    // Budget for the own agency: refused while the amount is invalid, then shown in the budget table.
    const form = page.getByRole('region', { name: `Budget planen (${year})` });
    await choose(page, form, 'Förderlinie', 'Coaching');
    await form.getByLabel('Budget in Euro').fill('50.000,001');
    await form.getByRole('button', { name: 'Budget speichern' }).click();
    await form.getByText(/Bitte einen Betrag von 0 oder mehr/).waitFor();
    await form.getByLabel('Budget in Euro').fill('50000,10');
    await form.getByRole('button', { name: 'Budget speichern' }).click();
    await form.getByText(`Budget gespeichert: 50.000,10 € für Coaching, ${OWN_AGENCY}, ${year}.`).waitFor();
    const budget = page.getByRole('table', {
      name: `Budget ${year}: ${OWN_AGENCY}`,
    });
    const coaching = budget.getByRole('row', { name: /^Coaching/ });
    await expect
      .poll(async () => (await coaching.getByRole('cell').first().textContent()) ?? '')
      .toBe('50.000,10 €');
    await expect
      .poll(
        async () =>
          (await budget
            .getByRole('row', { name: /^Summe/ })
            .getByRole('cell')
            .first()
            .textContent()) ?? '',
      )
      .toBe('50.000,10 €');
    await expectNoAxeViolations(page);

    // Editing the programme: the changed name and places are saved.
    await page.getByRole('button', { name: 'Programm bearbeiten' }).click();
    const edit = page.getByRole('dialog', { name: `Programm bearbeiten: ${title}` });
    await edit.waitFor();
    expect(
      await edit.getByRole('group', { name: OWN_AGENCY }).getByLabel(`Plätze ${year}`).inputValue(),
    ).toBe('12');
    await expectNoAxeViolations(page);
    await edit.getByLabel('Programm', { exact: true }).fill(`${title} (geändert)`);
    await edit.getByRole('group', { name: OWN_AGENCY }).getByLabel(`Plätze ${year}`).fill('15');
    await edit.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: `${title} (geändert)` }).waitFor();
    await page.getByText('Die Änderungen am Programm sind gespeichert.').waitFor();
    await expect
      .poll(async () => ownRow.getByRole('cell').allTextContents())
      .toEqual(['Trägerin', '15', '14']);
  });

  test('a caseworker has the programme menu item with enrolment only: no figures, budgets or editing', async () => {
    const other = await h.newContext();
    try {
      const p = await other.newPage();
      await signIn(p, demo.caseworker);
      await nav(p).getByRole('link', { name: 'Programme' }).click();
      await p.getByRole('heading', { level: 1, name: 'Programme und Förderung' }).waitFor();
      await p.getByRole('table', { name: /Programme Ihrer Stelle/ }).waitFor();
      expect(await p.getByRole('button', { name: 'Programm anlegen' }).count()).toBe(0);
      await p.getByRole('link', { name: PROGRAMME }).click();
      await p.getByRole('heading', { level: 1, name: PROGRAMME }).waitFor();
      await p.getByRole('region', { name: 'Teilnahmen Ihrer Stelle' }).waitFor();
      await p.getByRole('button', { name: 'Person aufnehmen' }).waitFor();
      expect(await p.getByRole('button', { name: 'Programm bearbeiten' }).count()).toBe(0);
      expect(await p.getByRole('region', { name: 'Budgets und Ausgaben' }).count()).toBe(0);
      expect(await p.getByRole('region', { name: 'Belegung' }).count()).toBe(0);
      expect(await p.getByRole('region', { name: 'Bericht an den Fördergeber' }).count()).toBe(0);

      // The enrolment dialog offers coaches of the own agency, but no over-booking.
      await p.getByRole('button', { name: 'Person aufnehmen' }).click();
      const dialog = p.getByRole('dialog', { name: 'Person aufnehmen' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: /Coach/ }).click();
      const coaches = p.getByRole('listbox');
      await coaches.waitFor();
      expect(await coaches.getByRole('option').count()).toBeGreaterThan(1);
      await p.keyboard.press('Escape');
      await coaches.waitFor({ state: 'detached' });
      await dialog.getByRole('button', { name: /Aufnahme/ }).click();
      const modes = p.getByRole('listbox');
      await modes.waitFor();
      expect(await modes.getByRole('option').allTextContents()).toEqual([
        'Platz ab Eintrittsdatum',
        'Warteliste',
      ]);
      await p.keyboard.press('Escape');
      await modes.waitFor({ state: 'detached' });
      await expectNoAxeViolations(p);
    } finally {
      await other.close();
    }
  });
});
