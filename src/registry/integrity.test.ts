// Integrity queues (issue 6 part 7) on a real database: each check finds its case with a
// reason, and re-running files nothing twice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDb } from '../../test/helpers/db.ts';
import type { Db } from '../db/connection.ts';
import * as store from './store.ts';
import { scanIntegrity, listFlags } from './integrity.ts';
import type { HouseholdInput, PersonInput } from './model.ts';
import { registryPerson } from '../../test/helpers/registry.ts';

let db: Db;
let a: store.Commune;
let b: store.Commune;
const meta = { by: 'test', reason: 'đăng ký' };
const hh = (code: string): HouseholdInput => ({
  code,
  villageId: null,
  address: '',
  area: 'rural',
  incomePerMonth: 1_000_000,
  deprivations: {},
  disadvantagedArea: false,
  merit: false,
});
const pp = (o: Partial<PersonInput>): PersonInput => registryPerson({ fullName: 'Lò Văn Pọm', dateOfBirth: '1980-01-01', ethnicCode: '42', ...o });

before(async () => {
  db = await testDb();
  a = (await store.communeByCode(db.k, '03439'))!;
  b = (await store.communeByCode(db.k, '15889'))!;
  await store.registerHousehold(db.k, a, hh('I1'), [pp({ personalId: '012080000001' })], meta);
  await store.registerHousehold(db.k, a, hh('I2'), [pp({ personalId: '012080000001', fullName: 'Lò Văn Pom' })], meta); // same ID, typo in the name
  await store.registerHousehold(db.k, a, hh('I3'), [pp({ fullName: 'Lo Van Pong', personalId: null })], meta); // similar name, same date of birth
  await store.registerHousehold(db.k, a, hh('I4'), [pp({ fullName: 'Chu Mó Xá', dateOfBirth: '1940-02-02', personalId: null })], meta); // 80+, no pension, no decision
  const { householdId } = await store.registerHousehold(db.k, b, hh('I5'), [pp({ fullName: 'Lê Văn Tám', dateOfBirth: '1970-05-05', personalId: null })], meta);
  await store.updateHousehold(db.k, householdId, { incomePerMonth: 9_000_000 }, { by: 'test', reason: 'rà soát' });
});
after(async () => db.close());

test('same personal ID, likely duplicate, omission (80+ without pension) and income jump are each filed with a reason', async () => {
  const r = await scanIntegrity(db.k, null, '2026-11-01');
  assert.equal(r.same_personal_id, 1);
  assert.ok(r.likely_duplicate >= 1, 'Lò Văn Pọm / Lo Van Pong, same date of birth');
  assert.equal(r.not_enrolled, 1);
  assert.equal(r.income_jump, 1, '1,000,000 → 9,000,000');
  const flags = await listFlags(db.k, a.id);
  const dup = flags.find((f) => f.kind === 'likely_duplicate')!;
  assert.match(dup.reason.vi, /cùng ngày sinh 01\/01\/1980/);
  const again = await scanIntegrity(db.k, null, '2026-11-01');
  assert.deepEqual(
    Object.values(again).reduce((s, n) => s + n, 0),
    0,
    're-running files nothing twice',
  );
  const n = await sql<{ n: number }>`select count(*)::int as n from integrity_flags where unit_id = ${b.id}`.execute(db.k);
  assert.equal(n.rows[0]!.n, 1, 'the other commune has only its own flag');
});

test('duplicate detection as a job (one province a chunk) files the same pairs as the direct scan', async () => {
  const { enqueueJob, runJob } = await import('../jobs/runner.ts');
  const before = (await sql<{ k: string }>`select key as k from integrity_flags where kind = 'likely_duplicate' order by key`.execute(db.k)).rows.map(
    (r) => r.k,
  );
  await sql`delete from integrity_flags where kind = 'likely_duplicate'`.execute(db.k);
  const j = await runJob(db, await enqueueJob(db.k, 'duplicates', {}));
  assert.equal(j.state, 'done');
  const after = (await sql<{ k: string }>`select key as k from integrity_flags where kind = 'likely_duplicate' order by key`.execute(db.k)).rows.map(
    (r) => r.k,
  );
  assert.deepEqual(after, before);
  assert.equal((j.result as { filed: number }).filed, before.length);
});
