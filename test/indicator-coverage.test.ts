// Every numeric target of the three shared plans (hand-made gold lists in
// test/fixtures/plans) maps to an indicator of the catalogue, and every quoted span is the
// plan's own text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { indicatorByCode } from '../src/indicators/catalogue.ts';

const plans = ['lai-chau-province-action-program-nq42', 'thu-lum-commune-2026-152-KH-DU', 'hoang-kim-commune-2024'];
interface Gold { targets: { indicatorCode: string; comparator: string; value: number; unit: string; year: number | null; sourceText: string }[] }

for (const p of plans) {
  test(`every target of ${p} maps to a catalogue indicator and quotes the plan verbatim`, () => {
    const gold = JSON.parse(readFileSync(new URL(`fixtures/plans/${p}.gold.json`, import.meta.url), 'utf8')) as Gold;
    const doc = readFileSync(new URL(`../reference/plans/${p}.txt`, import.meta.url), 'utf8');
    assert.ok(gold.targets.length > 0);
    for (const t of gold.targets) {
      const ind = indicatorByCode(t.indicatorCode);
      assert.ok(ind, `${t.indicatorCode} is in the catalogue`);
      assert.ok(doc.includes(t.sourceText), `"${t.sourceText}" occurs in ${p}`);
      assert.ok(['>', '>=', '<', '<=', '=', '~', 'maintain'].includes(t.comparator));
    }
    console.log(`${p}: ${gold.targets.length} targets, all mapped to an indicator`);
  });
}
