// Locale-aware formatting that users read: dates dd/mm/yyyy, numbers with a decimal comma in
// Vietnamese. Pure (no DOM), so node:test checks it (test/web/format.test.ts).
import { monthNumber, type MonthNumber } from '../../../src/kernel/month.ts';
export type Locale = 'vi' | 'en';
/** A catalogue of another locale, typed by the Vietnamese one's keys: a missing or extra key is a type error. */
export type Catalogue<Vi> = { readonly [K in keyof Vi]: string };

/** Fills {name} placeholders; unknown names stay as they are so a mistake is visible. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** 1234.5 → "1.234,5" (vi) or "1,234.5" (en). */
export function formatNumber(n: number, locale: Locale, maxFractionDigits = 2): string {
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: maxFractionDigits }).format(n);
}

/** "2025-07-01" or "2025-07-01T08:30:00Z" → "01/07/2025" (both locales; the date is read as written). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Today on the user's calendar as dd/mm/yyyy (the default of a date field). */
export function todayDmy(now: Date = new Date()): string {
  return `${String(now.getDate()).padStart(2, '0')}/${String(now.getMonth() + 1).padStart(2, '0')}/${now.getFullYear()}`;
}

/** A timestamp in local time: "01/07/2025 08:30". */
export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '';
  return `${p('day')}/${p('month')}/${p('year')} ${p('hour')}:${p('minute')}`;
}

/** "1/7/2025" or "01/07/2025" → "2025-07-01"; null when it is not a real calendar date. */
export function parseDate(input: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(input);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A server value that may be a plain string or a { vi, en } text. */
export function pickText(value: unknown, locale: Locale): string {
  if (value == null) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const v = o[locale] ?? o.vi ?? o.en;
    if (typeof v === 'string') return v;
  }
  return '';
}

/**
 * A number typed the Vietnamese way: "99,5" → 99.5, "1.500" → 1500, "1.500,25" → 1500.25, "2" → 2
 * (a dot before exactly three digits groups thousands; without a comma, any other dot is a
 * decimal point). Null when it is not a number.
 */
export function parseNumber(s: string): number | null {
  const t = s.trim().replace(/\s+/g, '');
  if (!/^-?\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^-?\d+(?:,\d+)?$|^-?\d+\.\d+$/.test(t)) return null;
  const v = /,/.test(t) || /\.\d{3}(?:\.|$)/.test(t) ? t.replace(/\./g, '').replace(',', '.') : t;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/** A payroll month YYYYMM as mm/yyyy (202611 → "11/2026"). */
export const formatMonth = (m: MonthNumber): string => monthNumber.formatVi(m);
