// The masking rules of the presenters, without a database: a masked reader gets the same
// answer from every record type (issue 18, Medium 8), so no field tells what another hides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FULL, MASKED, maskAccount, maskPersonalId, presentPersonVersion } from '../registry/presenters.ts';
import { presentBankLine, presentDecision, presentPayrollLine } from './presenters.ts';
import type { PayrollLineRow } from './store.ts';

const line: PayrollLineRow = {
  person_id: 7,
  full_name: 'Lý Mé Xá',
  personal_id: '012040000777',
  village_name: 'Bản Pa Thắng',
  household_code: 'TL-1',
  channel: 'bank',
  account: '0123456789',
  current_amount: 1_000_000,
  arrears: 0,
  total: 1_000_000,
  status: 'pending' as PayrollLineRow['status'],
  category: '5.6',
};

test('masked: ID province and last three digits, account last four', () => {
  assert.equal(maskPersonalId('012040000777'), '012******777');
  assert.equal(maskPersonalId(null), null);
  assert.equal(maskAccount('0123456789'), '***6789');
  assert.equal(maskAccount(null), null);
});

test('a decision masked withholds category, coefficient and basis for every category alike; the amount stays', () => {
  const base = {
    id: 1,
    number: '1/QĐ-UBND',
    decided_on: '2026-09-01',
    signer: 'x',
    kind: 'start',
    monthly_amount: 1_000_000,
    start_month: 202609,
    channel: 'bank',
  };
  for (const [category, basis] of [
    ['5.6', 'khoản 6 Điều 5 Nghị định 20/2021/NĐ-CP'],
    ['5.5', 'khoản 5 Điều 5 Nghị định 20/2021/NĐ-CP'],
  ]) {
    const d = presentDecision({ ...base, category, coefficient_tenths: 20, basis }, MASKED);
    assert.deepEqual([d.category, d.coefficientTenths, d.basis, d.monthlyAmount, d.masked], [null, null, null, 1_000_000, true], category);
  }
  assert.equal(presentDecision({ ...base, category: '5.6', coefficient_tenths: 20, basis: 'b' }, FULL).category, '5.6');
});

test('a payroll line and its bank-file row mask the account alike', () => {
  const masked = presentPayrollLine(line, MASKED);
  assert.deepEqual([masked.personal_id, masked.account, masked.category], ['012******777', '***6789', null]);
  assert.equal(presentBankLine(12, 202609, line, MASKED)[1], masked.account);
  assert.equal(presentBankLine(12, 202609, line, { ...MASKED, accounts: true })[1], '0123456789');
  assert.deepEqual(presentBankLine(12, 202609, line, FULL), ['AS12-7', '0123456789', 'Lý Mé Xá', 1_000_000, 'Tro cap xa hoi thang 09/2026']);
});

test('a masked person version drops the sensitive columns, the disability certification date among them', () => {
  const v = {
    version: 2,
    recorded_at: '2026-01-01T00:00:00.000Z',
    recorded_by: 'x',
    reason: 'r',
    data: {
      full_name: 'A',
      personal_id: '012040000777',
      ethnic_code: '35',
      disability: 'severe',
      disability_certified_on: '2020-01-10',
      conditions: ['hiv'],
      social_insurance_no: '0123456789',
    },
  };
  assert.deepEqual(presentPersonVersion(v, MASKED).data, { full_name: 'A' });
  assert.deepEqual(presentPersonVersion(v, FULL).data, v.data);
});
