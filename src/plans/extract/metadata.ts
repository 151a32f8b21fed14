// Step 2: what a plan says about itself. Kind (CHƯƠNG TRÌNH HÀNH ĐỘNG / KẾ HOẠCH / BÁO CÁO …),
// number and symbol ("Số 152-KH/ĐU"; "Số: /KH-UBND" has a symbol but no number yet), place and
// date ("Thu Lũm, ngày 05 tháng 6 năm 2026"; "ngày tháng 5 năm 2024" is partial), title,
// issuing body and unit (read from the sentence "… xây dựng/ban hành Kế hoạch …"), signer and
// signer's title (the signature block at the end), and the documents it implements.
import { lines } from './sections.ts';

export type PlanKind = 'resolution' | 'action_programme' | 'plan' | 'report' | 'scheme' | 'directive';

export interface DocumentRef {
  /** As written: "Chương trình hành động số 53-CTr/TU, ngày 24/5/2024". */
  readonly text: string;
  readonly type: 'resolution' | 'action_programme' | 'plan' | 'decision' | 'directive' | 'conclusion' | 'decree' | 'circular' | 'report';
  readonly number: string;
  /** ISO date when the reference gives one. */
  readonly date: string | null;
}

export interface PlanMetadata {
  readonly kind: PlanKind | null;
  readonly number: string | null;
  readonly symbol: string | null;
  readonly place: string | null;
  /** ISO date when day, month and year are all written. */
  readonly date: string | null;
  /** What the date line gives, even when partial ("ngày tháng 5 năm 2024" → { year: 2024, month: 5 }). */
  readonly dateParts: { readonly year: number | null; readonly month: number | null; readonly day: number | null } | null;
  readonly title: string | null;
  readonly issuer: string | null;
  readonly unitName: string | null;
  readonly signer: string | null;
  readonly signerTitle: string | null;
  readonly implements: readonly DocumentRef[];
}

const KINDS: [RegExp, PlanKind][] = [
  [/^CHƯƠNG TRÌNH HÀNH ĐỘNG\b/u, 'action_programme'],
  [/^CHƯƠNG TRÌNH\b/u, 'action_programme'],
  [/^KẾ HOẠCH\b/u, 'plan'],
  [/^BÁO CÁO\b/u, 'report'],
  [/^NGHỊ QUYẾT\b/u, 'resolution'],
  [/^ĐỀ ÁN\b/u, 'scheme'],
  [/^CHỈ THỊ\b/u, 'directive'],
];

const REF_TYPES: [string, DocumentRef['type']][] = [
  ['Chương trình hành động', 'action_programme'],
  ['Nghị quyết', 'resolution'],
  ['Kế hoạch', 'plan'],
  ['Quyết định', 'decision'],
  ['Chỉ thị', 'directive'],
  ['Kết luận', 'conclusion'],
  ['Nghị định', 'decree'],
  ['Thông tư', 'circular'],
  ['Báo cáo', 'report'],
];

const pad = (n: number) => String(n).padStart(2, '0');
function isoDate(d: number, m: number, y: number): string | null {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Every document reference in `text` ("Nghị quyết số 42-NQ/TW, ngày 24/11/2023"), deduplicated by number. */
export function documentRefs(text: string): DocumentRef[] {
  const names = REF_TYPES.map(([n]) => n).join('|');
  const re = new RegExp(`(${names})\\s+(?:số\\s*:?\\s*)?(\\d+[\\p{L}\\d/\\-]*[\\p{Lu}\\d])(?:,?\\s*(?:ngày\\s*)?(\\d{1,2})\\/(\\d{1,2})\\/(\\d{4}))?`, 'gu');
  const out = new Map<string, DocumentRef>();
  for (const m of text.matchAll(re)) {
    const number = m[2]!;
    if (!/[\p{L}]/u.test(number)) continue; // "Kế hoạch 2025" is not a reference
    const type = REF_TYPES.find(([n]) => n === m[1])![1];
    const date = m[5] ? isoDate(Number(m[3]), Number(m[4]), Number(m[5])) : null;
    const key = number.replace(/-/g, '/');
    const prev = out.get(key);
    if (!prev || (!prev.date && date)) out.set(key, { text: m[0], type, number, date });
  }
  return [...out.values()];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The plan's unit from its issuer or place: "Ban Thường vụ Đảng ủy xã Thu Lũm" → "Xã Thu Lũm". */
function unitFrom(issuer: string | null, text: string): string | null {
  const unitRe = /(?<![\p{L}])([Xx]ã|[Pp]hường|[Tt]hị trấn|[Hh]uyện|[Qq]uận|[Tt]hị xã|[Tt]ỉnh|[Tt]hành phố)\s+((?:\p{Lu}[\p{Ll}\p{M}]*\s?){1,4})/u;
  const m = issuer ? unitRe.exec(issuer) : null;
  if (m) return `${capitalise(m[1]!.toLowerCase())} ${m[2]!.trim()}`;
  if (issuer && /Tỉnh ủy|tỉnh|Tỉnh/u.test(issuer)) {
    // "Tỉnh ủy" alone: the province named elsewhere ("Tỉnh ủy Lai Châu", "tỉnh Lai Châu").
    const counts = new Map<string, number>();
    for (const x of text.matchAll(/(?:Tỉnh ủy|tỉnh|Tỉnh)\s+((?:\p{Lu}[\p{Ll}\p{M}]+\s?){1,3})/gu)) {
      const name = x[1]!.trim();
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    if (best) return `Tỉnh ${best[0]}`;
  }
  return null;
}

/** Reads the metadata from the normalised text of a plan. */
export function extractMetadata(text: string): PlanMetadata {
  const ls = lines(text)
    .map((l) => l.text.trim())
    .filter(Boolean);
  const head = ls.slice(0, 40);
  let kind: PlanKind | null = null;
  let title: string | null = null;
  for (let i = 0; i < head.length; i++) {
    const k = KINDS.find(([re]) => re.test(head[i]!));
    if (k) {
      kind = k[1];
      const rest = head[i]!.replace(k[0], '').trim();
      title = rest || head[i + 1] || null;
      break;
    }
  }
  let number: string | null = null;
  let symbol: string | null = null;
  const num = /(?:^|\n)[ ]*Số\s*:?\s*(\d*)\s*([-/]?[\p{Lu}][\p{L}\-/]*)?/u.exec(text.slice(0, 3000));
  if (num) {
    const sym = (num[2] ?? '').trim();
    if (num[1]) {
      number = `${num[1]}${sym}`;
      symbol = sym.replace(/^[-/]/, '') || null;
    } else symbol = sym.replace(/^[-/]/, '') || null;
  }
  let place: string | null = null;
  let date: string | null = null;
  let dateParts: PlanMetadata['dateParts'] = null;
  const dm = /(?:^|\n)[ ]*([\p{L} ]{2,40}?),\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})/u.exec(text.slice(0, 4000));
  if (dm) {
    place = dm[1]!.trim();
    const [d, m, y] = [dm[2] ? Number(dm[2]) : null, dm[3] ? Number(dm[3]) : null, Number(dm[4])];
    dateParts = { year: y, month: m, day: d };
    date = d && m ? isoDate(d, m, y) : null;
  }
  // Issuer: the subject of "… xây dựng / ban hành Kế hoạch (Chương trình) …" in the opening.
  let issuer: string | null = null;
  const im =
    /(?:^|[.;:\n]\s*)((?:Ban|Ủy ban|UBND|Đảng ủy|Đảng đoàn|Tỉnh ủy|Huyện ủy|Thành ủy|Hội đồng|HĐND|Ban cán sự)[^.;:\n]{0,80}?)\s+(?:xây dựng|ban hành|triển khai|thống nhất ban hành)\s+(?:kế hoạch|chương trình|báo cáo)/iu.exec(
      text.slice(0, 8000),
    );
  if (im) issuer = im[1]!.trim();
  const unitName = unitFrom(issuer, text) ?? (place && kind ? null : null);
  // Signer: the last line that looks like a person's name; titles are the capital lines above it.
  let signer: string | null = null;
  let signerTitle: string | null = null;
  const tail = ls.slice(-12);
  for (let i = tail.length - 1; i >= 0; i--) {
    const t = tail[i]!;
    if (/^(?:\p{Lu}[\p{Ll}\p{M}]*)(?:\s+\p{Lu}[\p{Ll}\p{M}]*){1,4}$/u.test(t) && t !== t.toUpperCase()) {
      signer = t;
      const titles: string[] = [];
      for (let j = i - 1; j >= 0 && titles.length < 3; j--) {
        const u = tail[j]!;
        if (u === u.toUpperCase() && /\p{Lu}/u.test(u) && u.length < 60 && !/^-/.test(u)) titles.unshift(u);
        else break;
      }
      signerTitle = titles.length ? titles.join(' / ') : null;
      break;
    }
  }
  // The documents it implements: references in the title and the opening paragraph (before part I).
  const firstPart = /\n[ ]*(?:I|1)[ ]*[.\-–][ ]*\p{Lu}/u.exec(text);
  const opening = text.slice(0, firstPart ? firstPart.index : 4000);
  return { kind, number, symbol, place, date, dateParts, title, issuer, unitName, signer, signerTitle, implements: documentRefs(opening) };
}
