// Merit allowances against the decrees' own numbers (consolidated texts 834/VBHN and 4804/VBHN of
// Decree 75/2021 as amended by 55/2023 and 77/2024). Each test names its article or annex row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paramAt, LAW_PARAMETERS } from './parameters.ts';
import { convalescence, meritAllowanceInMonth, meritMonth, type MeritProfileFacts } from './merit.ts';
import { MERIT_CATEGORIES } from './merit-categories.ts';

const martyrRelative = (n: number, over: Partial<MeritProfileFacts> = {}): MeritProfileFacts => ({
  id: `m${n}`,
  category: 'relative',
  relativeOf: 'martyr',
  martyrs: Array.from({ length: n }, () => ({ relation: 'mother' as const })),
  startMonth: '2021-07',
  ...over,
});
const amount = (p: MeritProfileFacts, m: string) => meritAllowanceInMonth(p, m).monthlyAmount;

test('Decree 75/2021 Art. 3 and Art. 15 cl. 2; 55/2023 Art. 2 cl. 2; 77/2024 Art. 3: standard level 1,624,000 (decree in force 15/09/2021, paid from 07/2021), 2,055,000 from 01/07/2023, 2,789,000 from 01/07/2024', () => {
  assert.equal(paramAt('merit.standard', '2021-07-01')?.value, 1_624_000);
  assert.equal(paramAt('merit.standard', '2021-09-15')?.value, 1_624_000);
  assert.equal(paramAt('merit.standard', '2023-06-30')?.value, 1_624_000);
  assert.equal(paramAt('merit.standard', '2023-07-01')?.value, 2_055_000);
  assert.equal(paramAt('merit.standard', '2024-06-30')?.value, 2_055_000);
  assert.equal(paramAt('merit.standard', '2024-07-01')?.value, 2_789_000);
  assert.equal(paramAt('merit.standard', '2024-07-01')?.basis.document, 'Nghị định 77/2024/NĐ-CP');
  assert.equal(paramAt('merit.standard', '2021-06-30'), null, 'nothing encoded before Decree 75/2021');
});

test('Annex I rows 3.1–3.3: relatives of one, two, three martyrs (55/2023: 2,055,000 / 4,110,000 / 6,165,000; 77/2024: 2,789,000 / 5,578,000 / 8,367,000)', () => {
  assert.equal(amount(martyrRelative(1), '2023-08'), 2_055_000);
  assert.equal(amount(martyrRelative(2), '2023-08'), 4_110_000);
  assert.equal(amount(martyrRelative(3), '2023-08'), 6_165_000);
  assert.equal(amount(martyrRelative(1), '2024-08'), 2_789_000);
  assert.equal(amount(martyrRelative(2), '2024-08'), 5_578_000);
  assert.equal(amount(martyrRelative(3), '2024-08'), 8_367_000);
  assert.equal(amount(martyrRelative(4), '2024-08'), 8_367_000, 'row 3.3: three or more');
  const a = meritAllowanceInMonth(martyrRelative(2), '2024-08');
  assert.equal(a.components[0].basis.article, 'Phụ lục I, mục 3.2');
  assert.equal(a.components[0].basis.document, 'Nghị định 77/2024/NĐ-CP');
});

test("Annex I row 3.4: a martyr's parent living alone also gets the nurturing allowance (2,231,000 from 07/2024)", () => {
  assert.equal(amount(martyrRelative(1, { nurturing: true }), '2024-08'), 2_789_000 + 2_231_000);
  assert.equal(amount(martyrRelative(1, { nurturing: true }), '2023-08'), 2_055_000 + 1_644_000);
});

test('Decree 75/2021 annexes (07/2021–06/2023) not found: the engine answers unknown, never 1×/2× the standard by guess', () => {
  const a = meritAllowanceInMonth(martyrRelative(2), '2022-08');
  assert.equal(a.status, 'unknown');
  assert.equal(a.monthlyAmount, null);
  assert.equal(a.components[0].basis.verified, false);
});

test('Annex I row 7.1: every sick-soldier band under 77/2024 (41–50% 2,911,000 … 91–100% 7,104,000) and 55/2023', () => {
  const sick = (rate: number): MeritProfileFacts => ({ id: 's', category: 'sick_soldier', injuryRate: rate, startMonth: '2021-07' });
  const d77: [number, number][] = [
    [41, 2_911_000],
    [50, 2_911_000],
    [51, 3_627_000],
    [60, 3_627_000],
    [61, 4_622_000],
    [70, 4_622_000],
    [71, 5_329_000],
    [80, 5_329_000],
  ];
  for (const [r, v] of d77) assert.equal(amount(sick(r), '2024-08'), v, `${r}%`);
  // 81% and over: the band plus the supplement of 1,399,000 (row 7.1, "phụ cấp").
  assert.equal(amount(sick(81), '2024-08'), 6_378_000 + 1_399_000);
  assert.equal(amount(sick(90), '2024-08'), 6_378_000 + 1_399_000);
  assert.equal(amount(sick(91), '2024-08'), 7_104_000 + 1_399_000);
  assert.equal(amount(sick(100), '2024-08'), 7_104_000 + 1_399_000);
  assert.equal(amount({ ...sick(95), especiallySevere: true }, '2024-08'), 7_104_000 + 2_789_000, 'especially severe illness: supplement 2,789,000');
  const d55: [number, number][] = [
    [45, 2_145_000],
    [55, 2_673_000],
    [65, 3_406_000],
    [75, 3_927_000],
  ];
  for (const [r, v] of d55) assert.equal(amount(sick(r), '2023-08'), v, `55/2023 ${r}%`);
  assert.equal(meritAllowanceInMonth(sick(30), '2024-08').status, 'unknown', 'below 41%: no row');
});

test('Annex II (77/2024): war invalid at 21% 1,878,000, 61% 5,450,000, 81% 7,240,000 + supplement 1,399,000, 100% 8,941,000 + 1,399,000', () => {
  const inv = (rate: number, over: Partial<MeritProfileFacts> = {}): MeritProfileFacts => ({
    id: 'w',
    category: 'war_invalid',
    invalidType: 'invalid',
    injuryRate: rate,
    startMonth: '2021-07',
    ...over,
  });
  assert.equal(amount(inv(21), '2024-08'), 1_878_000);
  assert.equal(amount(inv(61), '2024-08'), 5_450_000);
  assert.equal(amount(inv(81), '2024-08'), 7_240_000 + 1_399_000);
  assert.equal(amount(inv(100), '2024-08'), 8_941_000 + 1_399_000);
  assert.equal(amount(inv(100, { especiallySevere: true }), '2024-08'), 8_941_000 + 2_867_000, 'row 6.1 especially severe wound: 2,867,000');
  assert.equal(amount(inv(21, { invalidType: 'treated_as_invalid' }), '2024-08'), 1_878_000, 'treated as a war invalid: same Annex II');
  const a = meritAllowanceInMonth(inv(61), '2024-08');
  assert.equal(a.components[0].basis.article, 'Phụ lục II, mục STT 41 (61%)');
  // 55/2023 Annex II: 21% 1,384,000; 61% 4,016,000; 100% 6,589,000.
  assert.equal(amount(inv(21), '2023-08'), 1_384_000);
  assert.equal(amount(inv(61), '2023-08'), 4_016_000);
  assert.equal(amount(inv(100), '2023-08'), 6_589_000 + 1_031_000);
  assert.equal(meritAllowanceInMonth(inv(15), '2024-08').status, 'no_monthly', 'below 21%: one-time allowance only');
});

test('Annex III: type-B war invalid at 21% 1,552,000, 55% 4,102,000, 100% 7,397,000 (77/2024)', () => {
  const b = (rate: number): MeritProfileFacts => ({ id: 'b', category: 'war_invalid', invalidType: 'type_b', injuryRate: rate, startMonth: '2021-07' });
  assert.equal(amount(b(21), '2024-08'), 1_552_000);
  assert.equal(amount(b(55), '2024-08'), 4_102_000);
  assert.equal(amount(b(100), '2024-08'), 7_397_000 + 1_399_000);
  assert.equal(amount(b(21), '2023-08'), 1_144_000);
});

test('Annex I row 8.1: resistance activists exposed to toxic chemicals by band (77/2024: 2,120,000 / 3,542,000 / 4,964,000 / 6,358,000)', () => {
  const tox = (rate: number): MeritProfileFacts => ({ id: 't', category: 'toxic_chemical', injuryRate: rate, startMonth: '2021-07' });
  assert.equal(amount(tox(21), '2024-08'), 2_120_000);
  assert.equal(amount(tox(41), '2024-08'), 3_542_000);
  assert.equal(amount(tox(80), '2024-08'), 4_964_000);
  assert.equal(amount(tox(81), '2024-08'), 6_358_000 + 1_399_000);
  assert.equal(amount(tox(60), '2023-08'), 2_610_000);
});

test('Annex I row 4: a Vietnamese Heroic Mother gets the allowance 8,367,000 and the supplement 2,337,000 (77/2024)', () => {
  const m: MeritProfileFacts = { id: 'h', category: 'heroic_mother', startMonth: '2021-07' };
  assert.equal(amount(m, '2024-08'), 8_367_000 + 2_337_000);
  assert.equal(amount(m, '2023-08'), 6_165_000 + 1_722_000);
});

test('Annex I rows 1, 2, 5, 9, 10: pre-1945 activists (detached, with seniority), heroes, prisoners, helpers', () => {
  assert.equal(amount({ id: 'a', category: 'pre_1945', detached: true, seniorityYears: 3, startMonth: '2021-07' }, '2024-08'), 3_117_000 + 3 * 529_000);
  assert.equal(amount({ id: 'a', category: 'pre_1945', detached: false, startMonth: '2021-07' }, '2024-08'), 5_291_000);
  assert.equal(amount({ id: 'b', category: 'pre_august_1945', startMonth: '2021-07' }, '2024-08'), 2_884_000);
  assert.equal(amount({ id: 'c', category: 'armed_forces_hero', startMonth: '2021-07' }, '2024-08'), 2_337_000);
  assert.equal(amount({ id: 'd', category: 'prisoner', startMonth: '2021-07' }, '2024-08'), 1_673_000);
  assert.equal(
    amount({ id: 'e', category: 'revolution_helper', helperAward: 'resistance_order', nurturing: true, startMonth: '2021-07' }, '2024-08'),
    1_639_000 + 2_231_000,
  );
  assert.equal(
    meritAllowanceInMonth({ id: 'f', category: 'resistance_activist', startMonth: '2021-07' }, '2024-08').status,
    'no_monthly',
    'Annex IV row 7: one-time only',
  );
});

test('Annex I row 6.2: relatives of a war invalid of 61% or more who died get 1,565,000 (77/2024); below 61% nothing monthly', () => {
  const rel = (rate: number, died = true): MeritProfileFacts => ({
    id: 'r',
    category: 'relative',
    relativeOf: 'war_invalid',
    relation: 'spouse',
    meritPersonDied: died,
    meritPersonRate: rate,
    startMonth: '2021-07',
  });
  assert.equal(amount(rel(61), '2024-08'), 1_565_000);
  assert.equal(meritAllowanceInMonth(rel(60), '2024-08').status, 'no_monthly');
  assert.equal(meritAllowanceInMonth(rel(81, false), '2024-08').status, 'no_monthly');
});

test('start and end months: nothing before the start month, nothing after the end month', () => {
  const p = martyrRelative(1, { startMonth: '2024-09', endMonth: '2024-12' });
  assert.equal(meritAllowanceInMonth(p, '2024-08').status, 'not_started');
  assert.equal(amount(p, '2024-09'), 2_789_000);
  assert.equal(amount(p, '2024-12'), 2_789_000);
  assert.equal(meritAllowanceInMonth(p, '2025-01').status, 'ended');
});

test('Annex I rows 3.1–3.3 for several profiles: two profiles, one martyr each, are one allowance of row 3.2 (5,578,000), not 2 × row 3.1', () => {
  const m = meritMonth([martyrRelative(1, { id: 'x' }), martyrRelative(1, { id: 'y' })], '2024-08');
  assert.equal(m.monthlyTotal, 5_578_000);
  assert.equal(m.allowances.find((a) => a.profileId === 'y')?.status, 'merged');
});

test('Ordinance Art. 6 cl. 3: a merit person of several categories receives the allowances of each (war invalid 41% + sick soldier 61–70%, 77/2024)', () => {
  const m = meritMonth(
    [
      { id: 'w', category: 'war_invalid', invalidType: 'invalid', injuryRate: 41, startMonth: '2021-07' },
      { id: 's', category: 'sick_soldier', injuryRate: 65, startMonth: '2021-07' },
    ],
    '2024-08',
  );
  assert.equal(m.monthlyTotal, 3_667_000 + 4_622_000, 'Annex II 41% + Annex I row 7.1 61–70%');
  assert.ok(m.reasons.some((r) => r.basis?.article === 'Điều 6 khoản 3' && r.basis.verified));
});

test('Ordinance Art. 6 cl. 5 a: a relative of three merit persons who died gets at most two survivor allowances (Annex I rows 6.2, 7.2: 1,565,000 each)', () => {
  const rel = (id: string, of: 'war_invalid' | 'sick_soldier'): MeritProfileFacts => ({
    id,
    category: 'relative',
    relativeOf: of,
    relation: 'spouse',
    meritPersonDied: true,
    meritPersonRate: 70,
    startMonth: '2021-07',
  });
  const m = meritMonth([rel('a', 'war_invalid'), rel('b', 'sick_soldier'), rel('c', 'war_invalid')], '2024-08');
  assert.equal(m.monthlyTotal, 2 * 1_565_000);
  assert.equal(m.allowances.filter((a) => a.status === 'merged').length, 1);
  assert.ok(m.reasons.some((r) => r.basis?.article === 'Điều 6 khoản 5'));
});

test('Ordinance Art. 6 cl. 5 b–c: relative of one martyr and a war invalid: both (2,789,000 + 1,565,000); of two martyrs and a war invalid: the martyrs only (5,578,000)', () => {
  const inv: MeritProfileFacts = {
    id: 'i',
    category: 'relative',
    relativeOf: 'war_invalid',
    relation: 'spouse',
    meritPersonDied: true,
    meritPersonRate: 70,
    startMonth: '2021-07',
  };
  assert.equal(meritMonth([martyrRelative(1), inv], '2024-08').monthlyTotal, 2_789_000 + 1_565_000);
  assert.equal(meritMonth([martyrRelative(2), inv], '2024-08').monthlyTotal, 5_578_000);
});

test('Ordinance Art. 6 cl. 6: one nurturing allowance only (Annex I rows 3.4 and 6.2: 2,231,000 once)', () => {
  const inv: MeritProfileFacts = {
    id: 'i',
    category: 'relative',
    relativeOf: 'war_invalid',
    relation: 'mother',
    meritPersonDied: true,
    meritPersonRate: 70,
    nurturing: true,
    startMonth: '2021-07',
  };
  const m = meritMonth([martyrRelative(1, { nurturing: true }), inv], '2024-08');
  assert.equal(m.monthlyTotal, 2_789_000 + 2_231_000 + 1_565_000);
  assert.ok(m.reasons.some((r) => r.basis?.article === 'Điều 6 khoản 6'));
});

test('a merit person who also draws a survivor allowance: Art. 6 does not settle it, so the total is unknown and each allowance is shown', () => {
  const m = meritMonth([martyrRelative(1), { id: 'w', category: 'war_invalid', invalidType: 'invalid', injuryRate: 41, startMonth: '2021-07' }], '2024-08');
  assert.equal(m.monthlyTotal, null);
  assert.deepEqual(
    m.allowances.map((a) => a.monthlyAmount),
    [2_789_000, 3_667_000],
  );
  assert.ok(m.reasons.some((r) => r.basis?.verified === false));
  assert.equal(meritMonth([martyrRelative(1)], '2024-08').monthlyTotal, 2_789_000, 'one profile: its allowance');
});

test('Decree 75/2021 Art. 6 cl. 1–2 with 55/2023 Art. 2 cl. 3 and 77/2024 Art. 3 cl. 3: convalescence 0.9× at home, 1.8× at a centre, on the standard of its own dates', () => {
  assert.equal(convalescence('home', '2022-06-01').amount, 1_461_600, '0.9 × 1,624,000; no rounding clause in 75/2021');
  assert.equal(convalescence('centre', '2022-06-01').amount, 2_923_200);
  assert.equal(convalescence('centre', '2024-06-01').amount, 3_699_000, '1.8 × 2,055,000 from 01/01/2024');
  assert.equal(convalescence('home', '2024-06-01').amount, null, '0.9 × 2,055,000 = 1,849,500: exactly half a thousand, rounding direction not in the text');
  assert.equal(convalescence('home', '2024-12-31').amount, null, 'the 77/2024 standard applies to convalescence only from 01/01/2025');
  assert.equal(convalescence('home', '2025-01-01').amount, 2_510_000, '0.9 × 2,789,000 = 2,510,100, rounded to the thousand');
  assert.equal(convalescence('centre', '2025-01-01').amount, 5_020_000, '1.8 × 2,789,000 = 5,020,200');
  assert.equal(convalescence('home', '2021-12-01').amount, null, 'Art. 15 cl. 3: from 01/01/2022');
});

test('Ordinance Art. 3: thirteen categories (cl. 1 a–m and relatives, cl. 2); every merit version has its basis and verified values a source', () => {
  assert.equal(MERIT_CATEGORIES.length, 13);
  const merit = LAW_PARAMETERS.filter((p) => p.key.startsWith('merit.'));
  assert.ok(merit.length > 500);
  for (const p of merit) {
    assert.ok(p.basis.article, p.key);
    if (p.basis.verified) assert.ok(p.basis.source, `${p.key} ${p.validFrom}`);
    else assert.equal(p.value, null, `${p.key} ${p.validFrom}: an unverified merit level is unknown`);
  }
});

test('Decree 55/2023 and 77/2024 annexes are the standard level times one coefficient: every row of Annex I, II and III keeps the ratio 2,789,000 / 2,055,000 (within the thousand rounding), so a mistyped figure shows', () => {
  const ratio = 2_789_000 / 2_055_000;
  const keys = [
    ...new Set(LAW_PARAMETERS.filter((p) => p.key.startsWith('merit.') && p.validFrom === '2024-07-01' && p.key !== 'merit.standard').map((p) => p.key)),
  ];
  assert.ok(keys.length >= 44 + 160, `${keys.length} rows`);
  for (const k of keys) {
    const a = paramAt(k, '2023-08-01')!.value!;
    const b = paramAt(k, '2024-08-01')!.value!;
    assert.ok(Math.abs(b - a * ratio) <= 0.0035 * b, `${k}: ${a} → ${b} (${(b / a).toFixed(4)})`);
  }
  for (const prefix of ['invalid.rate', 'invalidB.rate'])
    for (const d of ['2023-08-01', '2024-08-01']) {
      for (let r = 22; r <= 100; r++)
        assert.ok(paramAt(`merit.${prefix}.${r}`, d)!.value! > paramAt(`merit.${prefix}.${r - 1}`, d)!.value!, `${prefix} ${d}: ${r}% above ${r - 1}%`);
    }
});

test('a merit payroll category in words: Annex I rows with their row number, Annex II and III by rate', async () => {
  const { meritRowsText } = await import('./merit-levels.ts');
  assert.equal(meritRowsText('5.5a'), null, 'a social-assistance category is left as it is');
  assert.match(meritRowsText('merit.martyr.relatives.2') ?? '', /liệt sĩ \(Phụ lục I, mục \d/);
  assert.equal(meritRowsText('merit.invalid.rate.61'), 'Thương binh 61% (Phụ lục II)');
  assert.equal(meritRowsText('merit.invalidB.rate.81+merit.invalid.rate.21'), 'Thương binh loại B 81% (Phụ lục III); Thương binh 21% (Phụ lục II)');
});
