// Drafting a child plan from its parent: the unit's plan that implements the parent, with the
// standard sections, the parent's targets pre-filled (the unit's latest value beside each) and,
// in section III, the parent's tasks and what the parent assigns to the child's level ("Đảng ủy
// các xã", "UBND các huyện", "các địa phương") as tasks for the unit's own agencies.
import { formatDateVi, formatNumberVi } from '../kernel/i18n.ts';
import { comparatorWords, type Comparator } from '../indicators/vocabulary.ts';

export interface DraftSource {
  readonly parent: {
    readonly kind: 'resolution' | 'action_programme' | 'plan' | 'report';
    readonly number: string | null;
    readonly issuedOn: string | null; // ISO date
    readonly issuer: string | null;
    readonly title: string;
  };
  readonly parentTargets: readonly {
    readonly indicatorCode: string;
    readonly indicatorName: string;
    readonly comparator: Comparator;
    readonly value: number;
    readonly unit: string;
    readonly year: number | null;
  }[];
  readonly unit: { readonly name: string; readonly parentName: string | null; readonly level?: 'province' | 'district' | 'commune' };
  /** The parent's tasks and solutions (its section of "nhiệm vụ, giải pháp"), in order. */
  readonly parentTasks?: readonly { readonly numbering: string | null; readonly title: string }[];
  /** Who the parent assigns what ("Đảng ủy các xã ... chủ trì ..."). */
  readonly parentAssignments?: readonly { readonly agency: string; readonly role: string; readonly what: string }[];
  /** The unit's latest reported value per indicator, when there is one. */
  readonly latest: ReadonlyMap<string, { readonly value: number; readonly period: string }>;
  readonly issuedOn: string; // ISO date of the draft
  readonly place: string;
}

export interface DraftTarget {
  readonly indicatorCode: string;
  readonly text: string;
  readonly latest: string | null;
}

export interface DraftPlan {
  readonly headerParent: string; // upper-left, line 1 (uppercase)
  readonly headerIssuer: string; // upper-left, line 2 (uppercase, bold)
  readonly number: string; // 'Số:      /KH-UBND'
  readonly placeDate: string; // 'Thu Lũm, ngày 05 tháng 6 năm 2026'
  readonly docType: string; // 'KẾ HOẠCH'
  readonly subject: string;
  readonly preamble: string;
  readonly sections: readonly { readonly heading: string; readonly paragraphs: readonly string[]; readonly targets?: readonly DraftTarget[] }[];
  readonly recipients: readonly string[];
  readonly signatureCapacity: string; // 'TM. ỦY BAN NHÂN DÂN'
  readonly signatureTitle: string; // 'CHỦ TỊCH'
}

const kindVi: Record<DraftSource['parent']['kind'], string> = {
  resolution: 'Nghị quyết',
  action_programme: 'Chương trình hành động',
  plan: 'Kế hoạch',
  report: 'Báo cáo',
};

const cmpVi = Object.fromEntries(Object.entries(comparatorWords).map(([c, w]) => [c, `${w.vi} `])) as Record<Comparator, string>;

export function placeDateVi(place: string, iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${place}, ngày ${d} tháng ${Number(m)} năm ${y}`;
}

function unitSuffix(unit: string): string {
  if (unit === '%') return '%';
  if (unit === 'm2_per_person') return ' m² sàn/người';
  if (unit === 'level') return '';
  return ` ${unit}`;
}

export function targetSentence(t: DraftSource['parentTargets'][number]): string {
  const v = formatNumberVi(t.value);
  const val = t.unit === 'level' ? `mức độ ${v}` : `${v}${unitSuffix(t.unit)}`;
  return `${t.indicatorName}: ${cmpVi[t.comparator]}${val}${t.year ? ` vào năm ${t.year}` : ''}.`;
}

/** The parent's reference as it is cited in the child: "Chương trình hành động số 53-CTr/TU, ngày 24/5/2024 của Tỉnh ủy Lai Châu". */
export function citeParent(p: DraftSource['parent']): string {
  const num = p.number ? ` số ${p.number}` : '';
  const date = p.issuedOn ? `, ngày ${formatDateVi(p.issuedOn)}` : '';
  const by = p.issuer ? ` của ${p.issuer}` : '';
  return `${kindVi[p.kind]}${num}${date}${by}`;
}

/**
 * Words by which a parent's assignment names the child's level. Since the 2025 merger a commune
 * takes over what was given to districts ("các huyện ủy", "UBND các huyện"); "đảng ủy trực
 * thuộc" and "các địa phương" include it.
 */
const LEVEL_WORDS: Record<'province' | 'district' | 'commune', RegExp> = {
  commune: /(?:^|[\s,;(])(?:xã(?!\s+hội)|phường|thị trấn|đặc khu|cơ sở|huyện|huyện ủy|thị ủy|thành ủy|đảng ủy trực thuộc|địa phương)(?=$|[\s,;)])/iu,
  district: /(?:^|[\s,;(])(?:huyện|quận|thị xã|huyện ủy|quận ủy|thị ủy|thành ủy|địa phương)(?=$|[\s,;)])/iu,
  province: /(?:^|[\s,;(])(?:tỉnh|thành phố trực thuộc trung ương|tỉnh ủy|thành ủy|địa phương)(?=$|[\s,;)])/iu,
};

/** The parent's assignments given to the child's level. */
export function assignedToLevel(assignments: NonNullable<DraftSource['parentAssignments']>, level: keyof typeof LEVEL_WORDS): typeof assignments {
  const seen = new Set<string>();
  return assignments.filter((a) => a.role === 'lead' && LEVEL_WORDS[level].test(a.agency) && !seen.has(a.what) && (seen.add(a.what), true));
}

const sentence = (s: string) => {
  const t = s.trim().replace(/[;,.:]+$/, '');
  return t ? `${t[0]!.toLocaleUpperCase('vi')}${t.slice(1)}.` : t;
};

/** Section III: the parent's tasks, then what the parent assigns to this level, for the unit's own agencies. */
export function tasksSection(src: DraftSource): string[] {
  const tasks = (src.parentTasks ?? []).filter((t) => t.title.trim());
  const given = src.unit.level ? assignedToLevel(src.parentAssignments ?? [], src.unit.level) : [];
  if (tasks.length === 0 && given.length === 0) return ['(Cụ thể hóa các nhiệm vụ, giải pháp của văn bản cấp trên phù hợp với địa phương.)'];
  const out = tasks.map((t, i) => `${i + 1}. ${sentence(t.title)} (Giao cơ quan chuyên môn, đơn vị liên quan chủ trì, cụ thể hóa phù hợp với địa phương.)`);
  if (given.length) {
    out.push(`${tasks.length + 1}. Thực hiện các nhiệm vụ ${citeParent(src.parent)} giao cho địa phương:`);
    for (const a of given) out.push(`- ${sentence(a.what)}`);
  }
  return out;
}

export function draftChildPlan(src: DraftSource): DraftPlan {
  const cite = citeParent(src.parent);
  const unitUpper = src.unit.name.toUpperCase();
  const targets: DraftTarget[] = src.parentTargets.map((t) => {
    const l = src.latest.get(t.indicatorCode);
    return {
      indicatorCode: t.indicatorCode,
      text: targetSentence(t),
      latest: l ? `Hiện trạng ${l.period}: ${formatNumberVi(l.value)}${unitSuffix(t.unit)}` : null,
    };
  });
  return {
    headerParent: (src.unit.parentName ?? '').toUpperCase(),
    headerIssuer: `ỦY BAN NHÂN DÂN ${unitUpper.replace(/^(XÃ|PHƯỜNG|ĐẶC KHU|TỈNH|THÀNH PHỐ)\s+/, '$1 ')}`,
    number: 'Số:      /KH-UBND',
    placeDate: placeDateVi(src.place, src.issuedOn),
    docType: 'KẾ HOẠCH',
    subject: `Thực hiện ${cite}`,
    preamble: `Thực hiện ${cite}, Ủy ban nhân dân ${src.unit.name.replace(/^(Xã|Phường|Đặc khu)/, (m) => m.toLowerCase())} ban hành Kế hoạch thực hiện với những nội dung sau:`,
    sections: [
      {
        heading: 'I. MỤC ĐÍCH, YÊU CẦU',
        paragraphs: [
          `1. Mục đích: Tổ chức quán triệt, triển khai đầy đủ, kịp thời ${cite}; cụ thể hóa các mục tiêu, nhiệm vụ, giải pháp phù hợp với điều kiện thực tế của địa phương.`,
          '2. Yêu cầu: Việc triển khai phải nghiêm túc, thiết thực, hiệu quả; phân công rõ cơ quan chủ trì, phối hợp, thời hạn thực hiện và chế độ báo cáo.',
        ],
      },
      {
        heading: 'II. MỤC TIÊU',
        paragraphs: ['1. Mục tiêu chung: (nêu mục tiêu chung của địa phương).', '2. Chỉ tiêu cụ thể đến năm 2030:'],
        targets,
      },
      { heading: 'III. NHIỆM VỤ VÀ GIẢI PHÁP', paragraphs: tasksSection(src) },
      {
        heading: 'IV. TỔ CHỨC THỰC HIỆN',
        paragraphs: [
          'Các cơ quan, đơn vị theo chức năng, nhiệm vụ được giao xây dựng kế hoạch cụ thể để tổ chức thực hiện; định kỳ báo cáo kết quả thực hiện về Ủy ban nhân dân trước ngày 01/12 hằng năm để tổng hợp, báo cáo cấp trên.',
        ],
      },
    ],
    recipients: [
      src.parent.issuer ? `${src.parent.issuer} (b/c);` : 'Cấp trên (b/c);',
      'Thường trực Đảng ủy, HĐND;',
      'Ủy ban MTTQ Việt Nam;',
      'Các cơ quan, đơn vị liên quan;',
      'Lưu: VT.',
    ],
    signatureCapacity: 'TM. ỦY BAN NHÂN DÂN',
    signatureTitle: 'CHỦ TỊCH',
  };
}
