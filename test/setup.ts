// Builds the template database once per test run: migrated, with the reference data (units,
// indicators) loaded. PGlite: a data-directory dump each test file loads. PostgreSQL: a
// template database each test file copies with CREATE DATABASE ... TEMPLATE.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { openDb } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadReferenceData } from '../src/reference.ts';

const [, , mode, target, pgUrl] = process.argv;
const t0 = Date.now();
if (mode === 'pglite') {
  const db = await openDb({ dataDir: null });
  await migrate(db);
  await loadReferenceData(db);
  const dump = await db.pglite!.dumpDataDir('gzip');
  mkdirSync(dirname(target!), { recursive: true });
  writeFileSync(target!, Buffer.from(await dump.arrayBuffer()));
  await db.close();
} else if (mode === 'postgres') {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`drop database if exists "${target}"`);
  await admin.query(`create database "${target}"`);
  await admin.end();
  const u = new URL(pgUrl!);
  u.pathname = `/${target}`;
  const db = await openDb({ databaseUrl: u.toString(), poolSize: 2 });
  await migrate(db);
  await loadReferenceData(db);
  await db.close();
} else {
  console.error('usage: setup.ts pglite FILE | postgres DBNAME ADMIN_URL');
  process.exit(2);
}
console.log(`test template (${mode}) ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(0);
