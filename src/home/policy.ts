// Who sees which kind of work on the home page, and where: each role lists the kinds of work it
// acts on (or, for a supervisor, watches), and an item is shown only when the actor holds the
// permission the work needs in that unit. The features' own routes still check every action.
import { can, type Actor, type Role } from '../access/index.ts';
import type { WorkKind } from './schemas.ts';

/** The permission each kind of work needs in its unit. */
export const workPermission: Record<WorkKind, string> = {
  report_due: 'monitoring.enter',
  report_returned: 'monitoring.enter',
  import_ready: 'registry.write',
  proposals_waiting: 'registry.write',
  assignments_overdue: 'plans.write',
  payroll_to_prepare: 'payments.prepare',
  decisions_to_sign: 'benefits.decide',
  payroll_to_approve: 'payments.approve',
  integrity_open: 'integrity.review',
  reports_to_review: 'monitoring.approve',
  reports_late: 'monitoring.approve',
  targets_off_track: 'monitoring.read',
  applications_due: 'registry.read',
  complaints_due: 'registry.write',
  funds_to_publish: 'payments.prepare',
  posted_comments: 'registry.write',
  deadlines_soon: 'registry.read',
};

/**
 * The work of each role in its unit: the commune officer what is due, the commune chair what
 * awaits his decision (Decree 147/2025/NĐ-CP Art. 5), the province reviewer the communes'
 * reports, the supervisor what is off track. An administrator works on no list of his own.
 */
export const roleWork: Record<Role, readonly WorkKind[]> = {
  officer: [
    'report_returned',
    'report_due',
    'deadlines_soon',
    'applications_due',
    'complaints_due',
    'posted_comments',
    'import_ready',
    'proposals_waiting',
    'assignments_overdue',
    'payroll_to_prepare',
    'funds_to_publish',
    'targets_off_track',
  ],
  leader: ['decisions_to_sign', 'applications_due', 'payroll_to_approve', 'integrity_open', 'targets_off_track'],
  approver: ['reports_to_review', 'reports_late', 'targets_off_track'],
  supervisor: ['targets_off_track'],
  admin: [],
};

/** The kinds of work to list for a role in a unit, as far as the actor may do them there. */
export function workFor(actor: Actor, role: Role, unitId: number): WorkKind[] {
  return roleWork[role].filter((k) => can(actor, workPermission[k], unitId));
}
