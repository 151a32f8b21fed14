// Words of the registry pages: the reg.* entries of the one catalogue (web/src/i18n/vi/reg.ts,
// en.ts), typed by its keys; w(key) follows the app's current locale.
import '../../i18n/vi/reg.ts';
import { hasKey, localeStore, t, type KeysOf, type MessageKey } from '../../i18n/index.ts';

export type Key = KeysOf<'reg'>;
export const w = (k: Key, params?: Record<string, string | number>): string => t(`reg.${k}` as MessageKey, params);
/** A server code in words (wCode('ev_', 'death') → reg.ev_death); the key itself when the catalogue lacks the code. */
export const wCode = (prefix: 'jobKind_' | 'ev_' | 'ac_', code: string): string => {
  const k = `reg.${prefix}${code}`;
  return hasKey(k) ? t(k) : `${prefix}${code}`;
};
/** The year of the registry's classification and review: this calendar year. */
export const registryYear = (now: Date = new Date()): number => now.getFullYear();
/** A { vi, en } text from the server in the current locale. */
export const tx = (x: { vi: string; en: string } | null | undefined): string => (x ? (localeStore.get() === 'en' ? x.en : x.vi) : '');
export const dmy = (s: string) => s.slice(0, 10).split('-').reverse().join('/');
export { formatMonth as monthVi } from '../../i18n/index.ts';
/** "11/2026" → 202611; null when not a month. */
export function parseMonth(s: string): number | null {
  const m = /^\s*(\d{1,2})\s*\/\s*(\d{4})\s*$/.exec(s);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 12) return null;
  return Number(m[2]) * 100 + Number(m[1]);
}
