// npm run score:plans [-- --verbose] [-- --json] [-- --write-split]
// Runs the current plan extractor on every corpus document (test/fixtures/corpus) and on the
// three shared plans, and prints precision and recall per document, per kind of document, per
// level, for each half of the corpus (dev / test, fixed rule in plan-score.ts), and the five
// commonest kinds of error with examples. The matching rule is described at the top of
// scripts/plan-score.ts and in test/fixtures/corpus/README.md.
//   --verbose       every error of every document
//   --json          the figures as JSON (for notes and comparisons)
//   --write-split   (re)write test/fixtures/corpus/split.json from the fixed rule
//   --only=TEXT     list only the documents whose slug contains TEXT (totals stay whole)
//   --half=dev      list documents and errors of that half only (totals of both halves stay):
//                   tune on the dev half without seeing the test half's documents or errors
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CORPUS_DIR,
  extractKind,
  extractResults,
  extractTargets,
  loadCorpus,
  loadShared,
  scoreDoc,
  scoreResults,
  splitOf,
  totals,
  type DocScore,
  type ErrorItem,
} from './plan-score.ts';

const args = new Set(process.argv.slice(2));
const only =
  process.argv
    .slice(2)
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length) ?? '';
const halfOnly =
  process.argv
    .slice(2)
    .find((a) => a.startsWith('--half='))
    ?.slice('--half='.length) ?? '';
const shownHalf = (h: string) => !halfOnly || h === halfOnly;
const corpus = loadCorpus();

if (args.has('--write-split')) {
  const dev = corpus.filter((d) => splitOf(d.slug) === 'dev').map((d) => `${d.group}/${d.slug}`);
  const test = corpus.filter((d) => splitOf(d.slug) === 'test').map((d) => `${d.group}/${d.slug}`);
  const json = { rule: 'first hex digit of sha256(slug): even → dev, odd → test (scripts/plan-score.ts, splitOf)', dev, test };
  writeFileSync(join(CORPUS_DIR, 'split.json'), JSON.stringify(json, null, 2) + '\n');
  console.log(`split.json: ${dev.length} dev, ${test.length} test`);
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const t0 = performance.now();
const scores = corpus.map((d) => scoreDoc(d, extractTargets(d)));
const shared = loadShared().map((d) => scoreDoc(d, extractTargets(d)));
const ms = performance.now() - t0;
// Results (past values), scored once the extractor returns them (issue 11, item 4).
const resultScores = corpus.map((d) => ({ half: d.half, r: scoreResults(d, extractResults(d)) }));
function resultLine(h: string): string {
  const rs = resultScores.filter((x) => x.half === h).map((x) => x.r);
  if (rs.some((r) => r === null))
    return `  results, ${h} half: not returned by the extractor (gold has ${corpus.filter((d) => d.half === h).reduce((s, d) => s + d.gold.results.length, 0)})`;
  const tp = rs.reduce((s, r) => s + r!.tp, 0),
    ret = rs.reduce((s, r) => s + r!.returned, 0),
    req = rs.reduce((s, r) => s + r!.required, 0);
  return `  results, ${h} half: precision ${tp}/${ret} = ${pct(ret ? tp / ret : 1)}, recall ${tp}/${req} = ${pct(req ? tp / req : 1)}`;
}

const line = (label: string, s: readonly DocScore[]) => {
  const t = totals(s);
  return `${label.padEnd(28)} docs ${String(t.docs).padStart(3)}  precision ${`${t.tp}/${t.counted}`.padStart(8)} = ${pct(t.precision).padStart(6)}  recall ${`${t.tp}/${t.required}`.padStart(8)} = ${pct(t.recall).padStart(6)}   (a missing year accepted: ${pct(t.lenientPrecision)} / ${pct(t.lenientRecall)})`;
};

function topErrors(s: readonly DocScore[], n = 5) {
  const by = new Map<string, ErrorItem[]>();
  for (const x of s) for (const e of x.errors) by.set(e.kind, [...(by.get(e.kind) ?? []), e]);
  return [...by.entries()].sort((a, b) => b[1].length - a[1].length).slice(0, n);
}

if (args.has('--json')) {
  const half = (h: string) => scores.filter((x) => x.doc.half === h);
  const out = {
    dev: totals(half('dev')),
    test: totals(half('test')),
    all: totals(scores),
    shared: totals(shared),
    perKind: Object.fromEntries(
      ['plan', 'resolution', 'programme', 'report'].map((k) => [
        k,
        { dev: totals(half('dev').filter((x) => x.doc.group === k)), test: totals(half('test').filter((x) => x.doc.group === k)) },
      ]),
    ),
    docs: [...scores, ...shared].map((x) => ({
      slug: x.doc.slug,
      group: x.doc.group,
      half: x.doc.half,
      level: x.doc.gold.level,
      tp: x.tp,
      counted: x.counted,
      required: x.required,
      duplicates: x.duplicates,
      errors: x.errors,
    })),
    topErrors: {
      dev: topErrors(half('dev')).map(([k, v]) => ({ kind: k, count: v.length })),
      test: topErrors(half('test')).map(([k, v]) => ({ kind: k, count: v.length })),
    },
  };
  console.log(JSON.stringify(out, null, 2));
} else printText();

function printText() {
  console.log(`Plan target extraction on ${corpus.length} corpus documents and ${shared.length} shared plans (${ms.toFixed(0)} ms)\n`);
  console.log('Per document (P = precision, R = recall; dup = repeated targets, not counted):');
  for (const x of [...scores]
    .filter((s) => s.doc.slug.includes(only) && shownHalf(s.doc.half))
    .sort((a, b) => a.doc.half.localeCompare(b.doc.half) || a.doc.group.localeCompare(b.doc.group) || a.doc.slug.localeCompare(b.doc.slug))) {
    const p = x.counted ? `${x.tp}/${x.counted}` : '0/0';
    const r = x.required ? `${x.tp}/${x.required}` : '0/0';
    console.log(
      `  ${x.doc.half.padEnd(4)} ${x.doc.group.padEnd(10)} ${x.doc.slug.padEnd(62)} P ${p.padStart(6)} ${pct(x.precision).padStart(6)}  R ${r.padStart(6)} ${pct(x.recall).padStart(6)}${x.duplicates ? `  dup ${x.duplicates}` : ''}`,
    );
    if (args.has('--verbose')) for (const e of x.errors) console.log(`        ${e.kind}: ${e.detail}`);
  }
  console.log('\nShared plans (regression fixtures):');
  for (const x of shared) {
    console.log(
      `  ${x.doc.slug.padEnd(62)} P ${`${x.tp}/${x.counted}`.padStart(6)} ${pct(x.precision).padStart(6)}  R ${`${x.tp}/${x.required}`.padStart(6)} ${pct(x.recall).padStart(6)}`,
    );
    if (args.has('--verbose')) for (const e of x.errors) console.log(`        ${e.kind}: ${e.detail}`);
  }

  console.log('\nTotals:');
  for (const h of ['dev', 'test'] as const) {
    const s = scores.filter((x) => x.doc.half === h);
    console.log('  ' + line(`${h} half`, s));
    for (const k of ['plan', 'resolution', 'programme', 'report']) {
      const sk = s.filter((x) => x.doc.group === k);
      if (sk.length) console.log('    ' + line(`${k}`, sk));
    }
  }
  console.log('  ' + line('whole corpus', scores));
  for (const lv of ['national', 'province', 'district', 'commune', 'party']) {
    const sl = scores.filter((x) => x.doc.gold.level === lv);
    if (sl.length) console.log('    ' + line(`level ${lv}`, sl));
  }
  console.log('  ' + line('shared plans', shared));
  for (const h of ['dev', 'test']) console.log(resultLine(h));
  // Report or not: a report of results must be recognised as one (issue 11, item 4).
  for (const h of ['dev', 'test']) {
    const ds = corpus.filter((d) => d.half === h);
    const kinds = ds.map((d) => ({ gold: d.gold.kind, got: extractKind(d) }));
    const reports = kinds.filter((k) => k.gold === 'report');
    const others = kinds.filter((k) => k.gold !== 'report');
    console.log(
      `  kind, ${h} half: reports recognised as reports ${reports.filter((k) => k.got === 'report').length}/${reports.length}; other documents read as reports ${others.filter((k) => k.got === 'report').length}/${others.length}; no kind read ${kinds.filter((k) => k.got === null).length}/${kinds.length}`,
    );
  }

  for (const h of (['dev', 'test'] as const).filter(shownHalf)) {
    console.log(`\nCommonest errors, ${h} half:`);
    for (const [k, v] of topErrors(scores.filter((x) => x.doc.half === h))) {
      console.log(`  ${String(v.length).padStart(4)}  ${k}`);
      for (const e of v.slice(0, 3)) console.log(`          ${e.slug}: ${e.detail}`);
    }
  }
}
