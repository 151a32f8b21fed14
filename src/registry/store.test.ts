// Registry store: every change is a dated version (who, when, why), the current row equals the
// latest version, history follows a person who moves, and row-level security keeps each
// commune's records to its own officers (issue 6 parts 1 and 11).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDb } from '../../test/helpers/db.ts';
import type { Db } from '../db/connection.ts';
import { withActor } from '../access/scope.ts';
import { loadActor } from '../access/store.ts';
import { createTestUser } from '../access/testing.ts';
import type { Actor } from '../access/model.ts';
import * as store from './store.ts';
import type { HouseholdInput, PersonInput } from './model.ts';
import { registryPerson } from '../../test/helpers/registry.ts';

let db: Db;
let thulum: Actor;
let hoangphu: Actor;
let communeA: store.Commune;
let communeB: store.Commune;

export const household = (code: string): HouseholdInput => ({
  code,
  villageId: null,
  address: 'Bản Thu Lũm',
  area: 'rural',
  incomePerMonth: 1_200_000,
  deprivations: { water: true },
  disadvantagedArea: true,
  merit: false,
});
export const person = (over: Partial<PersonInput> = {}): PersonInput =>
  registryPerson({ personalId: '012090000123', fullName: 'Lò Văn Pọm', dateOfBirth: '1990-05-04', ...over });

before(async () => {
  db = await testDb();
  communeA = (await store.communeByCode(db.k, '03439'))!;
  communeB = (await store.communeByCode(db.k, '15889'))!;
  thulum = (await loadActor(db.k, await createTestUser(db, { username: 'reg-thulum', role: 'officer', unitCode: '03439' })))!;
  hoangphu = (await loadActor(db.k, await createTestUser(db, { username: 'reg-hoangphu', role: 'officer', unitCode: '15889' })))!;
});
after(async () => db.close());

test('a commune is found with its province code (the partition key kept on every registry row)', () => {
  assert.equal(communeA.provinceCode, '12');
  assert.equal(communeB.provinceCode, '38');
});

test('registering a household writes version 1 of the household and of each member, with its head', async () => {
  const r = await withActor(db, thulum, (tx) =>
    store.registerHousehold(
      tx,
      communeA,
      household('H001'),
      [person(), person({ personalId: null, fullName: 'Lò Thị Xa', sex: 'F', relation: 'spouse', dateOfBirth: '1992-01-01' })],
      { by: 'reg-thulum', reason: 'đăng ký mới' },
    ),
  );
  const h = await withActor(db, thulum, (tx) => store.getHousehold(tx, r.householdId));
  assert.equal(h!.head_person_id, r.personIds[0]);
  assert.equal(h!.members.length, 2);
  const hist = await withActor(db, thulum, (tx) => store.householdHistory(tx, r.householdId));
  assert.equal(hist.length, 1);
  assert.equal(hist[0]!.data.head_person_id, r.personIds[0]);
});

test('a change is a new dated version with who and why; the old version stays; current = latest', async () => {
  const { householdId, personIds } = await withActor(db, thulum, (tx) =>
    store.registerHousehold(tx, communeA, household('H002'), [person({ personalId: '012090000124' })], { by: 'reg-thulum', reason: 'đăng ký mới' }),
  );
  const pid = personIds[0]!;
  const v = await withActor(db, thulum, (tx) =>
    store.updatePerson(tx, pid, { deathDate: '2026-03-15', healthInsurance: false }, { by: 'reg-thulum', reason: 'Giấy báo tử số 12/2026' }),
  );
  assert.equal(v, 2);
  await withActor(db, thulum, (tx) =>
    store.updateHousehold(tx, householdId, { incomePerMonth: 1_600_000, deprivations: { water: false } }, { by: 'reg-thulum', reason: 'rà soát 2026' }),
  );
  const hist = await withActor(db, thulum, (tx) => store.personHistory(tx, pid));
  assert.deepEqual(
    hist.map((x) => [x.version, x.reason, x.data.death_date]),
    [
      [1, 'đăng ký mới', null],
      [2, 'Giấy báo tử số 12/2026', '2026-03-15'],
    ],
  );
  assert.equal(hist[1]!.recorded_by, 'reg-thulum');
  const cur = await withActor(db, thulum, (tx) => store.getPerson(tx, pid));
  assert.equal(cur!.death_date, '2026-03-15');
  assert.equal(cur!.version, 2);
  const hh = await withActor(db, thulum, (tx) => store.getHousehold(tx, householdId));
  assert.deepEqual(hh!.deprivations, { water: false });
  assert.equal(hh!.income_per_month, 1_600_000);
  await assert.rejects(
    withActor(db, thulum, (tx) => sql`update person_versions set reason = 'x' where person_id = ${pid}`.execute(tx)),
    /permission denied/,
    'versions are append-only',
  );
});

test('row-level security: another commune’s officer sees none of Thu Lũm’s households and cannot write into them', async () => {
  const n = await withActor(db, hoangphu, (tx) => sql<{ n: number }>`select count(*)::int as n from persons`.execute(tx));
  assert.equal(n.rows[0]!.n, 0);
  await assert.rejects(
    withActor(db, hoangphu, (tx) => store.registerHousehold(tx, communeA, household('X1'), [person({ personalId: null })], { by: 'x', reason: 'x' })),
    /row-level security/,
  );
  const s = await withActor(db, thulum, (tx) => store.searchPersons(tx, { q: 'lo van pom', page: 1, pageSize: 10 }));
  assert.ok(s.total >= 2, 'accent-insensitive search finds Lò Văn Pọm');
});

test('a person who moves to another commune keeps one identity, and the history follows them', async () => {
  const a = await withActor(db, thulum, (tx) =>
    store.registerHousehold(tx, communeA, household('H003'), [person({ fullName: 'Pờ Thị Mé', sex: 'F', personalId: '012190000125' })], {
      by: 'reg-thulum',
      reason: 'đăng ký mới',
    }),
  );
  const b = await withActor(db, hoangphu, (tx) =>
    store.registerHousehold(tx, communeB, { ...household('B003'), area: 'rural' }, [person({ personalId: null, fullName: 'Lê Văn Tám' })], {
      by: 'reg-hoangphu',
      reason: 'đăng ký mới',
    }),
  );
  // The move is recorded by the system on a confirmed transfer (both communes are involved).
  await db.k
    .transaction()
    .execute((tx) => store.movePerson(tx, a.personIds[0]!, b.householdId, 'other', { by: 'reg-hoangphu', reason: 'chuyển đến từ xã Thu Lũm' }));
  const hist = await withActor(db, hoangphu, (tx) => store.personHistory(tx, a.personIds[0]!));
  assert.equal(hist.length, 2, 'the new commune sees the versions recorded in Thu Lũm');
  assert.equal(hist[0]!.data.unit_id, communeA.id);
  assert.equal(hist[1]!.data.unit_id, communeB.id);
  const old = await withActor(db, thulum, (tx) => store.getPerson(tx, a.personIds[0]!));
  assert.equal(old, null, 'Thu Lũm no longer lists them as its resident');
});
