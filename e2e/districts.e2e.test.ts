import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, demo, type Harness, navLink, signIn, startHarness } from './harness.ts';

/** An admin maintains the agency's districts in the browser; planning marks hidden cells with "*". */
let h: Harness;
let context: BrowserContext;
let admin: Page;

beforeAll(async () => {
  h = await startHarness();
  context = await h.newContext();
  admin = await context.newPage();
  await signIn(admin, demo.admin);
});

afterAll(async () => {
  await context?.close();
  await h?.close();
});

describe('districts in the browser', () => {
  test('[trust #15] an admin adds, edits, imports and removes districts; a used one stays', async () => {
    await (await navLink(admin, 'Sozialräume')).click();
    await admin.getByRole('heading', { level: 1, name: 'Sozialräume' }).waitFor();
    const table = admin.getByRole('table', { name: 'Sozialräume Ihrer Stelle' });
    await table.getByRole('rowheader', { name: 'Witten', exact: true }).waitFor();
    expect(await axeViolations(admin)).toEqual([]);

    // Add a district of another region.
    const form = admin.getByRole('region', { name: 'Sozialraum hinzufügen' });
    await form.getByLabel('Name', { exact: true }).fill('Aachen-Mitte');
    await form.getByLabel('Schlüssel', { exact: true }).fill('aachen-mitte');
    await form.getByLabel('Amtlicher Gemeindeschlüssel (AGS)').fill('05334002');
    await form.getByRole('button', { name: 'Hinzufügen' }).click();
    await admin.getByText('„Aachen-Mitte“ wurde gespeichert.').waitFor();
    await table.getByRole('rowheader', { name: 'Aachen-Mitte' }).waitFor();

    // Edit it.
    await admin.getByRole('button', { name: 'Bearbeiten: Aachen-Mitte' }).click();
    const edit = admin.getByRole('region', { name: /Sozialraum bearbeiten/ });
    await edit.getByLabel('Name', { exact: true }).fill('Aachen Innenstadt');
    await edit.getByRole('button', { name: 'Speichern' }).click();
    await table.getByRole('rowheader', { name: 'Aachen Innenstadt' }).waitFor();

    // A district that the demo offers use cannot be removed; an unused one can.
    await admin.getByRole('button', { name: 'Entfernen: Witten' }).click();
    await admin
      .getByRole('alert')
      .getByText(/Noch verwendet/)
      .waitFor();
    await table.getByRole('rowheader', { name: 'Witten', exact: true }).waitFor();
    await admin.getByRole('button', { name: 'Entfernen: Aachen Innenstadt' }).click();
    await admin.getByText('„Aachen Innenstadt“ wurde entfernt.').waitFor();
    // The message can appear before the reloaded list replaces the old rows: wait for the row to go.
    const removed = table.getByRole('rowheader', { name: 'Aachen Innenstadt' });
    await removed.waitFor({ state: 'detached' });
    expect(await removed.count()).toBe(0);

    // CSV import with a preview.
    await admin.getByRole('button', { name: 'CSV importieren' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Sozialräume importieren' });
    await dialog.getByLabel('Datei (CSV oder XLSX)').setInputFiles({
      name: 'sozialraeume.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('key;name;ags;lat;lon\nstolberg;Stolberg (Rhld.);05334032;50,77;6,23\n'),
    });
    await dialog.getByRole('button', { name: 'Prüfen' }).click();
    await dialog.getByText('1 Zeilen, 1 gültig, 0 ungültig.').waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await dialog.getByRole('button', { name: 'Importieren' }).click();
    await table.getByRole('rowheader', { name: 'Stolberg (Rhld.)' }).waitFor();
    expect(await axeViolations(admin)).toEqual([]);
  });

  test('[trust #14] planning marks hidden cells with "*" and a legend, never "<5"', async () => {
    const ctx = await h.newContext();
    const coordinator = await ctx.newPage();
    try {
      await signIn(coordinator, demo.coordinator);
      await (await navLink(coordinator, 'Angebotsplanung')).click();
      const table = coordinator.getByRole('table', { name: /^Bedarfe und Angebote/ });
      await table.waitFor();
      const text = (await table.textContent()) ?? '';
      expect(text).not.toMatch(/<\s*\d/);
      if (text.includes('anonymisiert')) await coordinator.getByText(/^\* = anonymisiert/).waitFor();
      expect(await axeViolations(coordinator)).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
