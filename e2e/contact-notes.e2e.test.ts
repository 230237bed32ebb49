import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, demo, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
let adminContext: BrowserContext;
let guideContext: BrowserContext;
let admin: Page;
let guide: Page;

beforeAll(async () => {
  h = await startHarness();
  adminContext = await h.newContext();
  admin = await adminContext.newPage();
  await signIn(admin, demo.admin);
  guideContext = await h.newContext();
  guide = await guideContext.newPage();
  await signIn(guide, demo.caseworker);
});

afterAll(async () => {
  await adminContext?.close();
  await guideContext?.close();
  await h?.close();
});

describe('who reads contact notes, in the browser', () => {
  test('[trust #18] the admin makes contact notes team-wide and the setting survives a reload', async () => {
    await admin.goto('/verwaltung/einstellungen');
    const section = admin.getByRole('region', { name: 'Kontaktnotizen' });
    const box = section.getByRole('checkbox', { name: 'Kontaktnotizen teamweit lesbar' });
    await box.waitFor({ state: 'attached' });
    expect(await box.isChecked()).toBe(false);
    await section.locator('label').filter({ hasText: 'Kontaktnotizen teamweit lesbar' }).click();
    expect(await box.isChecked()).toBe(true);
    await section.getByRole('button', { name: 'Speichern' }).click();
    await section.getByText('Die Einstellungen sind gespeichert.').waitFor();
    expect(await axeViolations(admin)).toEqual([]);

    await admin.reload();
    const reloaded = admin
      .getByRole('region', { name: 'Kontaktnotizen' })
      .getByRole('checkbox', { name: 'Kontaktnotizen teamweit lesbar' });
    await reloaded.waitFor({ state: 'attached' });
    expect(await reloaded.isChecked()).toBe(true);
    const agency = await admin.request.get('/api/agency');
    expect((await agency.json()).settings.contactNotesTeamWide).toBe(true);
  });

  test('[trust #18] a sharing consent records whether the partner may read contact notes', async () => {
    const created = await guide.request.post('/api/clients', {
      data: { firstName: 'Nora', lastName: 'Notizen-Testfall', birthDate: '1981-03-14' },
    });
    const clientId = ((await created.json()) as { id: string }).id;
    await guide.goto(`/klienten/${clientId}`);
    await guide.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    const dialog = guide.getByRole('dialog', { name: 'Einwilligung erfassen' });
    await dialog.waitFor();
    // The box belongs to sharing only.
    expect(await dialog.getByRole('checkbox', { name: 'Partner darf Kontaktnotizen lesen' }).count()).toBe(0);
    const partners = await guide.request.get('/api/partner-agencies');
    const partner = ((await partners.json()) as { items: { name: string }[] }).items[0]?.name ?? '';
    expect(partner).not.toBe('');
    // The partner list loads once sharing is chosen; the select opens only when it has options.
    const loaded = guide.waitForResponse((r) => r.url().endsWith('/api/partner-agencies'));
    await dialog.getByRole('button', { name: /Zweck/ }).click();
    await guide
      .getByRole('listbox')
      .getByRole('option', { name: 'Weitergabe an Partnerstelle', exact: true })
      .click();
    await loaded;
    await dialog.getByRole('button', { name: /Bitte wählen/ }).click();
    await guide.getByRole('listbox').getByRole('option', { name: partner, exact: true }).click();
    await dialog.locator('label').filter({ hasText: 'Partner darf Kontaktnotizen lesen' }).click();
    expect(
      await dialog.getByRole('checkbox', { name: 'Partner darf Kontaktnotizen lesen' }).isChecked(),
    ).toBe(true);
    expect(await axeViolations(guide)).toEqual([]);
    await dialog.getByRole('button', { name: 'Erfassen' }).click();
    await dialog.waitFor({ state: 'detached' });

    const list = guide.getByRole('table', { name: 'Einwilligungen' });
    const row = list.getByRole('row').filter({ hasText: 'Weitergabe an Partnerstelle' });
    await row.getByText('Partner darf Kontaktnotizen lesen').waitFor();
    expect(await axeViolations(guide)).toEqual([]);
    const consents = await guide.request.get(`/api/clients/${clientId}/consents`);
    const items = ((await consents.json()) as { items: { purpose: string; includesContactNotes: boolean }[] })
      .items;
    expect(items.find((c) => c.purpose === 'sharing')?.includesContactNotes).toBe(true);
  });
});
