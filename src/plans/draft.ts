// Drafting a child plan from its parent: the unit's plan that implements the parent, with the
// standard sections and the parent's targets pre-filled (the unit's latest value beside each).
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
  readonly unit: { readonly name: string; readonly parentName: string | null };
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
      { heading: 'III. NHIỆM VỤ VÀ GIẢI PHÁP', paragraphs: ['(Cụ thể hóa các nhiệm vụ, giải pháp của văn bản cấp trên phù hợp với địa phương.)'] },
      {
        heading: 'IV. TỔ CHỨC THỰC HIỆN',
        paragraphs: [
          'Các cơ quan, đơn vị theo chức năng, nhiệm vụ được giao xây dựng kế hoạch cụ thể để tổ chức thực hiện; định kỳ báo cáo kết quả thực hiện về Ủy ban nhân dân trước ngày 01/12 hằng năm để tổng hợp, báo cáo cấp trên.',
        ],
      },
    ],
    recipients: [src.parent.issuer ? `${src.parent.issuer} (b/c);` : 'Cấp trên (b/c);', 'Thường trực Đảng ủy, HĐND;', 'Ủy ban MTTQ Việt Nam;', 'Các cơ quan, đơn vị liên quan;', 'Lưu: VT.'],
    signatureCapacity: 'TM. ỦY BAN NHÂN DÂN',
    signatureTitle: 'CHỦ TỊCH',
  };
}
