// Evaluates a set of households and persons at a month: each household's poverty class for the
// year, each person's benefits. Pure; used by `ansinh evaluate`, the re-evaluation diff and the
// registry. Also checks what the schema cannot (real indicator keys, death after birth).
import { AppError, type FieldError } from '../kernel/errors.ts';
import { check } from '../kernel/validate.ts';
import { ALL_INDICATOR_KEYS, LAW_PARAMETERS, cite, type ParamSet } from './parameters.ts';
import { classifyHousehold, POVERTY_CLASS_TEXT, type Classification, type PovertyClass } from './poverty.ts';
import { entitlementInMonth, type Entitlement } from './assistance.ts';
import { formatCoefficientVi, formatMonthVi, formatVnd, isMonth, type Month } from './months.ts';
import { EvaluateInputSchema, type EvaluateInput, type HouseholdInput } from './schema.ts';

export interface HouseholdResult {
  readonly id: string;
  readonly name?: string;
  readonly classification: Classification;
  /** The status the benefits used: the recognised status from the input, else the computed class. */
  readonly povertyStatusUsed: PovertyClass;
  readonly members: readonly (Entitlement & { readonly name?: string })[];
}

export interface EvaluationResult {
  readonly at: Month;
  readonly households: readonly HouseholdResult[];
  readonly totals: { readonly households: number; readonly persons: number; readonly beneficiaries: number; readonly monthlyAmount: number; readonly byClass: Readonly<Record<PovertyClass, number>> };
}

/** Validates raw JSON against the schema and the checks a schema cannot express. */
export function parseEvaluateInput(raw: unknown): EvaluateInput {
  let input: EvaluateInput;
  try {
    input = check(EvaluateInputSchema, raw);
  } catch (e) {
    // Say "must be a date" in words an officer reads, not the JSON-schema format name.
    if (e instanceof AppError) throw AppError.validation(e.errors.map((f) => (/ date$/.test(f.message.en) ? { path: f.path, message: { vi: 'Phải là một ngày có thật, dạng YYYY-MM-DD', en: 'must be a date (YYYY-MM-DD)' } } : f)));
    throw e;
  }
  const errors: FieldError[] = [];
  input.households.forEach((h, i) => {
    for (const k of Object.keys(h.deprivations ?? {})) {
      if (!ALL_INDICATOR_KEYS.includes(k)) errors.push({ path: `/households/${i}/deprivations/${k}`, message: { vi: `Không phải chỉ số thiếu hụt; dùng một trong: ${ALL_INDICATOR_KEYS.join(', ')}`, en: `Not a deprivation indicator; use one of: ${ALL_INDICATOR_KEYS.join(', ')}` } });
    }
    h.members.forEach((m, j) => {
      if (m.dateOfDeath && m.dateOfDeath < m.dateOfBirth) errors.push({ path: `/households/${i}/members/${j}/dateOfDeath`, message: { vi: 'Ngày mất trước ngày sinh', en: 'Date of death is before the date of birth' } });
    });
  });
  if (errors.length) throw AppError.validation(errors);
  return input;
}

/** Evaluates every household at `at` (YYYY-MM) under the parameter set. */
export function evaluateHouseholds(input: EvaluateInput, at: Month, params: ParamSet = LAW_PARAMETERS): EvaluationResult {
  if (!isMonth(at)) throw new RangeError(`not a month YYYY-MM: ${at}`);
  const year = Number(at.slice(0, 4));
  const byClass: Record<PovertyClass, number> = { poor: 0, near_poor: 0, average: 0, none: 0, unknown: 0 };
  let persons = 0;
  let beneficiaries = 0;
  let monthlyAmount = 0;
  const households = input.households.map((h) => {
    const r = evaluateHousehold(h, at, year, params);
    byClass[r.classification.class]++;
    for (const m of r.members) {
      persons++;
      if (m.monthlyTotal > 0) beneficiaries++;
      monthlyAmount += m.monthlyTotal;
    }
    return r;
  });
  return { at, households, totals: { households: households.length, persons, beneficiaries, monthlyAmount, byClass } };
}

export function evaluateHousehold(h: HouseholdInput, at: Month, year: number, params: ParamSet = LAW_PARAMETERS): HouseholdResult {
  const classification = classifyHousehold({ area: h.area, incomePerCapitaMonthly: h.incomePerCapitaMonthly, deprivations: h.deprivations, provinceCode: h.provinceCode }, year, params);
  const povertyStatusUsed: PovertyClass = h.povertyStatus ?? classification.class;
  const ctx = { povertyStatus: povertyStatusUsed, especiallyDisadvantagedArea: h.especiallyDisadvantagedArea, provinceCode: h.provinceCode };
  const members = h.members.map((m) => ({ ...entitlementInMonth(m, ctx, at, params), name: m.name }));
  return { id: h.id, name: h.name, classification, povertyStatusUsed, members };
}

const STATUS_VI: Record<string, string> = { payable: 'được hưởng', superseded: 'không cộng (chỉ hưởng mức cao nhất)', not_started: 'chưa đến tháng hưởng', unknown: 'chưa xác định' };

/** The readable Vietnamese report printed by `ansinh evaluate` without --json. */
export function formatEvaluationVi(r: EvaluationResult): string {
  const lines: string[] = [];
  lines.push(`Kết quả xét theo tháng ${formatMonthVi(r.at)} (chuẩn nghèo năm ${r.at.slice(0, 4)})`);
  lines.push('');
  for (const h of r.households) {
    const c = h.classification;
    lines.push(`Hộ ${h.id}${h.name ? ` – ${h.name}` : ''}: ${POVERTY_CLASS_TEXT[c.class].vi}`);
    for (const reason of c.reasons) lines.push(`  · ${reason.text.vi}${reason.basis ? ` [${cite(reason.basis)}]` : ''}`);
    if (h.povertyStatusUsed !== c.class) lines.push(`  · Chế độ tính theo danh sách đã công nhận: ${POVERTY_CLASS_TEXT[h.povertyStatusUsed].vi}`);
    const rows: string[][] = [];
    for (const m of h.members) {
      const shown = m.benefits;
      if (shown.length === 0) {
        rows.push([m.name ?? m.personId, String(m.age), '–', '–', m.reasons[0]?.text.vi ?? 'không thuộc diện hưởng', '0 đ']);
        continue;
      }
      for (const b of shown) {
        rows.push([
          m.name ?? m.personId,
          String(m.age),
          b.programme === 'social_pension' ? 'Hưu trí XH' : `Đ5 k${b.category.slice(2)}`,
          b.coefficient == null ? '–' : b.category === '5.4' ? `${formatCoefficientVi(b.coefficient)} (1,0/con)` : formatCoefficientVi(b.coefficient),
          STATUS_VI[b.status],
          b.monthlyAmount == null ? 'chưa xác định' : formatVnd(b.status === 'payable' ? b.monthlyAmount : 0),
        ]);
      }
    }
    if (rows.length) lines.push(...table(['Người', 'Tuổi', 'Diện', 'Hệ số', 'Tình trạng', 'Số tiền/tháng'], rows).map((l) => `  ${l}`));
    const total = h.members.reduce((s, m) => s + m.monthlyTotal, 0);
    lines.push(`  Cộng hộ: ${formatVnd(total)}/tháng${h.members.some((m) => m.incomplete) ? ' (có khoản chưa xác định)' : ''}`);
    lines.push('');
  }
  const t = r.totals;
  lines.push(`Tổng: ${t.households} hộ (nghèo ${t.byClass.poor}, cận nghèo ${t.byClass.near_poor}, mức sống trung bình ${t.byClass.average}, khác ${t.byClass.none}, chưa xác định ${t.byClass.unknown}); ${t.persons} người, ${t.beneficiaries} người được hưởng, ${formatVnd(t.monthlyAmount)}/tháng`);
  return lines.join('\n');
}

function table(head: string[], rows: string[][]): string[] {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c.padStart(w[i]) : c.padEnd(w[i]))).join('  ');
  return [fmt(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(fmt)];
}
