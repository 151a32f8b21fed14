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
