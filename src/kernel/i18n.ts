// Locale negotiation and message lookup. Vietnamese is the default; English is the second locale.
export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A message in both locales. Every text a user reads is declared this way, never as a bare string. */
export interface Text {
  readonly vi: string;
  readonly en: string;
}

export function text(vi: string, en: string): Text {
  return { vi, en };
}

/** Picks the locale from an Accept-Language header: English only when the client prefers it. */
export function negotiateLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return 'vi';
  const prefs = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag ?? '', q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((p) => p.tag !== '' && !Number.isNaN(p.q))
    .sort((a, b) => b.q - a.q);
  for (const p of prefs) {
    if (p.tag.startsWith('vi')) return 'vi';
    if (p.tag.startsWith('en')) return 'en';
  }
  return 'vi';
}

/** Fills {name} placeholders. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function localize(t: Text, locale: Locale, params?: Record<string, string | number>): string {
  return format(t[locale], params);
}

// One formatter per precision: building an Intl.NumberFormat costs far more than formatting
// (7 % of the server's CPU under the load benchmark when built per call; issue 18).
const viNumbers = new Map<number, Intl.NumberFormat>();

/** Vietnamese number formatting: decimal comma, thousands dot. */
export function formatNumberVi(n: number, maxFractionDigits = 2): string {
  let f = viNumbers.get(maxFractionDigits);
  if (!f) viNumbers.set(maxFractionDigits, (f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxFractionDigits })));
  return f.format(n);
}

/** dd/mm/yyyy from an ISO date (yyyy-mm-dd...). */
export function formatDateVi(iso: string | Date): string {
  const s = typeof iso === 'string' ? iso : iso.toISOString();
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) throw new RangeError(`not an ISO date: ${s}`);
  return `${m[3]}/${m[2]}/${m[1]}`;
}
