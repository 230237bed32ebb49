import type { AgencyKind, Role } from '@lotse/domain';
import { appendAudit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { withSystem } from '../../platform/context.ts';
import { hashPassword } from '../auth/password-hash.ts';
import { seedAssessments } from './assessments.demo.ts';
import { seedCasework } from './casework.demo.ts';
import { anyAgencyExists, insertDemoAgency, insertDemoUser } from './demo.repo.ts';
import type { DemoSeeder } from './demo-seeder.ts';
import { seedDistricts } from './districts.demo.ts';
import { seedNetwork } from './network.demo.ts';
import { seedProgrammes } from './programmes.demo.ts';

/** Demo log-ins share this password; it works only in demo mode (embedded database, LOTSE_DEMO). */
export const DEMO_PASSWORD = 'Lotse-Demo-2026';

interface DemoAgency {
  name: string;
  kind: AgencyKind;
  users: { email: string; displayName: string; roles: Role[] }[];
}

export const demoAgencies: DemoAgency[] = [
  {
    name: 'Jobcenter EN (Demo)',
    kind: 'jobcenter',
    users: [
      { email: 'admin@jc-en.example', displayName: 'Petra Admin', roles: ['admin'] },
      { email: 'lotse@jc-en.example', displayName: 'Jonas Lotse', roles: ['caseworker'] },
      { email: 'lotse2@jc-en.example', displayName: 'Aylin Demir', roles: ['caseworker'] },
      { email: 'leitung@jc-en.example', displayName: 'Sabine Leitung', roles: ['lead'] },
      { email: 'koordination@jc-en.example', displayName: 'Markus Koordination', roles: ['coordinator'] },
    ],
  },
  {
    name: 'Jobcenter Maerkischer Kreis (Demo)',
    kind: 'jobcenter',
    users: [{ email: 'lotse@jc-mk.example', displayName: 'Katrin Lotsin', roles: ['caseworker'] }],
  },
  {
    name: 'DRV Westfalen (Demo)',
    kind: 'pension_insurance',
    users: [{ email: 'lotse@drv-wf.example', displayName: 'Thomas Reha-Lotse', roles: ['caseworker'] }],
  },
  {
    name: 'Begleitforschung (Demo)',
    kind: 'network',
    users: [{ email: 'forschung@iaq.example', displayName: 'Dr. Lena Forschung', roles: ['researcher'] }],
  },
];

/** The sample data, in this order: case work first, since assessments and programmes need clients. */
const seeders: DemoSeeder[] = [seedCasework, seedAssessments, seedNetwork, seedProgrammes];

/**
 * Seeds the demo installation when the database has no agency yet; returns whether it did.
 * Tests usually want only the agencies and log-ins (`sampleData: false`): the sample data is large.
 */
export async function seedDemoIfEmpty(
  ctx: AppContext,
  options: { sampleData?: boolean } = {},
): Promise<boolean> {
  const sampleData = options.sampleData ?? true;
  return withSystem(ctx, async (tx, now) => {
    if (await anyAgencyExists(tx)) return false;
    const agencyIds = new Map<string, string>();
    for (const agency of demoAgencies) {
      const agencyId = await insertDemoAgency(tx, agency.name, agency.kind, now);
      agencyIds.set(agency.name, agencyId);
      for (const user of agency.users) {
        await insertDemoUser(tx, agencyId, user, await hashPassword(DEMO_PASSWORD), now);
      }
      // Districts are part of the agency's set-up (offers and partners refer to them), not sample data.
      await seedDistricts(tx, agencyId, now);
      await appendAudit(
        tx,
        { action: 'demo.seed', agencyId, actorUserId: null, resourceType: 'agency', resourceId: agencyId },
        now,
      );
    }
    if (sampleData) for (const seed of seeders) await seed(tx, now, agencyIds);
    return true;
  });
}

export function demoLogins(): string[] {
  return demoAgencies.flatMap((a) => a.users.map((u) => `${u.email} (${u.roles.join(', ')}, ${a.name})`));
}
