// Plan extraction, the whole pipeline: normalise → metadata → sections → targets (objectives
// section) → assignments, report deadlines and tasks. Pure: text in, structured plan out; the
// CLI (src/plans/commands.ts) reads files. Every span is given back as an exact substring of the
// ORIGINAL text (`sourceText`) with its offsets; a span across a joined page break contains it.
import { normalise, originalSpan, type MappedText } from './normalise.ts';
import { extractMetadata, type PlanMetadata } from './metadata.ts';
import { findSections, sectionOf, type Section } from './sections.ts';
import { extractTargets, UNMATCHED_REASONS, type Comparator, type ProposedIndicator, type UnmatchedCode } from './targets.ts';
import { extractAssignments, extractReportDeadlines, extractTasks, type Assignment, type ReportDeadline, type Task } from './assignments.ts';
import { isReportTitle, looksAhead, looksAheadOf, tenseOf } from './results.ts';
import { catalogueMatcher, createMatcher, type CatalogueIndicator } from '../../indicators/match.ts';

export type { Comparator, ProposedIndicator } from './targets.ts';

export interface ExtractedTarget {
  /** null: no catalogue indicator matched ("chưa gắn chỉ tiêu"); `proposed` says what is measured. */
  readonly indicatorCode: string | null;
  readonly proposed?: ProposedIndicator;
  readonly indicatorName: string;
  readonly comparator: Comparator;
  /** On a change (reduce_by / increase_by): "giảm từ 0,5% trở lên" → ">=". */
  readonly qualifier?: Comparator;
  readonly value: number;
  readonly unit: string;
  readonly year: number | null;
  readonly sourceText: string;
  readonly start: number;
  readonly end: number;
  readonly strive: boolean;
  readonly shared: boolean;
  readonly confidence: number;
  /** A target for a named group of units ("riêng vùng miền núi dưới 25,5%" → "vùng miền núi"). */
  readonly group?: string;
  /** The heading of the innermost section the target is in ("2. Mục tiêu cụ thể", "III. NHIỆM VỤ VÀ GIẢI PHÁP"); null when none. */
  readonly section: string | null;
}

export interface ExtractedUnmatched {
  readonly sourceText: string;
  readonly reason: string;
  readonly reasonEn: string;
  readonly code: UnmatchedCode;
  readonly start: number;
  readonly end: number;
}

/** A value the document reports as reached (a past year, "đã", "ước đạt", a report of results). */
export interface ExtractedResult extends Pick<ExtractedTarget, 'indicatorCode' | 'indicatorName' | 'value' | 'unit' | 'year' | 'sourceText' | 'start' | 'end'> {
  /** The catalogue indicator's name, or the indicator words of the text when none matched. */
  readonly name: string;
}

export interface PlanExtraction {
  readonly plan: PlanMetadata;
  /** Targets to reach; a report of results (plan.kind "report") has none. */
  readonly targets: ExtractedTarget[];
  /** Results of the past the document reports: not targets. */
  readonly results: ExtractedResult[];
  readonly unmatched: ExtractedUnmatched[];
  readonly sections: { numbering: string | null; title: string; level: number; kind: string | null; start: number; end: number }[];
  readonly assignments: (Assignment & { readonly sourceText: string })[];
  readonly reportDeadlines: (ReportDeadline & { readonly sourceText: string })[];
  readonly tasks: Task[];
}

/** The objectives range: section "MỤC TIÊU" (a roman part if any); else the whole text before the tasks. */
function objectivesRange(m: MappedText, sections: readonly Section[]): { start: number; end: number; year: number | null } {
  // Targets are also written among the tasks and solutions ("phấn đấu 100% xã …"): the range
  // runs on to the part on implementation (TỔ CHỨC THỰC HIỆN), which gives none.
  const impl = sectionOf(sections, 'implementation');
  const s = sectionOf(sections, 'objectives');
  if (s) {
    const y = /năm\s+((?:19|20|21)\d\d)/u.exec(s.title);
    return { start: s.headingEnd, end: impl && impl.start >= s.end ? impl.start : s.end, year: y ? Number(y[1]) : null };
  }
  return { start: 0, end: impl ? impl.start : m.text.length, year: null };
}

/** Extracts a plan from its text (a .txt file as is, or the raw text of a .docx). */
export function extractPlan(original: string, opts: { catalogue?: readonly CatalogueIndicator[] } = {}): PlanExtraction {
  const matcher = opts.catalogue ? createMatcher(opts.catalogue) : catalogueMatcher();
  const m = normalise(original);
  const meta = extractMetadata(m.text);
  // A report of results: its title says so ("BÁO CÁO", "kết quả thực hiện", "sơ kết", "tổng
  // kết"); a press item's headline is its first line.
  const headline = m.text
    .split('\n')
    .map((l) => l.trim().slice(0, 160))
    .filter((l) => l.length > 12)
    .slice(0, 2);
  const heads = [meta.title ?? '', ...headline];
  // An opening that looks ahead ("phương hướng, nhiệm vụ năm 2026", "phấn đấu") is no pure report.
  const opening = m.text
    .split('\n')
    .map((l) => l.trim().slice(0, 200))
    .filter((l) => l.length > 12)
    .slice(0, 6);
  // The year the document is written in or for: values of earlier years are results.
  const dated = /(?:^|\D)\d{1,2}\/\d{1,2}\/((?:19|20)\d\d)(?!\d)|date ((?:19|20)\d\d)-/u.exec(m.text.slice(0, 400));
  const periodStart = /(?:giai đoạn|nhiệm kỳ|thời kỳ)\s+((?:19|20)\d\d)\s*[-–]/u.exec(meta.title ?? '');
  const refYear = meta.dateParts?.year ?? (dated ? Number(dated[1] ?? dated[2]) : null) ?? (periodStart ? Number(periodStart[1]) : null);
  let report = meta.kind === 'report' || (meta.kind === null && heads.some((l) => isReportTitle(l)) && !opening.some((l) => looksAheadOf(l, refYear)));
  const sections = findSections(m.text);
  const obj = objectivesRange(m, sections);
  // A year in the plan's title ("Kế hoạch giảm nghèo năm 2025", "giai đoạn 2026 - 2030") is the
  // year of targets that give none nearer.
  // The latest one: "tổng kết năm 2025, phương hướng, nhiệm vụ năm 2026" is a 2026 plan.
  const titleYears = [...(meta.title ?? '').matchAll(/(?<!tầm nhìn\s(?:đến\s)?)(?:năm|giai đoạn)\s+(?:\d{4}\s*[-–]\s*)?((?:19|20|21)\d\d)/gu)].map((x) =>
    Number(x[1]),
  );
  const titleYear = titleYears.length ? [null, String(Math.max(...titleYears))] : null;
  // Else the latest year the opening names for the document ("nhiệm kỳ 2020 - 2025", "phương
  // hướng, nhiệm vụ năm 2026", "đến năm 2030"): a press summary gives its plan's year there.
  let openingYear: number | null = null;
  // ("tầm nhìn đến năm 2050" is the horizon of a vision, "so với năm 2024" a baseline: neither is
  // the targets' year.)
  for (const y of m.text
    .slice(0, 600)
    .matchAll(
      /(?<!tầm nhìn\s(?:đến\s)?)(?<!so với\s(?:cuối\s|đầu\s)?)(?<!so sánh\s)(?:năm|nhiệm kỳ|giai đoạn|thời kỳ)\s+(?:(?:19|20)\d\d\s*[-–]\s*)?((?:19|20)\d\d)(?!\d)/giu,
    ))
    openingYear = Math.max(openingYear ?? 0, Number(y[1]));
  // "Hội nghị tổng kết … năm 2025, triển khai phương hướng, nhiệm vụ năm 2026": the year the
  // document sets tasks for is its targets' year, before a term of office named in passing
  // ("Đại hội … nhiệm kỳ 2025 - 2030").
  const tasksYear = /(?:phương hướng|nhiệm vụ)(?:,?\s*(?:nhiệm vụ|giải pháp))*\s+năm\s+((?:19|20)\d\d)(?!\d)/iu.exec(m.text.slice(0, 600));
  if (tasksYear) openingYear = Number(tasksYear[1]);
  // A press item's headline ("Giảm tỷ lệ hộ nghèo … trong năm 2017") names its plan's year; a
  // period in the opening ("giai đoạn 2016-2020") is the programme's, not this plan's.
  const firstLine =
    m.text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? '';
  const hy =
    firstLine.length < 200
      ? /(?<!giai đoạn\s)(?<![-–]\s?)(?<!so với\s(?:cuối\s|đầu\s)?)(?<!tầm nhìn\s(?:đến\s)?)năm\s+((?:19|20)\d\d)(?!\s*[-–]\s*\d)/u.exec(firstLine)
      : null;
  const headlineYear = hy ? Number(hy[1]) : null;
  const found = extractTargets(m.text, obj.start, obj.end, {
    matcher,
    defaultYear: obj.year ?? (titleYear ? Number(titleYear[1]) : (headlineYear ?? openingYear)),
  });
  const span = (a: number, b: number) => originalSpan(m, a, b);
  const tenses = new Map(found.targets.map((t) => [t, tenseOf(m.text, t.start, t.end, { refYear })]));
  let past = found.targets.filter((t) => report || tenses.get(t) === 'past');
  // A press headline that repeats a result of its body ("97% trẻ em bị bỏ rơi … được chăm sóc"
  // over "hiện nay có … khoảng 97% trẻ em bị bỏ rơi …") is that result, not a target.
  const s0 = m.text.search(/\S/u);
  const nl = s0 < 0 ? -1 : m.text.indexOf('\n', s0);
  const firstLineEnd = nl < 0 ? m.text.length : nl;
  const pastKeys = new Set(past.map((t) => `${t.value} ${t.indicatorCode ?? t.indicatorName}`));
  past = past.concat(
    found.targets.filter(
      (t) => !past.includes(t) && t.end <= firstLineEnd && tenses.get(t) !== 'future' && pastKeys.has(`${t.value} ${t.indicatorCode ?? t.indicatorName}`),
    ),
  );
  // A text without a kind that reports values as reached and none as still to reach is a report
  // of results (a press item on a review meeting): its other figures are results too.
  // A value whose paragraph looks ahead before it ("Đại hội xác định mục tiêu nhiệm kỳ 2025-2030
  // là: … Một số chỉ tiêu cụ thể: Thu ngân sách … tăng bình quân 30%/năm") is still to reach,
  // though its own sentence has no future word.
  const lineAhead = (t: { start: number }) => {
    const ls = m.text.lastIndexOf('\n', t.start - 1) + 1;
    return looksAhead(m.text.slice(Math.max(ls, t.start - 600), t.start));
  };
  const ahead = found.targets.filter((t) => tenses.get(t) === 'future' || (tenses.get(t) !== 'past' && lineAhead(t))).length;
  if (!report && meta.kind === null && past.length >= 2 && ahead === 0 && !opening.some((l) => looksAheadOf(l, refYear))) {
    report = true;
    past = found.targets;
  }
  const plan: PlanMetadata = report && meta.kind === null ? { ...meta, kind: 'report' } : meta;
  const pastSet = new Set(past);
  const results = past.map((t) => {
    const o = span(t.start, t.end);
    return {
      indicatorCode: t.indicatorCode,
      name: t.indicatorName,
      indicatorName: t.indicatorName,
      value: t.value,
      unit: t.unit,
      year: t.year,
      sourceText: o.text,
      start: o.start,
      end: o.end,
    };
  });
  const sectionAt = sectionFinder(sections);
  const targets = found.targets
    .filter((t) => !pastSet.has(t))
    .map((t) => {
      const o = span(t.start, t.end);
      const sec = sectionAt(t.start);
      return {
        section: sec ? `${sec.numbering ? `${sec.numbering}. ` : ''}${sec.title}` : null,
        indicatorCode: t.indicatorCode,
        ...(t.proposed ? { proposed: t.proposed } : {}),
        indicatorName: t.indicatorName,
        comparator: t.comparator,
        ...(t.qualifier ? { qualifier: t.qualifier } : {}),
        ...(t.group ? { group: t.group } : {}),
        value: t.value,
        unit: t.unit,
        year: t.year,
        sourceText: o.text,
        start: o.start,
        end: o.end,
        strive: t.strive,
        shared: t.shared,
        confidence: t.confidence,
      };
    });
  const unmatched = found.unmatched.map((u) => {
    const o = span(u.start, u.end);
    return { sourceText: o.text, reason: u.reason, reasonEn: UNMATCHED_REASONS[u.code].en, code: u.code, start: o.start, end: o.end };
  });
  const impl = sectionOf(sections, 'implementation');
  const tasksSection = sectionOf(sections, 'tasks');
  const assignments = impl ? extractAssignments(m.text, impl.headingEnd, impl.end).map((a) => ({ ...a, ...spanOf(span, a.start, a.end) })) : [];
  const reportDeadlines = extractReportDeadlines(m.text, impl ? impl.headingEnd : 0, impl ? impl.end : m.text.length).map((d) => ({
    ...d,
    ...spanOf(span, d.start, d.end),
  }));
  const tasks = tasksSection ? extractTasks(m.text, tasksSection, sections) : [];
  return {
    plan,
    targets,
    results,
    unmatched,
    sections: sections.map((s) => ({
      numbering: s.numbering,
      title: s.title,
      level: s.level,
      kind: s.kind,
      start: span(s.start, s.start + 1).start,
      end: span(s.end - 1, s.end).end,
    })),
    assignments,
    reportDeadlines,
    tasks,
  };
}

function spanOf(span: (a: number, b: number) => { start: number; end: number; text: string }, a: number, b: number) {
  const o = span(a, b);
  return { sourceText: o.text, start: o.start, end: o.end };
}

/** The innermost section at a position, for positions asked in increasing order (one sweep, linear). */
function sectionFinder(sections: readonly Section[]): (pos: number) => Section | null {
  let i = 0;
  const open: Section[] = [];
  return (pos) => {
    // Sections nest, so a stack holds the open ones; one that has ended never opens again.
    for (; i < sections.length && sections[i]!.start <= pos; i++) {
      while (open.length && open[open.length - 1]!.end <= sections[i]!.start) open.pop();
      open.push(sections[i]!);
    }
    while (open.length && open[open.length - 1]!.end <= pos) open.pop();
    return open.length ? open[open.length - 1]! : null;
  };
}
