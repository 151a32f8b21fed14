// Step 3: the outline of a plan. Roman-numbered parts ("I.", "I-", "II." …: MỤC ĐÍCH, YÊU CẦU;
// MỤC TIÊU; NHIỆM VỤ VÀ GIẢI PHÁP; TỔ CHỨC THỰC HIỆN; TÌNH HÌNH VÀ NGUYÊN NHÂN) and numbered
// sub-headings ("1.", "2.1", "a)", "(1)"). A numbered line counts as a heading when it is short
// and does not end like a sentence; longer numbered paragraphs are items (kept for tasks and
// assignments). Offsets are in the normalised text.
import { foldText } from '../../indicators/match.ts';

export type SectionKind = 'situation' | 'purpose' | 'objectives' | 'tasks' | 'implementation' | 'vision';

export interface Section {
  readonly numbering: string | null;
  readonly title: string;
  /** 1 = roman part, 2 = "1.", 3 = "1.1" or "a)", 4 = "1.1.1" or "(1)". */
  readonly level: number;
  readonly kind: SectionKind | null;
  /** Offsets of the heading line, and of the section's end (next heading of the same or a higher level). */
  readonly start: number;
  readonly headingEnd: number;
  readonly end: number;
}

export interface Line {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export function lines(text: string, from = 0, to = text.length): Line[] {
  const out: Line[] = [];
  let pos = from;
  for (const t of text.slice(from, to).split('\n')) {
    out.push({ text: t, start: pos, end: pos + t.length });
    pos += t.length + 1;
  }
  return out;
}

const ROMAN = /^[ ]*(X{0,3}(?:IX|IV|V?I{0,3}))[ ]*[.\-–:)][ ]*(\S.*)$/u;
const ARABIC = /^[ ]*(\d{1,2}(?:\.\d{1,2}){0,3})(?:[.)]|(?=[ ]))[ ]*(\S.*)$/u;
const LETTER = /^[ ]*([a-zđ])\)[ ]*(\S.*)$/u;
const PAREN = /^[ ]*\((\d{1,2})\)[ ]*(\S.*)$/u;

/** The kind of a part from its title, accent-insensitive ("MỤC TIÊU", "Mục tiêu, chỉ tiêu"). */
export function sectionKind(title: string): SectionKind | null {
  const f = foldText(title);
  if (/^(?:muc tieu chung|tam nhin)/.test(f)) return f.startsWith('tam nhin') ? 'vision' : null;
  if (/^(?:nhiem vu|cac nhiem vu|giai phap|cac giai phap)/.test(f)) return 'tasks';
  if (/^(?:to chuc thuc hien|trach nhiem thuc hien|phan cong)/.test(f)) return 'implementation';
  if (/^muc dich/.test(f)) return 'purpose';
  if (/^(?:tinh hinh|ket qua|danh gia|thuc trang)/.test(f)) return 'situation';
  // "MỤC TIÊU", "MỤC TIÊU, CHỈ TIÊU CHỦ YẾU", "QUAN ĐIỂM, MỤC TIÊU", "CÁC CHỈ TIÊU".
  if (/\b(?:muc tieu|chi tieu)\b/.test(f) && f.length < 80) return 'objectives';
  return null;
}

/** A numbered line that reads as a heading: short, and not ending like a sentence. */
function headingLike(title: string): boolean {
  return title.length <= 160 && !/[;]$/.test(title) && !/%/.test(title) && !(/\.$/.test(title) && title.length > 90);
}

/** Every heading of the text, with the range it governs. */
export function findSections(text: string): Section[] {
  const found: Omit<Section, 'end'>[] = [];
  let lastArabicDepth = 1;
  for (const l of lines(text)) {
    const t = l.text;
    if (!t.trim()) continue;
    let numbering: string | null = null;
    let title = '';
    let level = 0;
    const r = ROMAN.exec(t);
    // A roman part needs a title of words ("XII)." left at a line start by wrapping is not one).
    if (r && r[1] && r[2] && /\p{L}{2}/u.test(r[2]) && headingLike(r[2]) && (r[2] === r[2].toUpperCase() || sectionKind(r[2]))) {
      numbering = r[1];
      title = r[2];
      level = 1;
    } else {
      const a = ARABIC.exec(t);
      const c = LETTER.exec(t);
      const p = PAREN.exec(t);
      // "3 | Tỷ lệ … | 24,1% |": a row of a flattened table, not a heading.
      if (a && headingLike(a[2]!) && !/^\d/.test(a[2]!) && !/^[%/|]/.test(a[2]!)) {
        numbering = a[1]!;
        title = a[2]!;
        level = 1 + numbering.split('.').length;
        lastArabicDepth = level;
      } else if (c && headingLike(c[2]!)) {
        numbering = c[1]! + ')';
        title = c[2]!;
        level = Math.min(4, lastArabicDepth + 1);
      } else if (p && headingLike(p[2]!) && p[2]!.length <= 100 && !/\.$/.test(p[2]!)) {
        numbering = '(' + p[1]! + ')';
        title = p[2]!;
        level = 4;
      } else if (sectionKind(t) && t.trim() === t.trim().toUpperCase() && t.trim().length < 80) {
        // An unnumbered title in capitals ("MỤC TIÊU"): a part, or a sub-part inside a roman one.
        title = t.trim();
        level = found.some((f) => f.level === 1 && f.numbering) ? 2 : 1;
      }
    }
    if (!level) continue;
    found.push({ numbering, title: title.trim().replace(/[:.]$/, ''), level, kind: sectionKind(title), start: l.start, headingEnd: l.end });
  }
  return found.map((s, i) => {
    let end = text.length;
    for (let j = i + 1; j < found.length; j++)
      if (found[j]!.level <= s.level) {
        end = found[j]!.start;
        break;
      }
    return { ...s, end };
  });
}

/** The first top-most section of a kind (a roman part if there is one), or null. */
export function sectionOf(sections: readonly Section[], kind: SectionKind): Section | null {
  const all = sections.filter((s) => s.kind === kind);
  if (!all.length) return null;
  const top = Math.min(...all.map((s) => s.level));
  return all.find((s) => s.level === top) ?? null;
}
