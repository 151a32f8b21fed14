// The merit payroll on a real database (issue 12 item 3), against the decrees' own numbers:
// a relative of two martyrs, Annex I row 3.2: 4,110,000 VND a month under Decree 55/2023/NĐ-CP
// (07/2023–06/2024) and 5,578,000 VND under Decree 77/2024/NĐ-CP (from 07/2024). A month the
// law data cannot price is never paid: it is listed as an exception.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDb } from '../../test/helpers/db.ts';
import type { Db } from '../db/connection.ts';
import * as reg from '../registry/store.ts';
import * as pay from './store.ts';
import { generateMeritPayroll } from './merit.ts';
import { insertProfile, type MeritProfileValues } from '../merit/store.ts';
import type { HouseholdInput, PersonInput } from '../registry/model.ts';
import { registryPerson } from '../../test/helpers/registry.ts';

let db: Db;
let commune: reg.Commune;
const meta = { by: 'test', reason: 'đăng ký mới' };
const hh = (code: string): HouseholdInput => ({
  code,
  villageId: null,
  address: '',
  area: 'rural',
  incomePerMonth: 1_000_000,
  deprivations: {},
  disadvantagedArea: false,
  merit: true,
});
const pp = (over: Partial<PersonInput> = {}): PersonInput =>
  registryPerson({ fullName: 'Hoàng Thị Mẹ', dateOfBirth: '1935-03-10', sex: 'F', ethnicCode: '01', merit: true, ...over });
const profile = (over: Partial<MeritProfileValues>): MeritProfileValues => ({
  category: 'relative',
  facts: {},
  decisionNumber: '12/QĐ-SLĐTBXH',
  decisionDate: '2024-05-20',
  decisionBody: 'Sở Lao động - Thương binh và Xã hội',
  startMonth: '2024-06',
  endMonth: null,
  ...over,
});

async function person(code: string, over: Partial<PersonInput> = {}): Promise<number> {
  const { personIds } = await reg.registerHousehold(db.k, commune, hh(code), [pp(over)], meta);
  return personIds[0]!;
}
async function addProfile(personId: number, v: MeritProfileValues): Promise<void> {
  await insertProfile(
    db.k,
    { id: personId, unit_id: commune.id, province_code: commune.provinceCode, full_name: '', death_date: null },
    v,
    'test',
    'ghi hồ sơ',
  );
}
const items = async (payrollId: number, personId: number) =>
  (
    await sql<{ month: number; amount: number; category: string }>`select i.month, i.amount, i.category from payroll_lines l cross join unnest(l.items) i
      where l.payroll_id = ${payrollId} and l.person_id = ${personId} order by i.month`.execute(db.k)
  ).rows;

let mother: number;

before(async () => {
  db = await testDb();
  commune = (await reg.communeByCode(db.k, '03439'))!;
  mother = await person('NCC1');
  await addProfile(mother, profile({ facts: { relativeOf: 'martyr', martyrs: [{ relation: 'mother' }, { relation: 'mother' }] } }));
});
after(async () => db.close());

test('a relative of two martyrs: 06/2024 at 4,110,000 (Decree 55/2023 Annex I row 3.2), 07–08/2024 at 5,578,000 (Decree 77/2024 Annex I row 3.2)', async () => {
  const s = await generateMeritPayroll(db.k, commune.id, 202408, 'ketoan');
  const it = await items(s.payrollId, mother);
  assert.deepEqual(it, [
    { month: 202406, amount: 4_110_000, category: 'merit.martyr.relatives.2' },
    { month: 202407, amount: 5_578_000, category: 'merit.martyr.relatives.2' },
    { month: 202408, amount: 5_578_000, category: 'merit.martyr.relatives.2' },
  ]);
  const line = (
    await sql<{ current_amount: number; arrears: number; total: number; channel: string; decision_id: number | null }>`
    select current_amount, arrears, total, channel, decision_id from payroll_lines where payroll_id = ${s.payrollId} and person_id = ${mother}`.execute(db.k)
  ).rows[0]!;
  assert.deepEqual(line, { current_amount: 5_578_000, arrears: 9_688_000, total: 15_266_000, channel: 'cash', decision_id: null });
  const p = await pay.getPayroll(db.k, s.payrollId);
  assert.equal(p!.programme, 'merit');
  assert.equal(Number(p!.total), 15_266_000);
});

test('the next month pays only that month: the months of the pending 08/2024 payroll are not owed again', async () => {
  const s = await generateMeritPayroll(db.k, commune.id, 202409, 'ketoan');
  assert.deepEqual(await items(s.payrollId, mother), [{ month: 202409, amount: 5_578_000, category: 'merit.martyr.relatives.2' }]);
  assert.equal(s.arrears, 0);
});

test('a profile the law data cannot price is never paid: it is an exception with its reason', async () => {
  const veteran = await person('NCC2', { fullName: 'Lò Văn Cán Bộ', sex: 'M' });
  // pre_1945 without "detached or not": Annex I row 1 has two levels, the engine cannot choose
  await addProfile(veteran, profile({ category: 'pre_1945', facts: {}, startMonth: '2024-08' }));
  const s = await generateMeritPayroll(db.k, commune.id, 202408, 'ketoan');
  const ex = s.unknown.find((u) => u.personId === veteran);
  assert.deepEqual(ex?.months, [202408]);
  assert.match(ex!.reasons.map((r) => r.vi).join(' '), /thoát ly/);
  assert.deepEqual(await items(s.payrollId, veteran), []);
  // the payable person is still paid
  assert.equal((await items(s.payrollId, mother)).length, 3);
});

test("the commune's social-assistance payroll of the month is a payroll of its own, untouched by the merit one", async () => {
  const before = await generateMeritPayroll(db.k, commune.id, 202408, 'ketoan');
  const a = await pay.generatePayroll(db.k, commune.id, 202408, 'ketoan');
  assert.notEqual(a.payrollId, before.payrollId);
  const list = (await pay.payrollsOf(db.k, commune.id)).filter((p) => p.month === 202408);
  assert.deepEqual(list.map((p) => p.programme).sort(), ['assistance', 'merit']);
  // regenerating the assistance payroll leaves the merit lines in place
  assert.equal((await items(before.payrollId, mother)).length, 3);
});

test('an approved merit payroll is not regenerated (409); approving it does not approve the assistance one', async () => {
  const s = await generateMeritPayroll(db.k, commune.id, 202410, 'ketoan');
  await pay.generatePayroll(db.k, commune.id, 202410, 'ketoan');
  await pay.approvePayroll(db.k, s.payrollId, 'chutich');
  await assert.rejects(generateMeritPayroll(db.k, commune.id, 202410, 'ketoan'), (e: { kind?: { status: number } }) => e.kind?.status === 409);
  await pay.generatePayroll(db.k, commune.id, 202410, 'ketoan');
});
