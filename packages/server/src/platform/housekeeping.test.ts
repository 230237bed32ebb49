import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp } from '../testing/test-app.ts';
import { runHousekeeping } from './housekeeping.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const count = async (table: string) =>
  (await t.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n ?? 0;

describe('housekeeping', () => {
  it('removes expired sessions and forgotten sign-in counters but keeps live ones', async () => {
    const stale = t.client();
    await stale.login(DEMO.caseworker);
    await t.client().post('/api/auth/login', { email: DEMO.lead, password: 'wrong-password-1' });
    t.clock.advance(25 * 3_600_000);
    const live = t.client();
    await live.login(DEMO.coordinator);
    expect(await count('sessions')).toBe(2);
    expect(await count('login_throttle')).toBeGreaterThan(0);

    const result = await runHousekeeping(t.ctx);
    expect(result).toMatchObject({ ran: true, sessions: 1 });
    expect(result.throttles).toBeGreaterThan(0);
    expect(await count('sessions')).toBe(1);
    expect((await live.get('/api/auth/me')).status).toBe(200);
  });
});
