import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { requireDeclaredSecrets } from './logger.ts';

let t: TestApp;
let lines: string[] = [];
let guide: TestClient;

beforeAll(async () => {
  t = await startTestApp({}, { logTo: { write: (line: string) => lines.push(line) } });
  guide = t.client();
  await guide.login(DEMO.caseworker);
});
afterAll(() => t.close());

/** Issues a self-assessment link for a new client with consent; returns its token. */
async function selfAssessmentToken() {
  const client = (
    await guide.post('/api/clients', { firstName: 'Lia', lastName: 'Logtest', birthDate: '1975-02-03' })
  ).body;
  await guide.post(`/api/clients/${client.id}/consents`, {
    purpose: 'self_assessment',
    form: 'written',
    date: '2026-03-01',
  });
  const instrument = (await guide.get('/api/instruments')).body.items[0];
  const link = await guide.post(`/api/clients/${client.id}/self-assessment-links`, {
    instrumentId: instrument.id,
    occasion: 'intake',
  });
  expect(link.status).toBe(201);
  return link.body.token as string;
}

describe('request log', () => {
  it('[trust #2] never contains a one-time token of any link route (API and web pages)', async () => {
    lines = [];
    const anonymous = t.client();
    const selfToken = await selfAssessmentToken();
    expect((await anonymous.get(`/api/self-assessment/${selfToken}`)).status).toBe(200);
    await anonymous.request('PUT', `/api/self-assessment/${selfToken}/draft`, { answers: {} });
    await anonymous.post(`/api/self-assessment/${selfToken}/submit`, { answers: {} });
    await anonymous.get(`/selbsteinschaetzung/${selfToken}`);
    await anonymous.get(`/selbsteinschaetzung/${selfToken}?from=mail`);

    const feedPath = (await guide.post('/api/events/feed-token')).body.path as string;
    const feedToken = feedPath.slice('/api/events/feed/'.length, -'.ics'.length);
    expect((await anonymous.get(feedPath)).status).toBe(200);
    // Percent-encoded spelling of the same token must not reach the log either.
    await anonymous.get(`/api/events/feed/${encodeURIComponent(feedToken).replace('A', '%41')}.ics`);

    const admin = t.client();
    await admin.login(DEMO.admin);
    const invited = await admin.post('/api/users', {
      email: 'logprobe@jc-en.example',
      displayName: 'Log Probe',
      roles: ['caseworker'],
    });
    const inviteToken = String(invited.body.link.url ?? invited.body.link)
      .split('/')
      .pop() as string;
    expect(inviteToken.length).toBeGreaterThan(20);
    expect((await anonymous.get(`/api/auth/tokens/${inviteToken}`)).status).toBe(200);
    await anonymous.get(`/einladung/${inviteToken}`);

    const feedbackToken = 'Rk7pQ2vX9mL4sT8wZ1cY6nB3hJ5dF0gA2eK7uV9xW4q';
    await anonymous.get(`/api/referral-feedback/${feedbackToken}`);
    await anonymous.get(`/rueckmeldung/${feedbackToken}`);

    const log = lines.join('');
    for (const token of [selfToken, feedToken, inviteToken, feedbackToken]) expect(log).not.toContain(token);
    // The requests were logged, with the route and the secret marked.
    for (const url of [
      '/api/self-assessment/[redacted]',
      '/api/self-assessment/[redacted]/draft',
      '/selbsteinschaetzung/[redacted]',
      '/api/events/feed/[redacted].ics',
      '/api/auth/tokens/[redacted]',
      '/einladung/[redacted]',
      '/api/referral-feedback/[redacted]',
      '/rueckmeldung/[redacted]',
    ])
      expect(log).toContain(`"url":"${url}"`);
  });

  it('[trust #2] a route with a token parameter that does not declare it secret does not register', () => {
    expect(() => requireDeclaredSecrets({ url: '/api/referral-feedback/:token', config: {} })).toThrow(
      /secretParams/,
    );
    expect(() =>
      requireDeclaredSecrets({ url: '/api/referral-feedback/:token', config: { secretParams: ['token'] } }),
    ).not.toThrow();
  });
});
