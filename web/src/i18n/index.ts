// The current locale, message lookup t(key) and formatting bound to the locale. Vietnamese is
// the default; the choice is remembered in localStorage and sets <html lang>.
import { createStore, useStore } from '../lib/store.ts';
import { vi, type MessageKey, type Messages } from './vi.ts';
import { fill, formatNumber, pickText, type Locale } from './format.ts';

export type { MessageKey, Locale };
const STORAGE_KEY = 'ansinh.locale';
let messages: Messages = vi;
export const localeStore = createStore<Locale>('vi');

export function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Switches the locale; loads the English dictionary on first use. */
export async function setLocale(locale: Locale): Promise<void> {
  messages = locale === 'en' ? (await import('./en.ts')).en : vi;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  document.documentElement.lang = locale;
  localeStore.set(locale);
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return fill(messages[key] ?? vi[key], params);
}

/** Re-renders on a locale change; returns the locale. */
export function useLocale(): Locale {
  return useStore(localeStore);
}

/** A code in words when the dictionary knows it ("ind.unit.households" → "hộ"), else the code. */
export function codeLabel(prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return key in vi ? t(key as MessageKey) : value;
}

export const num = (n: number, digits?: number) => formatNumber(n, localeStore.get(), digits);
export const txt = (v: unknown) => pickText(v, localeStore.get());
export { formatDate, formatDateTime, formatMonth, parseDate, parseNumber, todayDmy } from './format.ts';

/** The keys of a namespace of the catalogue without its prefix ('mon.title' → 'title'); groups excluded. */
export type KeysOf<NS extends string> = MessageKey extends infer K
  ? K extends `${NS}.${infer R}`
    ? R extends `${string}.${string}`
      ? never
      : R
    : never
  : never;
/** The groups of codes of a namespace ('mon.statusNames.draft' → 'statusNames'). */
export type GroupsOf<NS extends string> = MessageKey extends infer K ? (K extends `${NS}.${infer G}.${string}` ? G : never) : never;

/** A group of codes in words, in the current locale ('mon.statusNames' → { draft: 'Đang nhập', … }), in catalogue order. */
export function group(prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(vi) as MessageKey[]) if (k.startsWith(`${prefix}.`)) out[k.slice(prefix.length + 1)] = t(k);
  return out;
}
