import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, demo, type Harness, signIn, startHarness, storeLanguage } from './harness.ts';

/**
 * Events and planning in Chromium: event times in the agency's time zone with the browser in another
 * zone, organisers editing and cancelling events with in-app notifications, the calendar subscription,
 * the planning chart and district view, the map legend and the report period. One server, one browser;
 * each page is checked at 1366x900 and 390x844, in German and English, with axe.
 */
let h: Harness;
let coordinatorCtx: BrowserContext;
let guideCtx: BrowserContext;
let coordinator: Page;
let guide: Page;

const viewports = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
] as const;
const languages = ['de', 'en'] as const;

beforeAll(async () => {
  h = await startHarness();
  // The organiser's browser runs in New York, the guide's in UTC: neither may shift Berlin times.
  coordinatorCtx = await h.browser.newContext({
    baseURL: h.baseUrl,
    locale: 'de-DE',
    timezoneId: 'America/New_York',
    viewport: viewports[0],
  });
  guideCtx = await h.browser.newContext({
    baseURL: h.baseUrl,
    locale: 'de-DE',
    timezoneId: 'UTC',
    viewport: viewports[0],
  });
  await guideCtx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.baseUrl });
  coordinator = await coordinatorCtx.newPage();
  guide = await guideCtx.newPage();
  await signIn(coordinator, demo.coordinator);
  await signIn(guide, demo.caseworker);
});

afterAll(async () => {
  await coordinatorCtx?.close();
  await guideCtx?.close();
  await h?.close();
});

async function setLanguage(page: Page, lang: 'de' | 'en') {
  await storeLanguage(page, lang);
  await page.reload();
}

/** Runs `check` on `path` at both sizes and in both languages, with axe and no sideways scrolling. */
async function everyView(
  page: Page,
  path: string,
  check: (lang: 'de' | 'en') => Promise<void>,
  /**
   * Only this part must not overflow itself (the page's other sections are checked elsewhere; the
   * programme page as a whole is still wider than a phone).
   */
  within?: string,
) {
  for (const lang of languages) {
    for (const viewport of viewports) {
      await page.setViewportSize(viewport);
      await storeLanguage(page, lang);
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check(lang);
      expect(await axeViolations(page), `${path} ${lang} ${viewport.width}`).toEqual([]);
      const overflow = await page.evaluate((sel) => {
        if (!sel) return document.documentElement.scrollWidth - window.innerWidth;
        const el = document.querySelector(sel);
        return el ? el.scrollWidth - el.clientWidth : 0;
      }, within ?? null);
      expect(overflow, `${path} ${lang} ${viewport.width} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  }
  await page.setViewportSize(viewports[0]);
  await setLanguage(page, 'de');
}

interface ApiEvent {
  id: string;
  code: string;
  startsAt: string;
  endsAt: string;
  cancelledAt: string | null;
}
async function eventByTitle(page: Page, title: string): Promise<ApiEvent> {
  const res = await page.request.get(`/api/events?query=${encodeURIComponent(title)}`);
  const items = ((await res.json()) as { items: ApiEvent[] }).items;
  expect(items).toHaveLength(1);
  return items[0] as ApiEvent;
}

async function createEvent(page: Page, title: string, date: string) {
  await page.goto('/veranstaltungen');
  await page.getByRole('button', { name: 'Veranstaltung anlegen' }).click();
  const form = page.getByRole('dialog', { name: 'Veranstaltung anlegen' });
  await form.getByLabel('Titel').fill(title);
  await form.getByRole('button', { name: /Art/ }).click();
  await page.getByRole('listbox').getByRole('option', { name: 'Workshop' }).click();
  await form.getByLabel('Datum').fill(date);
  await form.getByLabel('Beginn').fill('14:00');
  await form.getByLabel('Ende').fill('16:00');
  await form.getByLabel('Ort', { exact: true }).fill('Rathaus Witten');
  await form.getByLabel('Plätze').fill('1');
  await form.getByText('Uhrzeiten gelten in der Zeitzone Ihrer Stelle (Europe/Berlin).').waitFor();
  await form.getByRole('button', { name: 'Speichern' }).click();
  await page.getByText(/Die Veranstaltung V 27\/\d{3} wurde angelegt\./).waitFor();
}

const card = (page: Page, title: string) => page.locator('li.event-card', { hasText: title });

describe('events, planning and reports in the browser', () => {
  test('14:00-16:00 entered in a New York browser is stored as Berlin time and shown as 14:00-16:00', async () => {
    await createEvent(coordinator, 'Zeitzonen-Workshop Winter', '2027-01-20');
    const winter = await eventByTitle(coordinator, 'Zeitzonen-Workshop Winter');
    expect([winter.startsAt, winter.endsAt]).toEqual([
      '2027-01-20T13:00:00.000Z',
      '2027-01-20T15:00:00.000Z',
    ]);
    await createEvent(coordinator, 'Zeitzonen-Workshop Sommer', '2027-07-20');
    const summer = await eventByTitle(coordinator, 'Zeitzonen-Workshop Sommer');
    expect([summer.startsAt, summer.endsAt]).toEqual([
      '2027-07-20T12:00:00.000Z',
      '2027-07-20T14:00:00.000Z',
    ]);

    // The calendar file carries the same instants.
    const ics = await (await coordinator.request.get(`/api/events/${winter.id}.ics`)).text();
    expect(ics).toContain('DTSTART:20270120T130000Z');
    expect(ics).toContain('DTEND:20270120T150000Z');

    // Shown as 14:00-16:00 in both browsers (New York and UTC), both languages, both sizes.
    for (const page of [coordinator, guide]) {
      await everyView(page, '/veranstaltungen', async () => {
        for (const title of ['Zeitzonen-Workshop Winter', 'Zeitzonen-Workshop Sommer']) {
          const time = card(page, title).getByTestId('event-time');
          await time.waitFor();
          expect(await time.textContent()).toMatch(/14:00 – 16:00$/);
        }
      });
    }
    // The edit form shows the times as entered.
    await coordinator.goto('/veranstaltungen');
    await coordinator
      .getByRole('button', { name: `Bearbeiten: ${winter.code} Zeitzonen-Workshop Winter` })
      .click();
    const edit = coordinator.getByRole('dialog', { name: `Veranstaltung ${winter.code} bearbeiten` });
    expect(await edit.getByLabel('Beginn').inputValue()).toBe('14:00');
    expect(await edit.getByLabel('Ende').inputValue()).toBe('16:00');
    expect(await axeViolations(coordinator)).toEqual([]);
    await edit.getByRole('button', { name: 'Abbrechen' }).click();
  }, 300_000);

  test('an organiser edits, sees attendees and cancels; the registered guide is notified in the app', async () => {
    const title = 'Absage-Workshop';
    await createEvent(coordinator, title, '2027-02-10');
    const event = await eventByTitle(coordinator, title);

    // The guide registers.
    await guide.goto('/veranstaltungen');
    await guide.getByRole('button', { name: `Anmelden: ${event.code} ${title}` }).click();
    await guide.getByText(`${event.code}: Sie sind angemeldet.`).waitFor();

    // The organiser moves it to 15:00-17:00 and sees the attendee list.
    await coordinator.goto('/veranstaltungen');
    await coordinator.getByRole('button', { name: `Bearbeiten: ${event.code} ${title}` }).click();
    const edit = coordinator.getByRole('dialog', { name: `Veranstaltung ${event.code} bearbeiten` });
    await edit.getByLabel('Beginn').fill('15:00');
    await edit.getByLabel('Ende').fill('17:00');
    await edit.getByRole('button', { name: 'Speichern' }).click();
    await coordinator.getByText(`Die Veranstaltung ${event.code} wurde gespeichert.`).waitFor();
    expect((await eventByTitle(coordinator, title)).startsAt).toBe('2027-02-10T14:00:00.000Z');

    await everyView(coordinator, '/veranstaltungen', async (lang) => {
      const label = lang === 'de' ? 'Teilnehmende' : 'Attendees';
      await coordinator.getByRole('button', { name: `${label}: ${event.code} ${title}` }).click();
      const dialog = coordinator.getByRole('dialog');
      await dialog.getByText(demo.caseworker).waitFor();
      await dialog.getByRole('table').first().waitFor();
      expect(await axeViolations(coordinator)).toEqual([]);
      await dialog.getByRole('button', { name: lang === 'de' ? 'Schließen' : 'Close' }).click();
    });

    // Cancelling: a confirmation says who is notified (in the app, nothing about e-mail).
    await coordinator.goto('/veranstaltungen');
    await coordinator.getByRole('button', { name: `Absagen: ${event.code} ${title}` }).click();
    const confirm = coordinator.getByRole('alertdialog', { name: `Veranstaltung ${event.code} absagen` });
    await confirm
      .getByText('Eine angemeldete oder wartende Person erhält eine Mitteilung in Lotse.')
      .waitFor();
    expect(await confirm.textContent()).not.toMatch(/E-Mail/i);
    expect(await axeViolations(coordinator)).toEqual([]);
    await confirm.getByLabel(/Grund/).fill('Referentin erkrankt');
    await confirm.getByRole('button', { name: 'Veranstaltung absagen' }).click();
    await coordinator
      .getByText(`Die Veranstaltung ${event.code} wurde abgesagt. Eine Person wurde in Lotse benachrichtigt.`)
      .waitFor();
    await card(coordinator, title).getByText('Abgesagt').waitFor();
    expect((await eventByTitle(coordinator, title)).cancelledAt).not.toBeNull();

    // The guide sees the notification on the start page after signing in again.
    await guide.getByRole('button', { name: 'Abmelden', exact: true }).click();
    await signIn(guide, demo.caseworker);
    await everyView(guide, '/', async (lang) => {
      const panel = guide.getByRole('region', {
        name: lang === 'de' ? /Neue Mitteilung/ : /New notification/,
      });
      await panel
        .getByText(new RegExp(`${event.code}.*${lang === 'de' ? 'abgesagt' : 'cancelled'}`))
        .waitFor();
      await panel.getByText(/Referentin erkrankt/).waitFor();
    });
    const panel = guide.getByRole('region', { name: /Neue Mitteilung/ });
    await panel
      .getByRole('button', { name: /^Als gelesen markieren: .*abgesagt/ })
      .first()
      .click();
    // Marked read: the cancellation is gone from the start page.
    await panel.getByText(/Referentin erkrankt/).waitFor({ state: 'detached' });
  }, 300_000);

  test('the top action subscribes with a webcal link and a copy button; the download is secondary', async () => {
    await everyView(guide, '/veranstaltungen', async (lang) => {
      const actions = guide.locator('.page-header__actions, header').first();
      await actions.waitFor();
      await guide
        .getByRole('button', { name: lang === 'de' ? 'Kalender abonnieren' : 'Subscribe to calendar' })
        .waitFor();
      await guide
        .getByRole('link', { name: lang === 'de' ? /herunterladen \(\.ics\)/ : /Download current events/ })
        .waitFor();
    });
    await guide.goto('/veranstaltungen');
    await guide.getByRole('button', { name: 'Kalender abonnieren' }).click();
    const dialog = guide.getByRole('dialog', { name: 'Persönlicher Kalender-Link' });
    await dialog.getByRole('button', { name: /^(Kalender-Link erzeugen|Neuen Link erzeugen)/ }).click();
    const url = await dialog.getByLabel('Ihr Kalender-Link').inputValue();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/events\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
    const webcal = await dialog.getByRole('link', { name: /webcal/ }).getAttribute('href');
    expect(webcal).toBe(url.replace(/^http:\/\//, 'webcal://'));
    await dialog.getByRole('button', { name: 'Link kopieren' }).click();
    await dialog.getByText('Der Link wurde in die Zwischenablage kopiert.').waitFor();
    expect(await guide.evaluate(() => navigator.clipboard.readText())).toBe(url);
    expect(await axeViolations(guide)).toEqual([]);
    // The link works without a session.
    const calendar = await fetch(url);
    expect(calendar.status).toBe(200);
    expect(await calendar.text()).toContain('BEGIN:VCALENDAR');
    await dialog.getByRole('button', { name: 'Schließen' }).click();
  }, 300_000);

  test('the planning chart has a bar wherever the table has a number; district badges fit; the map has a legend', async () => {
    interface Planning {
      dimensions: { key: string; label: string }[];
      totals: { byDimension: Record<string, number | { suppressed: true }> };
    }
    const planning = (await (
      await coordinator.request.get('/api/planning/needs-vs-offers')
    ).json()) as Planning;
    const shown = planning.dimensions.filter((d) => typeof planning.totals.byDimension[d.key] === 'number');
    expect(shown.length).toBeGreaterThan(0);

    await everyView(coordinator, '/angebotsplanung', async () => {
      const chart = coordinator.getByTestId('needs-chart');
      await chart.locator('svg path').first().waitFor({ state: 'attached' });
      // The need series holds exactly the table's published totals: no bar is missing because some
      // district's cell is hidden.
      const series = JSON.parse((await chart.getAttribute('data-need')) ?? '[]') as (number | null)[];
      expect(series).toEqual(
        planning.dimensions.map((d) => {
          const v = planning.totals.byDimension[d.key];
          return typeof v === 'number' ? v : null;
        }),
      );
      for (const d of shown) expect(series[planning.dimensions.indexOf(d)]).not.toBeNull();
    });

    // District view: the gap badges lie inside the visible table area.
    const districts = (await (await coordinator.request.get('/api/districts')).json()) as {
      items: { key: string }[];
    };
    const district = districts.items[0]?.key as string;
    await everyView(coordinator, `/angebotsplanung?sozialraum=${district}`, async () => {
      const wrap = coordinator.locator('.table-wrap').first();
      await wrap.locator('tbody tr').first().waitFor();
      await wrap.evaluate((el) => {
        el.scrollLeft = 0;
      });
      const box = await wrap.boundingBox();
      const scrollable = await wrap.evaluate((el) => el.scrollWidth > el.clientWidth);
      for (const badge of await wrap.locator('.badge').all()) {
        const b = await badge.boundingBox();
        // At desktop width the whole table fits; on a phone the table scrolls inside its own area.
        if (!scrollable && b && box) expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
      }
      if ((coordinator.viewportSize()?.width ?? 0) >= 1366) expect(scrollable).toBe(false);
    });

    // The district map: a legend explains the dot colours; town names are drawn above the dots.
    await everyView(guide, '/angebote', async (lang) => {
      await guide.getByRole('radio', { name: lang === 'de' ? 'Karte' : 'Map' }).click();
      const legend = guide.getByRole('list', { name: lang === 'de' ? 'Legende der Karte' : 'Map legend' });
      await legend.getByText(lang === 'de' ? /ohne freie Plätze/ : /without free places/).waitFor();
      const order = await guide.evaluate(() => {
        const svg = document.querySelector('.district-map__svg');
        const kids = [...(svg?.children ?? [])];
        const lastDot = kids.map((k) => k.tagName).lastIndexOf('circle');
        const firstLabel = kids.findIndex((k) => k.tagName === 'text');
        return { lastDot, firstLabel };
      });
      expect(order.firstLabel).toBeGreaterThan(order.lastDot);
    });
  }, 300_000);

  test('the report starts with the last complete month; quarter and year can be chosen', async () => {
    const list = (await (await coordinator.request.get('/api/programmes')).json()) as {
      items: { id: string; name: string }[];
    };
    const id = list.items.find((p) => p.name.startsWith('Soziale Teilhabe am Arbeitsmarkt'))?.id as string;
    expect(id).toBeDefined();
    const today = new Date();
    const y = today.getUTCFullYear();
    const m = today.getUTCMonth(); // 0-based: the previous month is m (1-based)
    const prevYear = m === 0 ? y - 1 : y;
    const prevMonth = m === 0 ? 12 : m;
    const last = new Date(Date.UTC(prevYear, prevMonth, 0)).getUTCDate();
    const pad = (n: number) => String(n).padStart(2, '0');
    await everyView(
      coordinator,
      `/programme/${id}`,
      async (lang) => {
        const region = coordinator.getByRole('region', {
          name: lang === 'de' ? 'Bericht an den Fördergeber' : /report/i,
        });
        await region.waitFor();
        const from = region.locator('input[type="date"]').first();
        const to = region.locator('input[type="date"]').nth(1);
        expect(await from.inputValue()).toBe(`${prevYear}-${pad(prevMonth)}-01`);
        expect(await to.inputValue()).toBe(`${prevYear}-${pad(prevMonth)}-${pad(last)}`);
      },
      '#bericht',
    );
    await coordinator.goto(`/programme/${id}`);
    const region = coordinator.getByRole('region', { name: 'Bericht an den Fördergeber' });
    await region.getByRole('button', { name: /Zeitraum/ }).click();
    await coordinator
      .getByRole('listbox')
      .getByRole('option', { name: 'Letztes abgeschlossenes Jahr' })
      .click();
    expect(await region.locator('input[type="date"]').first().inputValue()).toMatch(
      new RegExp(`^(${y - 1}-01-01|\\d{4}-\\d{2}-\\d{2})$`),
    );
    const href = await region
      .getByRole('link', { name: 'Bericht als Excel-Datei (XLSX) herunterladen' })
      .getAttribute('href');
    expect(href).toMatch(/format=xlsx$/);
    const res = await coordinator.request.get(href as string);
    expect(res.status()).toBe(200);
    expect(await axeViolations(coordinator)).toEqual([]);
  }, 300_000);
});
