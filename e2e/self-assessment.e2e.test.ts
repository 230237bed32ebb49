import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, demo, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
let context: BrowserContext;
let guide: Page;
let clientId: string;

beforeAll(async () => {
  h = await startHarness();
  context = await h.newContext();
  guide = await context.newPage();
  await signIn(guide, demo.caseworker);
  // A fresh client with consent to self-assessment, through the API of the signed-in tab.
  clientId = await guide.evaluate(
    async (today) => {
      const headers = { 'content-type': 'application/json', accept: 'application/json' };
      const res = await fetch('/api/clients', {
        method: 'POST',
        headers,
        body: JSON.stringify({ firstName: 'Selma', lastName: 'Link-Testfall', birthDate: '1981-04-05' }),
      });
      const id = ((await res.json()) as { id: string }).id;
      await fetch(`/api/clients/${id}/consents`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ purpose: 'self_assessment', form: 'written', date: today }),
      });
      return id;
    },
    new Date().toISOString().slice(0, 10),
  );
});

afterAll(async () => {
  await context?.close();
  await h?.close();
});

/** The highest value on every question ("nein" for yes/no); the last option is "does not apply". */
async function answerAll(page: Page) {
  const items = page.locator('fieldset.entry-item');
  await items.first().waitFor();
  const n = await items.count();
  for (let i = 0; i < n; i++) {
    const radios = items.nth(i).getByRole('radio');
    const options = await radios.count();
    await radios.nth(options === 2 ? 1 : options - 2).check();
  }
}

describe('self-assessment by link', () => {
  test('a guide creates a link, the client answers in easy language and submits, the guide sees it; a correction is recorded', async () => {
    await guide.goto(`/klienten/${clientId}`);
    await guide.getByRole('heading', { level: 2, name: 'Teilhabe-Verlauf' }).waitFor();
    await guide.getByText('Noch keine abgeschlossene Erhebung').first().waitFor();
    await guide.getByRole('button', { name: 'Link zur Selbsteinschätzung' }).click();
    await guide.getByRole('button', { name: 'Link erstellen' }).click();
    const url = await guide.getByLabel('Link für die Person (nur jetzt sichtbar)').inputValue();
    expect(url).toMatch(/\/selbsteinschaetzung\/[A-Za-z0-9_-]{43}$/);
    expect(await axeViolations(guide)).toEqual([]);

    // The client opens it in a fresh browser (no session): first name only, nothing else.
    const clientContext = await h.newContext();
    const client = await clientContext.newPage();
    try {
      await client.goto(new URL(url).pathname);
      await client.getByRole('heading', { level: 1, name: 'Selbsteinschätzung' }).waitFor();
      await client.getByText('Hallo Selma,').waitFor();
      expect(await client.locator('main').innerText()).not.toContain('Link-Testfall');
      await client.locator('fieldset.entry-item').first().waitFor();
      expect(await axeViolations(client)).toEqual([]);

      await client.getByRole('button', { name: 'Leichte Sprache' }).click();
      await client.getByText('Es gibt kein Richtig und kein Falsch.', { exact: false }).waitFor();
      expect(await axeViolations(client)).toEqual([]);

      await answerAll(client);
      await client.getByText('Ihre Antworten sind gespeichert.').waitFor();
      const submit = client.getByRole('button', { name: 'Abschicken' });
      await expect.poll(() => submit.isEnabled()).toBe(true);
      await submit.click();
      await client.getByText('Danke!').waitFor();

      // Single use: the link does not open again.
      await client.reload();
      await client.getByText('schon abgeschickt', { exact: false }).waitFor();
    } finally {
      await clientContext.close();
    }

    // The guide sees the self-assessment on the client page.
    await guide.reload();
    await guide.getByRole('heading', { level: 2, name: 'Teilhabe-Verlauf' }).waitFor();
    await guide
      .getByTestId('progress-table')
      .getByText(/Selbsteinschätzung/)
      .waitFor();

    // A correction of the completed assessment, with a reason, shows up in the history.
    const assessmentId = await guide.evaluate(async (id) => {
      const res = await fetch(`/api/clients/${id}/assessments`, { headers: { accept: 'application/json' } });
      const body = (await res.json()) as { items: { id: string; mode: string }[] };
      return body.items.find((a) => a.mode === 'self_link')?.id ?? '';
    }, clientId);
    await guide.goto(`/erhebungen/${assessmentId}`);
    await guide.getByRole('button', { name: 'Korrektur erfassen' }).click();
    await guide.locator('fieldset.entry-item').first().getByRole('radio').first().check();
    await guide.getByRole('button', { name: 'Korrektur speichern' }).click();
    await guide.getByText('Bitte geben Sie den Grund der Korrektur an.').waitFor();
    await guide.getByLabel('Grund der Korrektur').fill('Antwort beim Gespräch richtiggestellt');
    await guide.getByRole('button', { name: 'Korrektur speichern' }).click();
    await guide.getByText('Die Korrektur ist gespeichert.').waitFor();
    await guide.getByRole('cell', { name: 'Antwort beim Gespräch richtiggestellt' }).waitFor();
    expect(await axeViolations(guide)).toEqual([]);
  });
});
