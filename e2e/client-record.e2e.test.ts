/**
 * The client record: a summary with the main actions a few Tab stops from
 * the top, an in-page menu of the sections, the progress shown after an assessment is completed, a
 * radar and page that fit a phone, and the closure form checking the day the case began.
 */
import { type AssessmentSummaryView, dueOccasion } from '@lotse/domain';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, DEMO_PASSWORD, demo, type Harness, startHarness } from './harness.ts';

let h: Harness;
const contexts: BrowserContext[] = [];
const pages: Record<'de' | 'en', Page> = {} as Record<'de' | 'en', Page>;

const viewports = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

const words = {
  de: {
    title: 'Rita Akte-Testfall',
    sections: 'Abschnitte der Akte',
    contact: 'Kontakt dokumentieren',
    assessment: 'Neue Erhebung',
    goal: 'Ziel vereinbaren',
    refer: 'Angebot zuweisen',
    goalsLink: 'Zielvereinbarung',
    overdue: '1 Ziel überfällig',
    noAssessment: 'noch keine Erhebung',
    referrals: '0 offen',
    consent: 'Selbsteinschätzung',
    open: 'offen',
    progress: 'Teilhabe-Verlauf',
    selfLink: 'Link zur Selbsteinschätzung',
    perspective: 'Fremdeinschätzung',
    self: 'Selbsteinschätzung',
  },
  en: {
    title: 'Rita Akte-Testfall',
    sections: 'Sections of the record',
    contact: 'Document a contact',
    assessment: 'New assessment',
    goal: 'Agree a goal',
    refer: 'Refer to an offer',
    goalsLink: 'Goal agreement',
    overdue: '1 goal overdue',
    noAssessment: 'no assessment yet',
    referrals: '0 open',
    consent: 'Self-assessment',
    open: 'open',
    progress: 'Participation over time',
    selfLink: 'Self-assessment link',
    perspective: 'Professional view',
    self: 'Self-assessment',
  },
} as const;

/** Conditions polled while the page loads on a busy machine: generous, never a fixed wait. */
const eventually = <T>(read: () => Promise<T> | T, message?: string) =>
  expect.poll(read, { timeout: 30_000, message });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function api<T>(page: Page, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ([p, b]) => {
      const res = await fetch(p as string, {
        method: b === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        ...(b === undefined ? {} : { body: JSON.stringify(b) }),
      });
      if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    [path, body] as const,
  ) as Promise<T>;
}

/** A fresh client with an overdue goal, a consent and a contact from before the case was opened. */
let clients = 0;
async function freshClient(page: Page): Promise<string> {
  clients += 1;
  // Same name, another birth date: not a duplicate.
  const client = await api<{ id: string }>(page, '/api/clients', {
    firstName: 'Rita',
    lastName: 'Akte-Testfall',
    birthDate: `${1960 + clients}-03-04`,
  });
  await api(page, `/api/clients/${client.id}/consents`, {
    purpose: 'self_assessment',
    form: 'written',
    date: day(0),
  });
  await api(page, `/api/clients/${client.id}/goals`, {
    title: 'Wohnung suchen',
    dimension: 'social_contacts',
    agreedOn: day(-60),
    targetDate: day(-10),
  });
  await api(page, `/api/clients/${client.id}/contacts`, { type: 'meeting', date: day(-20) });
  return client.id;
}

/** A client of the guide with assessments from both perspectives, two of them in one series. */
async function clientWithProgress(page: Page): Promise<{ id: string; firstPerspective: string }> {
  const list = await api<{ items: { id: string }[] }>(page, '/api/clients?pageSize=50');
  for (const c of list.items) {
    const p = await api<{ series: { perspective: string; assessments: unknown[] }[] }>(
      page,
      `/api/clients/${c.id}/progress`,
    );
    if (p.series.length > 1 && p.series.some((s) => s.assessments.length > 1))
      return { id: c.id, firstPerspective: p.series[0]?.perspective ?? '' };
  }
  throw new Error('no demo client with two perspectives');
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** Radar labels that lie outside the drawing (cut off). */
const radarLabelsOutside = (page: Page) =>
  page.evaluate(() => {
    const svg = document.querySelector('[data-testid=radar] svg');
    if (!svg) return ['no radar'];
    const box = svg.getBoundingClientRect();
    return Array.from(svg.querySelectorAll('text'))
      .filter((t) => {
        const r = t.getBoundingClientRect();
        return (
          r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1
        );
      })
      .map((t) => t.textContent ?? '');
  });

beforeAll(async () => {
  h = await startHarness();
  for (const lang of ['de', 'en'] as const) {
    const context = await h.newContext({ locale: lang === 'de' ? 'de-DE' : 'en-GB' });
    contexts.push(context);
    await context.addInitScript((language) => window.localStorage.setItem('lotse.language', language), lang);
    const page = await context.newPage();
    await page.goto('/anmelden');
    const status = await page.evaluate(
      async ([email, password]) =>
        (
          await fetch('/api/auth/login', {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body: JSON.stringify({ email, password }),
          })
        ).status,
      [demo.caseworker, DEMO_PASSWORD],
    );
    expect(status).toBe(200);
    pages[lang] = page;
  }
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await h?.close();
});

describe('the client record', () => {
  // One test per language and width: each stays short on a busy machine, one server serves all.
  const runs = (['de', 'en'] as const).flatMap((lang) => viewports.map((viewport) => ({ lang, viewport })));

  test.each(runs)(
    'summary, section menu and main actions within a few Tab stops ($lang, $viewport.name)',
    async ({ lang, viewport }) => {
      const page = pages[lang];
      const w = words[lang];
      const id = await freshClient(page);
      await page.setViewportSize(viewport);
      await page.goto(`/klienten/${id}`);
      await page.getByRole('heading', { level: 1, name: w.title }).waitFor();
      const summary = page.getByRole('region', { name: lang === 'de' ? 'Überblick' : 'Overview' });
      await eventually(() => summary.getByTestId('summary-overdue-goals').innerText()).toBe(w.overdue);
      await eventually(() => summary.getByTestId('summary-next-assessment').innerText()).toBe(w.noAssessment);
      await eventually(() => summary.getByTestId('summary-open-referrals').innerText()).toBe(w.referrals);
      await eventually(() => summary.getByTestId('summary-consents').innerText()).toBe(w.consent);
      await summary.getByText('Jonas Lotse').waitFor();
      await summary.getByText(w.open, { exact: true }).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // From the skip link into the main content, each main action is at most 10 Tab presses away.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      const reached: Record<string, number> = {};
      for (let presses = 1; presses <= 10; presses++) {
        await page.keyboard.press('Tab');
        const text = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
        if (!(text in reached)) reached[text] = presses;
      }
      for (const action of [w.assessment, w.contact, w.goal, w.refer]) expect(reached[action]).toBeDefined();

      // The contact form opens from the summary.
      await page
        .getByRole('region', { name: lang === 'de' ? 'Überblick' : 'Overview' })
        .getByRole('button', { name: w.contact })
        .click();
      await page.getByRole('dialog', { name: w.contact }).waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      // One step to a section: the menu link moves focus to the section's heading.
      const menu = page.getByRole('navigation', { name: w.sections });
      await menu.getByRole('link', { name: w.goalsLink }).click();
      await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('ziele-heading');
      await eventually(() =>
        page.locator('#ziele-heading').evaluate((el) => {
          const top = el.getBoundingClientRect().top;
          return top >= 0 && top < window.innerHeight;
        }),
      ).toBe(true);

      for (const width of [viewport.width, 320]) {
        await page.setViewportSize({ width, height: viewport.height });
        // The chart re-lays itself out after a resize: wait for it rather than measure mid-way.
        await eventually(() => noSidewaysScroll(page), `sideways scroll at ${width} px (${lang})`).toBe(true);
      }
    },
    // Several widths, axe and a whole assessment per test on a busy 2-core machine.
    300_000,
  );

  test.each(runs)(
    'progress: the radar fits, the self-assessment panel leaves the buttons alone ($lang, $viewport.name)',
    async ({ lang, viewport }) => {
      const page = pages[lang];
      const w = words[lang];
      const { id } = await clientWithProgress(page);
      await page.setViewportSize(viewport);
      await page.goto(`/klienten/${id}`);
      const progress = page.getByRole('region', { name: w.progress });
      await progress.getByTestId('radar').locator('svg text').first().waitFor();
      for (const width of [viewport.width, 320]) {
        await page.setViewportSize({ width, height: viewport.height });
        await eventually(() => radarLabelsOutside(page)).toEqual([]);
        // The chart re-lays itself out after a resize: wait for it rather than measure mid-way.
        await eventually(() => noSidewaysScroll(page), `sideways scroll at ${width} px (${lang})`).toBe(true);
      }
      await page.setViewportSize(viewport);

      // Opening the self-assessment panel keeps "New assessment" a normal button.
      const newAssessment = progress.getByRole('link', { name: w.assessment });
      const before = (await newAssessment.boundingBox())?.height ?? 0;
      await progress.getByRole('button', { name: w.selfLink }).click();
      await progress.locator('.self-link').waitFor();
      // The link's occasion defaults to the one due for the client's self-assessment (a follow-up once
      // the self-assessment has its intake), as on the new-assessment form.
      const [first] = (await api<{ items: { id: string; key: string }[] }>(page, '/api/instruments')).items;
      const selfHistory = (
        await api<{ items: AssessmentSummaryView[] }>(page, `/api/clients/${id}/assessments`)
      ).items.filter((a) => a.instrumentKey === first?.key && a.perspective === 'self');
      const due = dueOccasion(selfHistory);
      const dueWord = {
        de: { intake: 'Ersterhebung', follow_up: 'Verlaufserhebung' },
        en: { intake: 'Intake', follow_up: 'Follow-up' },
      }[lang][due];
      const occasionButton = progress
        .locator('.self-link')
        .getByRole('button', { name: lang === 'de' ? /Anlass$/ : /Occasion$/ });
      await eventually(() => occasionButton.textContent()).toContain(dueWord);
      await eventually(async () => (await newAssessment.boundingBox())?.height).toBe(before);
      expect(before).toBeLessThan(80);
      expect(await noSidewaysScroll(page)).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    },
    // Several widths, axe and a whole assessment per test on a busy 2-core machine.
    300_000,
  );

  test.each([
    { lang: 'de', viewport: viewports[0] },
    { lang: 'en', viewport: viewports[1] },
  ] as const)(
    'after completing an assessment the guide lands on its progress, in the perspective just recorded ($lang, $viewport.name)',
    async ({ lang, viewport }) => {
      const page = pages[lang];
      const w = words[lang];
      const { id, firstPerspective } = await clientWithProgress(page);
      // Record the perspective the page would not show first.
      const recorded = firstPerspective === 'self' ? 'professional' : 'self';
      const recordedLabel = recorded === 'self' ? w.self : w.perspective;
      await page.setViewportSize(viewport);
      await page.goto(`/klienten/${id}/erhebung`);
      await page.getByLabel(recordedLabel, { exact: true }).check();
      await page
        .getByRole('button', { name: lang === 'de' ? 'Erhebung beginnen' : 'Start assessment' })
        .click();
      const items = page.locator('fieldset.entry-item');
      await items.first().waitFor();
      const n = await items.count();
      for (let i = 0; i < n; i++) {
        const radios = items.nth(i).getByRole('radio');
        const options = await radios.count();
        await radios.nth(options === 2 ? 1 : options - 2).check();
      }
      const complete = page.getByRole('button', {
        name: lang === 'de' ? 'Erhebung abschließen' : 'Complete assessment',
      });
      await eventually(() => complete.isEnabled()).toBe(true);
      await complete.click();

      // Focus on the progress heading, in view, with the recorded perspective shown.
      await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('verlauf-heading');
      const heading = page.getByRole('heading', { level: 2, name: w.progress });
      await eventually(() =>
        heading.evaluate(
          (el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().top < window.innerHeight,
        ),
      ).toBe(true);
      const progress = page.getByRole('region', { name: w.progress });
      await eventually(() => progress.getByTestId('progress-table').locator('caption').innerText()).toContain(
        recordedLabel,
      );
      expect(await noSidewaysScroll(page)).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    },
    // Several widths, axe and a whole assessment per test on a busy 2-core machine.
    300_000,
  );

  test('the closure form accepts a date after the first contact, before the day the case was opened', async () => {
    const page = pages.de;
    await page.setViewportSize(viewports[0]);
    const id = await freshClient(page);
    await page.goto(`/klienten/${id}`);
    await page.getByRole('button', { name: 'Fall abschließen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fall abschließen' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /Ergebnis/ }).click();
    await page.getByRole('listbox').getByRole('option', { name: 'Sonstiges', exact: true }).click();
    // Before the first contact (20 days ago): refused at the field, naming the day the case began.
    await dialog.getByLabel('Abgeschlossen am').fill(day(-25));
    await dialog.getByRole('button', { name: 'Abschließen' }).click();
    const began = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${day(-20)}T00:00:00Z`),
    );
    await dialog
      .getByText(`Der Fall kann nicht vor seinem Beginn (${began}) abgeschlossen werden.`)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // After the first contact but before the case was opened (today): the server's rule, accepted.
    await dialog.getByLabel('Abgeschlossen am').fill(day(-15));
    await dialog.getByRole('button', { name: 'Abschließen' }).click();
    await page.getByText('Der Fall ist abgeschlossen.').waitFor();
  });
});
