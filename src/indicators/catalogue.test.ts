// The catalogue's own rules: unique codes, rates with numerator and denominator that roll up
// from summed parts (never an average of rates), and a size fit for the plans (60–100).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogue } from './catalogue.ts';
import { defineIndicator, CatalogueError } from './model.ts';

test('the catalogue has 60–100 indicators with unique snake_case codes', () => {
  assert.ok(catalogue.length >= 60 && catalogue.length <= 100, `${catalogue.length} indicators`);
  assert.equal(new Set(catalogue.map((i) => i.code)).size, catalogue.length);
  console.log(`indicator catalogue: ${catalogue.length} indicators`);
});

test('every rate has a numerator and a denominator and aggregates as sum of parts', () => {
  for (const i of catalogue.filter((x) => x.kind === 'rate')) {
    assert.ok(i.numerator && i.denominator, i.code);
    assert.equal(i.aggregation, 'sum_ratio', i.code);
  }
});

test('every indicator has a Vietnamese name with diacritics and an English one', () => {
  for (const i of catalogue) {
    assert.match(i.name.vi, /[à-ỹđ]/i, i.code);
    assert.ok(i.name.en.length > 3, i.code);
  }
});

test('defining a rate that would average rates is refused', () => {
  assert.throws(
    () =>
      defineIndicator({
        code: 'bad_rate',
        name: { vi: 'Tỷ lệ', en: 'Rate' },
        unit: '%',
        kind: 'rate',
        direction: 'higher_better',
        aggregation: 'weighted_mean',
        numerator: { vi: 'a', en: 'a' },
        denominator: { vi: 'b', en: 'b' },
        source: 'reported',
        area: 'health',
      }),
    CatalogueError,
  );
});

test('the user guide states the catalogue size and the aggregation rule (docs/guide/chi-tieu.md)', async () => {
  const { readFileSync } = await import('node:fs');
  const doc = readFileSync(new URL('../../docs/guide/chi-tieu.md', import.meta.url), 'utf8');
  assert.match(doc, new RegExp(`\\*\\*${catalogue.length} chỉ tiêu\\*\\*`));
  assert.ok(doc.includes('tỷ lệ được tính từ tử số và mẫu số sau khi cộng gộp, không lấy trung bình các tỷ lệ'));
  for (const a of new Set(catalogue.map((i) => i.area))) {
    const n = catalogue.filter((i) => i.area === a).length;
    assert.match(doc, new RegExp(`\`${a}\` \\| ${n} \\|`), `${a}: ${n} in the guide's table`);
  }
});
