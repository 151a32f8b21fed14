// The fund rules against their sources (src/law/funds.ts): Decree 03/2026/NĐ-CP's publication by
// 31 March of the next year; the Gratitude Fund's cost cap unknown until verified.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GRATITUDE_FUND_COST_CAP_PERCENT, PUBLICATION_DEADLINE, publicationDeadline, withinCostCap } from './funds.ts';

test('Decree 03/2026: the receipts and spending of 2026 are published by 31/03/2027', () => {
  assert.equal(PUBLICATION_DEADLINE.verified, true);
  assert.equal(publicationDeadline(2026), '2027-03-31');
});

test('Decree 131/2021: the cost cap is unverified, so the answer is unknown, not a guess', () => {
  assert.equal(GRATITUDE_FUND_COST_CAP_PERCENT.verified, false);
  assert.equal(GRATITUDE_FUND_COST_CAP_PERCENT.value, null);
  assert.equal(withinCostCap(1, 1_000_000), 'unknown');
});
