// Monthly social assistance: Decree 20/2021/NĐ-CP Art. 5 (categories), Art. 6 (coefficients,
// highest only, single-parent exception), Art. 8 (start and stop months), Decree 76/2024 (500,000
// from 07/2024) and the social pension interplay from 07/2025 (Social Insurance Law 2024 Art. 21–22).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { amountOf, datesForMonth, entitlementInMonth, type HouseholdContext, type PersonFacts } from './assistance.ts';
import type { PovertyClass } from './poverty.ts';
import { LAW_PARAMETERS, paramAt, provinceOverride, withVersions } from './parameters.ts';

const poor: HouseholdContext = { povertyStatus: 'poor' };
const nearPoor: HouseholdContext = { povertyStatus: 'near_poor' };
const notPoor: HouseholdContext = { povertyStatus: 'none' };
const payable = (e: ReturnType<typeof entitlementInMonth>) => e.benefits.filter((b) => b.status === 'payable');

const elderlyPoor: PersonFacts = { id: 'e', dateOfBirth: '1950-05-10', elderlyNoSupporter: true };

test('Decree 20/2021 Art. 6 cl. 1đ: elderly poor with no supporter, coefficient 1.5: 360,000 × 1.5 = 540,000 in 06/2024', () => {
  const e = entitlementInMonth(elderlyPoor, poor, '2024-06');
  assert.equal(e.monthlyTotal, 540_000);
  assert.equal(payable(e)[0].category, '5.5a');
  assert.equal(payable(e)[0].coefficient, 15);
  assert.ok(
    payable(e)[0].basis.some((b) => b.document === 'Nghị định 20/2021/NĐ-CP' && b.article.startsWith('Điều 5')),
    'cites Art. 5',
  );
});

test('Decree 76/2024: the same person from 07/2024: 500,000 × 1.5 = 750,000', () => {
  const e = entitlementInMonth(elderlyPoor, poor, '2024-07');
  assert.equal(e.monthlyTotal, 750_000);
  assert.ok(payable(e)[0].basis.some((b) => b.document === 'Nghị định 76/2024/NĐ-CP'));
});

test('Decree 20/2021 Art. 6 cl. 1a: child with no support under 4 gets 2.5; from the month of the 4th birthday 1.5', () => {
  const child: PersonFacts = { id: 'c', dateOfBirth: '2021-09-15', noSupport: true };
  const before = entitlementInMonth(child, notPoor, '2025-08');
  assert.equal(before.age, 3);
  assert.equal(payable(before)[0].coefficient, 25);
  assert.equal(before.monthlyTotal, 1_250_000);
  const birthday = entitlementInMonth(child, notPoor, '2025-09');
  assert.equal(birthday.age, 4);
  assert.equal(payable(birthday)[0].coefficient, 15);
  assert.equal(birthday.monthlyTotal, 750_000);
});

test('Decree 20/2021 Art. 5 cl. 5c, Art. 8: aged 80 without pension gets 1.0 from the month they turn 80', () => {
  const p: PersonFacts = { id: 'o', dateOfBirth: '1944-03-20' };
  assert.equal(entitlementInMonth(p, notPoor, '2024-02').monthlyTotal, 0, 'aged 79 in 02/2024');
  const march = entitlementInMonth(p, notPoor, '2024-03');
  assert.equal(payable(march)[0].category, '5.5c');
  assert.equal(march.monthlyTotal, 360_000);
  assert.equal(entitlementInMonth(p, notPoor, '2024-07').monthlyTotal, 500_000);
  assert.equal(
    entitlementInMonth({ ...p, receivesPension: true, pensionMonthlyAmount: 3_000_000 }, notPoor, '2024-03').monthlyTotal,
    0,
    'a pensioner is not under 5c',
  );
});

test('Decree 20/2021 Art. 5 cl. 5b, Art. 8: aged 75–80, near-poor, especially disadvantaged area: from the month they turn 75', () => {
  const p: PersonFacts = { id: 'b', dateOfBirth: '1949-10-05' };
  const ctx: HouseholdContext = { povertyStatus: 'near_poor', especiallyDisadvantagedArea: true };
  assert.equal(entitlementInMonth(p, ctx, '2024-09').monthlyTotal, 0);
  const oct = entitlementInMonth(p, ctx, '2024-10');
  assert.equal(payable(oct)[0].category, '5.5b');
  assert.equal(oct.monthlyTotal, 500_000);
  assert.equal(entitlementInMonth(p, { ...ctx, especiallyDisadvantagedArea: false }, '2024-10').monthlyTotal, 0, 'not in such an area: not 5b');
});

test('Decree 20/2021 Art. 8: paid in the month of death, nothing from the month after', () => {
  const p: PersonFacts = { id: 'd', dateOfBirth: '1980-01-05', disability: 'especially_severe', dateOfDeath: '2024-08-15' };
  assert.equal(entitlementInMonth(p, notPoor, '2024-08').monthlyTotal, 1_000_000, '2.0 × 500,000 in the month of death');
  const after = entitlementInMonth(p, notPoor, '2024-09');
  assert.equal(after.monthlyTotal, 0);
  assert.equal(after.benefits.length, 0);
  assert.match(after.reasons[0].text.en, /month after death/);
});

test('Decree 20/2021 Art. 8: disability benefit from the month the certificate is issued; others from the decision month', () => {
  const p: PersonFacts = { id: 'k', dateOfBirth: '1990-02-01', disability: 'severe', disabilityCertifiedOn: '2024-11-20' };
  assert.equal(entitlementInMonth(p, notPoor, '2024-10').monthlyTotal, 0);
  assert.equal(entitlementInMonth(p, notPoor, '2024-10').benefits[0].status, 'not_started');
  assert.equal(entitlementInMonth(p, notPoor, '2024-11').monthlyTotal, 750_000);
  const q: PersonFacts = { ...elderlyPoor, decisionMonth: '2024-09' };
  assert.equal(entitlementInMonth(q, poor, '2024-08').monthlyTotal, 0);
  assert.equal(entitlementInMonth(q, poor, '2024-09').monthlyTotal, 750_000);
});

test('Decree 20/2021 Art. 6 cl. 2: several categories → only the highest coefficient', () => {
  // Elderly poor without supporter (5a, 1.5) with severe disability as an elderly person (5.6, 2.0).
  const e = entitlementInMonth({ ...elderlyPoor, disability: 'severe' }, poor, '2024-07');
  assert.deepEqual(
    payable(e).map((b) => [b.category, b.coefficient]),
    [['5.6', 20]],
  );
  assert.equal(e.monthlyTotal, 1_000_000);
  assert.equal(e.benefits.find((b) => b.category === '5.5a')?.status, 'superseded');
  // An orphan of 20 in education (5.2, 1.5) who is a single parent of one child (5.4, 1.0): highest only.
  const f = entitlementInMonth({ id: 'f', dateOfBirth: '2004-01-01', noSupport: true, inEducation: true, singleParentChildren: 1 }, poor, '2024-07');
  assert.deepEqual(
    payable(f).map((b) => b.category),
    ['5.2'],
  );
  assert.equal(f.monthlyTotal, 750_000);
});

test('Decree 20/2021 Art. 6 cl. 2 exception: a poor single parent also under clause 6 receives both', () => {
  const e = entitlementInMonth({ id: 's', dateOfBirth: '1990-02-01', singleParentChildren: 2, disability: 'severe' }, nearPoor, '2024-07');
  assert.deepEqual(
    payable(e)
      .map((b) => b.category)
      .sort(),
    ['5.4', '5.6'],
  );
  assert.equal(e.monthlyTotal, 2 * 500_000 + 750_000);
  assert.equal(
    entitlementInMonth({ id: 's2', dateOfBirth: '1990-02-01', singleParentChildren: 2 }, notPoor, '2024-07').monthlyTotal,
    0,
    'clause 4 needs a poor or near-poor household',
  );
});

test('unknown household poverty status: the benefit depending on it is unknown, not paid and not dropped', () => {
  const e = entitlementInMonth(elderlyPoor, { povertyStatus: 'unknown' }, '2024-07');
  assert.equal(e.incomplete, true);
  assert.equal(e.monthlyTotal, 0);
  assert.equal(e.benefits[0].status, 'unknown');
  assert.equal(e.benefits[0].monthlyAmount, null);
});

test('Social Insurance Law 2024 Art. 21: social pension 500,000 from 07/2025 at 75 without pension (Decree 176/2025)', () => {
  const p: PersonFacts = { id: 'sp', dateOfBirth: '1948-03-01' };
  assert.equal(entitlementInMonth(p, notPoor, '2025-06').monthlyTotal, 0, 'not before 01/07/2025');
  const e = entitlementInMonth(p, notPoor, '2025-07');
  assert.deepEqual(
    payable(e).map((b) => b.programme),
    ['social_pension'],
  );
  assert.equal(e.monthlyTotal, 500_000);
  assert.equal(entitlementInMonth({ id: 'p70', dateOfBirth: '1954-01-01' }, poor, '2025-07').monthlyTotal, 500_000, 'aged 71 in a poor household');
  assert.equal(entitlementInMonth({ id: 'p70', dateOfBirth: '1954-01-01' }, notPoor, '2025-07').monthlyTotal, 0, 'aged 71, not poor');
});

test('Social Insurance Law 2024 Art. 22: with monthly social assistance too, only the higher is paid', () => {
  const e = entitlementInMonth({ ...elderlyPoor, dateOfBirth: '1948-03-01' }, poor, '2025-07');
  assert.deepEqual(
    payable(e).map((b) => b.category),
    ['5.5a'],
    'assistance 750,000 > pension 500,000',
  );
  assert.equal(e.monthlyTotal, 750_000);
  assert.equal(e.benefits.find((b) => b.programme === 'social_pension')?.status, 'superseded');
  // A lower province standard is impossible (Art. 4 cl. 3), so test "pension higher" with a 5b person at 1.0 under a raised pension level.
  const set = withVersions(LAW_PARAMETERS, {
    ...paramAt('social_pension.amount', '2025-07-01')!,
    value: 600_000,
    validFrom: '2026-01-01',
    basis: { document: 'Nghị định (giả lập)', article: 'Điều 1', verified: false },
  });
  const f = entitlementInMonth({ id: 'b', dateOfBirth: '1950-01-01' }, { povertyStatus: 'poor', especiallyDisadvantagedArea: true }, '2026-01', set);
  assert.deepEqual(
    payable(f).map((b) => b.programme),
    ['social_pension'],
  );
  assert.equal(f.monthlyTotal, 600_000);
  assert.equal(f.benefits.find((b) => b.category === '5.5b')?.status, 'superseded');
});

test('Decree 20/2021 Art. 4 cl. 3: a province override of the standard level changes the amount there only', () => {
  const set = withVersions(
    LAW_PARAMETERS,
    provinceOverride('assistance.standard', '12', 600_000, '2025-01-01', null, 'Nghị quyết (giả lập) HĐND tỉnh Lai Châu'),
  );
  assert.equal(entitlementInMonth(elderlyPoor, { povertyStatus: 'poor', provinceCode: '12' }, '2025-03', set).monthlyTotal, 900_000);
  assert.equal(entitlementInMonth(elderlyPoor, { povertyStatus: 'poor', provinceCode: '01' }, '2025-03', set).monthlyTotal, 750_000);
  assert.equal(entitlementInMonth(elderlyPoor, { povertyStatus: 'poor', provinceCode: '12' }, '2024-12', set).monthlyTotal, 750_000);
});

test('Decree 20/2021 Art. 6: every coefficient × both standard levels is an exact integer amount', () => {
  const coefs = LAW_PARAMETERS.filter((p) => p.key.startsWith('assistance.coef.'));
  assert.equal(coefs.length, 17);
  for (const c of coefs)
    for (const s of [360_000, 500_000]) {
      assert.equal(amountOf(s, c.value!) * 10, s * c.value!, `${c.key} × ${s}`);
    }
  assert.equal(amountOf(500_000, 15), 750_000);
  assert.equal(amountOf(360_000, 25), 900_000);
});

test('datesForMonth keeps every benefit, status, category, coefficient and amount (the bulk payroll evaluates reduced facts once)', () => {
  let seed = 12345;
  const r = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const date = (from: number, to: number) =>
    `${from + Math.floor(r() * (to - from + 1))}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
  const shape = (e: ReturnType<typeof entitlementInMonth>) => ({
    age: e.age,
    total: e.monthlyTotal,
    incomplete: e.incomplete,
    benefits: e.benefits.map((b) => [b.programme, b.category, b.coefficient, b.monthlyAmount, b.status]),
  });
  const classes: PovertyClass[] = ['poor', 'near_poor', 'average', 'none', 'unknown'];
  let paid = 0;
  for (let i = 0; i < 20_000; i++) {
    const month = `${2021 + Math.floor(r() * 10)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}`;
    const y = Number(month.slice(0, 4));
    // Births around the ages that matter (0–4, 16–22, 60, 70, 75, 80) and anywhere.
    const age = pick([0, 1, 2, 3, 4, 5, 15, 16, 17, 22, 23, 59, 60, 61, 69, 70, 71, 74, 75, 76, 79, 80, 81, 95, -1, Math.floor(r() * 100)]);
    const p: PersonFacts = {
      id: 'x',
      dateOfBirth: date(y - age - 1, y - age),
      dateOfDeath: r() < 0.2 ? date(y - 1, y + 1) : null,
      noSupport: r() < 0.3,
      inEducation: r() < 0.3,
      hiv: r() < 0.15,
      noStableIncome: r() < 0.5,
      singleParentChildren: r() < 0.2 ? Math.floor(r() * 4) : 0,
      elderlyNoSupporter: r() < 0.3,
      communityCare: r() < 0.2,
      disability: pick([null, null, 'mild', 'severe', 'especially_severe'] as const),
      disabilityCertifiedOn: r() < 0.7 ? date(y - 1, y + 1) : null,
      receivesPension: r() < 0.2,
      receivesSocialInsuranceAllowance: r() < 0.05,
      pensionMonthlyAmount: r() < 0.5 ? pick([null, 300_000, 500_000, 2_000_000]) : null,
      decisionMonth: r() < 0.7 ? date(y - 1, y + 1).slice(0, 7) : null,
    };
    const hh: HouseholdContext = { povertyStatus: pick(classes), especiallyDisadvantagedArea: r() < 0.5, provinceCode: pick(['12', '01', null]) };
    const full = entitlementInMonth(p, hh, month);
    assert.deepEqual(shape(entitlementInMonth(datesForMonth(p, month), hh, month)), shape(full), `${JSON.stringify(p)} in ${month}`);
    if (full.monthlyTotal > 0) paid++;
  }
  assert.ok(paid > 2000, `${paid} cases paid something`);
});
