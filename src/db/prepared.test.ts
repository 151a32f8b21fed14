// Named prepared statements on PostgreSQL (src/db/prepared.ts): a parameterised query is
// prepared once per connection and then only executed, and stays right when a table it reads
// changes shape under it. PGlite has no pool and no client of ours to name statements: there the
// file checks the naming rule alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { backend, testDb } from '../../test/helpers/db.ts';
import { MAX_NAMED, statementName } from './prepared.ts';

test('a query text has one stable name; a long text none', () => {
  const a = statementName('select $1::int as n -- prepared.test a');
  assert.ok(a?.startsWith('a_'));
  assert.equal(statementName('select $1::int as n -- prepared.test a'), a);
  assert.notEqual(statementName('select $1::int as n -- prepared.test b'), a);
  assert.equal(statementName(`select $1::int as n -- ${'x'.repeat(9000)}`), undefined);
  assert.ok(MAX_NAMED >= 1000);
});

test('on PostgreSQL a parameterised query is prepared once on its connection and answers as before', { skip: backend !== 'postgres' }, async () => {
  const db = await testDb();
  try {
    await db.k.connection().execute(async (c) => {
      for (let i = 0; i < 3; i++) {
        const r = await sql<{ n: number }>`select ${i}::int + 1 as n`.execute(c);
        assert.equal(r.rows[0]!.n, i + 1);
      }
      const prepared = await sql<{ statement: string }>`select statement from pg_prepared_statements where statement like ${'%::int + 1 as n'}`.execute(c);
      assert.equal(prepared.rows.length, 1, 'one prepared statement for the three calls');
      // Without parameters the query goes unnamed (simple protocol), as before.
      await sql`select 42 as unnamed_probe`.execute(c);
      const unnamed = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where statement like ${'%unnamed_probe%'}`.execute(c);
      assert.equal(unnamed.rows[0]!.n, 0);
    });
  } finally {
    await db.close();
  }
});

test('on PostgreSQL a prepared query still answers after its table changes shape', { skip: backend !== 'postgres' }, async () => {
  const db = await testDb();
  try {
    await db.k.connection().execute(async (c) => {
      await sql`create table prepared_probe (a int, b text)`.execute(c);
      await sql`insert into prepared_probe values (1, 'x')`.execute(c);
      const read = () => sql<Record<string, unknown>>`select * from prepared_probe where a = ${1}`.execute(c);
      assert.deepEqual((await read()).rows, [{ a: 1, b: 'x' }]);
      // "cached plan must not change result type": the statement is dropped and the query run again.
      await sql`alter table prepared_probe add column c int default 7`.execute(c);
      assert.deepEqual((await read()).rows, [{ a: 1, b: 'x', c: 7 }]);
      assert.deepEqual((await read()).rows, [{ a: 1, b: 'x', c: 7 }]);
    });
  } finally {
    await db.close();
  }
});

test(
  'on PostgreSQL inside a transaction the change of shape fails that transaction with its own error; the next query answers',
  { skip: backend !== 'postgres' },
  async () => {
    const db = await testDb();
    try {
      await db.k.connection().execute(async (c) => {
        await sql`create table prepared_probe_tx (a int)`.execute(c);
        await sql`insert into prepared_probe_tx values (1)`.execute(c);
        const read = () => sql<Record<string, unknown>>`select * from prepared_probe_tx where a = ${1}`.execute(c);
        await read();
        await sql`begin`.execute(c);
        await sql`alter table prepared_probe_tx add column b int default 2`.execute(c);
        await assert.rejects(read(), /cached plan must not change result type/);
        await sql`rollback`.execute(c);
        await sql`alter table prepared_probe_tx add column b int default 2`.execute(c);
        assert.deepEqual((await read()).rows, [{ a: 1, b: 2 }]);
      });
    } finally {
      await db.close();
    }
  },
);
