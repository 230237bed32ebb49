import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, choose, demo, type Harness, signIn, startHarness, storeLanguage } from './harness.ts';

/**
 * Guards against bad data, in Chromium: a similar name with the same birth
 * date is shown before a client is created; the new-assessment form defaults to the due occasion and
 * asks before a second intake; same-day assessments are told apart. At 1366x900 and 390x844, in
 * German and English, with axe and no sideways scrolling.
 */
let h: Harness;
let context: BrowserContext;
let guide: Page;

const viewports = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
] as const;
const languages = ['de', 'en'] as const;
type Lang = (typeof languages)[number];
const views = languages.flatMap((lang) => viewports.map((viewport) => ({ lang, viewport })));

beforeAll(async () => {
  h = await startHarness();
  context = await h.newContext();
  guide = await context.newPage();
  await signIn(guide, demo.caseworker);
});

afterAll(async () => {
  await context?.close();
  await h?.close();
});

async function setLanguage(page: Page, lang: Lang) {
  await storeLanguage(page, lang);
  await page.reload();
}

async function expectAccessibleAndNarrow(page: Page, what: string) {
  expect(await axeViolations(page), what).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .map((e) => `${e.tagName}.${e.className}`)
      .slice(0, 5),
  );
  expect(overflow, `${what} scrolls sideways: ${wide.join(', ')}`).toBeLessThanOrEqual(0);
}

/** A client through the API of the signed-in tab (same origin and cookies). */
async function createClient(body: Record<string, unknown>): Promise<{ id: string; clientNumber: string }> {
  return guide.evaluate(async (b) => {
    const res = await fetch('/api/clients', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(b),
    });
    if (res.status !== 201) throw new Error(`client not created: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string; clientNumber: string };
  }, body);
}

const label = {
  de: {
    first: 'Vorname',
    last: 'Nachname',
    born: 'Geburtsdatum',
    place: 'Wohnort / Sozialraum',
    submit: 'Aufnehmen und Fall eröffnen',
    warning: 'Mögliche Dublette: bitte vor dem Speichern prüfen',
    similar: 'ähnlicher Name',
    anyway: 'Trotzdem neu anlegen',
  },
  en: {
    first: 'First name',
    last: 'Last name',
    born: 'Birth date',
    place: 'Place / district',
    submit: 'Add and open case',
    warning: 'Possible duplicate: please check before saving',
    similar: 'similar name',
    anyway: 'Create anyway',
  },
} as const;

describe('duplicate check on intake (item 7)', () => {
  test('shows the similar-named client with the same birth date before saving; opens it or creates anyway', async () => {
    const existing = await createClient({
      firstName: 'Katharina',
      lastName: 'Brinkmann',
      birthDate: '1979-03-15',
      district: 'Witten',
      allowDuplicate: true,
    });
    for (const [index, { lang, viewport }] of views.entries()) {
      const l = label[lang];
      const what = `new client ${lang} ${viewport.width}`;
      await guide.setViewportSize(viewport);
      await storeLanguage(guide, lang);
      await guide.goto('/klienten/neu');
      await guide.getByRole('heading', { level: 1 }).waitFor();
      await guide.getByLabel(l.first).fill('Katarina');
      await guide.getByLabel(l.last).fill('Brinkman');
      await guide.getByLabel(l.born).fill('1979-03-15');
      await guide.getByLabel(l.place).fill('Witten');
      await guide.getByRole('button', { name: l.submit }).click();

      // The warning takes the focus and lists the existing client with what tells them apart.
      const warning = guide.getByRole('heading', { level: 2, name: l.warning });
      await warning.waitFor();
      await expect.poll(() => warning.evaluate((el) => el === document.activeElement)).toBe(true);
      const candidate = guide.getByTestId('duplicate-candidate').filter({ hasText: 'Katharina Brinkmann' });
      await expect(candidate.textContent()).resolves.toContain(l.similar);
      await expect(candidate.textContent()).resolves.toContain(existing.clientNumber);
      await expect(candidate.textContent()).resolves.toContain('Witten');
      await expectAccessibleAndNarrow(guide, what);

      if (index === 0) {
        // Open the existing record instead.
        await candidate.getByRole('link').click();
        await guide.getByRole('heading', { level: 1, name: 'Katharina Brinkmann' }).waitFor();
        expect(guide.url()).toContain(`/klienten/${existing.id}`);
      }
      if (index === views.length - 1) {
        // A different person after all: created on confirmation.
        await guide.getByRole('button', { name: l.anyway }).click();
        await guide.getByRole('heading', { level: 1, name: 'Katarina Brinkman' }).waitFor();
      }
    }
    await guide.setViewportSize(viewports[0]);
    await setLanguage(guide, 'de');
  });
});

/** A completed assessment through the API, every scale item answered with its lowest value. */
async function recordAssessment(clientId: string, occasion: string, date: string): Promise<string> {
  return guide.evaluate(
    async ([id, o, d]) => {
      const instruments = (await (await fetch('/api/instruments')).json()) as {
        items: {
          id: string;
          dimensions: {
            items: {
              key: string;
              texts: Record<string, unknown>;
              scale?: { options: { value: number }[] };
            }[];
          }[];
        }[];
      };
      const instrument = instruments.items[0];
      if (!instrument) throw new Error('no instrument');
      const answers: Record<string, number> = {};
      for (const dim of instrument.dimensions)
        for (const item of dim.items)
          if (item.scale && item.texts.professional)
            answers[item.key] = Math.min(...item.scale.options.map((x) => x.value));
      const res = await fetch(`/api/clients/${id}/assessments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          instrumentId: instrument.id,
          occasion: o,
          perspective: 'professional',
          mode: 'together',
          date: d,
          answers,
        }),
      });
      if (res.status !== 201) throw new Error(`assessment not created: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    },
    [clientId, occasion, date] as const,
  );
}

describe('assessment occasion (item 8)', () => {
  test('defaults to the due follow-up, asks before a second intake, numbers same-day assessments and compares intake with the latest follow-up', async () => {
    const client = await createClient({
      firstName: 'Otto',
      lastName: 'Anlass-Testfall',
      birthDate: '1966-09-21',
    });
    await recordAssessment(client.id, 'intake', '2025-01-10');
    await recordAssessment(client.id, 'follow_up', '2025-07-10');
    await recordAssessment(client.id, 'follow_up', '2025-07-10');
    for (const { lang, viewport } of views) {
      const de = lang === 'de';
      await guide.setViewportSize(viewport);
      await storeLanguage(guide, lang);
      await guide.goto(`/klienten/${client.id}/erhebung`);
      await guide.getByRole('heading', { level: 1, name: de ? 'Neue Erhebung' : 'New assessment' }).waitFor();
      await guide.getByTestId('occasion-hint').waitFor();
      // A react-aria select: its button is named by the chosen value and then the label.
      const occasionLabel = de ? /Anlass$/ : /Occasion$/;
      const occasion = guide.getByRole('button', { name: occasionLabel });
      await expect.poll(() => occasion.textContent()).toMatch(de ? /Verlaufserhebung/ : /Follow-up/);
      await expect(guide.getByTestId('occasion-hint').textContent()).resolves.toMatch(
        de ? /Verlaufserhebung ist seit .* fällig/ : /follow-up has been due since/,
      );
      await expectAccessibleAndNarrow(guide, `new assessment ${lang} ${viewport.width}`);

      // A second intake needs a confirmation before it can start.
      await choose(guide, occasionLabel, { name: de ? 'Ersterhebung' : 'Intake' });
      const warning = guide.getByTestId('second-intake');
      await warning.waitFor();
      const start = guide.getByRole('button', { name: de ? 'Erhebung beginnen' : 'Start assessment' });
      await expect.poll(() => start.isDisabled()).toBe(true);
      await warning.getByRole('checkbox').check();
      await expect.poll(() => start.isEnabled()).toBe(true);
      await expectAccessibleAndNarrow(guide, `second intake ${lang} ${viewport.width}`);

      // The progress: same-day follow-ups are numbered; intake against the latest follow-up by default.
      await guide.goto(`/klienten/${client.id}`);
      const from = guide.getByRole('button', { name: de ? /Vergleich von$/ : /Compare$/ });
      await from.waitFor();
      const selected = (select: typeof from) => select.textContent().then((text) => text ?? '');
      await expect.poll(() => selected(from)).toMatch(de ? /Ersterhebung/ : /Intake/);
      const to = guide.getByRole('button', { name: de ? /\bbis$/ : /\bwith$/ });
      await expect
        .poll(() => selected(to))
        .toMatch(de ? /Verlaufserhebung, 2\. am Tag/ : /Follow-up, no\. 2 that day/);
      // axe only: the client page's width on a phone is item 6 (the client record layout).
      expect(await axeViolations(guide), `progress ${lang} ${viewport.width}`).toEqual([]);
    }
    await guide.setViewportSize(viewports[0]);
    await setLanguage(guide, 'de');
    // Twelve axe runs, four of them over the long client page: allow for a busy machine.
  }, 300_000);
});
