// Migrations: applied once, in order, and a database newer than the code is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { migrate, loadMigrations, MigrationError } from './migrate.ts';
import { testDb } from '../../test/helpers/db.ts';

test('every migration file is numbered and unique, starting at 001', () => {
  const ms = loadMigrations();
  assert.ok(ms.length >= 2);
  assert.equal(ms[0]!.version, 1);
  assert.deepEqual(
    ms.map((m) => m.version),
    [...ms.map((m) => m.version)].sort((a, b) => a - b),
  );
});

test('migrating an up-to-date database applies nothing', async () => {
  const db = await testDb();
  try {
    const r = await migrate(db);
    assert.equal(r.applied.length, 0);
    assert.equal(r.current, loadMigrations().at(-1)!.version);
  } finally {
    await db.close();
  }
});

test('a database migrated by a newer ansinh is refused', async () => {
  const db = await testDb();
  try {
    await sql`insert into schema_migrations (version, name) values (999, 'from_the_future')`.execute(db.k);
    await assert.rejects(migrate(db), (e: Error) => e instanceof MigrationError && /newer than this version/.test(e.message));
  } finally {
    await db.close();
  }
});

test('a pending migration numbered below the newest applied one is refused (one sequence)', async () => {
  const db = await testDb();
  try {
    const late = [...loadMigrations(), { version: 11, name: 'late_gap_filler', sql: 'create table late_gap (x int);' }].sort((a, b) => a.version - b.version);
    await assert.rejects(migrate(db, late), (e: Error) => e instanceof MigrationError && /numbered below/.test(e.message));
    const t = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = 'late_gap'`.execute(db.k);
    assert.equal(t.rows[0]!.n, 0);
  } finally {
    await db.close();
  }
});

test('a failing migration leaves the database as it was', async () => {
  const db = await testDb();
  try {
    const bad = [...loadMigrations(), { version: 998, name: 'broken', sql: 'create table half_done (x int); select * from no_such_table;' }];
    await assert.rejects(migrate(db, bad));
    const t = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = 'half_done'`.execute(db.k);
    assert.equal(t.rows[0]!.n, 0);
    const v = await sql<{ n: number }>`select count(*)::int as n from schema_migrations where version = 998`.execute(db.k);
    assert.equal(v.rows[0]!.n, 0);
  } finally {
    await db.close();
  }
});

test('both backends convert types the same way: bigint and numeric to numbers, dates to strings', async () => {
  const db = await testDb();
  try {
    const r = await sql<{ a: number; b: number; d: string }>`select 9007199254740::bigint as a, 12.5::numeric as b, date '2026-06-05' as d`.execute(db.k);
    assert.deepEqual(r.rows[0], { a: 9007199254740, b: 12.5, d: '2026-06-05' });
  } finally {
    await db.close();
  }
});

test('ansinh_fold folds Vietnamese diacritics and đ for accent-insensitive search', async () => {
  const db = await testDb();
  try {
    const r = await sql<{ f: string }>`select ansinh_fold('Xã Hoằng Kim, Đắk Lắk') as f`.execute(db.k);
    assert.equal(r.rows[0]!.f, 'xa hoang kim, dak lak');
  } finally {
    await db.close();
  }
});
