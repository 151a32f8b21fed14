// What a re-import would change in a saved plan (issue 11 What to build 7): the saved plan's
// targets and tasks beside those of the document read again. Targets pair by indicator: the same
// figures are unchanged; the same indicator and year with another value or comparator, or the
// same indicator with another year, is changed; the rest are added or removed. A target the
// officer corrected by hand stays as corrected when the document still says what it said before
// the correction (its extracted figures): the document did not change there. Tasks pair by
// title. Pure: used by the re-import command and by the review page to show the diff.
import type { Comparator } from './cascade.ts';

/** The figures of a target that a re-import compares. */
export interface TargetFigures {
  readonly indicatorCode: string;
  readonly comparator: Comparator;
  readonly value: number;
  readonly unit: string;
  readonly year: number | null;
}

export interface SavedTarget extends TargetFigures {
  readonly id: number;
  /** 'corrected' or 'added' by the officer on review, or as extracted. */
  readonly origin: string;
  /** The figures as first extracted, for a target corrected by hand (from the review log). */
  readonly extracted?: TargetFigures | null;
}

export interface IncomingTarget extends TargetFigures {
  /** The figures as extracted from the new document, when the officer corrected them on this review. */
  readonly extracted?: TargetFigures | null;
}

export type ChangedField = 'value' | 'comparator' | 'year' | 'unit';

export type TargetChange =
  | { readonly kind: 'unchanged'; readonly savedId: number; readonly incoming: number; readonly keptCorrection: boolean }
  | { readonly kind: 'changed'; readonly savedId: number; readonly incoming: number; readonly fields: readonly ChangedField[] }
  | { readonly kind: 'added'; readonly incoming: number }
  | { readonly kind: 'removed'; readonly savedId: number };

export interface TaskLike {
  readonly numbering: string | null;
  readonly title: string;
}

export interface PlanDiff {
  /** One entry per saved target and per incoming target (each in exactly one entry). */
  readonly targets: readonly TargetChange[];
  readonly tasks: { readonly added: readonly number[]; readonly removed: readonly number[]; readonly kept: number };
  /** Nothing would change. */
  readonly empty: boolean;
}

const same = (a: TargetFigures, b: TargetFigures) =>
  a.indicatorCode === b.indicatorCode && a.comparator === b.comparator && a.value === b.value && a.year === b.year && a.unit === b.unit;
const fieldsOf = (a: TargetFigures, b: TargetFigures): ChangedField[] => (['value', 'comparator', 'year', 'unit'] as const).filter((f) => a[f] !== b[f]);
const taskKey = (t: TaskLike) => t.title.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/**
 * The diff between a saved plan and the same document read again.
 * @example diffPlan({ targets: [{ id: 1, indicatorCode: 'poverty_rate', comparator: '<', value: 5, unit: '%', year: 2030, origin: 'extracted' }], tasks: [] }, { targets: [{ indicatorCode: 'poverty_rate', comparator: '<', value: 4, unit: '%', year: 2030 }], tasks: [] })
 * // targets: [{ kind: 'changed', savedId: 1, incoming: 0, fields: ['value'] }]
 */
export function diffPlan(
  saved: { targets: readonly SavedTarget[]; tasks: readonly TaskLike[] },
  incoming: { targets: readonly IncomingTarget[]; tasks: readonly TaskLike[] },
): PlanDiff {
  const out: TargetChange[] = [];
  const freeSaved = new Set(saved.targets.map((_, i) => i));
  const freeIn = new Set(incoming.targets.map((_, i) => i));
  const pair = (match: (s: SavedTarget, t: IncomingTarget) => boolean, make: (s: SavedTarget, t: IncomingTarget, i: number) => TargetChange) => {
    for (const i of [...freeIn]) {
      const t = incoming.targets[i]!;
      const si = [...freeSaved].find((k) => match(saved.targets[k]!, t));
      if (si === undefined) continue;
      freeSaved.delete(si);
      freeIn.delete(i);
      out.push(make(saved.targets[si]!, t, i));
    }
  };
  // 1. The same figures as saved: nothing to do.
  pair(
    (s, t) => same(s, t),
    (s, _t, i) => ({ kind: 'unchanged', savedId: s.id, incoming: i, keptCorrection: false }),
  );
  // 2. The document says what it said before the officer's correction: the correction stays.
  pair(
    (s, t) => !!s.extracted && same(s.extracted, t.extracted ?? t),
    (s, _t, i) => ({ kind: 'unchanged', savedId: s.id, incoming: i, keptCorrection: true }),
  );
  // 3. Same indicator and year, other figures; 4. same indicator, another year.
  pair(
    (s, t) => s.indicatorCode === t.indicatorCode && s.year === t.year,
    (s, t, i) => ({ kind: 'changed', savedId: s.id, incoming: i, fields: fieldsOf(s, t) }),
  );
  pair(
    (s, t) => s.indicatorCode === t.indicatorCode,
    (s, t, i) => ({ kind: 'changed', savedId: s.id, incoming: i, fields: fieldsOf(s, t) }),
  );
  for (const i of freeIn) out.push({ kind: 'added', incoming: i });
  for (const k of freeSaved) out.push({ kind: 'removed', savedId: saved.targets[k]!.id });

  const savedTasks = new Map<string, number>();
  for (const t of saved.tasks) savedTasks.set(taskKey(t), (savedTasks.get(taskKey(t)) ?? 0) + 1);
  const added: number[] = [];
  let kept = 0;
  incoming.tasks.forEach((t, i) => {
    const n = savedTasks.get(taskKey(t)) ?? 0;
    if (n > 0) {
      savedTasks.set(taskKey(t), n - 1);
      kept++;
    } else added.push(i);
  });
  const removed = removedLast(saved.tasks, savedTasks);
  const targets = out.sort((a, b) => order(a) - order(b));
  return { targets, tasks: { added, removed, kept }, empty: targets.every((c) => c.kind === 'unchanged') && added.length === 0 && removed.length === 0 };
}

/** The indexes of the saved tasks left unpaired (`left` counts per title), the later ones of a title first unpaired. */
function removedLast(tasks: readonly TaskLike[], left: ReadonlyMap<string, number>): number[] {
  const remaining = new Map(left);
  const out: number[] = [];
  for (let i = tasks.length - 1; i >= 0; i--) {
    const k = taskKey(tasks[i]!);
    const n = remaining.get(k) ?? 0;
    if (n > 0) {
      remaining.set(k, n - 1);
      out.push(i);
    }
  }
  return out.reverse();
}

/** Changes first in the order of the incoming document, removals last. */
function order(c: TargetChange): number {
  return c.kind === 'removed' ? Number.MAX_SAFE_INTEGER - 1 : c.incoming;
}
