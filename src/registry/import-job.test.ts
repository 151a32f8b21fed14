// Imports as chunked jobs (issue 6 parts 8 and 10), through the HTTP API as the officer uses
// them: upload → the rows are checked in chunks → a row-level report (downloadable, every
// rejected row with its reason) → nothing written until confirmed → confirm applies the valid
// rows at once → the same file again changes nothing. And in-process: a job stopped after a
// chunk has written nothing, and resumed gives the report of an uninterrupted run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { testApp } from '../../test/helpers/app.ts';
import { xlsxWithRawText } from '../../test/helpers/xlsx.ts';
import { formData } from '../../test/helpers/form.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import { seedDemoVillages } from '../units/demo.ts';
import { jobWorker, runJob, getJob } from '../jobs/runner.ts';
import { applyImport, contentHash, MAX_IMPORT_FILE_BYTES, parseRegistryTable, readTableBuffer } from './import.ts';
import { startImport } from './import-job.ts';
import * as store from './store.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let officer: Record<string, string>;
let other: Record<string, string>;
const file = new URL('../../test/fixtures/registry/thu-lum-import.csv', import.meta.url);
const csv = readFileSync(file);
/** The upload as the web page sends it: multipart/form-data, field "file". */
async function upload(content: Buffer, fileName = 'thu-lum-import.csv', headers = officer) {
  const f = await formData({ file: { name: fileName, content } });
  return t.app.inject({ method: 'POST', url: '/api/registry/units/03439/imports', headers: { ...headers, 'content-type': f.contentType }, payload: f.payload });
}
const count = async () => (await sql<{ n: number }>`select count(*)::int as n from persons`.execute(t.db.k)).rows[0]!.n;
async function settled(id: number) {
  await jobWorker(t.db).idle();
  return (await t.app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: officer })).json();
}

before(async () => {
  t = await testApp();
  await seedDemoVillages(t.db, () => {});
  officer = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'imp-officer', role: 'officer', unitCode: '03439' }));
  other = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'imp-other', role: 'officer', unitCode: '15889' }));
});
after(async () => t.close());

test('upload → checked in chunks → report with each rejected row and its reason → nothing written until confirmed', async () => {
  const r = await upload(csv);
  assert.equal(r.statusCode, 202, r.body);
  assert.equal(r.json().kind, 'registry_import');
  assert.equal(r.json().total, 6, 'six data rows');
  const j = await settled(r.json().id);
  assert.equal(j.state, 'ready');
  assert.deepEqual(j.result.counts, { new: 2, unchanged: 0, changed: 0, rejected: 4 });
  assert.equal(await count(), 0, 'a checked import has written nothing');
  // The report as a file: every row, the rejected ones with their reasons.
  const rep = await t.app.inject({ method: 'GET', url: `/api/registry/imports/${j.id}/report?format=csv`, headers: officer });
  assert.equal(rep.statusCode, 200);
  assert.match(rep.headers['content-disposition'] as string, /ket-qua-nhap-\d+\.csv/);
  const lines = rep.body
    .replace(/^\ufeff/, '')
    .trim()
    .split(/\r\n/);
  assert.equal(lines.length, 7, 'header + six rows');
  assert.match(
    lines.find((l) => l.startsWith('5,'))!,
    /Bị từ chối.*Ngày sinh không hợp lệ/,
    '30/02/1990 does not exist',
  );
  assert.match(
    lines.find((l) => l.startsWith('6,'))!,
    /""Daoo"" không có trong danh mục 54 dân tộc/,
    'quoted as CSV',
  );
  const xlsx = await t.app.inject({ method: 'GET', url: `/api/registry/imports/${j.id}/report?format=xlsx`, headers: officer });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  assert.equal(wb.worksheets[0]!.rowCount, 7);
  // Another commune's officer sees neither the job nor its report.
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/registry/imports/${j.id}/report`, headers: other })).statusCode, 404);
  // The commune's job list shows it with its progress.
  const list = await t.app.inject({ method: 'GET', url: '/api/registry/units/03439/jobs', headers: officer });
  const mine = list.json().items.find((x: { id: number }) => x.id === j.id);
  assert.deepEqual([mine.state, mine.progress, mine.total], ['ready', 6, 6]);
  assert.equal(mine.result.rows, undefined, 'the list carries counts, not rows');
  // Confirmed: the valid household goes in, audited; the job is done.
  const c = await t.app.inject({ method: 'POST', url: `/api/registry/imports/${j.id}/confirm`, headers: officer });
  assert.equal(c.statusCode, 200, c.body);
  assert.equal(c.json().state, 'done');
  assert.equal(await count(), 2);
  const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'registry.import' and entity_id = ${String(j.id)}`.execute(
    t.db.k,
  );
  assert.equal(audit.rows[0]!.n, 1);
  assert.equal((await t.app.inject({ method: 'POST', url: `/api/registry/imports/${j.id}/confirm`, headers: officer })).statusCode, 409, 'confirmed once only');
});

test('the same file again changes nothing; a cancelled import writes nothing', async () => {
  const again = await settled((await upload(csv)).json().id);
  assert.equal(again.result.alreadyImported, true);
  const c = await t.app.inject({ method: 'POST', url: `/api/registry/imports/${again.id}/confirm`, headers: officer });
  assert.equal(c.json().state, 'done');
  assert.equal(await count(), 2);
  const fixed = Buffer.from(csv.toString('utf8').replace('30/02/1990', '28/02/1990'));
  const j = await settled((await upload(fixed)).json().id);
  assert.equal(j.result.counts.new, 2, 'the corrected household would be new');
  const x = await t.app.inject({ method: 'POST', url: `/api/registry/imports/${j.id}/cancel`, headers: officer });
  assert.equal(x.json().state, 'cancelled');
  assert.equal(await count(), 2);
  const files = await sql<{ n: number }>`select count(*)::int as n from job_files where job_id = ${j.id}`.execute(t.db.k);
  assert.equal(files.rows[0]!.n, 0, 'the uploaded file is dropped');
});

test('an .xlsx upload is checked like the .csv with the same rows', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  for (const row of await readTableBuffer(csv, 'thu-lum-import.csv')) ws.addRow(row);
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  const r = await upload(xlsx, 'thu-lum-import.xlsx');
  assert.equal(r.statusCode, 202, r.body);
  assert.equal(r.json().total, 6);
  const j = await settled(r.json().id);
  assert.equal(j.state, 'ready');
  assert.equal(j.result.alreadyImported, false, 'another file (its own content hash)');
  assert.deepEqual(j.result.counts, { new: 0, unchanged: 2, changed: 0, rejected: 4 }, 'the two valid rows are already in the registry from the .csv');
  await t.app.inject({ method: 'POST', url: `/api/registry/imports/${j.id}/cancel`, headers: officer });
});

test('a cell with a NUL or half a surrogate pair refuses its row, naming row and column; the other rows import (.xlsx _x0000_ / _xD800_, .csv NUL byte)', async () => {
  const [header, , , head] = (await readTableBuffer(csv, 'thu-lum-import.csv')) as string[][];
  const name = header!.indexOf('Họ và tên');
  const address = header!.indexOf('Địa chỉ');
  const pid = header!.indexOf('Số định danh cá nhân');
  const row = (code: string, fullName: string, addr = '') =>
    head!.map((c, i) => (i === 0 ? code : i === name ? fullName : i === address ? addr : i === pid ? '' : c));
  const before = await count();
  const xlsx = await xlsxWithRawText([header!, row('TL-010', 'Lò Văn Mười'), row('TL-011', 'NUL1'), row('TL-012', 'Lò Văn Mười Hai', 'SUR1')], {
    NUL1: 'Lò_x0000_Văn',
    SUR1: 'Bản_xD800_',
  });
  const r = await upload(xlsx, 'nul.xlsx');
  assert.equal(r.statusCode, 202, r.body);
  const j = await settled(r.json().id);
  assert.equal(j.state, 'ready', JSON.stringify(j.error));
  assert.deepEqual(j.result.counts, { new: 1, unchanged: 0, changed: 0, rejected: 2 });
  const reasons = (n: number) => j.result.rows.find((x: { row: number }) => x.row === n).reasons as { column: string; message: { vi: string } }[];
  assert.deepEqual(
    reasons(3).map((x) => [x.column, x.message.vi]),
    [['Họ và tên', 'Không được chứa ký tự NUL (\\u0000)']],
  );
  assert.deepEqual(
    reasons(4).map((x) => [x.column, x.message.vi]),
    [['Địa chỉ', 'Chứa ký tự Unicode không hợp lệ (nửa cặp surrogate)']],
  );
  const c = await t.app.inject({ method: 'POST', url: `/api/registry/imports/${j.id}/confirm`, headers: officer });
  assert.equal(c.statusCode, 200, c.body);
  assert.equal((await settled(j.id)).state, 'done');
  assert.equal(await count(), before + 1, 'the good row only');
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from households where code in ('TL-011', 'TL-012')`.execute(t.db.k)).rows[0]!.n, 0);
  // A .csv (UTF-8 text) with a NUL byte in one cell: that row refused, not the file.
  const text = [header!, row('TL-013', 'Lò Văn Mười Ba'), row('TL-014', 'Lò\u0000Văn')]
    .map((cells) => cells.map((x) => (x.includes(',') ? `"${x}"` : x)).join(','))
    .join('\n');
  const rc = await upload(Buffer.from(text), 'nul.csv');
  assert.equal(rc.statusCode, 202, rc.body);
  const jc = await settled(rc.json().id);
  assert.deepEqual(jc.result.counts, { new: 1, unchanged: 0, changed: 0, rejected: 1 });
  assert.equal(jc.result.rows.find((x: { row: number }) => x.row === 3).reasons[0].column, 'Họ và tên');
  await t.app.inject({ method: 'POST', url: `/api/registry/imports/${jc.id}/cancel`, headers: officer });
});

test('a file of the wrong type is refused with 415, a file over the limit with 413, both as problem+json on /body/file', async () => {
  const jobs = async () => (await sql<{ n: number }>`select count(*)::int as n from jobs`.execute(t.db.k)).rows[0]!.n;
  const before = await jobs();
  const problem = (
    r: { statusCode: number; headers: Record<string, unknown>; json(): { errors: { path: string; message: string }[]; detail: string } },
    status: number,
  ) => {
    assert.equal(r.statusCode, status);
    assert.match(String(r.headers['content-type']), /^application\/problem\+json/);
    assert.equal(r.json().errors[0]!.path, '/body/file');
    return r.json();
  };
  // Named .xlsx but not a ZIP; named .csv but a ZIP (an .xlsx renamed) or binary; another name.
  assert.match(problem(await upload(Buffer.from('not a zip'), 'x.xlsx'), 415).detail, /không phải tệp Excel \.xlsx/);
  const realXlsx = Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer());
  assert.match(problem(await upload(realXlsx, 'doi-ten.csv'), 415).detail, /không phải văn bản \.csv/);
  problem(await upload(Buffer.from([0x4d, 0x5a, 0x90, 0x00]), 'x.csv'), 415);
  problem(await upload(csv, 'danh-sach.pdf'), 415);
  // JSON (the former base64 body) is not an upload.
  const json = await t.app.inject({
    method: 'POST',
    url: '/api/registry/units/03439/imports',
    headers: officer,
    payload: { fileName: 'x.csv', contentBase64: csv.toString('base64') },
  });
  problem(json, 415);
  // One byte over the limit.
  const big = Buffer.alloc(MAX_IMPORT_FILE_BYTES + 1, 0x41);
  assert.match(problem(await upload(big, 'lon.csv'), 413).detail, /quá lớn: tối đa 50 MB/);
  assert.equal(await jobs(), before, 'no job for a refused file');
});

test('the API documentation shows the upload as a multipart form with its file field', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const op = doc.paths['/api/registry/units/{code}/imports'].post;
  assert.deepEqual(Object.keys(op.requestBody.content), ['multipart/form-data']);
  assert.equal(op.requestBody.content['multipart/form-data'].schema.properties.file.format, 'binary');
  assert.match(op.summary, /at most 50 MB/);
});

test('a file that is not a table, or lacks required columns, is refused with the reason', async () => {
  // A ZIP signature without a workbook inside is not an .xlsx: 415 (it was 400 before the content check).
  const bad = await upload(Buffer.from('PK\x03\x04 but no workbook'), 'x.xlsx');
  assert.equal(bad.statusCode, 415);
  assert.equal(bad.json().errors[0].path, '/body/file');
  const j = await settled((await upload(Buffer.from('Mã hộ,Họ và tên\nA,B\n'), 'thieu-cot.csv')).json().id);
  assert.match(j.result.headerProblems[0].vi, /Thiếu cột: Ngày sinh, Giới tính, Dân tộc, Quan hệ với chủ hộ/);
});

test('a job stopped after one chunk has written nothing; resumed, its report equals a straight dry run', async () => {
  const commune = (await store.communeByCode(t.db.k, '03439'))!;
  const content = Buffer.from(
    csv
      .toString('utf8')
      .replace(/TL-00/g, 'TZ-0')
      .replace(/000(\d{3}),/g, '009$1,'),
  );
  const id = await t.db.k
    .transaction()
    .execute((tx) => startImport(tx, commune, { name: 'tz.csv', content }, { by: 'test', today: '2026-11-01', chunkSize: 2 }));
  const before = await count();
  const part = await runJob(t.db, id, { stopAfterChunks: 1 });
  assert.deepEqual([part.state, part.chunks, part.progress], ['running', 1, 2]);
  assert.equal(await count(), before);
  const ready = await runJob(t.db, id);
  assert.deepEqual([ready.state, ready.chunks], ['ready', 3]);
  assert.deepEqual((ready.result as { counts: unknown }).counts, { new: 2, unchanged: 0, changed: 0, rejected: 4 });
  const straight = await t.db.k.transaction().execute(async (tx) =>
    applyImport(tx, commune, parseRegistryTable(await readTableBuffer(content, 'tz.csv'), '2026-11-01'), {
      dryRun: true,
      hash: contentHash(content),
      fileName: 'tz.csv',
      by: 'test',
    }),
  );
  assert.deepEqual((await getJob(t.db.k, id))!.result, JSON.parse(JSON.stringify(straight)));
  assert.equal(await count(), before);
});

// ---- bounded imports (issue 18 High 3, Low "a zip holding an .exe, named .xlsx") ----------

test('a ZIP holding a program, named .xlsx, is refused 415 and nothing is stored', async () => {
  const JSZip = (await import('jszip')).default;
  const z = new JSZip();
  z.file('setup.exe', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]));
  const files = async () => (await sql<{ n: number }>`select count(*)::int as n from job_files`.execute(t.db.k)).rows[0]!.n;
  const before = await files();
  const r = await upload(await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), 'ho-khau.xlsx');
  assert.equal(r.statusCode, 415, r.body);
  assert.match(r.json().detail, /không phải tệp Excel \.xlsx/);
  assert.equal(r.json().errors[0].path, '/body/file');
  assert.equal(await files(), before, 'the file was not kept');
});

test('an import over 200,000 rows is refused 413 "rows" while reading (.csv and .xlsx); health answers', async () => {
  const header = 'Mã hộ,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Quan hệ với chủ hộ\n';
  const big = Buffer.from(header + 'H1,A,01/01/1990,Nam,Kinh,Chủ hộ\n'.repeat(200_001));
  const r = await upload(big, 'lon.csv');
  assert.equal(r.statusCode, 413, r.body);
  assert.equal(r.json().limit, 'rows');
  assert.match(r.json().detail, /tối đa 200\.000 dòng/);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode, 200);
  // One cell on row 1,000,001 of an otherwise small sheet: refused on the row's number, before any gap is filled.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhập');
  ws.addRow(header.trim().split(','));
  ws.getCell('A1000001').value = 'x';
  const x = await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'lon.xlsx');
  assert.equal(x.statusCode, 413, x.body);
  assert.equal(x.json().limit, 'rows');
});

test('GET /api/jobs/:id pages the row-level report (limit/offset) and says how many rows there are', async () => {
  const content = Buffer.from(
    csv
      .toString('utf8')
      .replace(/TL-00/g, 'TP-0')
      .replace(/000(\d{3}),/g, '007$1,'),
  );
  const j = await settled((await upload(content, 'trang.csv')).json().id);
  assert.equal(j.state, 'ready');
  assert.deepEqual(j.rows, { offset: 0, limit: 100, total: 6 });
  const p = (await t.app.inject({ method: 'GET', url: `/api/jobs/${j.id}?offset=2&limit=2`, headers: officer })).json();
  assert.deepEqual(p.rows, { offset: 2, limit: 2, total: 6 });
  assert.deepEqual(
    p.result.rows.map((r: { row: number }) => r.row),
    j.result.rows.slice(2, 4).map((r: { row: number }) => r.row),
  );
  assert.deepEqual(p.result.counts, j.result.counts, 'the counts are of the whole file');
  const tooMany = await t.app.inject({ method: 'GET', url: `/api/jobs/${j.id}?limit=100000`, headers: officer });
  assert.equal(tooMany.statusCode, 400);
});
