// The funds feature's API as the web calls it: the officer's books and the public ledger, typed
// by the server's contract (src/funds/schemas.ts, type-only).
import { api, apiUpload } from '../lib/api.ts';
import type { ImportResult, LinkLineBody, LinkResult, NewAllocationBody, NewFundBody, NewReceiptBody, NewSpendingBody } from '../../../src/funds/schemas.ts';
export type { NewAllocationBody, NewFundBody } from '../../../src/funds/schemas.ts';
export type { FundList, FundView, ImportResult, PublicReceipts, PublicSpendings, UnmatchedList } from '../../../src/funds/schemas.ts';

/** Reads, for useApi. */
export const paths = {
  funds: '/api/funds',
  unmatched: (fundId: number) => `/api/funds/${fundId}/unmatched`,
  publicFunds: (unitCode: string) => `/api/public/units/${encodeURIComponent(unitCode)}/funds`,
  publicReceipts: (fundId: number, query: string) => `/api/public/funds/${fundId}/receipts${query}`,
  publicSpendings: (fundId: number, query: string) => `/api/public/funds/${fundId}/spendings${query}`,
} as const;

const fund = (id: number) => `/api/funds/${id}`;

export const createFund = (body: NewFundBody) => api<{ id: number }>('POST', paths.funds, body);
export const recordReceipt = (fundId: number, body: NewReceiptBody) => api<{ id: number }>('POST', `${fund(fundId)}/receipts`, body);
export const allocate = (fundId: number, body: NewAllocationBody) => api<{ id: number }>('POST', `${fund(fundId)}/allocations`, body);
export const spend = (fundId: number, body: NewSpendingBody) => api<{ id: number }>('POST', `${fund(fundId)}/spendings`, body);
export const importStatement = (fundId: number, form: FormData) => apiUpload<ImportResult>(`${fund(fundId)}/statements`, form);
export const linkLine = (fundId: number, lineId: number, body: LinkLineBody) => api<LinkResult>('POST', `${fund(fundId)}/lines/${lineId}/link`, body);
