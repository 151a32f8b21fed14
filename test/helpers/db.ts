// A fresh database for one test file, copied from the run's template (see test/setup.ts).
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openDb, openPGlite, type Db } from '../../src/db/connection.ts';
import { migrate } from '../../src/db/migrate.ts';
import { loadReferenceData } from '../../src/reference.ts';
import { registerJobHandlers } from '../../src/job-handlers.ts';

let counter = 0;

/** The backend the suite runs on: PostgreSQL when ANSINH_TEST_PG_URL is set, else PGlite. */
export const backend: 'pglite' | 'postgres' = process.env.ANSINH_TEST_PG_URL ? 'postgres' : 'pglite';

export async function testDb(): Promise<Db> {
  registerJobHandlers(); // a test database runs the server's job kinds (src/job-handlers.ts)
  const pgUrl = process.env.ANSINH_TEST_PG_URL;
  if (pgUrl) {
    const template = process.env.ANSINH_TEST_PG_TEMPLATE!;
    const name = `${template}_${process.pid}_${++counter}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database "${name}" template "${template}"`);
    await admin.end();
    const u = new URL(pgUrl);
    u.pathname = `/${name}`;
    const db = await openDb({ databaseUrl: u.toString(), poolSize: 4 });
    return {
      ...db,
      async close() {
        await db.close();
        const a = new pg.Client({ connectionString: pgUrl });
        await a.connect();
        await a.query(`drop database if exists "${name}" with (force)`);
        await a.end();
      },
    };
  }
  const file = process.env.ANSINH_TEST_TEMPLATE;
  if (file) return openPGlite(null, new Blob([readFileSync(file)]));
  // Run outside scripts/test.mjs (a single file by hand): build the template in memory.
  const db = await openPGlite(null);
  await migrate(db);
  await loadReferenceData(db);
  return db;
}
