// The corpus of real plan documents (test/fixtures/corpus, issue 11) is well-formed, split by its
// fixed rule, and the scorer behind `npm run score:plans` gives the three shared plans 100%.
// The corpus score itself is a figure printed by `npm run score:plans`, not a threshold here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  CORPUS_DIR,
  KINDS,
  LEVELS,
  corpusFiles,
  extractTargets,
  loadCorpus,
  loadShared,
  parseCorpusText,
  scoreDoc,
  scoreResults,
  splitOf,
  totals,
  type Doc,
  type Extracted,
} from '../scripts/plan-score.ts';

const COMPARATORS = new Set(['>', '>=', '<', '<=', '=', '~', 'maintain', 'reduce_by', 'increase_by']);

test('every corpus document has a source line, text and a gold file of the documented form', () => {
  const files = corpusFiles();
  assert.ok(files.length >= 40, `at least 40 documents (found ${files.length})`);
  for (const kind of KINDS)
    assert.ok(
      files.some((f) => f.kind === kind),
      `at least one ${kind}`,
    );
  for (const { kind, slug } of files) {
    assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${slug}: slug of lower-case words`);
    const raw = readFileSync(join(CORPUS_DIR, kind, `${slug}.txt`), 'utf8');
    const { source, text } = parseCorpusText(raw);
    assert.ok(source && /^https?:\/\/\S+$/.test(source), `${slug}: first line "# source: <address>"`);
    assert.ok(text.trim().length > 100, `${slug}: has text`);
    assert.ok(!raw.includes('\r'), `${slug}: LF line ends`);
    const goldFile = join(CORPUS_DIR, kind, `${slug}.gold.json`);
    assert.ok(existsSync(goldFile), `${slug}: gold file`);
    const gold = JSON.parse(readFileSync(goldFile, 'utf8'));
    assert.equal(gold.kind, kind, `${slug}: gold kind is its directory`);
    assert.ok((LEVELS as readonly string[]).includes(gold.level), `${slug}: level ${gold.level}`);
    assert.ok(Array.isArray(gold.targets) && Array.isArray(gold.results), `${slug}: targets and results`);
    if (kind === 'report') assert.equal(gold.targets.length, 0, `${slug}: a report of results sets no targets`);
    for (const t of gold.targets) {
      assert.ok(text.includes(t.text), `${slug}: target text occurs in the document: «${t.text}»`);
      assert.equal(typeof t.indicator, 'string', `${slug}: indicator words`);
      assert.ok(t.indicator.trim(), `${slug}: indicator words`);
      assert.ok(Number.isFinite(t.value), `${slug}: value`);
      assert.ok(COMPARATORS.has(t.comparator), `${slug}: comparator ${t.comparator}`);
      assert.equal(typeof t.unit, 'string', `${slug}: unit`);
      assert.ok(t.year === null || (Number.isInteger(t.year) && t.year >= 2000 && t.year <= 2050), `${slug}: year ${t.year}`);
    }
    for (const r of gold.results) {
      assert.ok(text.includes(r.text), `${slug}: result text occurs in the document: «${r.text}»`);
      assert.ok(Number.isFinite(r.value), `${slug}: result value`);
    }
  }
  // No stray files: every file in a kind directory is a .txt with its .gold.json.
  for (const kind of KINDS) {
    for (const f of readdirSync(join(CORPUS_DIR, kind))) {
      const slug = f.replace(/\.(txt|gold\.json)$/, '');
      assert.ok(f.endsWith('.txt') || f.endsWith('.gold.json'), `${kind}/${f}: unexpected file`);
      assert.ok(existsSync(join(CORPUS_DIR, kind, `${slug}.txt`)), `${kind}/${f}: no document`);
    }
  }
});

test('split.json lists every document once, in the half the fixed rule gives', () => {
  const split = JSON.parse(readFileSync(join(CORPUS_DIR, 'split.json'), 'utf8')) as { dev: string[]; test: string[] };
  const files = corpusFiles().map((f) => `${f.kind}/${f.slug}`);
  assert.deepEqual([...split.dev, ...split.test].sort(), [...files].sort(), 'split.json covers the corpus (npm run score:plans -- --write-split)');
  for (const d of split.dev) assert.equal(splitOf(d.split('/')[1]), 'dev', d);
  for (const d of split.test) assert.equal(splitOf(d.split('/')[1]), 'test', d);
  assert.ok(split.dev.length > 0 && split.test.length > 0);
});

test('the three shared plans still score 100% with the corpus scorer', () => {
  const scores = loadShared().map((d) => scoreDoc(d, extractTargets(d)));
  const t = totals(scores);
  for (const s of scores) for (const e of s.errors) console.log(`  ${s.doc.slug}: ${e.kind}: ${e.detail}`);
  assert.equal(t.precision, 1, `precision ${t.tp}/${t.counted}`);
  assert.equal(t.recall, 1, `recall ${t.tp}/${t.required}`);
});

test('the scorer: a wrong comparator or a missing year is no match, a result is classified, a repeat is not counted', () => {
  const text = 'Năm 2024 tỷ lệ hộ nghèo còn 3%. Phấn đấu năm 2025 tỷ lệ hộ nghèo dưới 2%.';
  const doc: Doc = {
    slug: 'unit',
    group: 'plan',
    half: 'dev',
    source: 'https://example.org',
    text,
    gold: {
      kind: 'plan',
      level: 'commune',
      targets: [{ text: 'tỷ lệ hộ nghèo dưới 2%', indicator: 'tỷ lệ hộ nghèo', value: 2, comparator: '<', unit: '%', year: 2025 }],
      results: [{ text: 'tỷ lệ hộ nghèo còn 3%', indicator: 'tỷ lệ hộ nghèo', value: 3, year: 2024 }],
    },
  };
  const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, sourceText: s });
  const right: Extracted = { comparator: '<', value: 2, year: 2025, indicatorName: 'Tỷ lệ hộ nghèo', ...span('tỷ lệ hộ nghèo dưới 2%') };
  assert.deepEqual([scoreDoc(doc, [right]).tp, scoreDoc(doc, [right]).precision, scoreDoc(doc, [right]).recall], [1, 1, 1]);
  const r2 = scoreDoc(doc, [right, { ...right }]);
  assert.equal(r2.duplicates, 1);
  assert.equal(r2.precision, 1);
  const wrongCmp = scoreDoc(doc, [{ ...right, comparator: '=' }]);
  assert.deepEqual([wrongCmp.tp, wrongCmp.errors[0].kind], [0, 'wrong comparator']);
  const noYear = scoreDoc(doc, [{ ...right, year: null }]);
  assert.deepEqual([noYear.tp, noYear.errors[0].kind], [0, 'year missing']);
  const result = scoreDoc(doc, [right, { comparator: '=', value: 3, year: 2024, indicatorName: 'Tỷ lệ hộ nghèo', ...span('tỷ lệ hộ nghèo còn 3%') }]);
  assert.deepEqual([result.tp, result.counted, result.errors.map((e) => e.kind)], [1, 2, ['result taken for a target']]);
  const missed = scoreDoc(doc, []);
  assert.deepEqual([missed.recall, missed.errors.length], [0, 1]);
  // Results are scored once the extractor returns them: value, year and a link to the gold result.
  assert.equal(scoreResults(doc, null), null);
  const res = { value: 3, year: 2024, indicatorName: 'Tỷ lệ hộ nghèo', ...span('tỷ lệ hộ nghèo còn 3%') };
  assert.deepEqual(scoreResults(doc, [res]), { returned: 1, tp: 1, required: 1 });
  assert.deepEqual(scoreResults(doc, [{ ...res, year: 2025 }]), { returned: 1, tp: 0, required: 1 });
});

test('loadCorpus gives the extractor the text without the source line', () => {
  for (const d of loadCorpus()) assert.ok(!d.text.startsWith('# source:'), d.slug);
});
