// The units feature's API as the web reads it (src/units/schemas.ts, type-only).
import { queryString } from '../lib/router.tsx';
export type { UnitDetail, UnitList, UnitSummary } from '../../../src/units/schemas.ts';

/** Reads, for useApi. */
export const paths = {
  unit: (code: string) => `/api/units/${encodeURIComponent(code)}`,
  search: (query: { q?: string; parent?: string; current?: 'true'; limit?: number }) => `/api/units${queryString(query)}`,
};
