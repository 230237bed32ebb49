import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, demo, type Harness, signIn, startHarness, storeLanguage } from './harness.ts';

/**
 * The caseload and the referral dialog in Chromium. "Meine Fälle" opens with a summary of what is due,
 * lists overdue goals first with the mark in words, one row per client, and shows the first rows of a
 * long section with "show all". "Zuweisen" opens a confirmation with the places in words, the consent
 * the referral needs and whether the client has it (blocking without it), what the partner sees and a
 * note. Checked at 1366x900 and 390x844, in German and English, with axe; the dialog by keyboard.
 */
let h: Harness;
let context: BrowserContext;
let guide: Page;

const viewports = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
] as const;
const languages = ['de', 'en'] as const;

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

async function setLanguage(page: Page, lang: 'de' | 'en') {
  await storeLanguage(page, lang);
  await page.reload();
}

/**
 * Runs `check` on `path` at both sizes and in both languages, with axe and no sideways scrolling (of
 * the part `within` only, when given: the client page's other sections are item 6's work).
 */
async function everyView(
  page: Page,
  path: string,
  check: (lang: 'de' | 'en') => Promise<void>,
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

describe('the caseload', () => {
  test('sums up what is due, lists overdue goals first with a mark in words, and collapses long lists', async () => {
    await everyView(guide, '/meine-faelle', async (lang) => {
      const de = lang === 'de';
      const summary = guide.getByRole('region', { name: de ? 'Auf einen Blick' : 'At a glance' });
      const overdueGoals = summary.getByRole('link', {
        name: de ? /überfällige? Ziele?$/ : /overdue goals?$/,
      });
      await overdueGoals.waitFor();
      const overdueCount = Number(
        (await overdueGoals.locator('.caseload-summary__count').textContent()) ?? '0',
      );
      expect(overdueCount).toBeGreaterThan(0);
      await summary
        .getByRole('link', { name: de ? /Vermittlungen? ohne Rückmeldung/ : /awaiting feedback/ })
        .waitFor();

      // The goals section: the first client's first goal is overdue, said in words ("überfällig seit …").
      const goals = guide.locator('#ziele-faellig');
      const firstRow = goals.getByRole('row').nth(1);
      await expect(firstRow.locator('li').first().textContent()).resolves.toMatch(
        de ? /überfällig seit \d{2}\.\d{2}\.\d{4}/ : /overdue since/,
      );
      // One row per client.
      const names = await goals.getByRole('rowheader').allTextContents();
      expect(new Set(names).size).toBe(names.length);

      // A long section shows its first rows; "show all" opens the rest and says so to screen readers.
      const candidate = guide
        .locator('#ziele-faellig, #erhebungen-faellig, #ohne-kontakt, #rueckmeldungen')
        .filter({
          has: guide.getByRole('button', {
            name: de ? /^Alle \d+ Personen anzeigen$/ : /^Show all \d+ people$/,
          }),
        })
        .first();
      await candidate.waitFor();
      // Pinned by id: the filter stops matching once the button's label changes.
      const long = guide.locator(`#${await candidate.getAttribute('id')}`);
      const button = long.getByRole('button', {
        name: de ? /^Alle \d+ Personen anzeigen$/ : /^Show all \d+ people$/,
      });
      expect(await long.getByRole('rowheader').count()).toBe(8);
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      const total = Number(/\d+/.exec((await button.textContent()) ?? '')?.[0]);
      await button.focus();
      await guide.keyboard.press('Enter');
      await expect.poll(() => long.getByRole('rowheader').count()).toBe(total);
      const fewer = long.getByRole('button', { name: de ? /^Nur die ersten 8/ : /^Show only the first 8/ });
      expect(await fewer.getAttribute('aria-expanded')).toBe('true');
    });
  });

  test('fits on a few screens at desktop width (the list was about 7,000 px long)', async () => {
    await guide.goto('/meine-faelle');
    await guide.locator('#ziele-faellig').waitFor();
    const height = await guide.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(4500);
  });
});

const OWN_OFFER = 'Somali-Frauencafé Witten';
const FOREIGN_OFFER = 'Somali-Lauftreff Lüdenscheid';
const MK_AGENCY = 'Jobcenter Maerkischer Kreis (Demo)';

/** POSTs as the signed-in user of `page` and returns the body; fails on anything but 201. */
async function created(page: Page, path: string, data: Record<string, unknown>) {
  const res = await page.request.post(path, { data });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(201);
  return (await res.json()) as { id: string };
}

describe('referring a client from the suggestions', () => {
  let clientPath = '';
  let mkAgencyId = '';

  beforeAll(async () => {
    // An offer of another agency in the shared directory and one of the own agency, both in Somali, the
    // language the new client prefers: they lead the client's suggestions.
    const mkContext = await h.newContext();
    const mkPage = await mkContext.newPage();
    await signIn(mkPage, 'lotse@jc-mk.example');
    const districts = (await (await mkPage.request.get('/api/districts')).json()) as {
      items: { key: string }[];
    };
    const mkPartner = await created(mkPage, '/api/partners', {
      name: 'Sportverein Lüdenscheid',
      kind: 'sports',
    });
    const foreign = await created(mkPage, '/api/offers', {
      title: FOREIGN_OFFER,
      partnerId: mkPartner.id,
      dimensions: ['social_contacts'],
      district: districts.items[0]?.key,
      languages: ['so', 'de'],
      capacity: 20,
      freePlaces: 12,
      shared: true,
    });
    const agency = (await (await mkPage.request.get(`/api/offers/${foreign.id}`)).json()) as {
      agency: { id: string };
    };
    mkAgencyId = agency.agency.id;
    await mkContext.close();

    const ownPartner = await created(guide, '/api/partners', { name: 'Frauentreff Witten', kind: 'welfare' });
    await created(guide, '/api/offers', {
      title: OWN_OFFER,
      partnerId: ownPartner.id,
      dimensions: ['social_contacts'],
      district: 'witten',
      languages: ['so', 'de'],
      capacity: 11,
      freePlaces: 9,
    });
    const client = await created(guide, '/api/clients', {
      firstName: 'Hodan',
      lastName: 'Zuweisungstest',
      birthDate: '1988-02-11',
      preferredLanguage: 'Somali',
    });
    clientPath = `/klienten/${client.id}`;
  });

  const suggestion = (title: string) =>
    guide.locator('#offer-suggestions .suggestion').filter({ hasText: title });

  test('the confirmation names the places, the consent needed and what the partner sees, and closes with Escape', async () => {
    await everyView(
      guide,
      clientPath,
      async (lang) => {
        const de = lang === 'de';
        const own = suggestion(OWN_OFFER);
        await own.waitFor();
        await own.getByText(de ? '9 von 11 Plätzen frei' : '9 of 11 places free').waitFor();
        await suggestion(FOREIGN_OFFER)
          .getByText(
            de
              ? /braucht eine Einwilligung zur Weitergabe, die fehlt/
              : /needs a consent to share, which is missing/,
          )
          .waitFor();

        // Keyboard: focus "Zuweisen", Enter opens the dialog with focus inside, Escape closes it.
        await own
          .getByRole('button', { name: de ? `Zuweisen: ${OWN_OFFER}` : `Refer: ${OWN_OFFER}` })
          .focus();
        await guide.keyboard.press('Enter');
        const dialog = guide.getByRole('dialog', {
          name: de ? `Zuweisen: ${OWN_OFFER}` : `Refer: ${OWN_OFFER}`,
        });
        await dialog.waitFor();
        await dialog.getByText(de ? 'Einwilligung: keine nötig' : 'Consent: none needed').waitFor();
        await dialog
          .getByRole('heading', { name: de ? 'Was der Träger sieht' : 'What the provider sees' })
          .waitFor();
        await dialog
          .getByText(de ? /sieht in Lotse nichts von der Person/ : /sees nothing of the person in Lotse/)
          .waitFor();
        await dialog.getByText(de ? '9 von 11 Plätzen frei' : '9 of 11 places free').waitFor();
        expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
        const box = await dialog.boundingBox();
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(guide.viewportSize()?.width ?? 0);
        expect(await axeViolations(guide), `refer dialog ${lang}`).toEqual([]);
        await guide.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
      },
      '#offer-suggestions',
    );
    // Nothing was referred by opening and closing the dialog.
    await guide.goto(clientPath);
    await guide.locator('#referrals').getByText('Noch keine Zuweisungen.').waitFor();
  });

  test('without the partner agency’s consent the referral is blocked; with it, it goes through with a note', async () => {
    await guide.goto(clientPath);
    const foreign = suggestion(FOREIGN_OFFER);
    await foreign.getByRole('button', { name: `Zuweisen: ${FOREIGN_OFFER}` }).click();
    let dialog = guide.getByRole('dialog', { name: `Zuweisen: ${FOREIGN_OFFER}` });
    await dialog.getByText('Einwilligung fehlt: Zuweisung nicht möglich').waitFor();
    await dialog
      .getByText(new RegExp(`Das Angebot gehört zu „${MK_AGENCY.replace(/[()]/g, '.')}“`))
      .waitFor();
    expect(await dialog.getByRole('button', { name: 'Zuweisen', exact: true }).isDisabled()).toBe(true);
    expect(await axeViolations(guide)).toEqual([]);
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The server refuses too, whatever the page does.
    const offers = (await (
      await guide.request.get(`/api/clients/${clientPath.split('/').at(-1)}/offer-suggestions?limit=50`)
    ).json()) as { items: { offer: { id: string; title: string } }[] };
    const foreignId = offers.items.find((i) => i.offer.title === FOREIGN_OFFER)?.offer.id;
    const refused = await guide.request.post(`/api/clients/${clientPath.split('/').at(-1)}/referrals`, {
      data: { offerId: foreignId },
    });
    expect(refused.status()).toBe(409);

    // With the consent recorded, the same dialog confirms it; the note is typed and sent by keyboard.
    await created(guide, `/api/clients/${clientPath.split('/').at(-1)}/consents`, {
      purpose: 'sharing',
      partnerAgencyId: mkAgencyId,
      form: 'written',
      date: new Date().toISOString().slice(0, 10),
    });
    await guide.reload();
    await foreign.getByText(/Einwilligung zur Weitergabe liegt vor/).waitFor();
    await foreign.getByRole('button', { name: `Zuweisen: ${FOREIGN_OFFER}` }).focus();
    await guide.keyboard.press('Enter');
    dialog = guide.getByRole('dialog', { name: `Zuweisen: ${FOREIGN_OFFER}` });
    await dialog.getByText('Einwilligung liegt vor').waitFor();
    await dialog.getByText(/sieht in Lotse nur, dass ein Platz belegt ist/).waitFor();
    await dialog.getByLabel('Notiz (intern, freiwillig)').focus();
    await guide.keyboard.type('Erstes Treffen gemeinsam');
    await guide.keyboard.press('Tab');
    await guide.keyboard.press('Enter');
    await guide.locator('#offer-suggestions').getByText(`„${FOREIGN_OFFER}“ wurde zugewiesen.`).waitFor();
    const row = guide
      .locator('#referrals')
      .getByRole('row')
      .filter({ has: guide.getByRole('rowheader', { name: new RegExp(FOREIGN_OFFER) }) });
    await row.getByText('zugewiesen', { exact: true }).waitFor();
    expect(await axeViolations(guide)).toEqual([]);
  });
});
