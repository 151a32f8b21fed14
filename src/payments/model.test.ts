// Payroll arithmetic: start from the decision month (Decree 20/2021 Art. 8 cl. 1), arrears for
// months not yet paid, nothing after the month of death (Art. 8: stop from the month after death),
// stop decisions, reconciliation of a statement, cashless share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLine, cashlessShare, enrolledMonths, lineReference, monthsDue, payrollTotals, reconcile, sharedAccounts, type DecisionEvent } from './model.ts';

const start = (id: number, m: number, channel: DecisionEvent['channel'] = 'bank'): DecisionEvent => ({
  id,
  kind: 'start',
  startMonth: m,
  channel,
  account: '0123',
});
const amount750 = () => ({ amount: 750_000, category: '5.5c', coefficientTenths: 15 });

test('Art. 8 cl. 1: paid from the month of the decision; a decision signed in 05/2026 first paid in 07/2026 owes 05 and 06 as arrears', () => {
  const enrolled = enrolledMonths([start(1, 202605)], 202607);
  const line = buildLine(7, 202607, enrolled, new Set(), null, amount750)!;
  assert.deepEqual(
    line.items.map((i) => i.month),
    [202605, 202606, 202607],
  );
  assert.equal(line.current, 750_000);
  assert.equal(line.arrears, 1_500_000);
  assert.equal(line.total, 2_250_000);
  assert.equal(line.channel, 'bank');
});

test('months already paid are not paid again; a failed payment comes back as arrears', () => {
  const enrolled = enrolledMonths([start(1, 202601)], 202603);
  const line = buildLine(7, 202603, enrolled, new Set([202601]), null, amount750)!;
  assert.deepEqual(
    line.items.map((i) => i.month),
    [202602, 202603],
    '02/2026 failed last month, so it is owed again',
  );
  assert.equal(buildLine(7, 202603, enrolled, new Set([202601, 202602, 202603]), null, amount750), null);
});

test('Art. 8: nothing is paid after the month of death (died 15/03/2026: March paid, April not)', () => {
  const enrolled = enrolledMonths([start(1, 202601)], 202605);
  assert.deepEqual(monthsDue(enrolled.keys(), new Set([202601, 202602]), '2026-03-15'), [202603]);
  const line = buildLine(7, 202605, enrolled, new Set([202601, 202602]), '2026-03-15', amount750)!;
  assert.deepEqual(
    line.items.map((i) => i.month),
    [202603],
  );
  assert.equal(line.current, 0, 'nothing for May');
  assert.equal(buildLine(7, 202605, enrolled, new Set([202601, 202602, 202603]), '2026-03-15', amount750), null);
});

test('a stop decision ends payment from its month; a later start resumes; a change moves the channel', () => {
  const ds: DecisionEvent[] = [
    start(1, 202601, 'cash'),
    { id: 2, kind: 'stop', startMonth: 202603, channel: null, account: null },
    start(3, 202605, 'ewallet'),
  ];
  const e = enrolledMonths(ds, 202606);
  assert.deepEqual([...e.keys()], [202601, 202602, 202605, 202606]);
  assert.equal(e.get(202606)!.channel, 'ewallet');
  assert.equal(enrolledMonths([start(1, 202609)], 202606).size, 0, 'a decision for a later month owes nothing yet');
});

test('months whose amount the law cannot determine are left out of the total and reported', () => {
  const e = enrolledMonths([start(1, 202601)], 202602);
  const line = buildLine(7, 202602, e, new Set(), null, (m) => (m === 202601 ? { amount: null, category: null, coefficientTenths: null } : amount750()))!;
  assert.deepEqual(line.unknownMonths, [202601]);
  assert.equal(line.total, 750_000);
});

test('reconciliation applies exact matches and reports unknown references, duplicates and wrong amounts', () => {
  const lines = [
    { personId: 1, total: 750_000, status: 'pending' as const },
    { personId: 2, total: 500_000, status: 'pending' as const },
    { personId: 3, total: 1_000_000, status: 'pending' as const },
  ];
  const r = reconcile(9, lines, [
    { reference: lineReference(9, 1), amount: 750_000, status: 'paid' },
    { reference: lineReference(9, 2), amount: 400_000, status: 'paid' },
    { reference: lineReference(9, 3), amount: 0, status: 'returned' },
    { reference: lineReference(9, 3), amount: 0, status: 'returned' },
    { reference: 'AS8-1', amount: 750_000, status: 'paid' },
  ]);
  assert.deepEqual(r.updates, [
    { personId: 1, status: 'paid' },
    { personId: 3, status: 'returned' },
  ]);
  assert.equal(r.problems.length, 3);
});

test('cashless share counts bank accounts and e-wallets over all payments', () => {
  assert.deepEqual(cashlessShare([{ channel: 'bank' }, { channel: 'ewallet' }, { channel: 'cash' }, { channel: 'post' }]), { numerator: 2, denominator: 4 });
});

test('payroll totals add this month, arrears and the total of every line', () => {
  assert.deepEqual(
    payrollTotals([
      { current_amount: 500000, arrears: 0, total: 500000 },
      { current_amount: 750000, arrears: 1500000, total: 2250000 },
    ]),
    { lines: 2, current: 1250000, arrears: 1500000, total: 2750000 },
  );
  assert.deepEqual(payrollTotals([]), { lines: 0, current: 0, arrears: 0, total: 0 });
});

test('shared accounts: two persons paid to one account (spacing ignored) are flagged; cash lines and one person are not', () => {
  const l = (person_id: number, channel: 'bank' | 'ewallet' | 'cash' | 'post', account: string | null) => ({
    person_id,
    full_name: `P${person_id}`,
    channel,
    account,
  });
  const r = sharedAccounts([
    l(1, 'bank', '0123 456 789'),
    l(2, 'bank', '0123456789'),
    l(3, 'bank', '999'),
    l(4, 'cash', '999'),
    l(5, 'ewallet', null),
    l(6, 'post', null),
  ]);
  assert.deepEqual(
    r.map((g) => [g.account, g.lines.map((x) => x.person_id)]),
    [['0123456789', [1, 2]]],
  );
  assert.deepEqual(sharedAccounts([l(1, 'bank', '111'), l(1, 'bank', '111')]), [], 'the same person twice is not a shared account');
});
