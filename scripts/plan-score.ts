// Scoring of plan target extraction against hand-checked gold lists (issue 11, item 1).
//
// Two sources of documents:
//  - the corpus, test/fixtures/corpus/<kind>/<slug>.txt (first line "# source: <address>", then the
//    document as found) with <slug>.gold.json (format: test/fixtures/corpus/README.md);
//  - the three shared plans, reference/plans/<name>.txt with test/fixtures/plans/<name>.gold.json
//    (the older format: indicatorCode + sourceText), kept as regression fixtures.
//
// The split into a development half and a test half is FIXED by rule, before any tuning: the
// first hex digit of sha256(slug) even → dev, odd → test (splitOf below). split.json lists both
// halves and a test checks that it agrees with the rule.
//
// Matching rule (one extracted target ↔ at most one gold target, and back):
//  1. A pair is a candidate when the values are equal (relative tolerance 1e-9; or equal to one of
//     the gold's `alt` readings, "43,5 nghìn tỷ" = 43500 tỷ) and the two are
//     linked: the extracted span overlaps an occurrence of the gold `text` in the document, or
//     the indicator words overlap (Dice coefficient of the folded content syllables of gold
//     `indicator` + `text` and of extracted `sourceText` + `indicatorName` ≥ 0.3), or (shared
//     plans) the catalogue codes are equal.
//  2. Candidates are ranked by link strength (span overlap 1 + word Dice + 0.5 for an equal
//     comparator + 0.5 for an equal year) and assigned greedily, best first.
//  3. An assigned pair is a true positive when comparator and year are equal too (a gold year
//     of null accepts any year; for a rate of 100%, = and >= are the same). Otherwise it is an error ("wrong comparator", "wrong year"):
//     one false positive and one false negative. "year missing" is the case of no year at all.
//  4. Optional gold targets (a headline repeating a target, a count given in brackets next to
//     its rate, a cited parent target) count when found and are not missed when absent: a match
//     to one is left out of both precision and recall.
//  5. An extracted target that is left over but repeats an assigned one (same value,
//     comparator and year, linked to the same gold target) is a duplicate: reported, not counted
//     (a repeated headline; an import merges it).
//  6. Every other extracted target is a false positive, classified as a result taken for a
//     target (it matches a gold result), a target returned for a report of results, or a
//     number that is no target; every other required gold target is a false negative,
//     classified by what it is (a change rate, a count, an indicator the catalogue lacks…).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractPlan } from '../src/plans/extract/index.ts';
import { matchIndicator } from '../src/indicators/match.ts';

export const ROOT = resolve(new URL('..', import.meta.url).pathname);
export const CORPUS_DIR = join(ROOT, 'test/fixtures/corpus');
export const KINDS = ['plan', 'resolution', 'programme', 'report'] as const;
export const LEVELS = ['province', 'district', 'commune', 'national', 'party'] as const;
export const SHARED_PLANS = ['lai-chau-province-action-program-nq42', 'thu-lum-commune-2026-152-KH-DU', 'hoang-kim-commune-2024'] as const;

export type Half = 'dev' | 'test';

/** The fixed split rule: first hex digit of sha256(slug), even → dev, odd → test. */
export function splitOf(slug: string): Half {
  const d = parseInt(createHash('sha256').update(slug, 'utf8').digest('hex')[0], 16);
  return d % 2 === 0 ? 'dev' : 'test';
}

export interface GoldTarget {
  text: string;
  indicator: string;
  value: number;
  comparator: string;
  unit: string;
  year: number | null;
  optional?: boolean;
  /** Other readings of the same number that count as equal ("43,5 nghìn tỷ đồng" = 43500 tỷ đồng; "1/2" = 0.5). */
  alt?: number[];
  indicatorCode?: string;
  [k: string]: unknown;
}
export interface GoldResult {
  text: string;
  indicator: string;
  value: number;
  year: number | null;
  alt?: number[];
}
export interface Gold {
  kind: string;
  level: string;
  targets: GoldTarget[];
  results: GoldResult[];
  [k: string]: unknown;
}

export interface Doc {
  slug: string;
  /** Corpus kind directory, or "shared" for the three shared plans. */
  group: string;
  half: Half | 'shared';
  source: string;
  /** The document text given to the extractor (without the "# source:" line). */
  text: string;
  gold: Gold;
}

/** The corpus files: [kind, slug] of every .txt under test/fixtures/corpus/<kind>/. */
export function corpusFiles(dir = CORPUS_DIR): { kind: string; slug: string }[] {
  const out: { kind: string; slug: string }[] = [];
  for (const kind of KINDS) {
    const d = join(dir, kind);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).sort()) if (f.endsWith('.txt')) out.push({ kind, slug: f.slice(0, -4) });
  }
  return out;
}

/** Splits a corpus file into its source address and the document text. */
export function parseCorpusText(raw: string): { source: string | null; text: string } {
  const nl = raw.indexOf('\n');
  const first = nl < 0 ? raw : raw.slice(0, nl);
  const m = /^# source: (\S.*)$/.exec(first);
  return { source: m ? m[1].trim() : null, text: m ? raw.slice(nl + 1) : raw };
}

export function loadCorpus(dir = CORPUS_DIR): Doc[] {
  return corpusFiles(dir).map(({ kind, slug }) => {
    const { source, text } = parseCorpusText(readFileSync(join(dir, kind, `${slug}.txt`), 'utf8'));
    const gold = JSON.parse(readFileSync(join(dir, kind, `${slug}.gold.json`), 'utf8')) as Gold;
    gold.results ??= [];
    return { slug, group: kind, half: splitOf(slug), source: source ?? '', text, gold };
  });
}

interface SharedGold {
  plan: { kind?: string };
  targets: { indicatorCode: string; comparator: string; value: number; unit: string; year: number | null; sourceText: string }[];
}

/** The three shared plans with their older gold lists, in the corpus format. */
export function loadShared(): Doc[] {
  return SHARED_PLANS.map((slug) => {
    const text = readFileSync(join(ROOT, 'reference/plans', `${slug}.txt`), 'utf8');
    const g = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/plans', `${slug}.gold.json`), 'utf8')) as SharedGold;
    const level = slug.includes('province') ? 'province' : 'commune';
    const targets: GoldTarget[] = g.targets.map((t) => ({
      text: t.sourceText,
      indicator: '',
      indicatorCode: t.indicatorCode,
      value: t.value,
      comparator: t.comparator,
      unit: t.unit,
      year: t.year,
    }));
    return { slug, group: 'shared', half: 'shared' as const, source: `reference/plans/${slug}.txt`, text, gold: { kind: 'plan', level, targets, results: [] } };
  });
}

// ---- words ---------------------------------------------------------------------------------

const STOP = new Set([
  'cac',
  'cua',
  'va',
  'duoc',
  'nhung',
  'la',
  'voi',
  'o',
  'thi',
  'da',
  'se',
  'bi',
  'cho',
  'tu',
  'den',
  'trong',
  'tren',
  'duoi',
  'dat',
  'nam',
  'phan',
  'dau',
  'it',
  'nhat',
  'tro',
  'len',
  'khoang',
  'giam',
  'tang',
  'con',
  'xuong',
  'co',
  'muc',
  'ty',
  'ti',
  'le',
  'so',
  'theo',
  'hon',
  'toi',
  'thieu',
  'khong',
  'qua',
  've',
  'nay',
  'do',
  'ca',
]);
const ABBR: Record<string, string> = {
  bhyt: 'bao hiem y te',
  bhxh: 'bao hiem xa hoi',
  bhtn: 'bao hiem that nghiep',
  nct: 'nguoi cao tuoi',
  dtts: 'dan toc thieu so',
  ntm: 'nong thon moi',
  tdtt: 'the duc the thao',
  thcs: 'trung hoc co so',
  grdp: 'tang truong kinh te',
};

/** Folded content syllables: no accents, đ → d, lower case, abbreviations expanded, numbers and function words dropped. */
export function words(s: string): Set<string> {
  const folded = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ');
  const out = new Set<string>();
  for (const w of folded.split(' ')) {
    if (!w || /\d/.test(w)) continue;
    for (const x of (ABBR[w] ?? w).split(' ')) if (!STOP.has(x)) out.add(x);
  }
  return out;
}

export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return (2 * n) / (a.size + b.size);
}

function occurrences(doc: string, s: string): [number, number][] {
  const out: [number, number][] = [];
  if (!s) return out;
  for (let i = doc.indexOf(s); i >= 0; i = doc.indexOf(s, i + 1)) out.push([i, i + s.length]);
  return out;
}

const sameValue = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const sameYear = (gold: number | null, got: number | null) => gold === null || gold === got;
/** Equal comparators; "100% trở lên" (>=) and "100%" (=) say the same of a rate, which cannot exceed 100%. */
const sameComparator = (g: GoldTarget, e: Extracted) =>
  g.comparator === e.comparator || (g.unit === '%' && g.value === 100 && ['=', '>='].includes(g.comparator) && ['=', '>='].includes(e.comparator));

// ---- scoring -------------------------------------------------------------------------------

/** What the scorer needs of an extracted target (the extractor may add fields or leave the code null). */
export interface Extracted {
  indicatorCode?: string | null;
  indicatorName?: string | null;
  comparator: string;
  value: number;
  unit?: string;
  year: number | null;
  sourceText: string;
  start: number;
  end: number;
}

export type ErrorKind =
  | 'missed: change rate (giảm/tăng … %, reduce_by/increase_by)'
  | 'missed: count or amount (người, hộ, tỷ đồng, ha…)'
  | 'missed: indicator not in the catalogue'
  | 'missed: rate of a catalogue indicator'
  | 'wrong comparator'
  | 'wrong year'
  | 'year missing'
  | 'result taken for a target'
  | 'target returned for a report of results'
  | 'number that is no target';

export interface ErrorItem {
  kind: ErrorKind;
  slug: string;
  detail: string;
}

export interface DocScore {
  doc: Doc;
  extracted: number;
  tp: number;
  /** Extracted targets counted in precision (all but optional matches and duplicates). */
  counted: number;
  /** Required gold targets. */
  required: number;
  optionalFound: number;
  /** Pairs whose only fault is that the extracted target has no year (counted as errors). */
  yearMissing: number;
  duplicates: number;
  errors: ErrorItem[];
  precision: number;
  recall: number;
}

const goldValue = (g: { value: number; alt?: number[] }, v: number) => sameValue(g.value, v) || (g.alt ?? []).some((a) => sameValue(a, v));

function linkStrength(doc: string, g: GoldTarget, e: Extracted, gw: Set<string>): number | null {
  if (!goldValue(g, e.value)) return null;
  const spans = occurrences(doc, g.text);
  const overlap = spans.some(([a, b]) => e.start < b && a < e.end) ? 1 : 0;
  const d = dice(gw, words(`${e.sourceText} ${e.indicatorName ?? ''}`));
  const code = g.indicatorCode && e.indicatorCode === g.indicatorCode ? 1 : 0;
  if (!overlap && d < 0.3 && !code) return null;
  return overlap + d + code + (sameComparator(g, e) ? 0.5 : 0) + (sameYear(g.year, e.year) ? 0.5 : 0);
}

function describe(e: Extracted): string {
  return `${e.comparator} ${e.value}${e.unit ?? ''} (${e.year ?? '—'}) «${e.sourceText.replace(/\s+/g, ' ').slice(0, 90)}»`;
}
function describeGold(g: GoldTarget): string {
  return `${g.comparator} ${g.value}${g.unit} (${g.year ?? '—'}) «${g.text.replace(/\s+/g, ' ').slice(0, 90)}»`;
}

function missKind(g: GoldTarget): ErrorKind {
  if (g.comparator === 'reduce_by' || g.comparator === 'increase_by') return 'missed: change rate (giảm/tăng … %, reduce_by/increase_by)';
  if (!/^(%|‰|per_)/.test(g.unit)) return 'missed: count or amount (người, hộ, tỷ đồng, ha…)';
  if (!g.indicatorCode && !matchIndicator(`${g.indicator} ${g.text}`)) return 'missed: indicator not in the catalogue';
  return 'missed: rate of a catalogue indicator';
}

/** Scores the extractor's targets for one document against its gold list. */
export function scoreDoc(doc: Doc, got: readonly Extracted[]): DocScore {
  const text = doc.text;
  const golds = doc.gold.targets;
  const gws = golds.map((g) => words(`${g.indicator} ${g.text}`));
  const pairs: { gi: number; ei: number; s: number }[] = [];
  golds.forEach((g, gi) =>
    got.forEach((e, ei) => {
      const s = linkStrength(text, g, e, gws[gi]);
      if (s !== null) pairs.push({ gi, ei, s });
    }),
  );
  pairs.sort((a, b) => b.s - a.s || a.gi - b.gi || a.ei - b.ei);
  const gUsed = new Map<number, number>();
  const eUsed = new Map<number, number>();
  for (const p of pairs) {
    if (gUsed.has(p.gi) || eUsed.has(p.ei)) continue;
    gUsed.set(p.gi, p.ei);
    eUsed.set(p.ei, p.gi);
  }
  const errors: ErrorItem[] = [];
  let tp = 0,
    optionalFound = 0,
    duplicates = 0,
    fp = 0,
    fn = 0,
    yearMissing = 0;
  for (const [gi, ei] of gUsed) {
    const g = golds[gi],
      e = got[ei];
    const ok = sameComparator(g, e) && sameYear(g.year, e.year);
    if (ok) {
      if (g.optional) optionalFound++;
      else tp++;
      continue;
    }
    const kind: ErrorKind = !sameComparator(g, e) ? 'wrong comparator' : e.year === null ? 'year missing' : 'wrong year';
    if (kind === 'year missing' && !g.optional) yearMissing++;
    errors.push({ kind, slug: doc.slug, detail: `expected ${describeGold(g)}, got ${describe(e)}` });
    fp++;
    if (!g.optional) fn++;
  }
  got.forEach((e, ei) => {
    if (eUsed.has(ei)) return;
    // A repeat of a target already extracted (same value, comparator and year, linked to the
    // same gold target) is a duplicate, whether or not the first one was right.
    const dup = [...gUsed].some(([gi, e1]) => {
      const first = got[e1];
      return (
        first.comparator === e.comparator && first.year === e.year && sameValue(first.value, e.value) && linkStrength(text, golds[gi], e, gws[gi]) !== null
      );
    });
    if (dup) {
      duplicates++;
      return;
    }
    fp++;
    const ew = words(`${e.sourceText} ${e.indicatorName ?? ''}`);
    const isResult = doc.gold.results.some(
      (r) =>
        goldValue(r, e.value) && (occurrences(text, r.text).some(([a, b]) => e.start < b && a < e.end) || dice(words(`${r.indicator} ${r.text}`), ew) >= 0.3),
    );
    const kind: ErrorKind = isResult
      ? 'result taken for a target'
      : doc.gold.kind === 'report'
        ? 'target returned for a report of results'
        : 'number that is no target';
    errors.push({ kind, slug: doc.slug, detail: describe(e) });
  });
  golds.forEach((g, gi) => {
    if (gUsed.has(gi) || g.optional) return;
    fn++;
    errors.push({ kind: missKind(g), slug: doc.slug, detail: describeGold(g) });
  });
  const required = golds.filter((g) => !g.optional).length;
  const counted = tp + fp;
  return {
    doc,
    extracted: got.length,
    tp,
    counted,
    required,
    optionalFound,
    yearMissing,
    duplicates,
    errors,
    precision: counted ? tp / counted : 1,
    recall: required ? tp / required : 1,
  };
}

/** Runs the current extractor (the function `ansinh plan extract --json` uses) on a document. */
export function extractTargets(doc: Doc): Extracted[] {
  return run(doc).targets as unknown as Extracted[];
}

// One extraction per document, shared by targets, results and kind.
const runs = new WeakMap<Doc, ReturnType<typeof extractPlan>>();
function run(doc: Doc): ReturnType<typeof extractPlan> {
  let r = runs.get(doc);
  if (!r) {
    r = extractPlan(doc.text);
    runs.set(doc, r);
  }
  return r;
}

/** The kind of document the extractor reads (plan.kind: plan, resolution, report, …; null if none). */
export function extractKind(doc: Doc): string | null {
  return (run(doc).plan as { kind?: string | null }).kind ?? null;
}

/** A result (a past value) as the extractor may return it (issue 11 item 4; absent today). */
export interface ExtractedResult {
  value: number;
  year: number | null;
  sourceText: string;
  start: number;
  end: number;
  indicatorName?: string | null;
}

export interface ResultScore {
  returned: number;
  tp: number;
  required: number;
}

/** Results: a returned result is right when value and year equal a gold result's and the two are linked. */
export function scoreResults(doc: Doc, got: readonly ExtractedResult[] | null): ResultScore | null {
  if (!got) return null;
  const used = new Set<number>();
  let tp = 0;
  for (const e of got) {
    const ew = words(`${e.sourceText} ${e.indicatorName ?? ''}`);
    const i = doc.gold.results.findIndex(
      (r, k) =>
        !used.has(k) &&
        goldValue(r, e.value) &&
        (r.year === null || r.year === e.year) &&
        (occurrences(doc.text, r.text).some(([a, b]) => e.start < b && a < e.end) || dice(words(`${r.indicator} ${r.text}`), ew) >= 0.3),
    );
    if (i >= 0) {
      used.add(i);
      tp++;
    }
  }
  return { returned: got.length, tp, required: doc.gold.results.length };
}

/** The extractor's results, when it returns them (null while it does not). */
export function extractResults(doc: Doc): ExtractedResult[] | null {
  const r = (run(doc) as unknown as { results?: ExtractedResult[] }).results;
  return Array.isArray(r) ? r : null;
}

export interface Totals {
  docs: number;
  tp: number;
  counted: number;
  required: number;
  precision: number;
  recall: number;
  /** The same figures if a target without a year matched any year (not the score; for reading). */
  lenientPrecision: number;
  lenientRecall: number;
}

export function totals(scores: readonly DocScore[]): Totals {
  const tp = scores.reduce((s, x) => s + x.tp, 0);
  const counted = scores.reduce((s, x) => s + x.counted, 0);
  const required = scores.reduce((s, x) => s + x.required, 0);
  const ym = scores.reduce((s, x) => s + x.yearMissing, 0);
  return {
    docs: scores.length,
    tp,
    counted,
    required,
    precision: counted ? tp / counted : 1,
    recall: required ? tp / required : 1,
    lenientPrecision: counted ? (tp + ym) / counted : 1,
    lenientRecall: required ? (tp + ym) / required : 1,
  };
}
