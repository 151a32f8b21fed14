// The writes of a monitoring report, as commands: save a draft, and move the report through the
// workflow (submit, approve, return, reopen). Each runs in the caller's transaction (scoped by
// withActor), checks with the pure rules (./workflow.ts transition, ./validation.ts), writes
// through the store's statements (./store.ts) and, for a workflow step, appends its audit entry
// in the same transaction. Who may decide is checked before, by the caller (./policy.ts).
import { AppError } from '../kernel/errors.ts';
import type { FormValue, Issue } from './validation.ts';
import { validateForm, submissionBlockers, structuralIssues, blockerErrors } from './validation.ts';
import { needsReason, transition, type SubmissionStatus, type WorkflowAction } from './workflow.ts';
import {
  asSystem,
  deleteValue,
  ensureSubmission,
  formCodes,
  formContext,
  getForm,
  indicatorDefs,
  refreshAggregatesForUnit,
  registryMap,
  registrySource,
  setSubmissionStatus,
  touchSubmission,
  upsertValue,
  type AuditFn,
  type Q,
  type UnitRef,
} from './store.ts';

/**
 * Saves a draft: upserts each value (all of numerator, denominator and value empty deletes it).
 * Refused when the report is submitted or approved (locked). Returns the validation issues of
 * the whole form after saving; errors do not stop a draft, they stop a submission.
 */
export async function saveValues(
  q: Q,
  unit: UnitRef,
  period: string,
  values: readonly FormValue[],
  actorId: number | null,
): Promise<{ issues: Issue[]; saved: number; deleted: number }> {
  const sub = await ensureSubmission(q, unit.id, period);
  const t = transition(sub.status, 'save');
  if (!t.ok) throw AppError.conflict(t.reason);
  const registry = await registrySource(q, unit, period);
  const codes = await formCodes(q, unit, period, registry);
  const allowed = new Set(codes);
  const defs = await indicatorDefs(q, [...new Set([...codes, ...values.map((v) => v.indicatorCode)])]);
  // Structural problems (unknown indicator, breakdown, duplicates) are refused outright.
  const structural = structuralIssues(values, new Map([...defs].filter(([c]) => allowed.has(c))));
  if (structural.length) throw AppError.validation(structural.map((i) => ({ path: i.path, message: i.message })));
  let saved = 0;
  let deleted = 0;
  for (const v of values) {
    const empty = v.numerator == null && v.denominator == null && v.value == null;
    if (empty) {
      deleted += await deleteValue(q, unit.id, period, v);
      continue;
    }
    await upsertValue(q, unit.id, period, v, actorId);
    saved++;
  }
  await touchSubmission(q, sub.id);
  const form = await getForm(q, unit, period, registry);
  return { issues: [...form.issues], saved, deleted };
}

/** One workflow step of a report (the input of act). */
export interface ActionInput {
  readonly action: Exclude<WorkflowAction, 'save'>;
  /** Who acts (kept on the report as submitter or decider). */
  readonly actorId: number | null;
  /** Why: required to return or reopen (kept on the report and in the audit entry). */
  readonly reason?: string | null;
  /** Appends the audit entry in the same transaction (the routes' auditFor); none for the system. */
  readonly audit?: AuditFn;
}

/**
 * Moves a report through the workflow. Submitting runs the full validation (errors, and
 * warnings without a comment, block it with every field listed). Approving locks the data and
 * updates the aggregates of the unit and every unit above it in the same transaction;
 * reopening removes the report from them again. Returning and reopening need a reason.
 */
export async function act(q: Q, unit: UnitRef, period: string, input: ActionInput): Promise<{ status: SubmissionStatus; issues: Issue[] }> {
  const sub = await ensureSubmission(q, unit.id, period);
  const t = transition(sub.status, input.action);
  if (!t.ok) throw AppError.conflict(t.reason);
  const reason = input.reason?.trim() ?? '';
  if (needsReason(input.action) && reason.length === 0) {
    throw AppError.validation([{ path: '/reason', message: { vi: 'Cần ghi lý do', en: 'A reason is required' } }]);
  }
  let issues: Issue[] = [];
  if (input.action === 'submit') {
    const c = await formContext(q, unit, period);
    const values = c.values;
    issues = validateForm(values, {
      indicators: c.defs,
      required: c.codes.filter((code) => c.defs.get(code)?.source !== 'registry'),
      registry: registryMap(c.registry),
      history: c.history,
      siblings: c.siblings,
    });
    const blockers = submissionBlockers(issues, values);
    if (blockers.length)
      throw AppError.validation(blockerErrors(blockers), { vi: 'Báo cáo còn lỗi, chưa gửi được', en: 'The report has errors and was not submitted' });
  }
  await setSubmissionStatus(q, sub.id, { action: input.action, to: t.to, actorId: input.actorId, reason });
  if (input.action === 'approve' || input.action === 'reopen') await asSystem(q, () => refreshAggregatesForUnit(q, unit.id, period));
  if (input.audit) {
    await input.audit(q, {
      action: `monitoring.${input.action}`,
      entity: 'monitoring_submission',
      entityId: String(sub.id),
      unitId: unit.id,
      before: { status: sub.status },
      after: { status: t.to, period, ...(reason ? { reason } : {}) },
    });
  }
  return { status: t.to, issues };
}
