// Who may do what with a unit's yearly report: the one place that decides it. Routes declare the
// permission (src/access/permissions.ts: monitoring.enter, monitoring.approve); this file adds
// the rule the permission alone does not say: a report is decided (approved, returned,
// reopened, or written as approved by a DHIS2 import) by the level above, never by its own unit.
// Row-level security (src/db/migrations) keeps every read and write inside the actor's subtree.
import { AppError } from '../kernel/errors.ts';
import { allowed, type Actor } from './actor.ts';
import type { UnitRef } from './store.ts';

/** The rule in words, for the permissions page (docs/guide/phan-quyen.md is generated with it). */
export const decideRule = {
  permission: 'monitoring.approve',
  vi: 'Báo cáo số liệu của một đơn vị do cấp trên trực tiếp duyệt, trả lại hoặc mở lại; nhập dữ liệu DHIS2 (được coi là đã duyệt) cũng vậy. Không đơn vị nào tự duyệt báo cáo của mình; quản trị toàn quốc duyệt được mọi đơn vị.',
  en: "A unit's report is approved, returned or reopened by the level directly above it, and so is a DHIS2 import (taken as approved). No unit approves its own report; a national administrator may approve any.",
  where: 'src/monitoring/policy.ts canDecide',
} as const;

/** May the actor decide this unit's report? A holder of monitoring.approve in its parent unit (national scope: any unit). */
export function canDecide(actor: Actor | null, unit: Pick<UnitRef, 'id' | 'parentId'>): boolean {
  if (actor === null || actor.scope === 'all') return allowed(actor, 'monitoring.approve', unit.id);
  return unit.parentId !== null && allowed(actor, 'monitoring.approve', unit.parentId);
}

/** canDecide, or a 403 that says why. */
export function assertCanDecide(actor: Actor | null, unit: Pick<UnitRef, 'id' | 'parentId'>): void {
  if (!canDecide(actor, unit))
    throw AppError.forbidden({
      vi: 'Báo cáo do cấp trên trực tiếp duyệt; bạn không thể tự duyệt báo cáo của đơn vị mình',
      en: "Reports are approved by the level above; you cannot approve your own unit's report",
    });
}
