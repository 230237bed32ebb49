import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { linkStateFields, oneTimeLinkToken } from './one-time-link.ts';

describe('one-time links', () => {
  it('accept exactly 43 base64url characters as token', () => {
    expect(oneTimeLinkToken.safeParse(`${'A'.repeat(42)}_`).success).toBe(true);
    expect(oneTimeLinkToken.safeParse('A'.repeat(42)).success).toBe(false);
    expect(oneTimeLinkToken.safeParse(`${'A'.repeat(42)}+`).success).toBe(false);
  });

  it('list a link with one of its kind’s statuses', () => {
    const state = z.object(linkStateFields(['open', 'used']));
    const link = { status: 'open', createdAt: '2026-03-02', createdBy: null, expiresAt: '2026-03-16' };
    expect(state.parse(link)).toEqual(link);
    expect(state.safeParse({ ...link, status: 'completed' }).success).toBe(false);
  });
});
