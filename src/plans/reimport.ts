// Re-importing a plan already saved for the unit (issue 11 What to build 7): the same document
// (same number, issuer and date) read again updates the saved plan as a new version, never a
// second copy. `savedForDiff` loads what the diff compares (the targets with the figures they
// were first extracted with, and the tasks); `reimportPlan` is the named command: in one
// transaction it keeps a snapshot of the replaced version, applies the diff (diff.ts) target by
// target — an unchanged target keeps its row, review history and hand correction; a changed one
// is updated and logged as 'reimport'; added ones are inserted, removed ones deleted — replaces
// sections and tasks, bumps the version and writes its audit entry.
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Executor as Q } from '../db/executor.ts';
import { audit } from '../audit/store.ts';
import { diffPlan, type IncomingTarget, type PlanDiff, type SavedTarget, type TargetFigures } from './diff.ts';
import { insertSections, insertTarget, insertTasks, recordCorrection } from './store.ts';
import type { Comparator } from './cascade.ts';
import type { PlanInput, TargetInput } from './model.ts';

const figuresOf = (v: unknown): TargetFigures | null => {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (typeof o.indicatorCode !== 'string' || typeof o.value !== 'number' || typeof o.comparator !== 'string') return null;
  return {
    indicatorCode: o.indicatorCode,
    comparator: o.comparator as Comparator,
    value: o.value,
    unit: typeof o.unit === 'string' ? o.unit : '',
    year: typeof o.year === 'number' ? o.year : null,
  };
};

/** A saved plan as the diff compares it: its version, targets (with their first extracted figures) and tasks. */
export async function savedForDiff(
  q: Q,
  plan: { readonly id: number; readonly version: number },
): Promise<{ version: number; targets: SavedTarget[]; tasks: { numbering: string | null; title: string }[] }> {
  const planId = plan.id;
  const [rows, corrections, tasks] = await Promise.all([
    q
      .selectFrom('plan_targets')
      .select(['id', 'indicator_code', 'comparator', 'value', 'unit', 'year', 'origin'])
      .where('plan_id', '=', planId)
      .orderBy('source_offset')
      .orderBy('id')
      .execute(),
    q
      .selectFrom('plan_target_corrections')
      .select(['target_id', 'action', 'before'])
      .where('plan_id', '=', planId)
      .where('action', '=', 'correct')
      .orderBy('id')
      .execute(),
    q.selectFrom('plan_tasks').select(['numbering', 'title']).where('plan_id', '=', planId).orderBy('ord').execute(),
  ]);
  // The figures a corrected target was first extracted with: the "before" of its first correction.
  const extracted = new Map<number, TargetFigures>();
  for (const c of corrections)
    if (c.target_id !== null && !extracted.has(c.target_id)) {
      const f = figuresOf(typeof c.before === 'string' ? JSON.parse(c.before) : c.before);
      if (f) extracted.set(c.target_id, f);
    }
  return {
    version: plan.version,
    targets: rows.map((r) => ({
      id: r.id,
      indicatorCode: r.indicator_code,
      comparator: r.comparator as Comparator,
      value: Number(r.value),
      unit: r.unit,
      year: r.year,
      origin: r.origin,
      extracted: extracted.get(r.id) ?? null,
    })),
    tasks,
  };
}

/** A reviewed target as the page sends it (TargetIn): its figures and, when corrected on this review, what was extracted. */
export type ReviewedTarget = TargetInput & { readonly review?: 'confirmed' | 'corrected' | 'added'; readonly extracted?: unknown };

export interface ReimportProps {
  /** The saved plan, read once and locked by the caller (store.ts lockPlan). */
  readonly plan: { readonly id: number; readonly unit_id: number; readonly version: number; readonly source_file: string | null };
  /** The document read again and reviewed: metadata, sections, targets (reviewed), tasks. */
  readonly input: Omit<PlanInput, 'targets'> & { readonly targets: readonly ReviewedTarget[] };
  readonly sourceText: string | null;
  readonly sourceFile: string | null;
  readonly actor: { readonly userId: number; readonly username: string } | null;
  readonly ip?: string | null;
}

export interface ReimportResult {
  readonly id: number;
  readonly version: number;
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly keptCorrections: number;
  readonly tasksAdded: number;
  readonly tasksRemoved: number;
}

/**
 * Applies a re-imported document to the saved plan as its next version (see the module comment).
 * @example await withActor(db, actor, (tx) => reimportPlan(tx, { plan: (await lockPlan(tx, 7))!, input, sourceText, sourceFile: 'ke-hoach.pdf', actor }))
 */
export async function reimportPlan(tx: Transaction<DB>, o: ReimportProps): Promise<ReimportResult> {
  const plan = o.plan;
  const saved = await savedForDiff(tx, plan);
  const incoming: IncomingTarget[] = o.input.targets.map((t) => ({
    indicatorCode: t.indicatorCode,
    comparator: t.comparator,
    value: t.value,
    unit: t.unit,
    year: t.year,
    extracted: t.review === 'corrected' ? figuresOf(t.extracted) : null,
  }));
  const diff: PlanDiff = diffPlan(saved, { targets: incoming, tasks: o.input.tasks });
  const byId = new Map(saved.targets.map((t) => [t.id, t]));
  const by = o.actor?.userId ?? null;
  const fig = (t: TargetFigures) => ({ indicatorCode: t.indicatorCode, comparator: t.comparator, value: t.value, unit: t.unit, year: t.year });

  // What this version was, kept before anything changes.
  const parts = await tx.selectFrom('plan_targets').selectAll().where('plan_id', '=', plan.id).orderBy('id').execute();
  await tx
    .insertInto('plan_versions')
    .values({
      plan_id: plan.id,
      unit_id: plan.unit_id,
      version: plan.version,
      source_file: plan.source_file,
      snapshot: JSON.stringify({
        targets: parts.map((t) => ({
          ...fig({ indicatorCode: t.indicator_code, comparator: t.comparator as Comparator, value: Number(t.value), unit: t.unit, year: t.year }),
          id: t.id,
          origin: t.origin,
          sourceText: t.source_text,
        })),
        tasks: saved.tasks,
      }),
      changes: JSON.stringify(
        diff.targets
          .filter((c) => c.kind !== 'unchanged')
          .map((c) => ({
            ...c,
            ...(c.kind !== 'added' ? { before: fig(byId.get(c.savedId)!) } : {}),
            ...(c.kind !== 'removed' ? { after: fig(incoming[c.incoming]!) } : {}),
          })),
      ),
      replaced_by: by,
    })
    .execute();

  let keptCorrections = 0;
  for (const c of diff.targets) {
    if (c.kind === 'unchanged') {
      // The same target: its row, origin and review history stay; only its place in the new text moves.
      const t = o.input.targets[c.incoming]!;
      if (c.keptCorrection) keptCorrections++;
      await tx
        .updateTable('plan_targets')
        .set({ source_text: t.sourceText, source_offset: t.sourceOffset ?? null, unit_group: t.group ?? null })
        .where('id', '=', c.savedId)
        .execute();
    } else if (c.kind === 'changed') {
      const t = o.input.targets[c.incoming]!;
      await tx
        .updateTable('plan_targets')
        .set({
          comparator: t.comparator,
          value: t.value,
          unit: t.unit,
          year: t.year,
          source_text: t.sourceText,
          source_offset: t.sourceOffset ?? null,
          unit_group: t.group ?? null,
          origin: t.review === 'corrected' ? 'corrected' : 'extracted',
          confirmed: true,
        })
        .where('id', '=', c.savedId)
        .execute();
      await recordCorrection(tx, { planId: plan.id, targetId: c.savedId, action: 'reimport', before: fig(byId.get(c.savedId)!), after: fig(t), by });
    } else if (c.kind === 'added') {
      const t = o.input.targets[c.incoming]!;
      const origin = t.review === 'added' || t.review === 'corrected' ? t.review : 'extracted';
      const id = await insertTarget(tx, plan.id, plan.unit_id, t, origin, true);
      await recordCorrection(tx, { planId: plan.id, targetId: id, action: 'reimport', before: null, after: fig(t), by });
    } else {
      // A child plan's target that implemented it no longer points at a target that is gone.
      await tx.updateTable('plan_targets').set({ parent_target_id: null }).where('parent_target_id', '=', c.savedId).execute();
      await recordCorrection(tx, { planId: plan.id, targetId: null, action: 'reimport', before: fig(byId.get(c.savedId)!), after: null, by });
      await tx.deleteFrom('plan_targets').where('id', '=', c.savedId).execute();
    }
  }

  // Sections and tasks as the new document has them (nothing refers to their rows).
  await tx.deleteFrom('plan_sections').where('plan_id', '=', plan.id).execute();
  await insertSections(tx, plan.id, o.input.sections);
  await tx.deleteFrom('plan_tasks').where('plan_id', '=', plan.id).execute();
  await insertTasks(tx, plan.id, o.input.tasks);

  const version = plan.version + 1;
  const p = o.input;
  await tx
    .updateTable('plans')
    .set({
      version,
      kind: p.kind,
      title: p.title,
      place: p.place,
      issued_on_text: p.issuedOnText,
      signer: p.signer,
      signer_title: p.signerTitle,
      source_text: o.sourceText,
      source_file: o.sourceFile,
    })
    .where('id', '=', plan.id)
    .execute();
  const counts = (k: string) => diff.targets.filter((c) => c.kind === k).length;
  const result: ReimportResult = {
    id: plan.id,
    version,
    added: counts('added'),
    removed: counts('removed'),
    changed: counts('changed'),
    unchanged: counts('unchanged'),
    keptCorrections,
    tasksAdded: diff.tasks.added.length,
    tasksRemoved: diff.tasks.removed.length,
  };
  await audit(tx, {
    actor: o.actor,
    action: 'plan.reimport',
    entity: 'plan',
    entityId: plan.id,
    unitId: plan.unit_id,
    before: { version: plan.version, file: plan.source_file },
    after: { ...result, file: o.sourceFile },
    ip: o.ip ?? null,
  });
  return result;
}
