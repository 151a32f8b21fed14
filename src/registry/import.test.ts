// Import (issue 6 part 8): a dry run reports every row with its reason and writes nothing; a
// confirmed import writes the valid households in one transaction; the same file twice changes
// nothing; a corrected file adds what was rejected and leaves the rest unchanged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { testDb } from '../../test/helpers/db.ts';
import type { Db } from '../db/connection.ts';
import { seedDemoVillages } from '../units/demo.ts';
import * as store from './store.ts';
import { applyImport, contentHash, parseRegistryTable, readTableBuffer, reportCsv, reportXlsx } from './import.ts';

let db: Db;
let commune: store.Commune;
const file = new URL('../../test/fixtures/registry/thu-lum-import.csv', import.meta.url);
const today = '2026-11-01';

before(async () => {
  db = await testDb();
  await seedDemoVillages(db, () => {});
  commune = (await store.communeByCode(db.k, '03439'))!;
});
after(async () => db.close());

async function run(buf: Buffer, dryRun: boolean) {
  const table = await readTableBuffer(buf, 'thu-lum-import.csv');
  return db.k
    .transaction()
    .execute((tx) =>
      applyImport(tx, commune, parseRegistryTable(table, today), { dryRun, hash: contentHash(buf), fileName: 'thu-lum-import.csv', by: 'test' }),
    );
}
const count = async () => (await sql<{ n: number }>`select count(*)::int as n from persons`.execute(db.k)).rows[0]!.n;

test('the dry run gives each row its result and reason, and writes nothing', async () => {
  const r = await run(readFileSync(file), true);
  assert.deepEqual(r.counts, { new: 2, unchanged: 0, changed: 0, rejected: 4 });
  const byRow = new Map(r.rows.map((x) => [x.row, x]));
  assert.equal(byRow.get(2)!.status, 'new');
  assert.match(
    byRow
      .get(5)!
      .reasons.map((e) => e.message.vi)
      .join(' '),
    /Ngày sinh không hợp lệ/,
    '30/02/1990 does not exist',
  );
  assert.equal(byRow.get(4)!.status, 'rejected', 'the other member of that household is held back with it');
  assert.match(byRow.get(6)!.reasons[0]!.message.vi, /"Daoo" không có trong danh mục 54 dân tộc/);
  assert.match(
    byRow
      .get(7)!
      .reasons.map((e) => e.message.vi)
      .join(' '),
    /chưa có chủ hộ/,
  );
  assert.match(
    byRow
      .get(7)!
      .reasons.map((e) => e.message.vi)
      .join(' '),
    /không có bản\/thôn/,
  );
  assert.equal(await count(), 0);
  assert.match(reportCsv(r), /Dòng,Mã hộ,Họ và tên,Kết quả,Lý do/);
  assert.ok((await reportXlsx(r)).length > 1000);
});

test('confirming writes the valid household; the same file again changes nothing', async () => {
  const r = await run(readFileSync(file), false);
  assert.equal(r.counts.new, 2);
  assert.equal(await count(), 2);
  const h = await store.householdByCode(db.k, commune.id, 'TL-001');
  assert.equal(h!.village_name, 'Bản Pa Thắng');
  assert.equal(h!.deprivations.employment, true);
  const again = await run(readFileSync(file), false);
  assert.equal(again.alreadyImported, true);
  assert.equal(await count(), 2);
});

test('a corrected file adds the fixed rows; unchanged rows stay at version 1; a changed fact makes version 2', async () => {
  const fixed = readFileSync(file, 'utf8')
    .replace('30/02/1990', '28/02/1990')
    .replace('Daoo', 'Dao')
    .replace('Bản Không Có', 'U Ma')
    .replace('Mông,Con', 'Mông,Chủ hộ')
    .replace(
      'Chu Mó Pà,05/06/1950,Nữ,012150000222,,Hà Nhì,Vợ/chồng,Nặng,10/01/2020,,Không,x',
      'Chu Mó Pà,05/06/1950,Nữ,012150000222,,Hà Nhì,Vợ/chồng,Đặc biệt nặng,10/01/2020,,Không,x',
    );
  const r = await run(Buffer.from(fixed), false);
  assert.deepEqual(r.counts, { new: 4, unchanged: 1, changed: 1, rejected: 0 });
  assert.equal(await count(), 6);
  const pa = await sql<{ version: number; disability: string }>`select version, disability from persons where full_name = 'Chu Mó Pà'`.execute(db.k);
  assert.deepEqual(pa.rows[0], { version: 2, disability: 'especially_severe' });
});

test('an interrupted import leaves the database as it was (one transaction)', async () => {
  const before = await count();
  const table = await readTableBuffer(
    Buffer.from(readFileSync(file, 'utf8').replace(/TL-00/g, 'TX-0').replace('30/02/1990', '28/02/1990').replace('Daoo', 'Dao')),
    'x.csv',
  );
  await assert.rejects(
    db.k.transaction().execute(async (tx) => {
      await applyImport(tx, commune, parseRegistryTable(table, today), { dryRun: false, hash: 'h', fileName: 'x.csv', by: 'test' });
      throw new Error('connection lost');
    }),
    /connection lost/,
  );
  assert.equal(await count(), before);
});
