// The monitoring feature's API as the web calls it: every URL of forms, the inbox, dashboards and
// charts in one place, typed by the server's contract (src/monitoring/schemas.ts, type-only).
import type { Static } from 'typebox';
import { api } from '../lib/api.ts';
import { queryString } from '../lib/router.tsx';
import type { ActionOut } from '../../../src/monitoring/schemas.ts';
export type { ChildrenView, CompletenessView, DashboardView, FormOut, IndicatorDetailView } from '../../../src/monitoring/schemas.ts';

const unitPath = (unit: string) => `/api/monitoring/units/${encodeURIComponent(unit)}`;
const period = (unit: string, p: string) => `${unitPath(unit)}/periods/${encodeURIComponent(p)}`;
const indicator = (unit: string, code: string) => `${unitPath(unit)}/indicators/${encodeURIComponent(code)}`;

/** Reads (useApi), downloads and images (href, src). */
export const paths = {
  /** The form of a unit and period (GET it, PUT its values, POST /submit …). */
  period,
  completeness: (unit: string, p: string) => `${period(unit, p)}/completeness`,
  dashboard: (unit: string, year: number | undefined) => `${unitPath(unit)}/dashboard${queryString({ year })}`,
  dashboardXlsx: (unit: string, year: number | undefined) => `${unitPath(unit)}/dashboard.xlsx${queryString({ year })}`,
  reportDocx: (unit: string, year: number | undefined) => `${unitPath(unit)}/report.docx${queryString({ year })}`,
  indicator: (unit: string, code: string, year: number | undefined) => `${indicator(unit, code)}${queryString({ year })}`,
  chartSvg: (unit: string, code: string, year: number | undefined) => `${indicator(unit, code)}/chart.svg${queryString({ year })}`,
  children: (unit: string, code: string, year: number | undefined) => `${unitPath(unit)}/children${queryString({ year, indicator: code })}`,
  childrenSvg: (unit: string, code: string, year: number | undefined) => `${unitPath(unit)}/children.svg${queryString({ year, indicator: code })}`,
};

/** A decision on a submitted report: approve, return (with a reason) or reopen. */
export const decide = (unit: string, p: string, action: string, reason?: string) =>
  api<Static<typeof ActionOut>>('POST', `${period(unit, p)}/${action}`, reason ? { reason } : undefined);
