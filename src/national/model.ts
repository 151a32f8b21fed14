// The national instance's cross-province checks, as pure rules over what the provinces returned
// (issue 17 item 2). The SQL that fetches it, in two phases so that only matches move, is in
// src/national/federation.ts.
import { monthNumber, type MonthNumber } from '../kernel/month.ts';

/** A province code since 01/07/2025 (two digits). */
export const PROVINCE_CODE = /^\d{2}$/;

/** One registration of a person in a province, as the national instance sees it. */
export interface Registration {
  readonly provinceCode: string;
  readonly personId: number;
  readonly unitId: number;
  readonly personalId: string;
  readonly fullName: string;
  readonly dateOfBirth: string;
}

/** The same personal ID registered in two provinces or more. */
export interface DuplicateId {
  readonly personalId: string;
  readonly provinces: readonly string[];
  readonly registrations: readonly Registration[];
}

/** A death recorded in one province. */
export interface Death {
  readonly personalId: string;
  readonly provinceCode: string;
  readonly deathDate: string;
}

/** A month an approved payroll pays a person, in some province. */
export interface PaidMonth {
  readonly provinceCode: string;
  readonly personalId: string;
  readonly unitId: number;
  readonly programme: string;
  readonly month: MonthNumber;
  readonly amount: number;
  readonly status: string;
}

/** Paid in one province for months after the death another province recorded. */
export interface PaidAfterDeath {
  readonly personalId: string;
  readonly deathProvince: string;
  readonly deathDate: string;
  readonly paidProvince: string;
  readonly unitId: number;
  readonly programme: string;
  readonly months: readonly MonthNumber[];
  readonly amount: number;
}

/**
 * Months paid after a death recorded in another province. The month of death is paid, nothing
 * from the month after (the rule the payroll applies, docs/law.md "Stop"): a month > M paid
 * elsewhere is money to recover. The province that recorded the death runs its own check (its
 * integrity queue); this one answers only what no province can see.
 */
export function paidAfterDeath(deaths: readonly Death[], paid: readonly PaidMonth[]): PaidAfterDeath[] {
  const byId = new Map<string, Death[]>();
  for (const d of deaths) byId.set(d.personalId, [...(byId.get(d.personalId) ?? []), d]);
  const out = new Map<string, { death: Death; p: PaidMonth; months: MonthNumber[]; amount: number }>();
  for (const p of paid) {
    for (const d of byId.get(p.personalId) ?? []) {
      if (d.provinceCode === p.provinceCode) continue;
      if (p.month <= monthNumber.of(d.deathDate)) continue;
      const key = `${p.personalId}|${d.provinceCode}|${p.provinceCode}|${p.unitId}|${p.programme}`;
      const o = out.get(key) ?? { death: d, p, months: [], amount: 0 };
      o.months.push(p.month);
      o.amount += p.amount;
      out.set(key, o);
    }
  }
  return [...out.values()]
    .map((o) => ({
      personalId: o.p.personalId,
      deathProvince: o.death.provinceCode,
      deathDate: o.death.deathDate,
      paidProvince: o.p.provinceCode,
      unitId: o.p.unitId,
      programme: o.p.programme,
      months: [...new Set(o.months)].sort((a, b) => a - b),
      amount: o.amount,
    }))
    .sort((a, b) => a.personalId.localeCompare(b.personalId) || a.paidProvince.localeCompare(b.paidProvince));
}

/** A beneficiary whose latest decision in two provinces or more still pays (start or change). */
export interface DoubleEnrolment {
  readonly personalId: string;
  readonly enrolments: readonly { provinceCode: string; unitId: number; kind: string; startMonth: MonthNumber; decidedOn: string }[];
}

/** The national roll-up: one row per province, computed in the province (one row moves each). */
export interface ProvinceTotals {
  readonly provinceCode: string;
  readonly persons: number;
  readonly deceased: number;
  readonly beneficiaries: number;
  readonly paidInMonth: number;
}

export interface NationalReport {
  readonly provinces: readonly string[];
  readonly month: MonthNumber;
  readonly duplicates: readonly DuplicateId[];
  readonly paidAfterDeath: readonly PaidAfterDeath[];
  readonly doubleEnrolments: readonly DoubleEnrolment[];
  readonly totals: readonly ProvinceTotals[];
  /** Rows each phase moved from the provinces (what the two-phase design promises to keep small). */
  readonly moved: {
    readonly duplicateKeys: number;
    readonly duplicateRows: number;
    readonly deaths: number;
    readonly paidRows: number;
    readonly enrolments: number;
  };
}

const vnd = (n: number) => n.toLocaleString('vi-VN');

/** The report in Vietnamese, as `ansinh national check` prints it. */
export function reportText(r: NationalReport): string {
  const lines: string[] = [];
  lines.push(`Kiểm tra liên tỉnh: ${r.provinces.length} tỉnh (${r.provinces.join(', ')}), tháng ${monthNumber.formatVi(r.month)}`);
  lines.push('');
  lines.push(`1. Một số định danh đăng ký ở hai tỉnh trở lên: ${r.duplicates.length}`);
  for (const d of r.duplicates)
    lines.push(
      `   ${d.personalId}: tỉnh ${d.provinces.join(', ')} (${d.registrations.map((x) => `${x.provinceCode}: ${x.fullName}, sinh ${x.dateOfBirth}`).join('; ')})`,
    );
  lines.push(`2. Được chi trả sau khi tỉnh khác đã ghi nhận chết: ${r.paidAfterDeath.length}`);
  for (const p of r.paidAfterDeath)
    lines.push(
      `   ${p.personalId}: chết ngày ${p.deathDate.split('-').reverse().join('/')} (tỉnh ${p.deathProvince}); tỉnh ${p.paidProvince} chi ${p.months.map((m) => monthNumber.formatVi(m)).join(', ')}: ${vnd(p.amount)} đồng`,
    );
  lines.push(`3. Đang hưởng trợ cấp ở hai tỉnh sau khi chuyển nơi ở: ${r.doubleEnrolments.length}`);
  for (const d of r.doubleEnrolments)
    lines.push(`   ${d.personalId}: ${d.enrolments.map((e) => `tỉnh ${e.provinceCode} từ ${monthNumber.formatVi(e.startMonth)}`).join('; ')}`);
  lines.push('');
  lines.push('Tổng hợp theo tỉnh (tính tại tỉnh):');
  for (const t of r.totals)
    lines.push(
      `   ${t.provinceCode}: ${vnd(t.persons)} nhân khẩu, ${vnd(t.deceased)} đã chết, ${vnd(t.beneficiaries)} đang hưởng, chi tháng ${monthNumber.formatVi(r.month)}: ${vnd(t.paidInMonth)} đồng`,
    );
  lines.push('');
  lines.push(
    `Dữ liệu đã chuyển về: ${vnd(r.moved.duplicateKeys)} cặp (tỉnh, số định danh), ${vnd(r.moved.duplicateRows)} dòng trùng, ${vnd(r.moved.deaths)} người chết, ${vnd(r.moved.paidRows)} tháng chi trả, ${vnd(r.moved.enrolments)} dòng đang hưởng`,
  );
  return lines.join('\n') + '\n';
}
