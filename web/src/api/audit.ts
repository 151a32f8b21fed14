// The audit log's API as the web reads it (src/audit/schemas.ts, type-only).
import { queryString } from '../lib/router.tsx';
export type { AuditAnchorView, AuditPage } from '../../../src/audit/schemas.ts';

/** Reads, for useApi. */
export const paths = {
  anchor: '/api/audit/anchor',
  page: (query: Record<string, string | number | undefined>) => `/api/audit${queryString(query)}`,
};
