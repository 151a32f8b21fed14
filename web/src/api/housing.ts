// The housing feature's API as the web calls it: housing cases (list by stage, a case with its
// stages and funding, the survey import, the province summary) and emergency relief (events,
// the relief list, the signature list), typed by the server's contract (src/housing/schemas.ts,
// type-only).
import { api, apiUpload } from '../lib/api.ts';
import type {
  FundingBody,
  HouseholdLookupView,
  ImportReportView,
  NewCaseBody,
  ReliefDecisionBody,
  ReliefEntryBody,
  ReliefEventBody,
  ReliefReviewBody,
  StageBody,
} from '../../../src/housing/schemas.ts';
export type {
  CaseDetailView,
  CaseListView,
  CaseView,
  FundingBody,
  HouseholdLookupView,
  ImportReportView,
  NewCaseBody,
  ReliefDecisionBody,
  ReliefEntryBody,
  ReliefEventBody,
  ReliefEventDetailView,
  ReliefReviewBody,
  ReliefEventListView,
  StageBody,
  SummaryView,
} from '../../../src/housing/schemas.ts';

const unit = (code: string) => `/api/housing/units/${encodeURIComponent(code)}`;
const relief = '/api/relief';

/** Reads, for useApi. */
export const paths = {
  cases: (code: string, query: { stage?: string | null; late?: boolean; page?: number } = {}) => {
    const q = new URLSearchParams();
    if (query.stage) q.set('stage', query.stage);
    if (query.late) q.set('late', 'true');
    if (query.page && query.page > 1) q.set('page', String(query.page));
    const s = q.toString();
    return `${unit(code)}/cases${s ? `?${s}` : ''}`;
  },
  summary: (code: string) => `${unit(code)}/summary`,
  case: (id: number) => `/api/housing/cases/${id}`,
  /** A photo or document of a case: a link. */
  caseDocument: (id: number, documentId: number) => `/api/housing/cases/${id}/documents/${documentId}`,
  household: (code: string, householdCode: string) => `${unit(code)}/households/${encodeURIComponent(householdCode)}`,
  events: (code: string) => `${relief}/units/${encodeURIComponent(code)}/events`,
  event: (id: number) => `${relief}/events/${id}`,
  /** The signature list (danh sách ký nhận) as CSV: a download link. */
  signatures: (id: number) => `${relief}/events/${id}/signatures.csv`,
  /** The bank transfer file of an approved list (CSV, the payments' format): a download link. */
  bank: (id: number) => `${relief}/events/${id}/bank.csv`,
} as const;

export const findHousehold = (code: string, householdCode: string) => api<HouseholdLookupView>('GET', paths.household(code, householdCode));
export const openCase = (body: NewCaseBody) => api<{ id: number }>('POST', '/api/housing/cases', body);
export const moveStage = (id: number, body: StageBody) => api<{ version: number; stage: string }>('POST', `${paths.case(id)}/stages`, body);
export const addFunding = (id: number, body: FundingBody) => api<{ id: number }>('POST', `${paths.case(id)}/funding`, body);
export const importSurvey = (code: string, form: FormData, dryRun: boolean) =>
  apiUpload<ImportReportView>(`${unit(code)}/imports${dryRun ? '?dryRun=true' : ''}`, form);

export const createEvent = (body: ReliefEventBody) => api<{ id: number }>('POST', `${relief}/events`, body);
export const addEntry = (eventId: number, body: ReliefEntryBody) =>
  api<{ id: number; amount: number | null; riceKg: number | null; status: string }>('POST', `${relief}/events/${eventId}/entries`, body);
export const markSupported = (entryId: number, date: string) => api<{ days: number }>('POST', `${relief}/entries/${entryId}/supported`, { date });
export const registerOutside = (entryId: number, body: ReliefReviewBody) => api<{ householdId: number }>('POST', `${relief}/entries/${entryId}/register`, body);
export const approveList = (eventId: number, body: ReliefDecisionBody) =>
  api<{ id: number; lines: number; amount: number }>('POST', `${relief}/events/${eventId}/decision`, body);
export const uploadCaseDocument = (id: number, form: FormData) =>
  apiUpload<{ id: number; stage: string; contentType: string }>(`${paths.case(id)}/documents`, form);
