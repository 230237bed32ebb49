import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let guide: TestClient;
let colleague: TestClient;
let lead: TestClient;
let coordinator: TestClient;
let admin: TestClient;
let drv: TestClient;
let drvAgencyId: string;

const NOTE = 'Vertraulich: Schulden und Trennung besprochen';

async function clientWithContact() {
  const c = await guide.post('/api/clients', {
    firstName: 'Nora',
    lastName: `Notiz-${Math.random().toString(36).slice(2, 8)}`,
    birthDate: '1979-01-02',
    allowDuplicate: true,
  });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  const contact = await guide.post(`/api/clients/${c.body.id}/contacts`, {
    type: 'meeting',
    date: '2026-03-02',
    durationMinutes: 50,
    note: NOTE,
  });
  expect(contact.status).toBe(201);
  return c.body.id as string;
}

const firstContact = async (reader: TestClient, clientId: string) => {
  const res = await reader.get(`/api/clients/${clientId}/contacts`);
  expect(res.status).toBe(200);
  return res.body.items[0];
};

async function share(clientId: string, includesContactNotes: boolean) {
  const consent = await guide.post(`/api/clients/${clientId}/consents`, {
    purpose: 'sharing',
    form: 'written',
    date: '2026-03-02',
    partnerAgencyId: drvAgencyId,
    includesContactNotes,
  });
  expect(consent.status, JSON.stringify(consent.body)).toBe(201);
  expect(consent.body.includesContactNotes).toBe(includesContactNotes);
  expect((await guide.post(`/api/clients/${clientId}/share`, { partnerAgencyId: drvAgencyId })).status).toBe(
    200,
  );
  return consent.body.id as string;
}

beforeAll(async () => {
  t = await startTestApp();
  const signIn = async (email: string) => {
    const c = t.client();
    await c.login(email);
    return c;
  };
  guide = await signIn(DEMO.caseworker);
  colleague = await signIn(DEMO.caseworker2);
  lead = await signIn(DEMO.lead);
  coordinator = await signIn(DEMO.coordinator);
  admin = await signIn(DEMO.admin);
  drv = await signIn(DEMO.caseworkerDrv);
  const agencies = (await guide.get('/api/partner-agencies')).body.items as { id: string; kind: string }[];
  drvAgencyId = agencies.find((a) => a.kind === 'pension_insurance')?.id as string;
});
afterAll(() => t.close());

describe('contact notes on a need-to-know basis', () => {
  it('[trust #18] lets the guide and leads read the note; another caseworker and a coordinator see only that a contact happened', async () => {
    const clientId = await clientWithContact();
    expect((await firstContact(guide, clientId)).note).toBe(NOTE);
    expect((await firstContact(lead, clientId)).note).toBe(NOTE);
    for (const reader of [colleague, coordinator]) {
      const seen = await firstContact(reader, clientId);
      expect(seen).toMatchObject({ type: 'meeting', date: '2026-03-02', durationMinutes: 50 });
      expect(seen.note).toBeNull();
      expect(seen.noteHidden).toBe(true);
    }
    // Nor through the data export.
    const exported = await colleague.get(`/api/clients/${clientId}/export`);
    expect(exported.status).toBe(200);
    expect(JSON.stringify(exported.body)).not.toContain('Schulden');
  });

  it('[trust #18] lets a deputy read the note', async () => {
    const clientId = await clientWithContact();
    const me = (await colleague.get('/api/auth/me')).body;
    const colleagueId = me.user?.id ?? me.id;
    const guideId = (await guide.get(`/api/clients/${clientId}`)).body.cases[0].guide.id;
    const handover = await guide.post(`/api/clients/${clientId}/handover`, {
      guideUserId: guideId,
      deputyUserIds: [colleagueId],
      reason: 'Urlaubsvertretung',
    });
    expect(handover.status, JSON.stringify(handover.body)).toBe(200);
    expect((await firstContact(colleague, clientId)).note).toBe(NOTE);
  });

  it('[trust #18] lets every caseworker read notes when the agency sets team-wide reading, and audits the change', async () => {
    const clientId = await clientWithContact();
    expect((await firstContact(colleague, clientId)).note).toBeNull();
    const on = await admin.patch('/api/agency/settings', { contactNotesTeamWide: true });
    expect(on.status).toBe(200);
    expect(on.body.settings.contactNotesTeamWide).toBe(true);
    expect((await firstContact(colleague, clientId)).note).toBe(NOTE);
    // Coordinators still see no notes.
    expect((await firstContact(coordinator, clientId)).note).toBeNull();
    expect((await admin.patch('/api/agency/settings', { contactNotesTeamWide: false })).status).toBe(200);
    expect((await firstContact(colleague, clientId)).note).toBeNull();
    const audit = await t.ctx.db.query<{ details: { contactNotesTeamWide: boolean } }>(
      `SELECT details FROM audit_log WHERE action = 'agency.settings.change' ORDER BY at, seq`,
    );
    expect(audit.rows.map((r) => r.details.contactNotesTeamWide)).toEqual([true, false]);
  });

  it('[trust #18] gives a partner agency the notes only when the sharing consent includes them', async () => {
    const without = await clientWithContact();
    await share(without, false);
    const seen = await firstContact(drv, without);
    expect(seen).toMatchObject({ type: 'meeting', note: null, noteHidden: true });
    const drvOwn = await drv.post(`/api/clients/${without}/contacts`, {
      type: 'phone',
      date: '2026-03-02',
      note: 'Rückruf der DRV',
    });
    expect(drvOwn.status).toBe(201);
    // The partner reads its own note, the owner's guide reads everything.
    const drvList = (await drv.get(`/api/clients/${without}/contacts`)).body.items;
    expect(drvList).toHaveLength(2);
    expect(drvList.map((c: { note: string | null }) => c.note)).toEqual(
      expect.arrayContaining([null, 'Rückruf der DRV']),
    );
    expect(
      (await guide.get(`/api/clients/${without}/contacts`)).body.items.map((c: { note: string }) => c.note),
    ).toEqual(expect.arrayContaining([NOTE, 'Rückruf der DRV']));

    const withNotes = await clientWithContact();
    const consentId = await share(withNotes, true);
    expect((await firstContact(drv, withNotes)).note).toBe(NOTE);
    expect((await guide.post(`/api/consents/${consentId}/withdraw`, {})).status).toBe(200);
    expect((await drv.get(`/api/clients/${withNotes}/contacts`)).status).toBe(404);
  });

  it('[trust #18] refuses the contact-notes flag on a consent that is not for sharing', async () => {
    const clientId = await clientWithContact();
    const res = await guide.post(`/api/clients/${clientId}/consents`, {
      purpose: 'research',
      form: 'written',
      date: '2026-03-02',
      includesContactNotes: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain('includesContactNotes');
  });
});
