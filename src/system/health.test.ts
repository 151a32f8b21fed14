// /api/health answers while the database is held by a long transaction (issue 18 finding 11):
// after a crash, the resumed apply of a large import holds PGlite's one connection for minutes,
// and a monitor that gets no answer restarts the server, killing the apply again. Here a
// transaction holds the table the probe reads (and, on PGlite, the connection) until the test
// has its answer; the answer is 'busy', not a wait for the transaction.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
before(async () => {
  t = await testApp();
});
after(async () => {
  await t.close();
});

test('health answers "busy" while a transaction holds the database, and "ok" once it is released', async () => {
  const ok = await t.app.inject({ method: 'GET', url: '/api/health' });
  assert.equal(ok.json().status, 'ok');
  const migration = ok.json().database.migration;

  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => (locked = r));
  const holder = t.db.k.transaction().execute(async (tx) => {
    await sql`lock table schema_migrations in access exclusive mode`.execute(tx);
    locked();
    await gate;
  });
  await isLocked;
  // The transaction is released only after the health check has answered (or after 60 s, so
  // that a server that waits for it fails this test instead of hanging it).
  const fallback = setTimeout(release, 60_000);
  try {
    const busy = await t.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(busy.statusCode, 200);
    assert.equal(busy.json().status, 'busy', 'answered without waiting for the transaction');
    assert.equal(busy.json().database.ok, false);
    assert.equal(busy.json().database.migration, migration, 'the version read before');
    assert.deepEqual(busy.json().jobs, { running: [], recovering: false });
  } finally {
    clearTimeout(fallback);
    release();
    await holder;
  }
  const again = await t.app.inject({ method: 'GET', url: '/api/health' });
  assert.equal(again.json().status, 'ok');
});
