import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sdcMoodQuestionnaire } from '../packages/server/src/testing/fhir-fixtures.ts';
import { axeViolations, choose, demo, type Harness, navLink, signIn, startHarness } from './harness.ts';

const RESULTS = fileURLToPath(new URL('../.test-results/', import.meta.url));

let h: Harness;
let context: BrowserContext;
let guide: Page;
let clientId: string;

beforeAll(async () => {
  h = await startHarness();
  context = await h.newContext();
  guide = await context.newPage();
  await signIn(guide, demo.caseworker);
  // A fresh client through the API of the signed-in browser tab (same origin, same cookies).
  clientId = await guide.evaluate(async () => {
    const res = await fetch('/api/clients', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ firstName: 'Ida', lastName: 'Radar-Testfall', birthDate: '1975-02-03' }),
    });
    return ((await res.json()) as { id: string }).id;
  });
});

afterAll(async () => {
  await context?.close();
  await h?.close();
});

async function startAssessment(occasion: string, mode: string, date: string) {
  await guide.goto(`/klienten/${clientId}`);
  await guide.getByRole('heading', { level: 2, name: 'Teilhabe-Verlauf' }).waitFor();
  // Wait until the progress has loaded, so nothing moves under the pointer.
  await guide
    .getByText(/Noch keine abgeschlossene Erhebung|Werte je Bereich/)
    .first()
    .waitFor();
  await guide
    .getByRole('region', { name: 'Teilhabe-Verlauf' })
    .getByRole('link', { name: 'Neue Erhebung' })
    .click();
  await guide.getByRole('heading', { level: 1, name: 'Neue Erhebung' }).waitFor();
  expect(await axeViolations(guide)).toEqual([]);
  await choose(guide, /Anlass$/, { name: occasion });
  await guide.getByLabel('Fremdeinschätzung').check();
  await choose(guide, /Art der Erfassung$/, { name: mode });
  await guide.getByLabel('Datum der Erhebung').fill(date);
  await guide.getByRole('button', { name: 'Erhebung beginnen' }).click();
}

async function completeAndReturn() {
  await guide.getByText('Alle Antworten sind gespeichert.').waitFor();
  const complete = guide.getByRole('button', { name: 'Erhebung abschließen' });
  await expect.poll(() => complete.isEnabled()).toBe(true);
  await complete.click();
  await guide.getByRole('heading', { level: 2, name: 'Teilhabe-Verlauf' }).waitFor();
}

const housingRow = () =>
  guide.getByTestId('progress-table').getByRole('row', { name: /Wohnen und Alltagsbewältigung/ });

describe('the participation instrument in the browser', () => {
  test('a guide enters an intake from paper (keyboard only) and a follow-up on screen, and sees the radar change', async () => {
    // Intake, entered from paper: type one value per question, the focus moves on by itself.
    await startAssessment('Ersterhebung', 'Vom Papierbogen übertragen', '2025-01-10');
    const inputs = guide.locator('.paper-table input');
    await inputs.first().waitFor();
    expect(await axeViolations(guide)).toEqual([]);
    const count = await inputs.count();
    expect(count).toBeGreaterThan(30);
    await inputs.first().focus();
    for (let i = 0; i < count; i++) {
      const input = inputs.nth(i);
      await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
      const hint = await guide.locator(`#${await input.getAttribute('aria-describedby')}`).innerText();
      const values = (hint.match(/\d+/g) ?? []).map(Number);
      if (values.length === 0) {
        await guide.keyboard.type('n');
      } else {
        await guide.keyboard.type(String(Math.min(...values)));
        // Two-digit scales (0-10) do not jump on by themselves: Enter confirms.
        if (Math.max(...values) > 9) await guide.keyboard.press('Enter');
      }
    }
    await completeAndReturn();
    await expect.poll(() => housingRow().innerText()).toMatch(/0/);

    // Follow-up together on screen: radio buttons per question.
    await startAssessment('Verlaufserhebung', 'Gemeinsam am Bildschirm', '2025-07-10');
    const items = guide.locator('fieldset.entry-item');
    await items.first().waitFor();
    expect(await axeViolations(guide)).toEqual([]);
    const n = await items.count();
    for (let i = 0; i < n; i++) {
      const radios = items.nth(i).getByRole('radio');
      const options = await radios.count();
      // Highest scale value (the last option is "does not apply"); "nein" for yes/no.
      await radios.nth(options === 2 ? 1 : options - 2).check();
    }
    await completeAndReturn();

    // The radar compares first and latest; the table shows the same numbers with the reliable change.
    const radar = guide.getByTestId('radar');
    await radar.locator('svg path').first().waitFor();
    expect(await radar.getAttribute('aria-label')).toMatch(/10\.1\.2025.*10\.7\.2025/);
    await expect.poll(() => housingRow().innerText()).toMatch(/0\s+100\s+100\s+[\d,]+\s+verbessert/);
    expect(await axeViolations(guide)).toEqual([]);

    // Any two assessments can be compared: latest against first turns the change round.
    await choose(guide, /Vergleich von$/, { index: 1 });
    await choose(guide, /bis$/, { index: 0 });
    await expect.poll(() => housingRow().innerText()).toMatch(/verschlechtert/);
    await choose(guide, /Vergleich von$/, { index: 0 });
    await choose(guide, /bis$/, { index: 1 });
    await expect.poll(() => housingRow().innerText()).toMatch(/verbessert/);

    mkdirSync(RESULTS, { recursive: true });
    await guide
      .getByRole('region', { name: 'Teilhabe-Verlauf' })
      .screenshot({ path: path.join(RESULTS, 'instrument-client-progress.png') });
    await guide.screenshot({ path: path.join(RESULTS, 'instrument-client-page.png'), fullPage: true });
  });
});

describe('the instrument editor', () => {
  test('an admin copies the default instrument to a draft, edits a text with live preview and publishes it', async () => {
    const adminContext = await h.newContext();
    const admin = await adminContext.newPage();
    try {
      await signIn(admin, demo.admin);
      await (await navLink(admin, 'Erhebungsbögen')).click();
      await admin.getByRole('heading', { level: 1, name: 'Erhebungsbögen' }).waitFor();
      expect(await axeViolations(admin)).toEqual([]);
      await admin.getByRole('button', { name: 'Als Entwurf kopieren' }).first().click();
      await admin.getByRole('heading', { level: 1, name: 'Entwurf bearbeiten' }).waitFor();
      const text = admin
        .getByRole('group', { name: 'Text Selbsteinschätzung' })
        .first()
        .getByLabel('Deutsch');
      await text.fill('Ich fühle mich im Alltag körperlich fit.');
      // Live preview of the self-assessment shows the new wording.
      await admin.getByRole('complementary').getByText('Ich fühle mich im Alltag körperlich fit.').waitFor();
      expect(await axeViolations(admin)).toEqual([]);
      await admin.getByRole('button', { name: 'Entwurf speichern' }).click();
      await admin.getByText('Gespeichert.').waitFor();
      await admin.getByRole('link', { name: 'Zurück zur Übersicht' }).click();
      await admin.getByRole('button', { name: 'Veröffentlichen' }).click();
      await admin.getByText('Version veröffentlicht.').waitFor();
      await expect
        .poll(
          async () =>
            (await admin.getByRole('row').allInnerTexts()).filter((r) => /veröffentlicht/.test(r)).length,
        )
        .toBe(2);
    } finally {
      await adminContext.close();
    }
    // Two axe runs over the long editor page: allow for a busy machine.
  }, 300_000);
});

describe('FHIR import in the instrument editor', () => {
  test('[trust #17] an admin imports an SDC questionnaire, sees the unmapped item flagged in the editor, fixes it and publishes', async () => {
    const adminContext = await h.newContext();
    const admin = await adminContext.newPage();
    try {
      await signIn(admin, demo.admin);
      await admin.goto('/verwaltung/erhebungsboegen');
      await admin.getByRole('heading', { level: 1, name: 'Erhebungsbögen' }).waitFor();
      await admin.getByLabel('Datei (JSON)').setInputFiles({
        name: 'mood-short.json',
        mimeType: 'application/fhir+json',
        buffer: Buffer.from(JSON.stringify(sdcMoodQuestionnaire)),
      });
      await admin.getByText('Als Entwurf importiert.').waitFor();
      await admin.getByText(/Frage daily\.support: Keine verwendbare Antwortskala/).waitFor();
      expect(await axeViolations(admin)).toEqual([]);

      await admin.getByRole('link', { name: 'Importierten Entwurf bearbeiten' }).click();
      await admin.getByRole('heading', { level: 1, name: 'Entwurf bearbeiten' }).waitFor();
      await admin
        .getByText('1 Frage aus dem Import muss vor dem Veröffentlichen bearbeitet werden:')
        .waitFor();
      const item = admin.getByRole('group', { name: 'Frage daily_support' });
      await item.getByText('Beim Import nicht vollständig übernommen').waitFor();
      await item.getByText(/support-level liegt außerhalb des Fragebogens/).waitFor();
      expect(await axeViolations(admin)).toEqual([]);

      await item.getByRole('button', { name: 'Skala 1–5 einsetzen und Hinweis entfernen' }).click();
      await expect.poll(() => item.getByText('Beim Import nicht vollständig übernommen').count()).toBe(0);
      await admin.getByRole('button', { name: 'Entwurf speichern' }).click();
      await admin.getByText('Gespeichert.').waitFor();
      await admin.getByRole('link', { name: 'Zurück zur Übersicht' }).click();
      await admin
        .getByRole('row', { name: /mood_short_form/ })
        .getByRole('button', { name: 'Veröffentlichen' })
        .click();
      await admin.getByText('Version veröffentlicht.').waitFor();
    } finally {
      await adminContext.close();
    }
    // Two axe runs over the long editor page take a while on a busy machine.
  }, 300_000);
});
