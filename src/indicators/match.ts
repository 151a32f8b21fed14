// Recognises which catalogue indicator a phrase of a plan speaks of, from the synonyms (and
// names) in catalogue.ts: the indicator whose longest phrase occurs in the text wins. Pure;
// the plan extractor calls it on the clause around a number.
import { catalogue } from './catalogue.ts';
import type { Indicator } from './model.ts';
import { fold } from '../units/model.ts';

/** Folds accents and case, and the spelling variants plans use ("tỉ lệ" = "tỷ lệ"). */
export function normalisePhrase(s: string): string {
  return fold(s)
    .replace(/\bti le\b/g, 'ty le')
    .replace(/[“”"]/g, '')
    .replace(/\s*,\s*/g, ', ');
}

export interface Candidate {
  readonly code: string;
  /** The catalogue phrase found in the text (as written in the catalogue). */
  readonly phrase: string;
  /** Length of that phrase once folded: longer is more specific. */
  readonly length: number;
}

interface Entry { code: string; phrase: string; folded: string }

function entriesOf(list: readonly Indicator[]): Entry[] {
  return list.flatMap((i) => [i.name.vi, ...i.synonyms].map((phrase) => ({ code: i.code, phrase, folded: normalisePhrase(phrase) })));
}

const defaultEntries = entriesOf(catalogue);

/** Every indicator one of whose phrases occurs in `text`, most specific (longest phrase) first. */
export function indicatorCandidates(text: string, list?: readonly Indicator[]): Candidate[] {
  const entries = list ? entriesOf(list) : defaultEntries;
  const f = normalisePhrase(text);
  const best = new Map<string, Candidate>();
  for (const e of entries) {
    if (!e.folded || !f.includes(e.folded)) continue;
    const prev = best.get(e.code);
    if (!prev || e.folded.length > prev.length) best.set(e.code, { code: e.code, phrase: e.phrase, length: e.folded.length });
  }
  return [...best.values()].sort((a, b) => b.length - a.length || a.code.localeCompare(b.code));
}

/** The code of the most specific indicator named in `text`, or null when none is. */
export function matchIndicator(text: string, list?: readonly Indicator[]): string | null {
  return indicatorCandidates(text, list)[0]?.code ?? null;
}
