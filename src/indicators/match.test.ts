// Recognising indicators in plan wording, measured on the hand-made gold lists of the three
// shared plans (test/fixtures/plans/*.gold.json, section II "MỤC TIÊU" of each plan).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { indicatorCandidates, matchIndicator } from './match.ts';

const plans = ['lai-chau-province-action-program-nq42', 'thu-lum-commune-2026-152-KH-DU', 'hoang-kim-commune-2024'];
interface Gold {
  targets: { indicatorCode: string; sourceText: string }[];
}
const load = (p: string) => ({
  gold: JSON.parse(readFileSync(new URL(`../../test/fixtures/plans/${p}.gold.json`, import.meta.url), 'utf8')) as Gold,
  doc: readFileSync(new URL(`../../reference/plans/${p}.txt`, import.meta.url), 'utf8'),
});

test('plan wording maps to the indicator, accents, case and "tỉ/tỷ" folded', () => {
  // Lai Châu CTr, II.2.1: "trên 96% dân số tham gia BHYT"
  assert.equal(matchIndicator('trên 96% dân số tham gia BHYT'), 'health_insurance_coverage');
  // Hoàng Kim, II.2.1 b: "tỉ lệ tiêm chủng mở rộng đạt 100%"
  assert.equal(matchIndicator('tỉ lệ tiêm chủng mở rộng đạt 100%'), 'immunization_rate');
  assert.equal(matchIndicator('TY LE THAT NGHIEP KHU VUC THANH THI duoi 2,7%'), 'urban_unemployment_rate');
  assert.equal(matchIndicator('Tăng cường công tác tiếp công dân'), null);
});

test('the most specific phrase wins over a shorter one it contains', () => {
  // "tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ" contains "lao động qua đào tạo"
  const c = indicatorCandidates('tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ đạt 32%');
  assert.equal(c[0]!.code, 'trained_workers_certified_rate');
  assert.ok(c.some((x) => x.code === 'trained_workers_rate'));
});

test('gold targets: the indicator is found in the target span or, for a shared predicate, its clause', () => {
  let top1 = 0;
  let total = 0;
  for (const p of plans) {
    const { gold, doc } = load(p);
    for (const t of gold.targets) {
      total++;
      if (matchIndicator(t.sourceText) === t.indicatorCode) top1++;
      // "ít nhất 90% người dân ở vùng sâu, vùng xa, biên giới, 95% các xã … được nghe, xem …":
      // the subject's predicate comes later in the same sentence.
      const at = doc.indexOf(t.sourceText);
      const from = at + t.sourceText.length;
      const end = doc.slice(from).search(/\.\s|;|\n/);
      const clause = doc.slice(at, end < 0 ? undefined : from + end);
      assert.ok(
        indicatorCandidates(clause).some((c) => c.code === t.indicatorCode),
        `${t.indicatorCode} in "${clause}"`,
      );
    }
  }
  console.log(`indicator matching on the gold spans: ${top1}/${total} first choice correct`);
  assert.ok(top1 / total >= 0.95, `${top1}/${total}`);
});
