// Every numeric target of the three shared plans (hand-made gold lists in
// test/fixtures/plans, section II "MỤC TIÊU" of each plan) maps to an indicator of the
// catalogue, in that indicator's unit, and every quoted span is the plan's own text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { indicatorByCode } from '../src/indicators/catalogue.ts';

const plans = ['lai-chau-province-action-program-nq42', 'thu-lum-commune-2026-152-KH-DU', 'hoang-kim-commune-2024'];
interface Target {
  indicatorCode: string;
  comparator: string;
  value: number;
  unit: string;
  year: number | null;
  sourceText: string;
}
interface Gold {
  plan: { file: string; kind: string; number: string | null; date: string | null; signer: string };
  targets: Target[];
  unmatched: { sourceText: string; reason: string }[];
}
const load = (p: string) => ({
  gold: JSON.parse(readFileSync(new URL(`fixtures/plans/${p}.gold.json`, import.meta.url), 'utf8')) as Gold,
  doc: readFileSync(new URL(`../reference/plans/${p}.txt`, import.meta.url), 'utf8'),
});

/** The number as a Vietnamese document writes it: 99,9 / 1.500 / 22,5. */
const written = (v: number) => v.toLocaleString('de-DE', { maximumFractionDigits: 2 });

for (const p of plans) {
  test(`every target of ${p} maps to a catalogue indicator and quotes the plan verbatim`, () => {
    const { gold, doc } = load(p);
    assert.equal(gold.plan.file, `${p}.txt`);
    assert.ok(['plan', 'action_programme'].includes(gold.plan.kind));
    assert.ok(doc.includes(gold.plan.signer), 'the signer is named in the plan');
    if (gold.plan.number) assert.ok(doc.includes(gold.plan.number));
    assert.ok(gold.targets.length > 0);
    // Section II of each plan: targets are quoted from between "MỤC TIÊU" and section III.
    const s2 = doc.indexOf('MỤC TIÊU');
    const s3 = doc.search(/III\.|III-/);
    for (const t of gold.targets) {
      const ind = indicatorByCode(t.indicatorCode);
      assert.ok(ind, `${t.indicatorCode} is in the catalogue`);
      assert.equal(t.unit, ind.unit, `${t.indicatorCode}: the target is in the indicator's unit`);
      const at = doc.indexOf(t.sourceText);
      assert.ok(at >= 0, `"${t.sourceText}" occurs in ${p}`);
      assert.ok(at > s2 && at < s3, `"${t.sourceText}" is in section II`);
      assert.ok(['>', '>=', '<', '<=', '=', '~', 'maintain'].includes(t.comparator));
      assert.equal(t.year, 2030, 'all three plans set targets "đến năm 2030"');
      // The value is written in the span, or just before it when items share it
      // ("100% trường học, trạm y tế": the health stations' 100%).
      const near = doc.slice(Math.max(0, at - 60), at + t.sourceText.length);
      const w = written(t.value);
      assert.ok(near.includes(w) || near.includes(`0${w}`), `${t.value} written near "${t.sourceText}"`);
    }
    for (const u of gold.unmatched) {
      assert.ok(doc.includes(u.sourceText), `unmatched "${u.sourceText}" occurs in ${p}`);
      assert.ok(u.reason.length > 10);
    }
    console.log(`${p}: ${gold.targets.length} targets (all mapped to an indicator), ${gold.unmatched.length} numbers that are not targets`);
  });
}

test('no two targets of a plan state the same indicator twice', () => {
  for (const p of plans) {
    const codes = load(p).gold.targets.map((t) => t.indicatorCode);
    assert.equal(new Set(codes).size, codes.length, p);
  }
});
