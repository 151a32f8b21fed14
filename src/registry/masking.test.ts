// Masking cannot be undone through other doors (issue 18, High 2 and Medium 8): the person
// search is no oracle on masked ID numbers, full reads through search are audited with the
// persons they showed, and a masked person's decisions, payroll lines and bank exports follow
// the same masking as the person record.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';
import ExcelJS from 'exceljs';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import { jobWorker } from '../jobs/runner.ts';
import { registryMember, deprivationsFirst } from '../../test/helpers/registry.ts';

let t: Awaited<ReturnType<typeof testApp>>;
const h: Record<string, Record<string, string>> = {};
const ID = '012040000777';
const member = registryMember;
const deprived = deprivationsFirst(4);
let personId = 0;
let spouseId = 0;

before(async () => {
  t = await testApp();
  for (const [name, role, unit] of [
    ['officer', 'officer', '03439'],
    ['approver', 'approver', '12'],
    ['supervisor', 'supervisor', '12'],
  ] as const) {
    const id = await createTestUser(t.db, { username: `mask-${name}`, role, unitCode: unit });
    h[name] = await sessionHeaders(t.db, id);
  }
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/registry/units/03439/households',
    headers: h.officer,
    payload: {
      household: {
        code: 'MASK-1',
        villageId: null,
        address: 'Bản Pa Thắng',
        area: 'rural',
        incomePerMonth: 1_100_000,
        deprivations: deprived,
        disadvantagedArea: true,
        merit: false,
      },
      members: [
        member({ personalId: ID, disability: 'severe', disabilityCertifiedOn: '2020-01-10' }),
        member({ fullName: 'Chu Mó Pà', sex: 'F', relation: 'spouse', dateOfBirth: '1950-06-05', disability: 'severe', disabilityCertifiedOn: '2020-01-10' }),
      ],
      reason: 'đăng ký mới',
    },
  });
  assert.equal(r.statusCode, 201, r.body);
  [personId, spouseId] = r.json().personIds;
});
after(async () => t.close());

const search = (who: string, q: string, extra = '') =>
  t.app.inject({ method: 'GET', url: `/api/registry/units/03439/persons?q=${encodeURIComponent(q)}${extra}`, headers: h[who]! });
const readFullEntries = async () =>
  (
    await sql<{
      after: { fields: string[]; personIds?: number[]; byPersonalId?: boolean };
    }>`select after from audit_log where action = 'person_search.read_full' order by seq`.execute(t.db.k)
  ).rows.map((r) => r.after);

test('a supervisor cannot recover a masked ID one digit at a time: no prefix of the ID matches, nor the whole ID', async () => {
  const masked = (await search('supervisor', 'ly me xa')).json().items[0];
  assert.equal(masked.personalId, '012******777');
  // The probe of the report: extend the known prefix "012" one digit at a time.
  for (const prefix of ['0120', '01204', '0120400', '01204000077']) {
    const r = await search('supervisor', prefix);
    assert.equal(r.statusCode, 200);
    assert.equal(r.json().total, 0, `the prefix ${prefix} must not find the person`);
  }
  assert.equal((await search('supervisor', ID)).json().total, 0, 'without the full-read permission a number is not matched against IDs at all');
});

test('an officer finds a person by the exact full ID only, and that search is audited as a full read with the person id', async () => {
  const before = (await readFullEntries()).length;
  for (const prefix of ['0120', '012040', '01204000077']) assert.equal((await search('officer', prefix)).json().total, 0, `prefix ${prefix}`);
  assert.equal((await readFullEntries()).length, before, 'no ID was matched, nothing to audit');
  const r = await search('officer', ID);
  assert.equal(r.json().total, 1);
  assert.equal(r.json().items[0].id, personId);
  assert.equal(r.json().items[0].personalId, '012******777', 'the result itself stays masked unless full=true');
  const log = await readFullEntries();
  assert.equal(log.length, before + 1);
  assert.deepEqual(log.at(-1)!.fields, ['personal_id']);
  assert.deepEqual(log.at(-1)!.personIds, [personId]);
  assert.equal(log.at(-1)!.byPersonalId, true);
});

test('a full search page is audited with the ids of the persons it showed', async () => {
  const r = await search('officer', 'ly me xa', '&full=true');
  assert.equal(r.statusCode, 200);
  assert.equal(r.headers['cache-control'], 'no-store', 'a full read is not cached');
  // (Every /api answer with personal data is no-store since the response headers of issue 18 item 8, a masked page too.)
  assert.equal(r.json().items[0].personalId, ID);
  const e = (await readFullEntries()).at(-1)!;
  assert.deepEqual(e.personIds, [personId]);
  assert.deepEqual(e.fields, ['personal_id', 'ethnic_code', 'disability', 'conditions']);
  assert.equal((await search('supervisor', 'ly me xa', '&full=true')).statusCode, 403);
});

const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: h[who]! });

test('Medium 8: a masked person’s decisions carry no category, coefficient or legal basis (Art. 5 cl. 6 would tell the disability)', async () => {
  for (const [id, channel, account] of [
    [personId, 'bank', '0123456789'],
    [spouseId, 'post', undefined],
  ] as const) {
    const d = await t.app.inject({
      method: 'POST',
      url: `/api/registry/persons/${id}/decisions`,
      headers: h.approver,
      payload: {
        number: `${id}/QĐ-UBND`,
        decidedOn: '2026-09-01',
        signer: 'Chủ tịch UBND xã',
        kind: 'start',
        startMonth: 202609,
        channel,
        ...(account ? { account } : {}),
      },
    });
    assert.equal(d.statusCode, 201, d.body);
    assert.equal(d.json().category, '5.6', 'severe disability: Decree 20/2021 Art. 5 cl. 6');
  }
  // A token narrowed to benefits.decide (no full read) records a decision but is not told its category.
  const tok = await t.app.inject({
    method: 'POST',
    url: '/api/tokens',
    headers: h.approver,
    payload: { name: 'decide only', permissions: ['benefits.decide'] },
  });
  assert.equal(tok.statusCode, 201, tok.body);
  const byToken = await t.app.inject({
    method: 'POST',
    url: `/api/registry/persons/${personId}/decisions`,
    headers: { authorization: `Bearer ${tok.json().token}` },
    payload: {
      number: 'T/QĐ-UBND',
      decidedOn: '2026-09-02',
      signer: 'Chủ tịch UBND xã',
      kind: 'change',
      startMonth: 202610,
      channel: 'bank',
      account: '0123456789',
    },
  });
  assert.equal(byToken.statusCode, 201, byToken.body);
  assert.deepEqual([byToken.json().category, byToken.json().basis, byToken.json().monthlyAmount], [null, null, 1_000_000]);
  const masked = await get('supervisor', `/api/registry/persons/${personId}`);
  assert.equal(masked.statusCode, 200);
  const dec = masked.json().decisions[0];
  assert.deepEqual([dec.category, dec.basis, dec.coefficientTenths, dec.masked], [null, null, null, true]);
  assert.equal(dec.monthlyAmount, 1_000_000, 'the amount paid stays');
  assert.doesNotMatch(masked.body, /5\.6|khoản 6|severe|certified/i, 'nothing in the page tells the disability');
  const full = await get('officer', `/api/registry/persons/${personId}?full=true`);
  assert.equal(full.headers['cache-control'], 'no-store');
  assert.equal(full.json().decisions[0].category, '5.6');
  assert.match(full.json().decisions[0].basis, /Nghị định 20\/2021/);
});

test('Medium 8: the payroll view and its exports mask alike: categories need the full-read permission, account numbers the payment roles', async () => {
  const pr = await t.app.inject({ method: 'POST', url: '/api/payments/units/03439/payrolls', headers: h.officer, payload: { month: 202609 } });
  assert.equal(pr.statusCode, 202, pr.body);
  await jobWorker(t.db).idle();
  const payrollId = (await get('officer', `/api/jobs/${pr.json().id}`)).json().result.payrollId;

  const sv = await get('supervisor', `/api/payments/payrolls/${payrollId}`);
  assert.equal(sv.statusCode, 200);
  const line = sv.json().lines.find((l: { personId: number }) => l.personId === personId);
  assert.deepEqual([line.category, line.account, line.personalId], [null, '***6789', '012******777']);
  assert.doesNotMatch(sv.body, /5\.6|0123456789/);
  // The report: the supervisor's bank CSV had the full account number the screen masked.
  const svCsv = await get('supervisor', `/api/payments/payrolls/${payrollId}/export?format=bank-csv`);
  assert.equal(svCsv.statusCode, 200);
  assert.match(svCsv.body, /\*\*\*6789,Lý Mé Xá,1000000/);
  assert.doesNotMatch(svCsv.body, /0123456789/);
  const svXlsx = await get('supervisor', `/api/payments/payrolls/${payrollId}/export?format=bank-xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(svXlsx.rawPayload as unknown as ArrayBuffer);
  assert.equal(String(wb.worksheets[0]!.getRow(2).getCell(2).value), '***6789');
  const svSig = await get('supervisor', `/api/payments/payrolls/${payrollId}/export?format=signatures`);
  const sig = new ExcelJS.Workbook();
  await sig.xlsx.load(svSig.rawPayload as unknown as ArrayBuffer);
  const sigRow = sig.worksheets[0]!.getRows(1, 20)!.find((r) => r.getCell(2).value === 'Chu Mó Pà')!;
  assert.equal(sigRow.getCell(5).value ?? '', '', 'no category on the supervisor’s signature list');

  const before = (await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'payroll.read_full'`.execute(t.db.k)).rows[0]!.n;
  const of = await get('officer', `/api/payments/payrolls/${payrollId}`);
  assert.equal(of.json().lines.find((l: { personId: number }) => l.personId === personId).category, '5.6', 'the officer holds the full-read permission');
  assert.equal(of.json().lines.find((l: { personId: number }) => l.personId === personId).account, '***6789', 'the screen never needs the account');
  const ofCsv = await get('officer', `/api/payments/payrolls/${payrollId}/export?format=bank-csv`);
  assert.match(ofCsv.body, /0123456789,Lý Mé Xá,1000000/, 'the one who prepares payments gets the file the bank needs');
  assert.equal(ofCsv.headers['cache-control'], 'no-store', 'a bank export is not cached');
  assert.equal(of.headers['cache-control'], 'no-store');
  const log = (
    await sql<{ after: { fields: string[]; personIds: number[] } }>`select after from audit_log where action = 'payroll.read_full' order by seq`.execute(t.db.k)
  ).rows;
  assert.equal(log.length, before + 2, 'both disclosures audited');
  assert.deepEqual(log.at(-2)!.after.fields, ['category']);
  assert.deepEqual(log.at(-2)!.after.personIds.sort(), [personId, spouseId].sort());
  assert.deepEqual(log.at(-1)!.after, { fields: ['account'], personIds: [personId] });
});

test('Medium 8: confirming a proposal by a token narrowed to benefits.decide is told the amount, not the category of the decision it records', async () => {
  // A change proposal for the severely disabled person (Decree 20/2021 Art. 5 cl. 6: category 5.6).
  const unitId = (await sql<{ unit_id: number }>`select unit_id from persons where id = ${personId}`.execute(t.db.k)).rows[0]!.unit_id;
  const ins = async (eventDate: string) =>
    (
      await sql<{ id: number }>`insert into life_event_proposals (province_code, unit_id, person_id, kind, event_date, effective_month, action, detail)
    values ('12', ${unitId}, ${personId}, 'review', ${eventDate}, 202612, 'change', '{}') returning id`.execute(t.db.k)
    ).rows[0]!.id;
  const decide = (id: number, headers: Record<string, string>, n: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/registry/proposals/${id}/decide`,
      headers,
      payload: { state: 'confirmed', decision: { number: n, decidedOn: '2026-11-20', signer: 'Chủ tịch UBND xã' } },
    });
  const tok = await t.app.inject({
    method: 'POST',
    url: '/api/tokens',
    headers: h.approver,
    payload: { name: 'decide proposals only', permissions: ['benefits.decide'] },
  });
  assert.equal(tok.statusCode, 201, tok.body);
  const byToken = await decide(await ins('2026-11-01'), { authorization: `Bearer ${tok.json().token}` }, 'P1/QĐ-UBND');
  assert.equal(byToken.statusCode, 200, byToken.body);
  const d = byToken.json().decision;
  assert.deepEqual([d.category, d.coefficientTenths, d.basis, d.masked], [null, null, null, true]);
  assert.equal(d.monthlyAmount, 1_000_000, 'the amount paid stays');
  assert.doesNotMatch(byToken.body, /5\.6|khoản 6/);
  const full = await decide(await ins('2026-11-02'), h.approver, 'P2/QĐ-UBND');
  assert.equal(full.statusCode, 200, full.body);
  assert.equal(full.json().decision.category, '5.6', 'the approver reads in full');
});
