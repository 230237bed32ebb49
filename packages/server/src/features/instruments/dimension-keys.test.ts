import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withActor } from '../../platform/context.ts';
import { DEMO, startTestApp, type TestApp } from '../../testing/test-app.ts';
import { knownDimensionKeys } from './dimension-keys.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('knownDimensionKeys', () => {
  it('returns the dimension keys of the default instrument in every agency, without demo data', async () => {
    const users = await t.ctx.db.query<{ id: string; agency_id: string; email: string }>(
      'SELECT id, agency_id, email FROM users WHERE email = ANY($1)',
      [[DEMO.caseworker, DEMO.caseworkerMk]],
    );
    expect(users.rows).toHaveLength(2);
    for (const u of users.rows) {
      const keys = await withActor(
        t.ctx,
        { userId: u.id, agencyId: u.agency_id, roles: ['caseworker'], sessionKey: 'test' },
        ({ tx }) => knownDimensionKeys(tx),
      );
      expect(keys.size).toBeGreaterThanOrEqual(12);
      for (const k of [
        'health',
        'social_contacts',
        'housing',
        'finances',
        'work_readiness',
        'support_system',
      ])
        expect(keys.has(k), k).toBe(true);
    }
  });
});
