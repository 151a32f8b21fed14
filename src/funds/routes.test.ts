// Funds over HTTP (issue 13 item 3) on PGlite and PostgreSQL: a fund's receipts, an allocation to
// a housing case and its spending; a Vietcombank statement imported and matched (reference, donor
// name), the unmatched money-in line made a receipt, the same file twice changing nothing, a file
// whose balances do not add up refused with nothing written; the public ledger without login:
// accent-insensitive donor search, amount and period, beneficiaries as name and hamlet, totals
// that reconcile to the bank balance, rate-limited; bad input answered with field paths; audit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';
import { formData } from '../../test/helpers/form.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import { readConfig } from '../kernel/config.ts';

// The limit every public route has (src/server.ts, ANSINH_PUBLIC_RATE).
const PUBLIC_LEDGER_PER_MINUTE = readConfig({ ...process.env, DATABASE_URL: '' }).publicRate;

let t: Awaited<ReturnType<typeof testApp>>;
const h: Record<string, Record<string, string>> = {};
let fund = 0;
const fixture = (n: string) => readFileSync(new URL(`../../test/fixtures/funds/${n}`, import.meta.url));
const count = async (table: string) => (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db.k)).rows[0]!.n;
const counts = async () =>
  Object.fromEntries(
    await Promise.all(['fund_receipts', 'fund_spendings', 'fund_statements', 'fund_statement_lines', 'audit_log'].map(async (x) => [x, await count(x)])),
  );

async function upload(name: string, content: Buffer, fields: Record<string, string> = {}, headers = h.officer!) {
  const f = await formData({ file: { name, content }, ...fields });
  return t.app.inject({ method: 'POST', url: `/api/funds/${fund}/statements`, headers: { ...headers, 'content-type': f.contentType }, payload: f.payload });
}
const post = (url: string, payload: unknown, headers = h.officer!) => t.app.inject({ method: 'POST', url, headers, payload: payload as object });

before(async () => {
  t = await testApp(undefined, { now: () => new Date('2024-08-15T03:00:00Z') });
  for (const [name, role, unit] of [
    ['officer', 'officer', '03439'],
    ['supervisor', 'supervisor', '12'],
    ['other', 'officer', '15889'],
  ] as const)
    h[name] = await sessionHeaders(t.db, await createTestUser(t.db, { username: `funds-${name}`, role, unitCode: unit }));
});
after(() => t.close());

test('an officer opens the commune Gratitude Fund; another commune cannot see it', async () => {
  const r = await post('/api/funds', {
    unitCode: '03439',
    kind: 'gratitude',
    name: 'Quỹ Đền ơn đáp nghĩa xã',
    bankName: 'Vietcombank',
    accountNumber: '1234567890',
  });
  assert.equal(r.statusCode, 201, r.body);
  fund = r.json().id;
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/funds/${fund}`, headers: h.other! })).statusCode, 404);
  assert.equal((await post(`/api/funds/${fund}/receipts`, { donor: 'X', amount: 1, receivedOn: '2024-08-01', channel: 'cash' }, h.other!)).statusCode, 404);
  assert.equal(
    (await post(`/api/funds/${fund}/receipts`, { donor: 'X', amount: 1, receivedOn: '2024-08-01', channel: 'cash' }, h.supervisor!)).statusCode,
    403,
  );
});

test('a negative amount or a receipt dated in the future is refused with its field path and changes nothing', async () => {
  const before = await counts();
  const neg = await post(`/api/funds/${fund}/receipts`, { donor: 'Nguyễn Văn An', amount: -5000, receivedOn: '2024-08-02', channel: 'bank' });
  assert.equal(neg.statusCode, 400);
  assert.match(neg.headers['content-type'] as string, /application\/problem\+json/);
  assert.ok(neg.json().errors.some((e: { path: string }) => e.path === '/body/amount'));
  const future = await post(`/api/funds/${fund}/receipts`, { donor: 'Nguyễn Văn An', amount: 5000, receivedOn: '2024-08-16', channel: 'bank' });
  assert.equal(future.statusCode, 400);
  assert.ok(future.json().errors.some((e: { path: string }) => e.path === '/body/receivedOn'));
  const over = await post(`/api/funds/${fund}/spendings`, { amount: 1_000_000, spentOn: '2024-08-02', purpose: 'chi thử' });
  assert.equal(over.statusCode, 400, 'a spending beyond the balance');
  assert.deepEqual(await counts(), before);
});

test('receipts, an allocation to a housing case and its spending are recorded and audited', async () => {
  assert.equal(
    (await post(`/api/funds/${fund}/receipts`, { donor: 'Nguyễn Văn An', amount: 5_000_000, receivedOn: '2024-08-02', channel: 'bank', purpose: 'Ủng hộ quỹ' }))
      .statusCode,
    201,
  );
  assert.equal(
    (
      await post(`/api/funds/${fund}/receipts`, {
        donor: 'Công ty TNHH Hòa Bình',
        amount: 2_000_000,
        receivedOn: '2024-08-03',
        channel: 'bank',
        reference: 'FT24216002',
      })
    ).statusCode,
    201,
  );
  const a = await post(`/api/funds/${fund}/allocations`, {
    caseKind: 'housing_case',
    caseRef: '17',
    description: 'Hỗ trợ sửa nhà',
    beneficiaryName: 'Lò Văn Pao',
    beneficiaryHamlet: 'Bản Thu Lũm',
    amount: 3_000_000,
    decidedOn: '2024-08-06',
  });
  assert.equal(a.statusCode, 201, a.body);
  const s = await post(`/api/funds/${fund}/spendings`, {
    allocationId: a.json().id,
    amount: 3_000_000,
    spentOn: '2024-08-07',
    purpose: 'Hỗ trợ sửa nhà hộ ông Lò Văn Pao',
    reference: 'FT24220004',
  });
  assert.equal(s.statusCode, 201, s.body);
  assert.equal(
    (await post(`/api/funds/${fund}/spendings`, { allocationId: a.json().id, amount: 1, spentOn: '2024-08-07', purpose: 'thêm' })).statusCode,
    400,
    'beyond the allocation',
  );
  const actions = (await sql<{ action: string }>`select action from audit_log where action like 'fund%' order by seq`.execute(t.db.k)).rows.map(
    (r) => r.action,
  );
  assert.deepEqual(actions, ['fund.create', 'fund_receipt.create', 'fund_receipt.create', 'fund_allocation.create', 'fund_spending.create']);
});

test('a statement whose balances do not add up is refused and changes nothing', async () => {
  const before = await counts();
  const r = await upload('sai-tong.csv', fixture('sai-tong.csv'), { createReceipts: 'true' });
  assert.equal(r.statusCode, 400, r.body);
  assert.match(r.json().errors[0].message, /không khớp/);
  assert.deepEqual(await counts(), before);
});

test('a Vietcombank statement: lines matched by reference and donor name, the unmatched credit made a receipt; the same file twice changes nothing', async () => {
  const r = await upload('vietcombank-sao-ke.csv', fixture('vietcombank-sao-ke.csv'), { createReceipts: 'true' });
  assert.equal(r.statusCode, 200, r.body);
  const b = r.json();
  assert.equal(b.bank, 'vietcombank');
  assert.equal(b.openingBalance, 10_000_000);
  assert.equal(b.closingBalance, 14_300_000);
  assert.equal(b.lines, 4);
  assert.equal(b.matched, 3, 'Nguyễn Văn An by name, Hòa Bình by reference, the spending by reference');
  assert.equal(b.receiptsCreated, 1);
  assert.deepEqual(b.unmatched, []);
  const created = (await sql<{ donor: string; amount: string }>`select donor, amount from fund_receipts where donor like 'TRAN%'`.execute(t.db.k)).rows;
  assert.deepEqual(
    created.map((c) => [c.donor, Number(c.amount)]),
    [['TRAN THI BICH', 300_000]],
  );
  const before = await counts();
  const again = await upload('vietcombank-sao-ke.csv', fixture('vietcombank-sao-ke.csv'), { createReceipts: 'true' });
  assert.equal(again.statusCode, 200);
  assert.equal(again.json().alreadyImported, true);
  assert.deepEqual(await counts(), before);
  const fundView = (await t.app.inject({ method: 'GET', url: `/api/funds/${fund}`, headers: h.officer! })).json();
  assert.equal(fundView.bank.reconciled, true);
  assert.equal(fundView.totals.balance, 5_000_000 + 2_000_000 + 300_000 - 3_000_000);
});

test('a BIDV statement without printed balances takes them from the form; unmatched lines are listed and the bank side no longer reconciles', async () => {
  const missing = await upload('bidv-sao-ke-thang-8b.csv', fixture('bidv-sao-ke-thang-8b.csv'));
  assert.equal(missing.statusCode, 400);
  assert.ok(missing.json().errors.some((e: { path: string }) => e.path === '/body/openingBalance'));
  const r = await upload('bidv-sao-ke-thang-8b.csv', fixture('bidv-sao-ke-thang-8b.csv'), { openingBalance: '14.300.000', closingBalance: '15.750.000' });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().bank, 'bidv');
  assert.deepEqual(
    r.json().unmatched.map((l: { amount: number }) => l.amount),
    [1_000_000, 450_000],
  );
  const list = (await t.app.inject({ method: 'GET', url: `/api/funds/${fund}/unmatched`, headers: h.supervisor! })).json();
  assert.equal(list.items.length, 2);
  const pub = (await t.app.inject({ method: 'GET', url: `/api/public/funds/${fund}` })).json();
  assert.equal(pub.fund.bank.reconciled, false);
  assert.equal(pub.fund.bank.unmatchedMovement, 1_450_000);
});

test('the public ledger, no login: donor search without accents, amount, period; beneficiaries as name and hamlet; totals equal the bank statement', async () => {
  const units = await t.app.inject({ method: 'GET', url: '/api/public/units/03439/funds' });
  assert.equal(units.statusCode, 200);
  assert.equal(units.json().items[0].name, 'Quỹ Đền ơn đáp nghĩa xã');
  const byName = (await t.app.inject({ method: 'GET', url: `/api/public/funds/${fund}/receipts?q=nguyen%20van` })).json();
  assert.deepEqual(
    byName.items.map((x: { donor: string }) => x.donor),
    ['Nguyễn Văn An'],
  );
  const accented = (await t.app.inject({ method: 'GET', url: `/api/public/funds/${fund}/receipts?q=${encodeURIComponent('HÒA BÌNH')}` })).json();
  assert.equal(accented.total, 1);
  const byAmount = (await t.app.inject({ method: 'GET', url: `/api/public/funds/${fund}/receipts?amount=300000` })).json();
  assert.equal(byAmount.items[0].donor, 'TRAN THI BICH');
  const period = (await t.app.inject({ method: 'GET', url: `/api/public/funds/${fund}/receipts?from=2024-08-03&to=2024-08-05` })).json();
  assert.equal(period.sum, 2_300_000);
  const spent = (await t.app.inject({ method: 'GET', url: `/api/public/funds/${fund}/spendings?q=sua%20nha` })).json();
  assert.deepEqual(spent.items[0].beneficiary, { name: 'Lò Văn Pao', hamlet: 'Bản Thu Lũm' });
  assert.equal(Object.keys(spent.items[0]).includes('createdBy'), false);
  const f = (await t.app.inject({ method: 'GET', url: `/api/public/funds/${fund}?from=2024-08-01&to=2024-08-10` })).json();
  // The August 1–10 statement: opening 10,000,000 + 7,300,000 in − 3,000,000 out = 14,300,000 closing.
  assert.equal(f.periodTotals.receipts, 7_300_000);
  assert.equal(f.periodTotals.spendings, 3_000_000);
  assert.equal(10_000_000 + f.periodTotals.balance, 14_300_000);
  const bad = await t.app.inject({ method: 'GET', url: `/api/public/funds/${fund}/receipts?from=2024-08-10&to=2024-08-01` });
  assert.equal(bad.statusCode, 400);
});

test('the public ledger is rate-limited per address', async () => {
  let last = 0;
  for (let i = 0; i <= PUBLIC_LEDGER_PER_MINUTE; i++)
    last = (await t.app.inject({ method: 'GET', url: `/api/public/funds/${fund}/receipts?limit=1`, remoteAddress: '10.1.2.3' })).statusCode;
  assert.equal(last, 429);
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/public/funds/${fund}/receipts?limit=1`, remoteAddress: '10.1.2.4' })).statusCode, 200);
});

test('an unmatched bank line linked by hand: to a receipt of the same amount, or to a new receipt from a named donor; refusals change nothing; audited', async () => {
  const lines = async () => (await t.app.inject({ method: 'GET', url: `/api/funds/${fund}/unmatched`, headers: h.officer! })).json().items;
  // Lê Văn Hùng's receipt was written down on 01/08, ten days before the bank booked it: too far for the automatic match.
  const rec = await post(`/api/funds/${fund}/receipts`, { donor: 'Lê Văn Hùng', amount: 1_000_000, receivedOn: '2024-08-01', channel: 'bank' });
  assert.equal(rec.statusCode, 201, rec.body);
  const other = await post(`/api/funds/${fund}/receipts`, { donor: 'Người khác', amount: 999_000, receivedOn: '2024-08-01', channel: 'cash' });
  const [hung, mai] = await lines();
  assert.equal(hung.amount, 1_000_000);
  assert.deepEqual(
    hung.candidates.map((c: { id: number; label: string }) => [c.id, c.label]),
    [[rec.json().id, 'Lê Văn Hùng']],
  );
  const link = (lineId: number, body: object, who = h.officer!) => post(`/api/funds/${fund}/lines/${lineId}/link`, body, who);
  const before = await counts();
  const wrongAmount = await link(hung.id, { receiptId: other.json().id });
  assert.equal(wrongAmount.statusCode, 400);
  assert.equal(wrongAmount.json().errors[0].path, '/body/receiptId');
  const spending = (await sql<{ id: number }>`select id from fund_spendings where fund_id = ${fund} limit 1`.execute(t.db.k)).rows[0]!.id;
  assert.equal((await link(hung.id, { spendingId: spending })).statusCode, 400, 'money in to a spending');
  assert.equal((await link(hung.id, { receiptId: rec.json().id, donor: 'X' })).statusCode, 400, 'one of the three');
  assert.equal((await link(hung.id, { receiptId: rec.json().id }, h.supervisor!)).statusCode, 403);
  assert.equal((await link(hung.id, { receiptId: rec.json().id }, h.other!)).statusCode, 404);
  assert.deepEqual(await counts(), before, 'refusals change nothing');

  const ok = await link(hung.id, { receiptId: rec.json().id });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json(), { lineId: hung.id, receiptId: rec.json().id, spendingId: null, created: false });
  assert.equal((await link(hung.id, { receiptId: rec.json().id })).statusCode, 409, 'a line is linked once');
  const made = await link(mai.id, { donor: 'Hoàng Thị Mai' });
  assert.equal(made.statusCode, 200, made.body);
  assert.equal(made.json().created, true);
  assert.deepEqual(await lines(), []);
  const after = await counts();
  assert.deepEqual([after.fund_receipts - before.fund_receipts, after.audit_log - before.audit_log], [1, 2]);
  const entry = (
    await sql<{
      after: { amount: number; receiptId: number };
    }>`select after from audit_log where action = 'fund_statement_line.link' order by seq limit 1`.execute(t.db.k)
  ).rows[0]!;
  assert.deepEqual([entry.after.amount, entry.after.receiptId], [1_000_000, rec.json().id]);
  const pub = (await t.app.inject({ method: 'GET', url: `/api/public/funds/${fund}` })).json();
  assert.equal(pub.fund.bank.unmatchedMovement, 0);
  const found = (await t.app.inject({ method: 'GET', url: `/api/public/funds/${fund}/receipts?q=hoang%20thi%20mai` })).json();
  assert.deepEqual([found.total, found.items[0].receivedOn, found.items[0].amount], [1, '2024-08-12', 450_000]);
});
