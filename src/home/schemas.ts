// HTTP contracts of the home work list (GET /api/home): what each of the user's roles has to
// do in its units. The web imports these types (type-only) to render and link each item.
import { Type, type Static } from 'typebox';

/** The kinds of work the home lists; each names who acts on it and where (src/home/policy.ts). */
export const workKinds = [
  'report_due',
  'report_returned',
  'import_ready',
  'proposals_waiting',
  'assignments_overdue',
  'payroll_to_prepare',
  'decisions_to_sign',
  'payroll_to_approve',
  'integrity_open',
  'reports_to_review',
  'reports_late',
  'targets_off_track',
  'applications_due',
  'complaints_due',
  'funds_to_publish',
  'posted_comments',
  'deadlines_soon',
] as const;
export type WorkKind = (typeof workKinds)[number];

export const WorkItem = Type.Object({
  kind: Type.Unsafe<WorkKind>(Type.String({ enum: [...workKinds] })),
  role: Type.String({ description: 'The role the item is for (officer, leader, approver, supervisor)' }),
  unit: Type.Object({ code: Type.String(), name: Type.String() }),
  count: Type.Integer({ minimum: 0, description: 'How many records wait (reports, proposals, payrolls, targets ...)' }),
  date: Type.Union([Type.String({ format: 'date' }), Type.Null()], {
    description: 'The deadline, or the oldest date among the records (yyyy-mm-dd; shown dd/mm/yyyy)',
  }),
  late: Type.Boolean({ description: 'The deadline has passed' }),
  year: Type.Union([Type.Integer(), Type.Null()], { description: 'The reporting year (monitoring, plans)' }),
  month: Type.Union([Type.Integer(), Type.Null()], { description: 'The payroll month YYYYMM' }),
  planId: Type.Union([Type.Integer(), Type.Null()], { description: 'The plan, when every overdue assignment is in one plan' }),
  detail: Type.Union([Type.String(), Type.Null()], { description: 'The reason a report was returned' }),
});
export type WorkItem = Static<typeof WorkItem>;

export const WorkList = Type.Object({
  today: Type.String({ format: 'date' }),
  /** The role assignments the list covers; a role over the whole country has no unit and no list. */
  scopes: Type.Array(Type.Object({ role: Type.String(), unit: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]) })),
  items: Type.Array(WorkItem),
});
export type WorkList = Static<typeof WorkList>;
