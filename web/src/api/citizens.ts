// The public procedure pages' API as the web calls it, typed by the server's contract
// (src/citizens/schemas.ts, type-only).
import { api } from '../lib/api.ts';
import type { CheckAnswer, CheckBody } from '../../../src/citizens/schemas.ts';
export type { CheckAnswer, CheckBody, ProcedureDetail, ProcedureList } from '../../../src/citizens/schemas.ts';

export const paths = {
  procedures: '/api/public/procedures',
  procedure: (code: string) => `/api/public/procedures/${encodeURIComponent(code)}`,
} as const;

export const checkEligibility = (body: CheckBody) => api<CheckAnswer>('POST', '/api/public/check', body);

export type { ApplicationStatus, ApplicationWorkList, ComplaintList } from '../../../src/citizens/schemas.ts';
export const applicationPaths = {
  status: (code: string) => `/api/public/applications/${encodeURIComponent(code)}`,
  workList: (unit: string, all = false) => `/api/citizens/units/${encodeURIComponent(unit)}/applications${all ? '?all=true' : ''}`,
  complaints: (unit: string) => `/api/citizens/units/${encodeURIComponent(unit)}/complaints`,
} as const;

import { apiUpload } from '../lib/api.ts';
import type { DecideBody, Filed } from '../../../src/citizens/schemas.ts';
export type { Filed } from '../../../src/citizens/schemas.ts';
export const fileApplication = (form: FormData) => apiUpload<Filed>('/api/public/applications', form);
export const decideApplication = (id: number, body: DecideBody) =>
  api<{ state: string; benefitDecisionId: number | null }>('POST', `/api/citizens/applications/${id}/decide`, body);

import type { ApplicationForm } from '../../../src/citizens/schemas.ts';
/** The procedures an application can be filed for online (the server's list, src/citizens/model.ts APPLICATION_PROCEDURES). */
export const applicationProcedures = [
  'tro-cap-xa-hoi-hang-thang',
  'tro-cap-huu-tri-xa-hoi',
  'ho-tro-mai-tang',
] as const satisfies readonly ApplicationForm['procedure'][];
/** The application form with the procedure chosen (/ho-so/nop?thu-tuc=...), or null when the procedure takes no application. */
export const applyHref = (code: string) =>
  (applicationProcedures as readonly string[]).includes(code) ? `/ho-so/nop?thu-tuc=${encodeURIComponent(code)}` : null;

// ---- posted lists (issue 14 item 3) ------------------------------------------------------
import type { CommentBody } from '../../../src/citizens/posted-schemas.ts';
export type { OfficerList, OfficerLists, PublicList, PublicLists } from '../../../src/citizens/posted-schemas.ts';
export const postedPaths = {
  onView: (commune: string) => `/api/public/posted-lists?commune=${encodeURIComponent(commune)}`,
  list: (id: string) => `/api/public/posted-lists/${encodeURIComponent(id)}`,
  ofUnit: (unit: string) => `/api/citizens/units/${encodeURIComponent(unit)}/posted-lists`,
  officerList: (id: number) => `/api/citizens/posted-lists/${id}`,
} as const;
export const commentOnList = (id: string, body: CommentBody) =>
  api<{ receivedOn: string }>('POST', `/api/public/posted-lists/${encodeURIComponent(id)}/comments`, body);
export const answerComment = (id: number, commentId: number, answer: string) =>
  api<{ state: string }>('POST', `/api/citizens/posted-lists/${id}/comments/${commentId}/answer`, { answer });
