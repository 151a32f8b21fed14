// The indicator catalogue's API as the web calls it (src/indicators/schemas.ts, type-only).
export type { IndicatorList, IndicatorOut } from '../../../src/indicators/schemas.ts';

/** Reads, for useApi. */
export const paths = {
  list: '/api/indicators',
} as const;
