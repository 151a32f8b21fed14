// Who may write plans in which unit: the one place that decides it. Routes declare the
// permission (src/access/permissions.ts: plans.write); this file adds what the permission alone
// does not say: a plan is edited (its parts, the status of its assignments) by a holder of
// plans.write in the unit that issued it or above, never by another unit that only reads it
// (a commune reads its province's plan to draft its own, and does not edit it).
// The CLI acts as the system (no actor) and passes.
import { assertCanInUnit, canInUnit, type Actor } from '../access/index.ts';

/** The rule in words, for the permissions page (docs/guide/phan-quyen.md is generated with it). */
export const planRules = [
  {
    permission: 'plans.write',
    vi: 'Một kế hoạch do đơn vị ban hành nó (hoặc cấp trên) soạn, sửa và cập nhật tình hình thực hiện nhiệm vụ; đơn vị cấp dưới chỉ xem kế hoạch cấp trên để xây dựng kế hoạch của mình.',
    en: "A plan is drafted, edited and has its assignments' status set by a holder of plans.write in the unit that issued it (or above); a lower unit only reads its superior's plan to draft its own.",
    where: 'src/plans/policy.ts canEditPlan',
  },
] as const;

type Who = Actor | null;

/** May the actor edit this plan (the issuing unit's, or above)? */
export const canEditPlan = (actor: Who, plan: { readonly unit_id: number }): boolean => canInUnit(actor, 'plans.write', plan.unit_id);
/** canEditPlan, or the refusal of src/access (403). */
export const assertCanEditPlan = (actor: Who, plan: { readonly unit_id: number }): void => assertCanInUnit(actor, 'plans.write', plan.unit_id);
