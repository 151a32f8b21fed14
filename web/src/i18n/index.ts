// The current locale, message lookup t(key) and formatting bound to the locale. Vietnamese is
// the default; the choice is remembered in localStorage and sets <html lang>.
//
// The catalogue is split by page area: vi.ts (+ en.ts) holds the words of the shell and the
// public pages and is in the first download; vi/<area>.ts holds one area's words and is
// imported by that area's pages (it registers itself with addStrings), so it arrives with
// them. English is loaded on demand, area by area. MessageKey is the union of all the keys.
import { createStore, useStore } from '../lib/store.ts';
import { vi, type CommonKey } from './vi.ts';
import { fill, formatNumber, pickText, type Catalogue, type Locale } from './format.ts';
import type { strings as account } from './vi/account.ts';
import type { strings as admin } from './vi/admin.ts';
import type { strings as applications } from './vi/applications.ts';
import type { strings as fund } from './vi/fund.ts';
import type { strings as housing } from './vi/housing.ts';
import type { strings as ind } from './vi/ind.ts';
import type { strings as mon } from './vi/mon.ts';
import type { strings as plan } from './vi/plan.ts';
import type { strings as posted } from './vi/posted.ts';
import type { strings as procedures } from './vi/procedures.ts';
import type { strings as reg } from './vi/reg.ts';
import type { strings as relief } from './vi/relief.ts';

export type MessageKey =
  | CommonKey
  | keyof typeof account
  | keyof typeof admin
  | keyof typeof applications
  | keyof typeof fund
  | keyof typeof housing
  | keyof typeof ind
  | keyof typeof mon
  | keyof typeof plan
  | keyof typeof posted
  | keyof typeof procedures
  | keyof typeof reg
  | keyof typeof relief;
export type { Locale };
const STORAGE_KEY = 'ansinh.locale';
type Strings = Record<string, string>;
/** The Vietnamese words loaded so far (the common catalogue, then each area as it arrives), in catalogue order. */
const source: Strings = { ...vi };
/** The English words loaded so far. */
const english: Strings = {};
/** English catalogues registered but not loaded yet. */
const englishToLoad: (() => Promise<Strings>)[] = [() => import('./en.ts').then((m) => m.en)];
let messages: Strings = source;
let ready: Promise<unknown> = Promise.resolve();
export const localeStore = createStore<Locale>('vi');

function loadEnglish(): Promise<unknown> {
  const todo = englishToLoad.splice(0);
  ready = Promise.all([ready, ...todo.map((load) => load().then((m) => Object.assign(english, m)))]);
  return ready;
}

/**
 * Adds an area's Vietnamese words (vi/<area>.ts calls it when first imported) and the loader of
 * its English ones, loaded at once when English is the current locale.
 */
export function addStrings<Vi extends Strings>(words: Vi, en: () => Promise<{ strings: Catalogue<Vi> }>): void {
  Object.assign(source, words);
  englishToLoad.push(() => en().then((m) => m.strings));
  if (localeStore.get() === 'en') void loadEnglish();
}

/** Resolves when every registered catalogue of the current locale has arrived (the router waits for it before showing a page). */
export const stringsReady = (): Promise<unknown> => ready;

export function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Switches the locale; loads the English catalogues on first use. */
export async function setLocale(locale: Locale): Promise<void> {
  if (locale === 'en') await loadEnglish();
  messages = locale === 'en' ? english : source;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  document.documentElement.lang = locale;
  localeStore.set(locale);
}

/** Is this a key of a catalogue loaded so far? */
export const hasKey = (key: string): key is MessageKey => key in source;

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return fill(messages[key] ?? source[key] ?? key, params);
}

/** Re-renders on a locale change; returns the locale. */
export function useLocale(): Locale {
  return useStore(localeStore);
}

/** A code in words when the dictionary knows it ("ind.unit.households" → "hộ"), else the code. */
export function codeLabel(prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return hasKey(key) ? t(key) : value;
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
  for (const k of Object.keys(source) as MessageKey[]) if (k.startsWith(`${prefix}.`)) out[k.slice(prefix.length + 1)] = t(k);
  return out;
}
