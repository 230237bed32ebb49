import type { Role } from '@lotse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, withActor, withSystem } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { type Action, isAllowed } from '../../platform/policy.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { type ClientResourceKind, checkAccess, requireAccess } from './access.ts';

/**
 * The application's access check and the database's row-level security must give the same answer:
 * for every agency x role x state of sharing and consent, the ids `checkAccess` allows are exactly
 * the rows a plain SELECT returns to that actor under the policies (or the role lacks the action,
 * and the application refuses it with 403 whatever the rows; policies know agencies, not roles).
 */

/** The states a client of the owner can be in towards the partner agency (and a third agency). */
const STATES = {
  notShared: { sharedWith: null, shareEnded: false, consentWithdrawn: false },
  shared: { sharedWith: 'partner', shareEnded: false, consentWithdrawn: false },
  // Withdrawing ends the sharing in the same transaction; a row left in this state must still hide.
  sharedConsentWithdrawn: { sharedWith: 'partner', shareEnded: false, consentWithdrawn: true },
  shareEnded: { sharedWith: 'partner', shareEnded: true, consentWithdrawn: false },
  shareEndedConsentWithdrawn: { sharedWith: 'partner', shareEnded: true, consentWithdrawn: true },
  sharedWithThird: { sharedWith: 'third', shareEnded: false, consentWithdrawn: false },
} as const;
type State = keyof typeof STATES;

const ROLES: Role[] = ['admin', 'lead', 'caseworker', 'coordinator', 'researcher'];

/** Each resource with its table and the action that reads it. */
const KINDS: { kind: ClientResourceKind; table: string; action: Action }[] = [
  { kind: 'client', table: 'clients', action: 'clients.read' },
  { kind: 'case', table: 'cases', action: 'clients.read' },
  { kind: 'consent', table: 'consents', action: 'consents.read' },
  { kind: 'goal', table: 'goals', action: 'goals.read' },
  { kind: 'contact', table: 'contacts', action: 'contacts.read' },
];

let t: TestApp;
let agencies: { owner: string; partner: string; third: string };
/** Ids per kind, and per id the state of its client. */
const ids = new Map<ClientResourceKind, string[]>();
const stateOf = new Map<string, State>();

beforeAll(async () => {
  t = await startTestApp();
  const found = await t.ctx.db.query<{ id: string }>('SELECT id FROM agencies ORDER BY name LIMIT 3');
  const [owner, partner, third] = found.rows.map((r) => r.id) as [string, string, string];
  agencies = { owner, partner, third };
  for (const { kind } of KINDS) ids.set(kind, []);
  await withSystem(t.ctx, async (tx, now) => {
    let n = 0;
    for (const [state, s] of Object.entries(STATES) as [State, (typeof STATES)[State]][]) {
      n += 1;
      const insert = async (sql: string, params: unknown[]) =>
        (await tx.query<{ id: string }>(`${sql} RETURNING id`, params)).rows[0]?.id as string;
      const client = await insert(
        `INSERT INTO clients (agency_id, client_number, first_name, last_name, birth_date, created_at, updated_at)
         VALUES ($1, $2, 'Access', $3, '1980-01-01', $4, $4)`,
        [owner, `ACC-${n}`, state, now],
      );
      const kase = await insert(
        `INSERT INTO cases (agency_id, client_id, status, opened_on, created_at)
         VALUES ($1, $2, 'open', '2026-01-01', $3)`,
        [owner, client, now],
      );
      const goal = await insert(
        `INSERT INTO goals (agency_id, client_id, case_id, title, dimension, target_date, status, agreed_on,
                            created_at, updated_at)
         VALUES ($1, $2, $3, 'Ziel', 'work', '2026-12-31', 'open', '2026-01-01', $4, $4)`,
        [owner, client, kase, now],
      );
      const contact = await insert(
        `INSERT INTO contacts (agency_id, client_id, case_id, type, contact_date, author_agency_id, created_at)
         VALUES ($1, $2, $3, 'meeting', '2026-01-02', $1, $4)`,
        [owner, client, kase, now],
      );
      const consents: string[] = [];
      if (s.sharedWith) {
        const partnerId = s.sharedWith === 'partner' ? partner : third;
        const consent = await insert(
          `INSERT INTO consents (agency_id, client_id, purpose, partner_agency_id, form, given_on, recorded_at,
                                 withdrawn_at)
           VALUES ($1, $2, 'sharing', $3, 'written', '2026-01-01', $4, $5)`,
          [owner, client, partnerId, now, s.consentWithdrawn ? now : null],
        );
        consents.push(consent);
        await tx.query(
          `INSERT INTO case_shares (agency_id, client_id, partner_agency_id, consent_id, created_at, ended_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [owner, client, partnerId, consent, now, s.shareEnded ? now : null],
        );
      }
      const created: [ClientResourceKind, string[]][] = [
        ['client', [client]],
        ['case', [kase]],
        ['consent', consents],
        ['goal', [goal]],
        ['contact', [contact]],
      ];
      for (const [kind, made] of created) {
        for (const id of made) {
          ids.get(kind)?.push(id);
          stateOf.set(id, state);
        }
      }
    }
  });
});
afterAll(() => t?.close());

/** The states whose client the agency sees, by the rule written out by hand. */
function expectedStates(agency: 'owner' | 'partner' | 'third'): State[] {
  if (agency === 'owner') return Object.keys(STATES) as State[];
  return agency === 'partner' ? ['shared'] : ['sharedWithThird'];
}

describe('checkAccess agrees with row-level security', () => {
  for (const agency of ['owner', 'partner', 'third'] as const) {
    for (const role of ROLES) {
      it(`${agency} agency, ${role}: the same ids for clients, cases, consents, goals and contacts`, async () => {
        const actor: Actor = {
          userId: '00000000-0000-0000-0000-000000000000',
          agencyId: agencies[agency],
          roles: [role],
          sessionKey: 'x',
        };
        await withActor({ ...t.ctx, db: t.testDb.appDb }, actor, async (scope) => {
          for (const { kind, table, action } of KINDS) {
            const all = ids.get(kind) ?? [];
            const byPolicy = await scope.tx.query<{ id: string }>(
              `SELECT id FROM ${table} WHERE id = ANY ($1::uuid[])`,
              [all],
            );
            const policy = new Set(byPolicy.rows.map((r) => r.id));
            const expected = all.filter((id) => expectedStates(agency).includes(stateOf.get(id) as State));
            expect([...policy].sort(), `${kind} by policy`).toEqual(expected.sort());
            if (!isAllowed(actor, action)) {
              await expect(checkAccess(scope, action, kind, all)).rejects.toMatchObject({ status: 403 });
              continue;
            }
            const allowed = await checkAccess(scope, action, kind, all);
            expect([...allowed].sort(), `${kind} by checkAccess`).toEqual([...policy].sort());
          }
        });
      });
    }
  }

  it('requireAccess answers an invisible object with the 404 of a missing one', async () => {
    const actor: Actor = {
      userId: '00000000-0000-0000-0000-000000000000',
      agencyId: agencies.partner,
      roles: ['caseworker'],
      sessionKey: 'x',
    };
    const hidden = (ids.get('goal') ?? []).find(
      (id) => stateOf.get(id) === 'sharedConsentWithdrawn',
    ) as string;
    const visible = (ids.get('goal') ?? []).find((id) => stateOf.get(id) === 'shared') as string;
    await withActor({ ...t.ctx, db: t.testDb.appDb }, actor, async (scope) => {
      await expect(requireAccess(scope, 'goals.read', 'goal', visible)).resolves.toBeUndefined();
      for (const id of [hidden, '00000000-0000-0000-0000-000000000001', 'not-a-uuid']) {
        const error = await requireAccess(scope, 'goals.read', 'goal', id).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(AppError);
        expect(error).toMatchObject({ status: 404, message: 'Ziel nicht gefunden.' });
      }
    });
  });
});
