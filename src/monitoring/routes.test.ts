// The monitoring API over HTTP (in-process): form, save, submit with field errors in
// problem+json, approve, and the province dashboard changing at once; DHIS2 export; .xlsx.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { testApp } from '../../test/helpers/app.ts';
import { monitoringDb, seedFixture } from './fixture.ts';

import { createTestUser, sessionHeaders } from '../access/testing.ts';

test('enter → submit (errors at the field) → approve → the province dashboard changes at once', async () => {
  const db = await monitoringDb();
  const ids = await seedFixture(db);
  const { app, close } = await testApp(db);
  try {
    const k = db.k;
    const code = (await sql<{ code: string }>`select code from units where id = ${ids.communes['Xã Thu Lũm']!}`.execute(k)).rows[0]!.code;
    const url = `/api/monitoring/units/${code}/periods/2026`;
    const officer = {
      ...(await sessionHeaders(db, await createTestUser(db, { username: 'canbo', role: 'officer', unitCode: code }))),
      'accept-language': 'vi',
    };
    const selfApprover = await sessionHeaders(db, await createTestUser(db, { username: 'xa', role: 'approver', unitCode: code }));
    const approver = {
      ...(await sessionHeaders(db, await createTestUser(db, { username: 'tinh', role: 'approver', unitCode: '98' }))),
      'accept-language': 'vi',
    };
    let as = officer;
    const headers = () => as;
    assert.equal((await app.inject({ method: 'GET', url: `${url}/form` })).statusCode, 401);
    const form = await app.inject({ method: 'GET', url: `${url}/form`, headers: headers() });
    assert.equal(form.statusCode, 200);
    const f = form.json();
    assert.equal(f.status, 'missing');
    assert.match(f.indicators.find((i: { code: string }) => i.code === 'poor_household_rate').name, /^Tỷ lệ hộ nghèo/); // Vietnamese by default

    const bad = await app.inject({
      method: 'PUT',
      url: `${url}/form`,
      headers: headers(),
      payload: { values: [{ indicatorCode: 'poor_household_rate', disaggregation: '', numerator: 1300, denominator: 1200 }] },
    });
    assert.equal(bad.statusCode, 200);
    assert.ok(
      bad.json().issues.some((i: { path: string; message: string }) => i.path === '/values/0/numerator' && /không được lớn hơn mẫu số/.test(i.message)),
    );
    const refused = await app.inject({ method: 'POST', url: `${url}/submit`, headers: headers() });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.headers['content-type'] as string, /application\/problem\+json/);
    assert.ok(refused.json().errors.some((e: { path: string }) => e.path === '/values/0/numerator'));

    const badPeriod = await app.inject({ method: 'GET', url: `/api/monitoring/units/${code}/periods/2026Q5/form`, headers: headers() });
    assert.equal(badPeriod.statusCode, 400);

    await app.inject({
      method: 'PUT',
      url: `${url}/form`,
      headers: headers(),
      payload: {
        values: [
          { indicatorCode: 'poor_household_rate', disaggregation: '', numerator: 300, denominator: 1200 },
          { indicatorCode: 'health_insurance_coverage', disaggregation: '', numerator: 5700, denominator: 6000 },
          { indicatorCode: 'temporary_houses_removed', disaggregation: '', value: 12 },
        ],
      },
    });
    // Evidence: a PDF is accepted, an executable renamed .pdf is not, nor a file over 2 MB.
    const pdf = Buffer.from('%PDF-1.4\n% biên bản rà soát hộ nghèo\n%%EOF\n');
    const up = await app.inject({
      method: 'POST',
      url: `${url}/attachments`,
      headers: headers(),
      payload: { fileName: 'bien-ban.pdf', contentBase64: pdf.toString('base64') },
    });
    assert.equal(up.statusCode, 201, up.body);
    assert.equal(up.json().contentType, 'application/pdf');
    const exe = await app.inject({
      method: 'POST',
      url: `${url}/attachments`,
      headers: headers(),
      payload: { fileName: 'bien-ban.pdf', contentBase64: Buffer.from('MZ\x90\x00rest').toString('base64') },
    });
    assert.equal(exe.statusCode, 415);
    const big = await app.inject({
      method: 'POST',
      url: `${url}/attachments`,
      headers: headers(),
      payload: { fileName: 'lon.pdf', contentBase64: Buffer.concat([pdf, Buffer.alloc(2 * 1024 * 1024)]).toString('base64') },
    });
    assert.equal(big.statusCode, 413);
    const list = (await app.inject({ method: 'GET', url: `${url}/attachments`, headers: headers() })).json().items;
    assert.equal(list.length, 1);
    const dl = await app.inject({ method: 'GET', url: `${url}/attachments/${list[0].id}`, headers: headers() });
    assert.deepEqual(dl.rawPayload, pdf);
    assert.equal((await app.inject({ method: 'POST', url: `${url}/submit`, headers: headers() })).json().status, 'submitted');
    assert.equal((await app.inject({ method: 'POST', url: `${url}/approve`, headers: officer })).statusCode, 403); // no monitoring.approve
    assert.equal((await app.inject({ method: 'POST', url: `${url}/approve`, headers: selfApprover })).statusCode, 403); // not the level above
    as = approver;
    const before = (await app.inject({ method: 'GET', url: '/api/monitoring/units/98/dashboard?year=2026', headers: headers() })).json();
    assert.ok(before.rows, JSON.stringify(before));
    assert.equal(before.rows.find((r: { indicator: { code: string } }) => r.indicator.code === 'poor_household_rate').status, 'no_data');
    const noReason = await app.inject({ method: 'POST', url: `${url}/return`, headers: headers(), payload: {} });
    assert.equal(noReason.statusCode, 400);
    assert.equal((await app.inject({ method: 'POST', url: `${url}/approve`, headers: headers() })).json().status, 'approved');
    const after = (await app.inject({ method: 'GET', url: '/api/monitoring/units/98/dashboard?year=2026', headers: headers() })).json();
    const poor = after.rows.find((r: { indicator: { code: string } }) => r.indicator.code === 'poor_household_rate');
    assert.equal(poor.latest.value, 25);
    assert.equal(poor.latest.year, 2026);
    const locked = await app.inject({
      method: 'PUT',
      url: `${url}/form`,
      headers: officer,
      payload: { values: [{ indicatorCode: 'temporary_houses_removed', disaggregation: '', value: 13 }] },
    });
    assert.equal(locked.statusCode, 409);
    assert.match(locked.json().detail, /đã duyệt bị khóa/);

    const audited = await sql<{ action: string }>`select action from audit_log where entity = 'monitoring_submission' order by seq`.execute(k);
    assert.deepEqual(
      audited.rows.map((r) => r.action),
      ['monitoring.submit', 'monitoring.approve'],
    );
    const comp = (await app.inject({ method: 'GET', url: '/api/monitoring/units/98/periods/2026/completeness', headers: headers() })).json();
    assert.equal(comp.expected, 6);
    assert.equal(comp.received, 1);

    const set = (await app.inject({ method: 'GET', url: '/api/monitoring/dataValueSets?orgUnit=98&period=2026', headers: headers() })).json();
    assert.ok(set.dataValues.some((v: { dataElement: string; value: string }) => v.dataElement === 'poor_household_rate.numerator' && v.value === '300'));

    const x = await app.inject({ method: 'GET', url: '/api/monitoring/units/98/dashboard.xlsx?year=2026', headers: headers() });
    assert.equal(x.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    assert.equal(ws.getRow(3).getCell(1).value, 'Chỉ tiêu');
    const rows = ws
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[])[1]);
    assert.ok(rows.some((r) => typeof r === 'string' && r.startsWith('Tỷ lệ hộ nghèo')));

    const docx = await app.inject({ method: 'GET', url: '/api/monitoring/units/98/report.docx?year=2026', headers: headers() });
    assert.equal(docx.statusCode, 200);
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    assert.match(text, /Kết quả thực hiện Nghị quyết số 42-NQ\/TW năm 2026/);
    assert.match(text, /theo dõi 2 chỉ tiêu: 0 chỉ tiêu đã đạt/);
    assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  } finally {
    await close();
  }
});

test('the DHIS2 import writes values as approved, so it follows the approval rule (policy.ts): the level above, never the unit itself', async () => {
  const db = await monitoringDb();
  const ids = await seedFixture(db);
  const { app, close } = await testApp(db);
  try {
    const k = db.k;
    const commune = (await sql<{ code: string }>`select code from units where id = ${ids.communes['Xã Thu Lũm']!}`.execute(k)).rows[0]!.code;
    const province = {
      ...(await sessionHeaders(db, await createTestUser(db, { username: 'tinh-dhis2', role: 'approver', unitCode: '98' }))),
      'accept-language': 'vi',
    };
    const selfApprover = {
      ...(await sessionHeaders(db, await createTestUser(db, { username: 'xa-dhis2', role: 'approver', unitCode: commune }))),
      'accept-language': 'vi',
    };
    const set = (orgUnit: string) => ({
      dataSet: 'ansinh-nq42',
      period: '2025',
      orgUnit,
      dataValues: [{ dataElement: 'temporary_houses_removed', value: '7' }],
    });
    const post = (headers: Record<string, string>, orgUnit: string) =>
      app.inject({ method: 'POST', url: '/api/monitoring/dataValueSets?dryRun=true', headers, payload: set(orgUnit) });

    const byProvince = await post(province, commune);
    assert.equal(byProvince.statusCode, 200, byProvince.body);
    assert.deepEqual(byProvince.json().conflicts, [], 'the province decides its communes’ reports');
    for (const [who, orgUnit] of [
      [selfApprover, commune],
      [province, '98'],
    ] as const) {
      const r = await post(who, orgUnit);
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(
        r.json().conflicts.map((c: { object: string }) => c.object),
        ['orgUnit'],
        `${orgUnit}: its own unit's values are not its to approve`,
      );
      assert.match(r.json().conflicts[0].message, /cấp trên trực tiếp/);
    }
    const n = await sql<{ n: number }>`select count(*)::int as n from monitoring_values`.execute(k);
    assert.equal(n.rows[0]!.n, 0, 'a dry run writes nothing');
  } finally {
    await close();
  }
});
