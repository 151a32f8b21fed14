// PGlite runs in this thread: a long chain of queries must still let the event loop turn, or the
// server stops accepting connections and answering /api/health while a job runs (issue 18
// finding 11: 7 minutes without an answer after a restart that resumed a large import's apply).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openPGlite } from './connection.ts';

test('a timer fires during a long chain of PGlite queries in one transaction, not after it', async () => {
  const db = await openPGlite(null);
  try {
    let at = -1;
    let i = 0;
    setTimeout(() => (at = i), 1);
    await db.k.transaction().execute(async (tx) => {
      for (i = 0; i < 3000; i++) await sql`select ${i}::int as n`.execute(tx);
    });
    assert.ok(at >= 0 && at < 3000, `the timer fired at query ${at} (−1: only after the chain)`);
  } finally {
    await db.close();
  }
});
