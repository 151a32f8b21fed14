// Import of merit profiles (issue 12 item 6) on PGlite and PostgreSQL: a file with bad rows gets
// a row-level report and writes nothing (all or nothing); corrected, it records the profiles and
// the allowance follows (Decree 77/2024 Annex I row 3.2: two martyrs, 2 × 2,789,000 in 08/2024);
// the same file again (.csv or .xlsx) changes nothing; a changed row is a new version.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';
import { formData } from '../../test/helpers/form.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import { excel } from '../kernel/excel.ts';
import { toCsv } from '../kernel/csv.ts';
import { paramAt } from '../law/parameters.ts';
import { meritImportCommand } from './cli.ts';
import { registryMember } from '../../test/helpers/registry.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let h: Record<string, string>;
let lan: number;
const member = (o: Record<string, unknown>) => registryMember({ fullName: 'Hoàng Thị Lan', dateOfBirth: '1948-02-03', sex: 'F', ethnicCode: '01', ...o });
const n = async (table: 'merit_profiles' | 'merit_profile_versions') =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db.k)).rows[0]!.n;
const audits = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'merit_profile.import'`.execute(t.db.k)).rows[0]!.n;

before(async () => {
  t = await testApp(undefined, { now: () => new Date('2024-08-15T03:00:00Z') });
  h = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'merit-import', role: 'officer', unitCode: '03439' }));
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/registry/units/03439/households',
    headers: h,
    payload: {
      household: {
        code: 'NK-1',
        villageId: null,
        address: 'Bản Thu Lũm',
        area: 'rural',
        incomePerMonth: 2_600_000,
        deprivations: {},
        disadvantagedArea: false,
        merit: false,
      },
      members: [member({}), member({ fullName: 'Lò Văn Minh', sex: 'M', relation: 'spouse', dateOfBirth: '1946-09-20', personalId: '011046000123' })],
      reason: 'đăng ký mới',
    },
  });
  assert.equal(r.statusCode, 201, r.body);
  lan = r.json().personIds[0];
});
after(async () => t.close());

const HEADER = [
  'Mã hộ',
  'Họ và tên',
  'Số định danh',
  'Diện',
  'Tỷ lệ tổn thương (%)',
  'Thân nhân của',
  'Quan hệ',
  'Số liệt sĩ',
  'Số quyết định',
  'Ngày quyết định',
  'Cơ quan ra quyết định',
  'Hưởng từ tháng',
];
const BODY = 'Sở Lao động - Thương binh và Xã hội tỉnh Lai Châu';
const LAN = [
  'NK-1',
  'Hoàng Thị Lan',
  '',
  'Thân nhân của người có công với cách mạng',
  '',
  'Liệt sĩ',
  'mẹ đẻ',
  '2',
  '125/QĐ-LĐTBXH',
  '20/06/2021',
  BODY,
  '07/2021',
];
const MINH = ['NK-1', 'Lò Văn Minh', '011046000123', 'war_invalid', '61', '', '', '', '126/QĐ-LĐTBXH', '20/06/2021', BODY, '07/2021'];

async function upload(name: string, content: Buffer, dryRun = false) {
  const f = await formData({ file: { name, content } });
  return t.app.inject({
    method: 'POST',
    url: `/api/merit/units/03439/imports${dryRun ? '?dryRun=true' : ''}`,
    headers: { ...h, 'content-type': f.contentType },
    payload: f.payload,
  });
}
const csv = (rows: string[][]) => Buffer.from(toCsv([HEADER, ...rows]), 'utf8');

test('bad rows (a 120% rate, a person not in the registry, no decision number) → a row-level report with the columns, nothing written', async () => {
  const before = [await n('merit_profiles'), await n('merit_profile_versions'), await audits()];
  const r = await upload(
    'ncc.csv',
    csv([
      LAN,
      ['NK-1', 'Lò Văn Minh', '', 'Thương binh', '120', '', '', '', '126/QĐ-LĐTBXH', '20/06/2021', BODY, '07/2021'],
      ['NK-1', 'Vàng Thị Mai', '', 'relative', '', 'martyr', 'con', '1', '', '20/06/2021', BODY, '07/2021'],
    ]),
  );
  assert.equal(r.statusCode, 200, r.body);
  const rep = r.json();
  assert.equal(rep.written, false);
  assert.equal(rep.errors, 2);
  assert.deepEqual(
    rep.rows.map((x: { row: number; outcome: string }) => [x.row, x.outcome]),
    [
      [2, 'created'],
      [3, 'error'],
      [4, 'error'],
    ],
  );
  assert.deepEqual(
    rep.rows[1].errors.map((e: { column: string }) => e.column),
    ['Tỷ lệ tổn thương (%)'],
  );
  const cols = rep.rows[2].errors.map((e: { column: string }) => e.column).sort();
  assert.deepEqual(cols, ['Họ và tên', 'Số quyết định']);
  assert.match(rep.rows[2].errors.find((e: { column: string }) => e.column === 'Họ và tên').message.vi, /Không có “Vàng Thị Mai” trong hộ “NK-1”/);
  assert.deepEqual([await n('merit_profiles'), await n('merit_profile_versions'), await audits()], before);
});

test('a missing required column is refused on the file, with its name', async () => {
  const r = await upload('ncc.csv', Buffer.from(toCsv([HEADER.slice(0, 4), LAN.slice(0, 4)]), 'utf8'));
  assert.equal(r.statusCode, 400, r.body);
  assert.ok(r.json().errors.every((e: { path: string }) => e.path === '/body/file'));
  assert.match(JSON.stringify(r.json().errors), /Số quyết định/);
});

test('corrected → recorded with the allowance of Annex I row 3.2; the same file again (.csv, then .xlsx) changes nothing; a changed row is a new version', async () => {
  const dry = (await upload('ncc.csv', csv([LAN, MINH]), true)).json();
  assert.equal(dry.written, false);
  assert.equal(dry.created, 2);
  assert.equal(await n('merit_profiles'), 0);
  const first = await upload('ncc.csv', csv([LAN, MINH]));
  assert.equal(first.statusCode, 200, first.body);
  assert.deepEqual([first.json().created, first.json().written], [2, true]);
  assert.equal(await audits(), 1);
  const list = await t.app.inject({ method: 'GET', url: `/api/merit/persons/${lan}/profiles?month=2024-08`, headers: h });
  assert.equal(list.statusCode, 200, list.body);
  // Decree 77/2024/NĐ-CP Annex I row 3.2: the relative of two martyrs, 2 × the standard level of 2,789,000.
  assert.equal(list.json().items[0].allowance.monthlyAmount, paramAt('merit.martyr.relatives.2', '2024-08-01')!.value);
  assert.equal(list.json().items[0].allowance.monthlyAmount, 5_578_000);
  const counts = [await n('merit_profiles'), await n('merit_profile_versions'), await audits()];
  const again = (await upload('ncc.csv', csv([LAN, MINH]))).json();
  assert.deepEqual([again.unchanged, again.created, again.changed, again.written], [2, 0, 0, false]);
  const X = await excel();
  const wb = new X.Workbook();
  wb.addWorksheet('NCC').addRows([HEADER, LAN, MINH]);
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  const viaXlsx = await upload('ncc.xlsx', xlsx);
  assert.equal(viaXlsx.statusCode, 200, viaXlsx.body);
  assert.deepEqual([viaXlsx.json().unchanged, viaXlsx.json().written], [2, false]);
  assert.deepEqual([await n('merit_profiles'), await n('merit_profile_versions'), await audits()], counts);
  const moved = (await upload('ncc.csv', csv([LAN, [...MINH.slice(0, 11), '08/2021']]))).json();
  assert.deepEqual([moved.changed, moved.unchanged, moved.written], [1, 1, true]);
  assert.equal(await n('merit_profiles'), 2);
  assert.equal(await n('merit_profile_versions'), counts[1]! + 1);
});

test('CLI `ansinh merit import`: dry run by default, the report of the rejected rows, exit code 3', async () => {
  const { mkdtempSync, writeFileSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'merit-import-'));
  const file = join(dir, 'ncc.csv');
  writeFileSync(file, csv([LAN, ['NK-1', 'Lò Văn Minh', '', 'war_invalid', '61', '', '', '', '126/QĐ-LĐTBXH', '31/02/2021', BODY, '07/2021']]));
  let out = '';
  const ctx = { db: async () => t.db, stdout: { write: (s: string) => ((out += s), true) }, stderr: { write: () => true } };
  const before = await n('merit_profile_versions');
  const code = await meritImportCommand.run({ positionals: [file], values: { commune: '03439', confirm: true, report: join(dir, 'r.csv') } }, ctx as never);
  assert.equal(code, 3);
  assert.match(out, /dòng 3 \(NK-1, Lò Văn Minh\): Ngày quyết định: Ngày quyết định không hợp lệ/);
  assert.match(readFileSync(join(dir, 'r.csv'), 'utf8'), /lỗi/);
  assert.equal(await n('merit_profile_versions'), before);
});
