// The yearly lists of a commune's people with meritorious service (issue 12 item 4): each person
// with their profiles through one pure rule of src/law/merit-lists.ts (convalescence due this
// year, the Tết gift of the President's decision, state health insurance), the summary and the
// same rows as a CSV or XLSX table for the commune's signature list.
import type { Text } from '../kernel/i18n.ts';
import type { Reason } from '../law/poverty.ts';
import { toMeritFacts } from '../law/evaluate.ts';
import { MERIT_CATEGORY, type MeritCategory } from '../law/merit-categories.ts';
import { convalescenceDue, healthInsurance, tetGift, TET_GIFT_DECISIONS, type ConvalescenceFrequency, type MeritList } from '../law/merit-lists.ts';
import { cite } from '../law/parameters.ts';
import { toCsv } from '../kernel/csv.ts';
import { excel } from '../kernel/excel.ts';
import type { Executor as Q } from '../db/executor.ts';
import * as store from './store.ts';

export interface MeritListRow {
  readonly personId: number;
  readonly fullName: string;
  readonly householdCode: string | null;
  readonly categories: MeritCategory[];
  readonly status: string;
  /** The gift (tet-gifts) or null; convalescence gives both amounts. */
  readonly amount: number | null;
  readonly amountHome: number | null;
  readonly amountCentre: number | null;
  readonly frequency: ConvalescenceFrequency | null;
  readonly lastYear: number | null;
  readonly reasons: { text: Text; basis: string | null }[];
}

export interface MeritListResult {
  readonly list: MeritList;
  readonly year: number;
  readonly basis: string | null;
  readonly rows: MeritListRow[];
  readonly counts: Record<string, number>;
  /** Sum of the amounts of the rows that have one (the gift list's money). */
  readonly total: number;
}

const reasons = (rs: readonly Reason[]) => rs.map((r) => ({ text: r.text, basis: r.basis ? cite(r.basis) : null }));

/**
 * One yearly list of a commune: every person holding a profile there, with the rule's answer.
 * `today` sets the health-insurance month (the current month in the current year, else December).
 * @example await meritList(tx, communeId, 'tet-gifts', 2026, '2026-01-10') // { rows, counts: { gift: 12, unknown: 3 }, total }
 */
export async function meritList(q: Q, unitId: number, list: MeritList, year: number, today: string): Promise<MeritListResult> {
  const profiles = await store.communeProfiles(q, unitId);
  const last = list === 'convalescence' ? await store.lastConvalescences(q, unitId, year) : new Map<number, { year: number; kind: string }>();
  const byPerson = new Map<number, store.ListProfileRow[]>();
  for (const p of profiles) {
    const l = byPerson.get(p.person_id);
    if (l) l.push(p);
    else byPerson.set(p.person_id, [p]);
  }
  const month = today.slice(0, 4) === String(year) ? today.slice(0, 7) : `${year}-12`;
  const rows: MeritListRow[] = [];
  for (const [personId, ps] of byPerson) {
    const facts = ps.map((r) =>
      toMeritFacts({ id: String(r.id), category: r.category, facts: r.facts, startMonth: r.start_month, endMonth: r.end_month }, r.death_date),
    );
    const base = {
      personId,
      fullName: ps[0]!.full_name,
      householdCode: ps[0]!.household_code,
      categories: [...new Set(ps.map((p) => p.category))],
      amount: null,
      amountHome: null,
      amountCentre: null,
      frequency: null,
      lastYear: null,
    };
    if (list === 'convalescence') {
      const lastYear = last.get(personId)?.year ?? null;
      const d = convalescenceDue(facts, year, lastYear);
      if (d.status === 'none') continue;
      rows.push({
        ...base,
        status: d.status,
        amountHome: d.amountHome,
        amountCentre: d.amountCentre,
        frequency: d.frequency,
        lastYear,
        reasons: reasons(d.reasons),
      });
    } else if (list === 'tet-gifts') {
      const g = tetGift(facts, year);
      if (g.status === 'none') continue;
      rows.push({ ...base, status: g.status, amount: g.amount, reasons: reasons(g.reasons) });
    } else {
      const h = healthInsurance(facts, month);
      if (h.status === 'none') continue;
      rows.push({ ...base, status: h.status, reasons: reasons(h.reasons) });
    }
  }
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
  const decision = list === 'tet-gifts' ? TET_GIFT_DECISIONS.find((d) => d.year === year) : undefined;
  return {
    list,
    year,
    basis: decision ? cite(decision.basis) : list === 'tet-gifts' ? null : 'Pháp lệnh 02/2020/UBTVQH14',
    rows,
    counts,
    total: rows.reduce((s, r) => s + (r.amount ?? 0), 0),
  };
}

const STATUS_VI: Record<string, string> = {
  due: 'Đến kỳ',
  done: 'Đã điều dưỡng',
  not_due: 'Chưa đến kỳ',
  unknown: 'Chưa xác định',
  gift: 'Tặng quà',
  covered: 'Ngân sách đóng',
  check: 'Cần kiểm tra',
};
const FREQ_VI: Record<string, string> = { yearly: 'Hằng năm', biennial: 'Hai năm một lần' };
const TITLE: Record<MeritList, string> = {
  convalescence: 'Danh sách điều dưỡng người có công',
  'tet-gifts': 'Danh sách tặng quà Tết của Chủ tịch nước',
  'health-insurance': 'Danh sách người có công được ngân sách đóng bảo hiểm y tế',
};

/** The list as a table (Vietnamese headers), the same for CSV and XLSX. */
export function meritListTable(r: MeritListResult): (string | number | null)[][] {
  const cats = (row: MeritListRow) => row.categories.map((c) => MERIT_CATEGORY[c].text.vi).join('; ');
  const why = (row: MeritListRow) => row.reasons.map((x) => x.text.vi + (x.basis ? ` (${x.basis})` : '')).join('; ');
  if (r.list === 'convalescence')
    return [
      ['STT', 'Mã hộ', 'Họ và tên', 'Diện', 'Chế độ', 'Lần gần nhất', 'Kết quả', 'Tại nhà (đồng)', 'Tập trung (đồng)', 'Căn cứ', 'Ký nhận'],
      ...r.rows.map((x, i) => [
        i + 1,
        x.householdCode,
        x.fullName,
        cats(x),
        x.frequency ? FREQ_VI[x.frequency]! : '',
        x.lastYear,
        STATUS_VI[x.status] ?? x.status,
        x.amountHome,
        x.amountCentre,
        why(x),
        '',
      ]),
    ];
  if (r.list === 'tet-gifts')
    return [
      ['STT', 'Mã hộ', 'Họ và tên', 'Diện', 'Kết quả', 'Mức quà (đồng)', 'Căn cứ', 'Ký nhận'],
      ...r.rows.map((x, i) => [i + 1, x.householdCode, x.fullName, cats(x), STATUS_VI[x.status] ?? x.status, x.amount, why(x), '']),
    ];
  return [
    ['STT', 'Mã hộ', 'Họ và tên', 'Diện', 'Kết quả', 'Căn cứ'],
    ...r.rows.map((x, i) => [i + 1, x.householdCode, x.fullName, cats(x), STATUS_VI[x.status] ?? x.status, why(x)]),
  ];
}

export function meritListCsv(r: MeritListResult): string {
  return toCsv(meritListTable(r));
}

export async function meritListXlsx(r: MeritListResult, unitName: string): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const ws = wb.addWorksheet('Danh sach');
  ws.addRow([`${TITLE[r.list]} năm ${r.year} — ${unitName}`]).font = { bold: true };
  if (r.basis) ws.addRow([`Căn cứ: ${r.basis}`]);
  const table = meritListTable(r);
  ws.addRow(table[0]!).font = { bold: true };
  for (const row of table.slice(1)) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
