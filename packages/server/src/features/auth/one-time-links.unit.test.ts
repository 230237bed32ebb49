import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../platform/context.ts';
import type { AppError } from '../../platform/errors.ts';
import { oneTimeLinks } from './one-time-links.ts';

const now = new Date('2026-03-01T10:00:00Z');
const later = new Date('2026-03-08T10:00:00Z');
const earlier = new Date('2026-02-01T10:00:00Z');

interface TestLink {
  id: string;
  agency_id: string;
  client_id: string;
  expires_at: Date;
  revoked_at: Date | null;
  used: boolean;
  lapsed: boolean;
  valid: boolean;
}
const open: TestLink = {
  id: 'l1',
  agency_id: 'a1',
  client_id: 'c1',
  expires_at: later,
  revoked_at: null,
  used: false,
  lapsed: false,
  valid: true,
};

/** A kind whose token lookup answers `link`, in a context whose transaction records its statements. */
function setUp(link: TestLink | undefined) {
  const statements: unknown[][] = [];
  const tx = {
    query: async (_sql: string, params?: readonly unknown[]) => {
      statements.push([...(params ?? [])]);
      return { rows: [], rowCount: 0 };
    },
    exec: async () => {},
  };
  const ctx = {
    db: { transaction: (fn: (t: typeof tx) => unknown) => fn(tx) },
    clock: { now: () => now },
  } as unknown as AppContext;
  const links = oneTimeLinks({
    resourceType: 'referral_feedback_link',
    days: 14,
    pagePath: '/rueckmeldung/',
    usedState: 'used',
    usedConflict: 'used',
    lockByToken: async () => link,
    markRevoked: async () => {},
    isUsed: (l) => l.used,
    usedNotice: 'Schon benutzt.',
    lapsed: (l) => l.lapsed,
    expiredNotice: 'Abgelaufen.',
    stillValid: async (_tx, l) => l.valid,
    auditDetails: (l) => ({ kindOf: l.id }),
  });
  const refusal = (l: TestLink | undefined) =>
    setUp(l)
      .links.use(ctx, 'token', async () => 'done')
      .then(
        () => undefined,
        (error: AppError) => `${error.status} ${error.message}`,
      );
  return { links, ctx, statements, refusal };
}

describe('oneTimeLinks', () => {
  it('states a link: used up wins over revoked, revoked over expired', () => {
    const { links } = setUp(undefined);
    expect(links.state({ revoked_at: earlier, expires_at: earlier }, true, now)).toBe('used');
    expect(links.state({ revoked_at: earlier, expires_at: earlier }, false, now)).toBe('revoked');
    expect(links.state({ revoked_at: null, expires_at: now }, false, now)).toBe('expired');
    expect(links.state({ revoked_at: null, expires_at: later }, false, now)).toBe('open');
  });

  it('refuses the holder with 404 in a fixed order: unknown, used, revoked or lapsed, expired, invalid', async () => {
    const { refusal } = setUp(undefined);
    expect(await refusal(undefined)).toBe('404 Dieser Link ist ungültig.');
    expect(await refusal({ ...open, used: true, revoked_at: earlier })).toBe('404 Schon benutzt.');
    expect(await refusal({ ...open, revoked_at: earlier, expires_at: earlier })).toBe(
      '404 Dieser Link ist nicht mehr gültig.',
    );
    expect(await refusal({ ...open, lapsed: true, expires_at: earlier })).toBe(
      '404 Dieser Link ist nicht mehr gültig.',
    );
    expect(await refusal({ ...open, expires_at: now, valid: false })).toBe('404 Abgelaufen.');
    expect(await refusal({ ...open, valid: false })).toBe('404 Dieser Link ist nicht mehr gültig.');
    expect(await refusal(open)).toBeUndefined();
  });

  it('hands the usable link to the work with an audit entry naming the link, without an actor', async () => {
    const { links, ctx, statements } = setUp(open);
    const result = await links.use(ctx, 'token', async (_tx, link, at, audit) => {
      await audit('referrals.feedback', { outcome: 'completed' });
      return `${link.id} ${at.toISOString()}`;
    });
    expect(result).toBe(`l1 ${now.toISOString()}`);
    expect(statements).toHaveLength(1);
    const params = statements[0] as unknown[];
    expect(params).toContain('a1');
    expect(params).toContain('referral_feedback_link');
    expect(params).toContain('l1');
    expect(params).toContain('c1');
    // The actor column: nobody signed in.
    expect(params[3]).toBeNull();
    expect(params).toContain(JSON.stringify({ kindOf: 'l1', outcome: 'completed' }));
  });
});
