// One comparator vocabulary (issue 16 item 4): the database, the review page's words and the
// change arithmetic follow src/indicators/vocabulary.ts.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { COMPARATORS, comparatorWords, comparatorSymbols, isChange, isPerYear, levelOfChange } from './vocabulary.ts';
import { testApp } from '../../test/helpers/app.ts';

const app = testApp();
after(async () => (await app).close());

test('every comparator has words and a symbol; only reduce_by and increase_by are changes', () => {
  for (const c of COMPARATORS) {
    assert.ok(comparatorWords[c].vi && comparatorWords[c].en && comparatorSymbols[c], c);
    assert.equal(isChange(c), c === 'reduce_by' || c === 'increase_by');
  }
  assert.equal(isPerYear('%/năm'), true);
  assert.equal(isPerYear('%'), false);
  assert.equal(levelOfChange('reduce_by', 2, { year: 2025, value: 10 }, 2028, true), 4);
  assert.equal(levelOfChange('increase_by', 7, { year: 2025, value: 20 }, 2030, false), 27);
  assert.equal(levelOfChange('>=', 95, { year: 2025, value: 20 }, 2030, false), 95);
});

test('the plan_targets check constraint allows exactly the vocabulary (migration 160)', async () => {
  const t = await app;
  const r = await sql<{ def: string }>`select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'plan_targets_comparator_check'`.execute(
    t.db.k,
  );
  const allowed = [...r.rows[0]!.def.matchAll(/'([^']+)'/g)].map((m) => m[1]).sort();
  assert.deepEqual(allowed, [...COMPARATORS].sort());
});
