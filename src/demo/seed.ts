// Demo data: realistic but synthetic (no real person), loaded on first start so that a new
// user sees Lai Châu, Thu Lũm and their plans, reports and registry at once.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { loadReferenceData } from '../reference.ts';
import { seedDemoVillages } from '../units/demo.ts';
import { seedDemoPlans } from '../plans/demo.ts';
import { seedDemoUsers, demoAccessLogins, type DemoLogin } from '../access/demo.ts';
import { seedMonitoringDemo } from '../monitoring/demo.ts';
import { seedDemoRegistry } from '../payments/demo.ts';
import { seedDemoMerit } from '../merit/demo.ts';

export type DemoSeeder = (db: Db, log: (line: string) => void) => Promise<void>;

/** Demo seeders in dependency order; each is idempotent. Features append theirs here. */
export const demoSeeders: { name: string; seed: DemoSeeder }[] = [
  { name: 'villages', seed: seedDemoVillages },
  { name: 'users', seed: seedDemoUsers },
  { name: 'plans', seed: seedDemoPlans },
  { name: 'monitoring', seed: seedMonitoringDemo },
  { name: 'registry', seed: seedDemoRegistry },
  { name: 'merit', seed: seedDemoMerit },
];

/** A demo login printed at start-up and documented in the README (defined by access). */
export type { DemoLogin };

export const demoLogins: DemoLogin[] = [...demoAccessLogins];

export async function seedDemo(db: Db, log: (line: string) => void = () => {}): Promise<void> {
  await loadReferenceData(db, log);
  for (const s of demoSeeders) await s.seed(db, log);
  await sql`insert into demo_state (seeded_at) values (now())`.execute(db.k);
}
