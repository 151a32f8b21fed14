// The catalogue loader: the table mirrors catalogue.ts, a second run changes nothing, and a
// changed definition (a renamed indicator in a new version of the code) updates its row.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDb } from '../../test/helpers/db.ts';
import type { Db } from '../db/connection.ts';
import { catalogue, indicatorByCode } from './catalogue.ts';
import { defineIndicator } from './model.ts';
import { loadIndicatorsReference } from './reference.ts';

let db: Db;
before(async () => {
  db = await testDb();
});
after(async () => {
  await db.close();
});

const rows = async () =>
  (
    await sql<{ code: string; name_vi: string; kind: string; aggregation: string; numerator_vi: string | null; disaggregations: string[]; synonyms: string[] }>`
    select code, name_vi, kind, aggregation, numerator_vi, disaggregations, synonyms from indicators order by code`.execute(db.k)
  ).rows;

test('the table holds every indicator of the catalogue, arrays and numerators included', async () => {
  const r = await rows();
  assert.equal(r.length, catalogue.length);
  const hi = r.find((x) => x.code === 'health_insurance_coverage')!;
  assert.equal(hi.aggregation, 'sum_ratio');
  assert.equal(hi.numerator_vi, indicatorByCode('health_insurance_coverage')!.numerator!.vi);
  assert.deepEqual(hi.disaggregations, ['sex', 'ethnicity', 'area']);
  assert.ok(hi.synonyms.includes('tham gia BHYT'));
});

test('loading again is idempotent; a changed definition updates its row', async () => {
  const logs: string[] = [];
  const first = await rows();
  await loadIndicatorsReference(db, (l) => logs.push(l));
  assert.deepEqual(await rows(), first);
  assert.deepEqual(logs, [], 'nothing to report when the table is already complete');

  const old = indicatorByCode('poor_household_rate')!;
  const renamed = defineIndicator({ ...old, name: { vi: 'Tỷ lệ hộ nghèo đa chiều', en: 'Multidimensional poverty rate' } });
  await loadIndicatorsReference(db, () => {}, [renamed]);
  const r = (await rows()).find((x) => x.code === 'poor_household_rate')!;
  assert.equal(r.name_vi, 'Tỷ lệ hộ nghèo đa chiều');
  assert.equal((await rows()).length, catalogue.length, 'an update, not a second row');
  await loadIndicatorsReference(db, () => {});
  assert.equal((await rows()).find((x) => x.code === 'poor_household_rate')!.name_vi, old.name.vi);
});
