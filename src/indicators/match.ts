// Which catalogue indicator does a phrase of a plan speak of? (step 4b of plan extraction, and
// `ansinh indicators match`). Accent- and case-folded,
// abbreviation-expanded (BHXH, THCS, GDMN…) syllable bigrams of the phrase are compared with each
// indicator's name and synonyms; a bigram's weight is its rarity in the catalogue (generic
// "tỷ lệ", "người dân" count little). Syllables of 4+ letters one edit apart match (typos such
// as "nguồi", "chứg"), and folding itself absorbs the usual diacritic typos ("phân đầu").
// Pure: `createMatcher` takes any catalogue; `indicatorCandidates` / `matchIndicator` use ours.
import { catalogue } from './catalogue.ts';

export interface CatalogueIndicator {
  readonly code: string;
  readonly name: { readonly vi: string; readonly en?: string };
  readonly unit: string;
  readonly kind?: string;
  readonly synonyms: readonly string[];
}

/** Lowercase, no accents, đ → d, punctuation to spaces. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9²%]+/g, ' ')
    .trim();
}

// Abbreviations as plans write them, expanded after folding.
const ABBREVIATIONS: Record<string, string> = {
  bhxh: 'bao hiem xa hoi',
  bhyt: 'bao hiem y te',
  bhtn: 'bao hiem that nghiep',
  thcs: 'trung hoc co so',
  thpt: 'trung hoc pho thong',
  gdmn: 'giao duc mam non',
  gddt: 'giao duc dao tao',
  dtts: 'dan toc thieu so',
  ldtbxh: 'lao dong thuong binh xa hoi',
  ntm: 'nong thon moi',
  ubnd: 'uy ban nhan dan',
  hdnd: 'hoi dong nhan dan',
  mttq: 'mat tran to quoc',
  cssk: 'cham soc suc khoe',
  tyt: 'tram y te',
  hssk: 'ho so suc khoe',
  ktxh: 'kinh te xa hoi',
  ti: 'ty', // "tỉ lệ" = "tỷ lệ"
  sy: 'si', // "bác sỹ", "liệt sỹ" = "bác sĩ", "liệt sĩ" (both spellings are in use)
};
// Function words that carry no meaning for matching ("của", "các", "và", "được", "ở", "bị"…).
const STOP = new Set(['cac', 'cua', 'va', 'duoc', 'nhung', 'la', 'voi', 'o', 'thi', 'da', 'se', 'bi', 'moi', 'toan', 'cho', 'tu', 'den', 'so', 'tong']);

/** Content syllables of a phrase. */
export function syllables(s: string): string[] {
  return foldText(s)
    .split(' ')
    .flatMap((w) => (ABBREVIATIONS[w] ?? w).split(' '))
    .filter((w) => w && !STOP.has(w) && !/^\d/.test(w));
}

export function bigrams(sy: readonly string[]): string[] {
  if (sy.length === 1) return [sy[0]!];
  const out: string[] = [];
  for (let i = 0; i + 1 < sy.length; i++) out.push(sy[i] + ' ' + sy[i + 1]);
  return out;
}

function near(a: string, b: string): boolean {
  if (a === b) return true;
  // Vietnamese syllables are short: "nghe" and "ngheo" are different words. Only longer
  // syllables tolerate a dropped or doubled letter; 4-letter ones a substitution or swap.
  if (a.length < 4 || b.length < 4 || Math.abs(a.length - b.length) > 1) return false;
  if (a.length !== b.length && Math.min(a.length, b.length) < 5) return false;
  // One edit (insert, delete, substitute or swap of neighbours).
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

interface Phrase {
  code: string;
  text: string;
  grams: string[];
}

export interface Match {
  readonly code: string;
  /** The catalogue phrase (name or synonym) that matched best. */
  readonly phrase: string;
  /** Weighted share of that phrase's bigrams found in the text, 0..1. */
  readonly coverage: number;
  /** F1 of coverage and of the share of the text's known bigrams that the phrase explains. */
  readonly score: number;
  /** Bigrams of the text that the phrase explains. */
  readonly matched: readonly string[];
}

export interface Matcher {
  /** Candidates whose coverage reaches `minCoverage`, best first. */
  candidates(text: string, opts?: { units?: readonly string[]; minCoverage?: number; mustShare?: string }): Match[];
  unitOf(code: string): string | undefined;
  nameOf(code: string): string | undefined;
}

/** Default minimum coverage: at least 55% of a phrase's weight must be present. */
export const MIN_COVERAGE = 0.55;

export function createMatcher(catalogue: readonly CatalogueIndicator[]): Matcher {
  const phrases: Phrase[] = catalogue.flatMap((i) =>
    // The name, the name without its parenthesis and without its leading "Tỷ lệ"/"Số" (plans
    // write "25% lực lượng lao động …", not "tỷ lệ … 25%"), and the synonyms.
    [
      i.name.vi,
      i.name.vi.replace(/\([^)]*\)/g, ' '),
      i.name.vi.replace(/\([^)]*\)/g, ' ').replace(/^\s*(?:tỷ lệ|tỉ lệ|số|mức|tổng)\s+/iu, ''),
      ...i.synonyms,
    ].map((text) => ({ code: i.code, text, grams: [...new Set(bigrams(syllables(text)))] })),
  );
  // Document frequency counted per indicator, so an indicator's many synonyms do not dilute it.
  const df = new Map<string, number>();
  for (const i of catalogue) {
    const seen = new Set(phrases.filter((p) => p.code === i.code).flatMap((p) => p.grams));
    for (const g of seen) df.set(g, (df.get(g) ?? 0) + 1);
  }
  const n = catalogue.length;
  const weights = new Map<string, number>();
  const weight = (g: string): number => {
    let w = weights.get(g);
    if (w === undefined) weights.set(g, (w = Math.log(1 + n / (df.get(g) ?? 1))));
    return w;
  };
  const units = new Map(catalogue.map((i) => [i.code, i.unit]));
  const names = new Map(catalogue.map((i) => [i.code, i.name.vi]));
  // Each phrase's gram weights and their sum, once (summed in the same order as before).
  const weighed = phrases.map((p) => {
    const ws = p.grams.map(weight);
    let total = 0;
    for (const w of ws) total += w;
    return { p, ws, total };
  });

  return {
    unitOf: (c) => units.get(c),
    nameOf: (c) => names.get(c),
    candidates(text, opts = {}) {
      const sy = syllables(text);
      const grams = new Set(bigrams(sy));
      const share = opts.mustShare ? new Set(bigrams(syllables(opts.mustShare))) : null;
      // Memoised: the same bigram recurs across phrases, and its fuzzy test scans every syllable.
      const seen = new Map<string, boolean>();
      const has = (g: string): boolean => {
        if (grams.has(g)) return true;
        let r = seen.get(g);
        if (r === undefined) seen.set(g, (r = fuzzyHas(g)));
        return r;
      };
      const fuzzyHas = (g: string): boolean => {
        const [x, y] = g.split(' ');
        if (y === undefined) return sy.some((s) => near(s, x!));
        for (let i = 0; i + 1 < sy.length; i++) if (near(sy[i]!, x!) && near(sy[i + 1]!, y)) return true;
        return false;
      };
      // Context bigrams the catalogue knows: the words a phrase could explain.
      let ctxWeight = 0;
      for (const g of grams) if (df.has(g)) ctxWeight += weight(g);
      const best = new Map<string, Match>();
      const min = opts.minCoverage ?? MIN_COVERAGE;
      for (const { p, ws, total } of weighed) {
        if (opts.units && !opts.units.includes(units.get(p.code)!)) continue;
        if (p.grams.length === 0) continue;
        let got = 0;
        let weighedSoFar = 0;
        let hopeless = false;
        // A phrase that can no longer reach `min` coverage is dropped without testing the rest
        // of its grams (the margin keeps every phrase the full count would keep).
        const need = min * total - 1e-9;
        const matched: string[] = [];
        for (let k = 0; k < p.grams.length; k++) {
          const g = p.grams[k]!;
          const w = ws[k]!;
          weighedSoFar += w;
          if (has(g)) {
            got += w;
            matched.push(g);
          } else if (got + (total - weighedSoFar) < need) {
            hopeless = true;
            break;
          }
        }
        if (hopeless) continue;
        const coverage = got / total;
        if (coverage < min) continue;
        if (share && !matched.some((g) => share.has(g))) continue;
        // F1 of the phrase's coverage and the share of the context it explains, so the phrase
        // that accounts for the whole wording wins over one that only shares its common part.
        const explained = ctxWeight > 0 ? Math.min(1, matched.filter((g) => grams.has(g)).reduce((x, g) => x + weight(g), 0) / ctxWeight) : 0;
        const score = explained > 0 ? (2 * coverage * explained) / (coverage + explained) : coverage * 0.5;
        const prev = best.get(p.code);
        if (!prev || score > prev.score) best.set(p.code, { code: p.code, phrase: p.text, coverage, score, matched });
      }
      return [...best.values()].sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
    },
  };
}

let ours: Matcher | null = null;

/** The matcher over ansinh's catalogue (src/indicators/catalogue.ts), built once. */
export function catalogueMatcher(): Matcher {
  return (ours ??= createMatcher(catalogue));
}

/** Indicators a phrase may name, best first (at least MIN_COVERAGE of a catalogue phrase present). */
export function indicatorCandidates(text: string): Match[] {
  return catalogueMatcher().candidates(text);
}

/** The code of the indicator a phrase names best, or null when none is. */
export function matchIndicator(text: string): string | null {
  return indicatorCandidates(text)[0]?.code ?? null;
}

/** Folded for a text search ("tỉ lệ" = "tỷ lệ", no accents, no case). */
export function foldForSearch(s: string): string {
  return foldText(s).replace(/\bti le\b/g, 'ty le');
}
