import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, demo, type Harness, openListbox, signIn, startHarness } from './harness.ts';

let h: Harness;
let context: BrowserContext;
let page: Page;

const PROGRAMME = 'Soziale Teilhabe am Arbeitsmarkt (§ 16i SGB II)';

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

/** Picks an option of a react-aria select by its label. */
async function choose(p: Page, label: string, option: string) {
  const listbox = await openListbox(p, p.getByRole('button', { name: new RegExp(label) }));
  await listbox
    .getByRole('option')
    .filter({ has: p.getByText(option, { exact: true }) })
    .click();
  await listbox.waitFor({ state: 'detached' });
}

describe('evaluation dashboard in the browser', () => {
  // Generous: the dashboard computes four reports on the embedded database of a busy machine.
  test('a coordinator filters by programme and disability, reads the table view and downloads the PDF', {
    timeout: 240_000,
  }, async () => {
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Wirkung' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Wirkung und Auswertung' }).waitFor();
    const change = page.getByRole('region', { name: 'Veränderung der Teilhabe' });
    // The one-sentence summary of the chart is generated from the figures.
    await change.getByText(/Bereichen hat sich die Teilhabe im Mittel verbessert/).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Disability first, then the programme: each cohort differs from the previous one by far more
    // than the threshold, so the differencing defence lets both through.
    await choose(page, 'Behinderung oder gesundheitliche Einschränkung', 'ohne');
    await choose(page, 'Programm', PROGRAMME);
    expect(page.url()).toMatch(/programm=[0-9a-f-]{36}/);
    expect(page.url()).toContain('behinderung=no');
    await change.getByText(`Gezeigte Auswahl: ${PROGRAMME} · ohne`, { exact: false }).waitFor();

    await change.getByRole('button', { name: /^Tabelle anzeigen: Mittlere Veränderung/ }).click();
    const table = change.getByRole('table', { name: 'Veränderung je Bereich' });
    await table.waitFor();
    // 13 areas and the total, each with n, means, change, interval and SRM (or the neutral mark).
    expect(await table.getByRole('row').count()).toBe(15);
    const health = table.getByRole('row', { name: /^Gesundheit/ });
    const cells = await health.getByRole('cell').allTextContents();
    expect(cells).toHaveLength(6);
    for (const c of cells) expect(c).toMatch(/^(\*|–|[−+-]?\d[\d.,]*( – [−-]?\d[\d.,]*)?)$/);
    expect(await axeViolations(page)).toEqual([]);

    const pdf = page.getByRole('link', { name: 'Bericht als PDF herunterladen' });
    const href = (await pdf.getAttribute('href')) as string;
    expect(href).toContain('/api/reports/cohort.pdf?');
    expect(href).toContain('disability=no');
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
