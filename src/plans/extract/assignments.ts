// Step 5: who does what. Assignments from the TỔ CHỨC THỰC HIỆN section (the agency that is the
// subject of each numbered item or sentence; "chủ trì" = lead, "phối hợp với X" = X coordinates;
// the subject leads by default), report deadlines ("trước ngày 01/12 hằng năm" → annual, 1 Dec;
// "định kỳ", "6 tháng", "hằng quý", "sơ kết", "tổng kết"), and tasks (the headings of NHIỆM VỤ VÀ
// GIẢI PHÁP with their bullets). Offsets are in the normalised text.
import { lines, type Section } from './sections.ts';

export interface Assignment {
  readonly agency: string;
  readonly role: 'lead' | 'coordinate';
  readonly what: string;
  readonly numbering: string | null;
  readonly start: number;
  readonly end: number;
}

export interface ReportDeadline {
  readonly kind: 'annual' | 'semiannual' | 'quarterly' | 'monthly' | 'periodic' | 'midterm_review' | 'final_review' | 'once';
  readonly day: number | null;
  readonly month: number | null;
  readonly year: number | null;
  readonly start: number;
  readonly end: number;
}

export interface Task {
  readonly numbering: string | null;
  readonly title: string;
  readonly items: string[];
}

// Verbs that end the subject of an assignment sentence.
const PREDICATE =
  /\s(?:chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm|(?<!(?:các|những|và|Các)\s)tổ chức|xây dựng|tăng cường|phát huy|cụ thể hóa|cụ thể hoá|chỉ đạo|lãnh đạo|tham mưu|theo dõi|triển khai|thực hiện|hướng dẫn|đôn đốc|kiểm tra|giám sát|căn cứ|khẩn trương|tập trung|chủ động|rà soát|nghiên cứu|quán triệt|tuyên truyền|bố trí|đẩy mạnh|thường xuyên|định kỳ|theo chức năng)(?![\p{L}])|:/u;
const AGENCY_HEAD =
  /^(?:Đề nghị\s+)?((?:Các|các|Ban|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Đảng ủy|Đảng đoàn|Đảng bộ|Tỉnh ủy|Huyện ủy|Thành ủy|Mặt trận|MTTQ|Ủy ban MTTQ|Sở|Phòng|Văn phòng|Công an|Trạm|Trường|Hội|Đoàn|Liên đoàn|Công chức|Bộ phận|Chi bộ|Quân sự|Ban chỉ huy|Cơ quan|Bảo hiểm|Ngân hàng|Trung tâm|Thường trực|Thủ trưởng)[^:]*)$/u;

/** The agency at the start of an item, or null when the item does not start with one. */
export function agencyOf(item: string): { agency: string; rest: string; coordinators: string[]; role: 'lead' | 'coordinate' } | null {
  let s = item.trim();
  // "Căn cứ …, các phòng, ngành, đơn vị … khẩn trương …": the subject follows the opening
  // adverbial; it is the longest run of comma-separated words before the predicate that
  // starts with an agency word.
  if (/^(?:Căn cứ|Trên cơ sở|Để|Sau khi)(?![\p{L}])/u.test(s)) {
    const masked = s.replace(/^(?:Căn cứ|Trên cơ sở|Để|Sau khi)/u, (x) => 'x'.repeat(x.length));
    let subjectStart = -1;
    for (const p0 of masked.matchAll(new RegExp(PREDICATE.source, 'gu'))) {
      for (const m of s.slice(0, p0.index).matchAll(/,\s*/g)) {
        const cand = s.slice(m.index + m[0].length, p0.index);
        if (cand.length <= 160 && AGENCY_HEAD.test(cand.trim()) && !/[;]/.test(cand)) {
          subjectStart = m.index + m[0].length;
          break;
        }
      }
      if (subjectStart >= 0) break;
    }
    if (subjectStart < 0) return null;
    s = s.slice(subjectStart);
  }
  const p = PREDICATE.exec(s);
  if (!p) return null;
  const subject = s.slice(0, p.index).trim().replace(/,$/, '');
  if (!AGENCY_HEAD.test(subject) || subject.length > 160) return null;
  const agency = subject.replace(/^Đề nghị\s+/u, '');
  const rest = s.slice(p.index).trim().replace(/^:\s*/, '');
  const coordinators: string[] = [];
  const co =
    /^(?:chủ trì,?\s*)?phối hợp với\s+(.+?)\s+(?=tham mưu|đôn đốc|theo dõi|tổ chức|hướng dẫn|kiểm tra|triển khai|thực hiện|xây dựng|rà soát|báo cáo)/u.exec(
      rest,
    );
  if (co) for (const c of co[1]!.split(/,\s*|\s+và\s+/u)) if (c.trim()) coordinators.push(c.trim());
  return { agency, rest, coordinators, role: 'lead' };
}

/** A paragraph under an agency heading: "Chủ trì, phối hợp với …" leads, "Phối hợp …" coordinates. */
function headed(agency: string, s: string): { agency: string; rest: string; coordinators: string[]; role: 'lead' | 'coordinate' } {
  const role = /^phối hợp/iu.test(s.trim()) ? 'coordinate' : 'lead';
  const co =
    /^(?:chủ trì,?\s*)?phối hợp với\s+(.+?)\s+(?=tham mưu|đôn đốc|theo dõi|tổ chức|hướng dẫn|kiểm tra|triển khai|thực hiện|xây dựng|rà soát|báo cáo)/iu.exec(
      s.trim(),
    );
  const coordinators =
    role === 'lead' && co
      ? co[1]!
          .split(/,\s*|\s+và\s+/u)
          .filter((c) => c.trim())
          .map((c) => c.trim())
      : [];
  return { agency, rest: s.trim(), coordinators, role };
}

/** Assignments of the implementation section [from, to). */
export function extractAssignments(text: string, from: number, to: number): Assignment[] {
  const out: Assignment[] = [];
  // "1. Phòng Y tế" on its own line: the agency of the paragraphs below ("Chủ trì …", "Phối hợp …").
  let heading: { agency: string; numbering: string | null } | null = null;
  for (const l of lines(text, from, to)) {
    const t = l.text.trim();
    if (!t || /^Nơi nhận/iu.test(t)) {
      if (/^Nơi nhận/iu.test(t)) break;
      continue;
    }
    const nm = /^((?:\d{1,2}(?:\.\d{1,2})*[.)]?|[a-zđ]\)|[-–+•]))\s*/u.exec(t);
    const numbering = nm && /\d|[a-z]\)/u.test(nm[1]!) ? nm[1]!.replace(/[.)]$/, '') : null;
    const body = nm ? t.slice(nm[0].length) : t;
    const offset = l.start + l.text.indexOf(t) + (nm ? nm[0].length : 0);
    if (numbering && body.length < 120 && !/[.;]$/.test(body) && AGENCY_HEAD.test(body.replace(/:$/, '')) && !PREDICATE.exec(' ' + body.replace(/:$/, ''))) {
      heading = { agency: body.replace(/:$/, '').trim(), numbering };
      continue;
    }
    if (numbering) heading = null;
    const sentences = body.split(/(?<=[.])\s+(?=\p{Lu})/u);
    let k = 0;
    for (const s of sentences) {
      const start = offset + body.indexOf(s, k);
      k = start - offset + s.length;
      const a = agencyOf(s) ?? (heading ? headed(heading.agency, s) : null);
      if (!a) continue;
      out.push({
        agency: a.agency,
        role: a.role,
        what: a.rest.replace(/[.;]$/, ''),
        numbering: numbering ?? heading?.numbering ?? null,
        start,
        end: start + s.length,
      });
      for (const c of a.coordinators)
        out.push({
          agency: c,
          role: 'coordinate',
          what: a.rest.replace(/[.;]$/, ''),
          numbering: numbering ?? heading?.numbering ?? null,
          start,
          end: start + s.length,
        });
    }
  }
  return out;
}

/** Report deadlines and reviews in [from, to). */
export function extractReportDeadlines(text: string, from: number, to: number): ReportDeadline[] {
  const s = text.slice(from, to);
  const out: ReportDeadline[] = [];
  const recur = (tail: string): ReportDeadline['kind'] =>
    /hằng năm|hàng năm|mỗi năm|năm/u.test(tail)
      ? 'annual'
      : /6 tháng|sáu tháng/u.test(tail)
        ? 'semiannual'
        : /quý/u.test(tail)
          ? 'quarterly'
          : /tháng/u.test(tail)
            ? 'monthly'
            : 'once';
  for (const m of s.matchAll(/trước ngày\s*(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?((?:\s+(?:hằng|hàng|mỗi)\s+(?:năm|quý|tháng))?)/gu)) {
    const kind = m[3] ? 'once' : m[4] ? recur(m[4]) : recur(s.slice(Math.max(0, m.index - 60), m.index));
    out.push({
      kind: kind === 'once' && !m[3] ? 'annual' : kind,
      day: Number(m[1]),
      month: Number(m[2]),
      year: m[3] ? Number(m[3]) : null,
      start: from + m.index,
      end: from + m.index + m[0].length,
    });
  }
  for (const m of s.matchAll(/(định kỳ(?:\s+(?:hằng|hàng)\s+(?:năm|quý|tháng)|\s+6 tháng)?)|(sơ kết)|(tổng kết)/giu)) {
    if (out.some((d) => d.start <= from + m.index && from + m.index < d.end)) continue;
    const kind: ReportDeadline['kind'] = m[2]
      ? 'midterm_review'
      : m[3]
        ? 'final_review'
        : /năm/u.test(m[1]!)
          ? 'annual'
          : /quý/u.test(m[1]!)
            ? 'quarterly'
            : /6 tháng/u.test(m[1]!)
              ? 'semiannual'
              : 'periodic';
    const y = /^\s*(?:vào\s+)?(?:năm\s+)?((?:20)\d\d)/u.exec(s.slice(m.index + m[0].length, m.index + m[0].length + 20));
    out.push({ kind, day: null, month: null, year: y ? Number(y[1]) : null, start: from + m.index, end: from + m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Tasks: the sub-headings of the tasks section, each with its paragraphs and bullets. */
export function extractTasks(text: string, section: Section, sections: readonly Section[]): Task[] {
  const subs = sections.filter((s) => s.start > section.start && s.start < section.end && s.level === section.level + 1);
  if (!subs.length) {
    const items = lines(text, section.headingEnd, section.end)
      .map((l) => l.text.trim().replace(/^[-–+•]\s*/u, ''))
      .filter(Boolean);
    return items.map((i) => ({ numbering: null, title: i, items: [] }));
  }
  return subs.map((s) => ({
    numbering: s.numbering,
    title: s.title,
    items: lines(text, s.headingEnd, s.end)
      .map((l) => l.text.trim().replace(/^[-–+•]\s*/u, ''))
      .filter(Boolean),
  }));
}
