// The home page's work list and the API documentation link (src/home/schemas.ts, type-only).
export type { WorkItem, WorkList } from '../../../src/home/schemas.ts';

/** Reads (useApi) and links. */
export const paths = {
  workList: '/api/home',
  docs: '/api/docs',
} as const;
