// From positioned lines (a PDF's text layer, or the words tesseract read off a scan) back to the
// paragraphs a plan was written in: the extractor reads a paragraph as one piece of text, and a
// PDF breaks every paragraph into lines at the right margin. A line continues the paragraph
// above unless the gap above it is wider than the page's usual line spacing, it starts a list
// item or a heading ("1.", "a)", "-", "II."), it is indented as a first line, or the line above
// stopped well short of the right margin. Page numbers alone on a line are dropped.
// Pure: the same rule for both sources, tested on its own (layout.test.ts).

export interface TextLine {
  readonly text: string;
  /** Left and right edges and top of the line, in the page's units, y growing downwards. */
  readonly x0: number;
  readonly x1: number;
  readonly top: number;
  /** The height of the line's characters (font size). */
  readonly height: number;
  readonly page: number;
}

/** A list item or a heading's numbering at the start of a line: "1.", "1.2.", "a)", "(5)", "-", "+", "•", "II.", "Điều 3." */
const STARTS_ITEM = /^(?:[-+•–—*]\s|\(?\d{1,3}(?:\.\d{1,3})*[.)]\s|\(\d{1,3}\)\s?|[a-zđ][).]\s|[IVXLC]{1,6}[.)]\s|(?:Điều|Mục|Phần|Chương)\s+\d)/u;
/** A line that is only a page number ("3", "- 3 -", "Trang 3"). */
const PAGE_NUMBER = /^(?:-\s*)?(?:Trang\s+)?\d{1,4}(?:\s*-)?$|^\d{1,4}\s*\/\s*\d{1,4}$/u;

function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))]!;
}

/**
 * The text of positioned lines as paragraphs separated by a blank line, in reading order
 * (pages in order, lines top to bottom as given).
 * @example paragraphsFromLines([{ text: 'Tỷ lệ hộ nghèo', x0: 50, x1: 540, top: 100, height: 10, page: 1 }, { text: 'giảm 2%.', x0: 50, x1: 90, top: 112, height: 10, page: 1 }]) // 'Tỷ lệ hộ nghèo giảm 2%.'
 */
export function paragraphsFromLines(all: readonly TextLine[]): string {
  const pages = new Map<number, TextLine[]>();
  for (const l of all) {
    const t = l.text.replace(/\s+/g, ' ').trim();
    if (!t) continue;
    const list = pages.get(l.page) ?? [];
    list.push({ ...l, text: t });
    pages.set(l.page, list);
  }
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) paragraphs.push(current.join(' '));
    current = [];
  };
  let prevFull = false;
  for (const page of [...pages.keys()].sort((a, b) => a - b)) {
    const lines = pages.get(page)!.filter((l, i, ls) => !(PAGE_NUMBER.test(l.text) && (i === 0 || i === ls.length - 1)));
    if (lines.length === 0) continue;
    const h = median(lines.map((l) => l.height)) || 10;
    const left = quantile(
      lines.map((l) => l.x0),
      0.1,
    );
    // The right margin: the longest lines (most lines of a list or of short paragraphs stop well before it).
    const right = quantile(
      lines.map((l) => l.x1),
      0.98,
    );
    const width = Math.max(1, right - left);
    const steps = lines
      .slice(1)
      .map((l, i) => l.top - lines[i]!.top)
      .filter((d) => d > h * 0.5);
    const spacing = median(steps) || h * 1.2;
    lines.forEach((l, i) => {
      const prev = i > 0 ? lines[i - 1]! : null;
      let starts: boolean;
      if (!prev) {
        // A page's first line continues the previous page's last paragraph when that line ran to the margin.
        starts = !prevFull || STARTS_ITEM.test(l.text) || /^\p{Lu}{2,}(?:\s+\p{Lu}{2,})*$/u.test(l.text);
      } else {
        const gap = l.top - prev.top;
        const prevShort = prev.x1 < right - width * 0.15;
        const indented = l.x0 > left + h * 1.2 && l.x0 - prev.x0 > h * 1.2;
        starts = gap > spacing * 1.45 || gap < -h || STARTS_ITEM.test(l.text) || prevShort || indented || /[:]$/.test(prev.text);
      }
      if (starts) flush();
      current.push(l.text);
      prevFull = l.x1 >= right - width * 0.15;
    });
  }
  flush();
  return paragraphs.join('\n\n');
}
