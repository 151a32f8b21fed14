// Cascade check: a child plan's targets set beside its parent's, indicator by indicator, with
// flags for what a province reviewer looks for: a weaker local target, a parent target the
// child leaves out, a different target year, and a comparator that changes the meaning.
import type { Text } from '../kernel/i18n.ts';
import { formatNumberVi } from '../kernel/i18n.ts';
import { comparatorWords, type Comparator, type Direction } from '../indicators/vocabulary.ts';

export type { Comparator, Direction };

export interface CascadeTarget {
  readonly id?: number;
  readonly indicatorCode: string;
  readonly comparator: Comparator;
  readonly value: number;
  readonly year: number | null;
  readonly sourceText?: string;
}

export type CascadeFlag = 'weaker' | 'missing' | 'year_mismatch' | 'comparator_changed' | 'extra';

export interface CascadeRow {
  readonly indicatorCode: string;
  readonly parent: CascadeTarget | null;
  readonly child: CascadeTarget | null;
  readonly flags: readonly CascadeFlag[];
  readonly notes: readonly Text[];
}

/**
 * What a comparator means for an indicator: a lower bound (at least / more than), an upper
 * bound (at most / less than), about a value, or maintain. "đạt 99,5%" (=) on an indicator where
 * higher is better means "at least 99,5%", so '=' and '~' take the indicator's direction.
 */
export function boundKind(c: Comparator, d: Direction): 'lower' | 'upper' | 'approx' | 'maintain' | 'reduce' | 'increase' {
  if (c === 'reduce_by') return 'reduce';
  if (c === 'increase_by') return 'increase';
  if (c === '>' || c === '>=') return 'lower';
  if (c === '<' || c === '<=') return 'upper';
  if (c === 'maintain') return 'maintain';
  if (d === 'higher_better') return 'lower';
  if (d === 'lower_better') return 'upper';
  return 'approx';
}

export function describeTarget(t: CascadeTarget, locale: 'vi' | 'en'): string {
  const v = locale === 'vi' ? formatNumberVi(t.value) : String(t.value);
  return `${comparatorWords[t.comparator][locale]} ${v}`;
}

/**
 * Is the child's target less ambitious than the parent's? Compared on the same bound kind
 * only; a strict bound (">") is stronger than a non-strict one (">=") at the same value.
 */
export function isWeaker(child: CascadeTarget, parent: CascadeTarget, d: Direction): boolean {
  const kc = boundKind(child.comparator, d);
  const kp = boundKind(parent.comparator, d);
  if (kc !== kp) return false;
  const strict = (c: Comparator) => c === '>' || c === '<';
  if (kc === 'lower') return child.value < parent.value || (child.value === parent.value && strict(parent.comparator) && !strict(child.comparator));
  if (kc === 'upper') return child.value > parent.value || (child.value === parent.value && strict(parent.comparator) && !strict(child.comparator));
  // A change: a smaller reduction (or increase) than the parent's asks for less.
  if (kc === 'reduce' || kc === 'increase') return child.value < parent.value;
  if (kc === 'maintain') return d === 'higher_better' ? child.value < parent.value : d === 'lower_better' ? child.value > parent.value : false;
  // about a value: weaker when further from the parent in the bad direction
  if (d === 'higher_better') return child.value < parent.value;
  if (d === 'lower_better') return child.value > parent.value;
  return false;
}

export function compareCascade(
  parentTargets: readonly CascadeTarget[],
  childTargets: readonly CascadeTarget[],
  directionOf: (indicatorCode: string) => Direction,
): CascadeRow[] {
  const byCode = (ts: readonly CascadeTarget[]) => {
    const m = new Map<string, CascadeTarget[]>();
    for (const t of ts) m.set(t.indicatorCode, [...(m.get(t.indicatorCode) ?? []), t]);
    return m;
  };
  const P = byCode(parentTargets);
  const C = byCode(childTargets);
  const codes = [...new Set([...P.keys(), ...C.keys()])];
  const rows: CascadeRow[] = [];
  for (const code of codes) {
    const ps = P.get(code) ?? [];
    const cs = C.get(code) ?? [];
    const d = directionOf(code);
    // Pair targets of the same indicator by target year, then in order.
    const pairs: [CascadeTarget | null, CascadeTarget | null][] = [];
    const restC = [...cs];
    for (const p of ps) {
      const i = restC.findIndex((c) => c.year === p.year);
      const j = i >= 0 ? i : restC.length > 0 ? 0 : -1;
      pairs.push([p, j >= 0 ? restC.splice(j, 1)[0]! : null]);
    }
    for (const c of restC) pairs.push([null, c]);
    for (const [p, c] of pairs) {
      const flags: CascadeFlag[] = [];
      const notes: Text[] = [];
      if (p && !c) {
        flags.push('missing');
        notes.push({
          vi: `Kế hoạch cấp dưới chưa có chỉ tiêu này (cấp trên: ${describeTarget(p, 'vi')})`,
          en: `The child plan has no such target (parent: ${describeTarget(p, 'en')})`,
        });
      } else if (!p && c) {
        flags.push('extra');
        notes.push({ vi: 'Chỉ tiêu riêng của cấp dưới (cấp trên không đặt)', en: 'Local target with no parent target' });
      } else if (p && c) {
        const kc = boundKind(c.comparator, d);
        const kp = boundKind(p.comparator, d);
        if (kc !== kp) {
          flags.push('comparator_changed');
          notes.push({
            vi: `Phép so sánh đổi nghĩa: cấp trên "${describeTarget(p, 'vi')}", cấp dưới "${describeTarget(c, 'vi')}"`,
            en: `The comparator changes meaning: parent "${describeTarget(p, 'en')}", child "${describeTarget(c, 'en')}"`,
          });
        } else if (isWeaker(c, p, d)) {
          flags.push('weaker');
          notes.push({
            vi: `Chỉ tiêu cấp dưới thấp hơn cấp trên: ${describeTarget(c, 'vi')} so với ${describeTarget(p, 'vi')}`,
            en: `The local target is weaker than the parent's: ${describeTarget(c, 'en')} against ${describeTarget(p, 'en')}`,
          });
        }
        if (p.year !== c.year) {
          flags.push('year_mismatch');
          notes.push({
            vi: `Năm mục tiêu khác nhau: cấp trên ${p.year ?? 'không ghi'}, cấp dưới ${c.year ?? 'không ghi'}`,
            en: `Target years differ: parent ${p.year ?? 'none'}, child ${c.year ?? 'none'}`,
          });
        }
      }
      rows.push({ indicatorCode: code, parent: p, child: c, flags, notes });
    }
  }
  const order: Record<string, number> = { weaker: 0, comparator_changed: 1, missing: 2, year_mismatch: 3, extra: 5 };
  const rank = (r: CascadeRow) => Math.min(4, ...r.flags.map((f) => order[f] ?? 4));
  return rows.sort((a, b) => rank(a) - rank(b) || a.indicatorCode.localeCompare(b.indicatorCode));
}
