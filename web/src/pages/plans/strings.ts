// The plans pages' words: the plan.* entries of the one catalogue (web/src/i18n/vi/plan.ts, en/plan.ts),
// typed by its keys; m(key) follows the app's current locale. cmpWord turns a comparator into
// the server's words (src/indicators/vocabulary.ts comparatorWords).
import '../../i18n/vi/plan.ts';
import { group, localeStore, t, type GroupsOf, type KeysOf, type MessageKey } from '../../i18n/index.ts';
import { fill } from '../../i18n/format.ts';
import { unitWord } from '../../lib/words.ts';
import { comparatorWords, isComparator } from '../../../../src/indicators/vocabulary.ts';

type Key = KeysOf<'plan'>;
type Group = GroupsOf<'plan'>;

export function m(key: Group): Record<string, string>;
export function m(key: Key): string;
export function m(key: Key | Group): string | Record<string, string> {
  const k = `plan.${key}`;
  return k in groups ? group(k) : t(k as MessageKey);
}
const groups: Record<`plan.${Group}`, true> = {
  'plan.statusNames': true,
  'plan.flags': true,
  'plan.kinds': true,
  'plan.statusLabel': true,
  'plan.reviewActions': true,
};

export const cmpWord = (c: string): string => (isComparator(c) ? comparatorWords[c][localeStore.get() === 'en' ? 'en' : 'vi'] : c);

/** Fills {name} placeholders of a message. */
export const fillIn = (s: string, p: Record<string, string | number>): string => fill(s, p);

/** A target's value with its unit as read aloud: "99,9%", "mức 3", "22,5 m² sàn/người" (the server's unit words). */
export function valueWithUnit(value: string, unit: string): string {
  if (unit === '%') return `${value}%`;
  if (unit === 'level') return `${unitWord('level')} ${value}`;
  return unit ? `${value} ${unitWord(unit)}` : value;
}
