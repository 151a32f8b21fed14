// The plan as ansinh stores it, independent of how it was read (extracted from a document,
// typed in, or drafted): metadata, sections, targets, tasks, assignments, recipients.
import type { Comparator } from './cascade.ts';

/** The longest plan text ansinh reads or accepts (characters). */
export const MAX_PLAN_TEXT_CHARS = 1_000_000;

export const PLAN_KINDS = ['resolution', 'action_programme', 'plan', 'report'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
/** A saved plan is a draft until confirmed. */
export const PLAN_STATUSES = ['draft', 'confirmed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
/** Where a stored target came from. */
export const TARGET_ORIGINS = ['extracted', 'corrected', 'added', 'drafted'] as const;
/** What the officer did with an extracted target on review (the body's `review`). */
export const TARGET_REVIEWS = ['confirmed', 'corrected', 'added'] as const;
/** The entries of a plan's correction log. */
export const CORRECTION_ACTIONS = ['confirm', 'correct', 'add', 'remove', 'reimport'] as const;
/** An agency leads or coordinates an assignment. */
export const ASSIGNMENT_ROLES = ['lead', 'coordinate'] as const;

export interface PlanInput {
  readonly kind: PlanKind;
  readonly number: string | null;
  readonly issuer: string | null;
  readonly place: string | null;
  readonly issuedOn: string | null; // ISO date when complete
  readonly issuedOnText: string | null; // as written
  readonly title: string;
  readonly signer: string | null;
  readonly signerTitle: string | null;
  /** The documents it implements; `planId` when the officer picked the parent plan in ansinh. */
  readonly implements: readonly { readonly reference: string; readonly number: string | null; readonly planId?: number | null }[];
  readonly sections: readonly {
    readonly numbering: string | null;
    readonly title: string;
    readonly level: number;
    readonly start?: number;
    readonly end?: number;
  }[];
  readonly targets: readonly TargetInput[];
  readonly tasks: readonly { readonly numbering: string | null; readonly title: string; readonly body: string | null }[];
  readonly assignments: readonly AssignmentInput[];
  readonly recipients: readonly string[];
}

export interface TargetInput {
  readonly indicatorCode: string;
  readonly comparator: Comparator;
  readonly value: number;
  readonly unit: string;
  readonly year: number | null;
  readonly sourceText: string | null;
  readonly sourceOffset?: number | null;
  readonly baselineYear?: number | null;
  readonly baselineValue?: number | null;
  /** The named group of units the target is for ("các xã đặc biệt khó khăn"); null or absent: the whole unit. */
  readonly group?: string | null;
}

export interface AssignmentInput {
  readonly agency: string;
  readonly role: (typeof ASSIGNMENT_ROLES)[number];
  readonly what: string;
  readonly dueDate: string | null;
  readonly recurrence: { readonly kind: 'annual'; readonly day: number; readonly month: number } | null;
  readonly sourceText: string | null;
}

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'overdue'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** The statuses an officer sets; `overdue` is derived from the deadline (effectiveStatus). */
export const SETTABLE_TASK_STATUSES = ['not_started', 'in_progress', 'done'] as const satisfies readonly TaskStatus[];

/**
 * The deadline of an assignment in a reporting year: its due date, or for a recurring report
 * ("trước ngày 01/12 hằng năm") that day in the year.
 */
export function deadlineIn(a: { dueDate: string | null; recurrence: AssignmentInput['recurrence'] }, year: number): string | null {
  if (a.recurrence?.kind === 'annual') return `${year}-${String(a.recurrence.month).padStart(2, '0')}-${String(a.recurrence.day).padStart(2, '0')}`;
  if (a.dueDate && Number(a.dueDate.slice(0, 4)) === year) return a.dueDate;
  return null;
}

/** An assignment is overdue when its deadline has passed and it is not done. */
export function effectiveStatus(status: TaskStatus | null, deadline: string | null, today: string): TaskStatus {
  const s = status ?? 'not_started';
  if (s === 'done') return s;
  if (deadline && today > deadline) return 'overdue';
  return s === 'overdue' ? 'in_progress' : s;
}
