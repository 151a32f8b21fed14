// The registry feature's API as the web calls it: persons, households, imports, reviews, proposals
// and integrity flags, typed by the server's contract (src/registry/schemas.ts, type-only).
import type { Static } from 'typebox';
import { api, apiUpload } from '../lib/api.ts';
import { queryString } from '../lib/router.tsx';
import type { HouseholdDetail, IntegrityQueue, PersonPage, ProposalList, RegistryIndicators } from '../../../src/registry/schemas.ts';
import type { DecideBody, DecisionBody, DecisionRecorded, ProposalDecided } from '../../../src/payments/schemas.ts';
import type { JobView } from './jobs.ts';
export type DecideProposalBody = Static<typeof DecideBody>;
export type PaymentChannel = Static<typeof DecisionBody>['channel'];
export type { HouseholdDetail, ImportReport, IntegrityQueue, PersonView, ProposalView, RegistryIndicators } from '../../../src/registry/schemas.ts';

const unitPath = (unit: string) => `/api/registry/units/${unit}`;
const importPath = (id: number) => `/api/registry/imports/${id}`;

/** Reads (useApi) and downloads (href). */
export const paths = {
  indicators: (unit: string, year: number) => `${unitPath(unit)}/indicators${queryString({ year })}`,
  importReport: (id: number, format: 'csv' | 'xlsx') => `${importPath(id)}/report?format=${format}`,
};

export const indicators = (unit: string, year: number) => api<RegistryIndicators>('GET', paths.indicators(unit, year));
export const openProposals = (unit: string) => api<Static<typeof ProposalList>>('GET', `${unitPath(unit)}/proposals?state=open`);
export const openFlags = (unit: string) => api<IntegrityQueue>('GET', `${unitPath(unit)}/integrity?state=open`);
export const searchPersons = (unit: string, year: number, q: string) =>
  api<Static<typeof PersonPage>>('GET', `${unitPath(unit)}/persons?year=${year}&q=${encodeURIComponent(q)}`);
export const household = (id: number, year: number) => api<HouseholdDetail>('GET', `/api/registry/households/${id}?year=${year}`);
export const runReview = (unit: string, year: number) => api<JobView>('POST', `${unitPath(unit)}/review`, { year });
export const unitJobs = (unit: string) => api<{ items: JobView[] }>('GET', `${unitPath(unit)}/jobs`);
export const uploadImport = (unit: string, form: FormData) => apiUpload<JobView>(`${unitPath(unit)}/imports`, form);
/** Apply or cancel a checked import. */
export const importStep = (id: number, what: string) => api<JobView>('POST', `${importPath(id)}/${what}`);
export const recordDecision = (personId: number, body: Static<typeof DecisionBody>) =>
  api<DecisionRecorded>('POST', `/api/registry/persons/${personId}/decisions`, body);
export const decideProposal = (id: number, body: DecideProposalBody) =>
  api<Static<typeof ProposalDecided>>('POST', `/api/registry/proposals/${id}/decide`, body);
