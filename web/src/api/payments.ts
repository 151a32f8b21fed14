// The payments feature's API as the web calls it: payrolls, their approval and bank exports,
// typed by the server's contract (src/payments/schemas.ts, type-only).
import { api } from '../lib/api.ts';
import type { MeritPayrollSummary, PayrollDetail, PayrollList } from '../../../src/payments/schemas.ts';
import type { JobView } from './jobs.ts';
export type { MeritPayrollSummary, PayrollDetail, PayrollList } from '../../../src/payments/schemas.ts';

const payrolls = (unit: string) => `/api/payments/units/${unit}/payrolls`;
const payroll = (id: number) => `/api/payments/payrolls/${id}`;

/** Reads (useApi) and downloads (href). */
export const paths = {
  payrolls,
  export: (id: number, format: 'bank-xlsx' | 'bank-csv' | 'signatures') => `${payroll(id)}/export?format=${format}`,
};

export const listPayrolls = (unit: string) => api<PayrollList>('GET', payrolls(unit));
export const getPayroll = (id: number) => api<PayrollDetail>('GET', payroll(id));
export const approvePayroll = (id: number, acknowledgeSharedAccounts: boolean) =>
  api<void>('POST', `${payroll(id)}/approve${acknowledgeSharedAccounts ? '?acknowledgeSharedAccounts=true' : ''}`);
export const buildPayroll = (unit: string, month: number) => api<JobView>('POST', payrolls(unit), { month });
/** The month's merit payroll (people with meritorious service), generated at once (src/payments/merit.ts). */
export const buildMeritPayroll = (unit: string, month: number) => api<MeritPayrollSummary>('POST', `/api/payments/units/${unit}/merit-payrolls`, { month });
