// The plans feature's API as the web calls it: every URL of plans in one place, typed by the
// server's contract (src/plans/schemas.ts, type-only). Reads are paths for useApi; writes are calls.
import type { Static } from 'typebox';
import { api } from '../lib/api.ts';
import { queryString } from '../lib/router.tsx';
import type { AssignmentStatusBody, PlanBody, PlanCreated, PlanReimported } from '../../../src/plans/schemas.ts';
export type { PlanBody } from '../../../src/plans/schemas.ts';
export type SettableStatus = Static<typeof AssignmentStatusBody>['status'];
export type { AssignmentList, CascadeView, CoverageView, ExtractionView, PlanDetail, PlanList } from '../../../src/plans/schemas.ts';

const plan = (id: number) => `/api/plans/${id}`;

/** Reads (useApi) and downloads (href). */
export const paths = {
  list: (unit: string) => `/api/plans${queryString({ unit })}`,
  plan,
  cascade: (id: number) => `${plan(id)}/cascade`,
  coverage: (id: number) => `${plan(id)}/coverage`,
  assignments: (unit: string, year: number) => `/api/plans/assignments${queryString({ unit, year })}`,
  draftDocx: (id: number, unit: string | undefined) => `${plan(id)}/draft.docx${queryString({ unit })}`,
  /** POST with a file or text: the extraction answer (fetch with progress in Import.tsx). */
  extract: (unit: string) => `/api/plans/extract${queryString({ unit })}`,
};

export const savePlan = (body: PlanBody) => api<Static<typeof PlanCreated>>('POST', '/api/plans', body);
export const reimportPlan = (id: number, body: PlanBody) => api<Static<typeof PlanReimported>>('POST', `${plan(id)}/versions`, body);
export const setAssignmentStatus = (planId: number, assignmentId: number, body: Static<typeof AssignmentStatusBody>) =>
  api<void>('PUT', `${plan(planId)}/assignments/${assignmentId}/status`, body);
