import type { Queryable } from '../../platform/db.ts';

/**
 * Each part of the demo adds its sample data (clients, assessments, offers ...) through a seeder;
 * demo.seed.ts runs them once, in its order, in the seed's transaction. `agencies` maps demo agency
 * names to ids. Seeders must be deterministic (seeded random numbers), so every demo looks the same.
 * The type has its own module so the seeders need not import demo.seed.ts, which imports them.
 */
export type DemoSeeder = (tx: Queryable, now: Date, agencies: Map<string, string>) => Promise<void>;
