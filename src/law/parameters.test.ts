// The law as versioned data: lookups by date, province overrides, versions added never rewritten.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAW_PARAMETERS, paramAt, provinceOverride, withVersions, inForce } from './parameters.ts';

test('Decree 20/2021 Art. 4 cl. 2: standard level 360,000 up to 30/06/2024; Decree 76/2024: 500,000 from 01/07/2024', () => {
  assert.equal(paramAt('assistance.standard', '2021-07-01')?.value, 360_000);
  assert.equal(paramAt('assistance.standard', '2024-06-30')?.value, 360_000);
  assert.equal(paramAt('assistance.standard', '2024-07-01')?.value, 500_000);
  assert.equal(paramAt('assistance.standard', '2024-07-01')?.basis.document, 'Nghị định 76/2024/NĐ-CP');
  assert.equal(paramAt('assistance.standard', '2021-06-30'), null, 'nothing encoded before Decree 20/2021 took effect');
});

test('Decree 07/2021 Art. 3 cl. 1a and Decree 351/2025: rural threshold 1,500,000 in 2025 and 2026 (extension), 2,200,000 from 2027', () => {
  assert.equal(paramAt('poverty.income.rural', '2025-12-31')?.basis.document, 'Nghị định 07/2021/NĐ-CP');
  const y2026 = paramAt('poverty.income.rural', '2026-06-01');
  assert.equal(y2026?.value, 1_500_000);
  assert.equal(y2026?.basis.document, 'Nghị định 351/2025/NĐ-CP', '2026 is in force by the extension, a new version');
  assert.equal(paramAt('poverty.income.rural', '2027-01-01')?.value, 2_200_000);
  assert.equal(paramAt('poverty.income.urban', '2027-01-01')?.value, 2_800_000);
  assert.equal(paramAt('poverty.income.urban', '2026-12-31')?.value, 2_000_000);
});

test('Decree 351/2025: the 2027–2030 average-living band is recorded as unknown (null), never guessed', () => {
  const p = paramAt('poverty.average.rural.max', '2028-01-01');
  assert.ok(p, 'a version exists');
  assert.equal(p.value, null);
  assert.equal(p.basis.verified, false);
});

test('Decree 77/2024: meritorious-service standard level 2,789,000 from 01/07/2024, 2,055,000 before', () => {
  assert.equal(paramAt('merit.standard', '2024-07-01')?.value, 2_789_000);
  assert.equal(paramAt('merit.standard', '2024-06-30')?.value, 2_055_000);
});

test("Decree 20/2021 Art. 4 cl. 3: a province People's Council override wins within its dates only", () => {
  const set = withVersions(
    LAW_PARAMETERS,
    provinceOverride('assistance.standard', '12', 600_000, '2025-01-01', '2025-12-31', 'Nghị quyết (giả lập) HĐND tỉnh Lai Châu'),
  );
  assert.equal(paramAt('assistance.standard', '2025-03-01', '12', set)?.value, 600_000);
  assert.equal(paramAt('assistance.standard', '2025-03-01', '01', set)?.value, 500_000, 'other provinces keep the national level');
  assert.equal(paramAt('assistance.standard', '2025-03-01', null, set)?.value, 500_000);
  assert.equal(paramAt('assistance.standard', '2024-12-01', '12', set)?.value, 500_000, 'before the resolution');
  assert.equal(paramAt('assistance.standard', '2026-01-01', '12', set)?.value, 500_000, 'after the resolution ends');
});

test('a new decree adds a version; rewriting an existing version is refused', () => {
  const base = paramAt('assistance.standard', '2024-07-01')!;
  assert.throws(() => withVersions(LAW_PARAMETERS, { ...base, value: 1 }), /add a new version/);
  const next = withVersions(LAW_PARAMETERS, {
    ...base,
    value: 600_000,
    validFrom: '2027-01-01',
    basis: { document: 'Nghị định (giả lập)', article: 'Điều 1', verified: false },
  });
  assert.equal(paramAt('assistance.standard', '2027-01-01', null, next)?.value, 600_000, 'the newest version in force wins');
  assert.equal(paramAt('assistance.standard', '2026-12-01', null, next)?.value, 500_000, 'history is unchanged');
});

test('every parameter carries a legal basis, and national versions of a key never overlap', () => {
  for (const p of LAW_PARAMETERS) {
    assert.ok(p.basis.document && p.basis.article, `${p.key} has document and article`);
    if (p.value === null) assert.equal(p.basis.verified, false, `${p.key} null only when unverified`);
    if (p.basis.verified) assert.ok(p.basis.source, `${p.key} ${p.validFrom}: a verified value names its source`);
  }
  const national = LAW_PARAMETERS.filter((p) => p.scope === 'national');
  for (const a of national)
    for (const b of national) {
      if (a === b || a.key !== b.key) continue;
      assert.ok(!inForce(b, a.validFrom), `${a.key}: ${a.validFrom} overlaps the version from ${b.validFrom}`);
    }
});
