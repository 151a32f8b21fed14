// Step 1 of plan extraction: turn a plan's text (UTF-8, often markdown-ish from a converter, or
// text from a PDF with page breaks inside sentences) into clean NFC text, while keeping for every
// character of the clean text the range of the ORIGINAL text it came from. Spans found in the
// clean text are mapped back with `originalSpan`, so a target's `sourceText` is always an exact
// substring of the document as the user gave it. A span that crosses a joined page break maps
// to the original range, which then contains the break ("phụ nữ mang\n\nthai").

/** Clean text plus, per character, the [start, end) of the original text it stands for. */
export interface MappedText {
  readonly text: string;
  readonly start: readonly number[];
  readonly end: readonly number[];
  readonly original: string;
}

/** A piece of a replacement: literal text (mapped to the whole match) or a kept capture group. */
export type Piece = string | { readonly group: number };

/** Unicode NFC, one grapheme cluster (base + combining marks) at a time so offsets stay exact. */
export function fromOriginal(original: string): MappedText {
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  for (const m of original.matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
    const seg = m[0].normalize('NFC');
    for (let k = 0; k < seg.length; k++) {
      start.push(m.index);
      end.push(m.index + m[0].length);
    }
    text += seg;
  }
  return { text, start, end, original };
}

/** Replaces every match of `re` (must be global); replacement characters keep a mapping. */
export function replaceMapped(m: MappedText, re: RegExp, repl: (match: RegExpExecArray) => Piece[]): MappedText {
  const flags = re.flags.includes('d') ? re.flags : re.flags + 'd';
  const rx = new RegExp(re.source, flags);
  // Nothing to replace: the same text and map (most passes on most texts; copying is the cost).
  if (!rx.test(m.text)) return m;
  rx.lastIndex = 0;
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  let last = 0;
  const copy = (a: number, b: number) => {
    text += m.text.slice(a, b);
    for (let i = a; i < b; i++) {
      start.push(m.start[i]!);
      end.push(m.end[i]!);
    }
  };
  let match: RegExpExecArray | null;
  while ((match = rx.exec(m.text))) {
    const a = match.index;
    const b = a + match[0].length;
    if (b === a) {
      rx.lastIndex++;
      continue;
    }
    copy(last, a);
    const oStart = m.start[a]!;
    const oEnd = m.end[b - 1]!;
    for (const p of repl(match)) {
      if (typeof p === 'string') {
        text += p;
        for (let k = 0; k < p.length; k++) {
          start.push(oStart);
          end.push(oEnd);
        }
      } else {
        const idx = match.indices?.[p.group];
        if (idx) copy(idx[0], idx[1]);
      }
    }
    last = b;
  }
  copy(last, m.text.length);
  return { text, start, end, original: m.original };
}

/** The original text behind the clean span [a, b): an exact substring of the document. */
export function originalSpan(m: MappedText, a: number, b: number): { start: number; end: number; text: string } {
  if (b <= a) return { start: m.start[a] ?? m.original.length, end: m.start[a] ?? m.original.length, text: '' };
  const s = m.start[a]!;
  const e = m.end[b - 1]!;
  return { start: s, end: e, text: m.original.slice(s, e) };
}

/**
 * Text hard-wrapped by a PDF converter (most lines about as long as the widest): a line break
 * is a wrap, not a paragraph end, when the next word would not have fitted on the line and the
 * line does not end a sentence ("… truy cập\nInternet …", "… mức độ\n2. Tỷ lệ …").
 */
export function reflowHardWrapped(m: MappedText): MappedText {
  const lens = m.text
    .split('\n')
    .map((l) => l.trimEnd().length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  if (lens.length < 20) return m;
  const width = lens[Math.floor(lens.length * 0.95)]!;
  // Many lines close to the widest one, and the widest is short: the text is hard-wrapped.
  if (width > 160 || lens.filter((n) => n >= width * 0.8).length < lens.length * 0.3) return m;
  const src = m.text;
  return replaceMapped(m, /(?<=[\p{L}\p{N},%)”\-–])[ ]*\n[ ]*(?=\S)/gu, (x) => {
    const prev = src.slice(src.lastIndexOf('\n', x.index - 1) + 1, x.index).trimEnd();
    const next = /^\S+/u.exec(src.slice(x.index + x[0].length))![0];
    return prev.length + 1 + next.length > width ? [' '] : [{ group: 0 }];
  });
}

const SUPERSCRIPT: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** Whether an open parenthesis precedes position `i` on its line with no ")" after it. */
function insideParenthesis(s: string, i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const c = s.charCodeAt(k);
    if (c === 0x28) return true; // (
    if (c === 0x29 || c === 0x0a) return false; // ) or a line end
  }
  return false;
}

/**
 * The whole normalisation: NFC, markdown and HTML stripped (**, ##, <sup>2</sup> → ², escaped \*),
 * rules and blank-with-spaces lines removed, and sentences broken by a page break joined:
 * a line ending without sentence punctuation, then blank line(s) (or none: text hard-wrapped by
 * a PDF converter), then a line starting with a lowercase letter, a number or "(" that is not
 * a list marker ("a)", "2.1", "(1)"), a table row's number ("1 | …") nor a bare number on its own
 * line (a share or view counter)
 * continues the sentence with one space.
 */
export function normalise(original: string): MappedText {
  let m = fromOriginal(original);
  m = replaceMapped(m, /\r\n?/g, () => ['\n']);
  // A tab between words separates the cells of a table row (a .docx table or a spreadsheet pasted
  // as text): read as the "|" of a flattened table. Other tabs are spaces.
  m = replaceMapped(m, /(?<=\S)[ ]*\t+[ ]*(?=\S)/g, () => [' | ']);
  m = replaceMapped(m, /[\u00a0\u2007\u202f\t]/g, () => [' ']);
  m = replaceMapped(m, /[\u200b\ufeff]/g, () => []);
  m = replaceMapped(m, /<sup>\s*([^<]*?)\s*<\/sup>/gi, (x) => [[...x[1]!].map((c) => SUPERSCRIPT[c] ?? c).join('')]);
  m = replaceMapped(m, /<br\s*\/?>/gi, () => ['\n']);
  m = replaceMapped(m, /<\/?[a-z][^>\n]*>/gi, () => []);
  m = replaceMapped(m, /&(nbsp|amp|lt|gt|quot);/g, (x) => [({ nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"' } as Record<string, string>)[x[1]!]!]);
  // Markdown emphasis: unescaped * and _ runs around words; then the escapes themselves.
  m = replaceMapped(m, /^([ ]*)[*+][ ]+/gm, () => [{ group: 1 }, '- ']);
  m = replaceMapped(m, /(?<!\\)\*+/g, () => []);
  m = replaceMapped(m, /(?<![\\\w])__(?=\S)|(?<=\S)__(?!\w)/g, () => []);
  m = replaceMapped(m, /\\([\\*_#\-.\[\]()+!`>])/g, () => [{ group: 1 }]);
  m = replaceMapped(m, /^[ ]*#{1,6}[ ]+/gm, () => []);
  m = replaceMapped(m, /^[ ]*(?:-{3,}|_{3,}|={3,})[ ]*$/gm, () => []);
  m = replaceMapped(m, /[ ]+$/gm, () => []);
  m = replaceMapped(m, /^[ ]+(?=\n|$)/gm, () => []);
  // The next line may also start with a number or a parenthesis ("100%, tỉ lệ …", "(6 - 10
  // tuổi)") when that is not a list marker ("2.1 …", "(1) …", "3. …").
  m = reflowHardWrapped(m);
  m = replaceMapped(
    m,
    /(?<=[\p{L}\p{N},%)”\-–])[ ]*\n(?:[ ]*\n)*[ ]*(?=\p{Ll}|\d|\()(?!\d+(?:[.,]\d+)*[ ]*(?:\n|$))(?!\d{1,3}[ ]*(?:\||\t))(?![a-zđ][).][ ])(?!\d{1,2}(?:\.\d{1,2})*[.)]?[ ]+\p{Lu})(?!\(\d{1,2}\))(?!\d{1,2}(?:\.\d{1,2})+[ ])/gu,
    () => [' '],
  );
  // A range cut inside an open parenthesis: "(6\n- 10 tuổi)".
  // (The open parenthesis is looked for by hand, back to the line start: a lookbehind
  // `(?<=\([^)\n]*\d)` rescans the line at every position, quadratic on long lines.)
  m = replaceMapped(m, /(?<=\d)[ ]*\n(?:[ ]*\n)*[ ]*(?=[-–][ ]?\d)/gu, (x) => (insideParenthesis(x.input, x.index - 1) ? [' '] : [{ group: 0 }]));
  m = replaceMapped(m, /\n{3,}/g, () => ['\n\n']);
  return m;
}
