// Evaluates a set of households and persons at a month: each household's poverty class for the
// year, each person's benefits. Pure; used by `ansinh evaluate`, the re-evaluation diff and the
// registry. Also checks what the schema cannot (real indicator keys, death after birth).
import { AppError, type FieldError } from '../kernel/errors.ts';
import { check } from '../kernel/validate.ts';
import { ALL_INDICATOR_KEYS, LAW_PARAMETERS, cite, type ParamSet } from './parameters.ts';
import { classifyHousehold, POVERTY_CLASS_TEXT, type Classification, type PovertyClass } from './poverty.ts';
import { entitlementInMonth, type Entitlement } from './assistance.ts';
import { formatCoefficientVi, formatMonthVi, formatVnd, isMonth, monthOf, type Month } from './months.ts';
import { EvaluateInputSchema, type EvaluateInput, type HouseholdInput, type MeritProfileInput } from './schema.ts';
import { meritMonth, type MeritMonth, type MeritProfileFacts } from './merit.ts';
import { MERIT_CATEGORY } from './merit-categories.ts';

export interface HouseholdResult {
  readonly id: string;
  readonly name?: string;
  readonly classification: Classification;
  /** The status the benefits used: the recognised status from the input, else the computed class. */
  readonly povertyStatusUsed: PovertyClass;
  /**
   * Each member's social-assistance entitlement; with merit profiles, `merit` holds the month's merit
   * allowances and `monthlyTotal` adds their total (null total → `incomplete`).
   */
  readonly members: readonly (Entitlement & { readonly name?: string; readonly merit?: MeritMonth })[];
}

export interface EvaluationResult {
  readonly at: Month;
  readonly households: readonly HouseholdResult[];
  readonly totals: {
    readonly households: number;
    readonly persons: number;
    readonly beneficiaries: number;
    readonly monthlyAmount: number;
    readonly byClass: Readonly<Record<PovertyClass, number>>;
  };
}

/** Validates raw JSON against the schema and the checks a schema cannot express. */
export function parseEvaluateInput(raw: unknown): EvaluateInput {
  let input: EvaluateInput;
  try {
    input = check(EvaluateInputSchema, raw);
  } catch (e) {
    // Say "must be a date" in words an officer reads, not the JSON-schema format name.
    if (e instanceof AppError)
      throw AppError.validation(
        e.errors.map((f) =>
          / date$/.test(f.message.en) ? { path: f.path, message: { vi: 'Phải là một ngày có thật, dạng YYYY-MM-DD', en: 'must be a date (YYYY-MM-DD)' } } : f,
        ),
      );
    throw e;
  }
  const errors: FieldError[] = [];
  input.households.forEach((h, i) => {
    for (const k of Object.keys(h.deprivations ?? {})) {
      if (!ALL_INDICATOR_KEYS.includes(k))
        errors.push({
          path: `/households/${i}/deprivations/${k}`,
          message: {
            vi: `Không phải chỉ số thiếu hụt; dùng một trong: ${ALL_INDICATOR_KEYS.join(', ')}`,
            en: `Not a deprivation indicator; use one of: ${ALL_INDICATOR_KEYS.join(', ')}`,
          },
        });
    }
    h.members.forEach((m, j) => {
      m.meritProfiles?.forEach((p, k) => {
        const at = `/households/${i}/members/${j}/meritProfiles/${k}`;
        if (p.endMonth && p.endMonth < p.startMonth)
          errors.push({ path: `${at}/endMonth`, message: { vi: 'Tháng thôi hưởng trước tháng bắt đầu hưởng', en: 'The end month is before the start month' } });
        errors.push(...meritFactErrors(p, at));
      });
      if (m.dateOfDeath && m.dateOfDeath < m.dateOfBirth)
        errors.push({
          path: `/households/${i}/members/${j}/dateOfDeath`,
          message: { vi: 'Ngày mất trước ngày sinh', en: 'Date of death is before the date of birth' },
        });
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
  const classification = classifyHousehold(
    { area: h.area, incomePerCapitaMonthly: h.incomePerCapitaMonthly, deprivations: h.deprivations, provinceCode: h.provinceCode },
    year,
    params,
  );
  const povertyStatusUsed: PovertyClass = h.povertyStatus ?? classification.class;
  const ctx = { povertyStatus: povertyStatusUsed, especiallyDisadvantagedArea: h.especiallyDisadvantagedArea, provinceCode: h.provinceCode };
  const members = h.members.map((m) => {
    const e = { ...entitlementInMonth(m, ctx, at, params), name: m.name };
    if (!m.meritProfiles?.length) return e;
    // A merit allowance stops after the month of death (as social assistance does, Decree 20/2021 Art. 8;
    // for merit allowances the month is taken from the profile's end month when one is recorded).
    const merit = meritMonth(
      m.meritProfiles.map((p) => toMeritFacts(p, m.dateOfDeath ?? null)),
      at,
      params,
    );
    return { ...e, merit, monthlyTotal: e.monthlyTotal + (merit.monthlyTotal ?? 0), incomplete: e.incomplete || merit.monthlyTotal === null };
  });
  return { id: h.id, name: h.name, classification, povertyStatusUsed, members };
}

/** An evaluate-file (or registry) profile as the rule's facts; the month of a death caps the end month. */
export function toMeritFacts(p: MeritProfileInput, dateOfDeath: string | null = null): MeritProfileFacts {
  const end = [p.endMonth ?? null, dateOfDeath ? monthOf(dateOfDeath) : null].filter((x): x is string => !!x).sort()[0] ?? null;
  return { id: p.id, category: p.category, ...(p.facts ?? {}), startMonth: p.startMonth, endMonth: end };
}

/** The facts a profile's category needs, checked beyond the schema (each error names its field). */
export function meritFactErrors(p: Pick<MeritProfileInput, 'category' | 'facts'>, at: string): FieldError[] {
  const f = p.facts ?? {};
  const out: FieldError[] = [];
  const need = (field: string, vi: string, en: string) => out.push({ path: `${at}/facts/${field}`, message: { vi, en } });
  const rate = f.injuryRate ?? null;
  if (p.category === 'war_invalid') {
    if (rate === null) need('injuryRate', 'Thương binh cần tỷ lệ tổn thương cơ thể (21–100%)', 'A war invalid needs an injury rate (21–100%)');
    if (!f.invalidType)
      need('invalidType', 'Cần chọn thương binh, người hưởng chính sách như thương binh hay thương binh loại B', 'Choose the type of war invalid');
  }
  if (p.category === 'sick_soldier' && (rate === null || rate < 41))
    need('injuryRate', 'Bệnh binh cần tỷ lệ tổn thương cơ thể từ 41% đến 100%', 'A sick soldier needs a rate of 41–100%');
  if (p.category === 'toxic_chemical' && (rate === null || rate < 21))
    need('injuryRate', 'Người nhiễm chất độc hóa học cần tỷ lệ tổn thương cơ thể từ 21% đến 100%', 'A toxic-chemical profile needs a rate of 21–100%');
  if (p.category === 'relative') {
    if (!f.relativeOf) need('relativeOf', 'Cần ghi là thân nhân của ai (liệt sĩ, thương binh, ...)', 'Say whose relative');
    if (f.relativeOf === 'martyr' && !f.remarriedSpouse && !f.martyrs?.length)
      need('martyrs', 'Thân nhân liệt sĩ cần ít nhất một liệt sĩ', "A martyr's relative needs at least one martyr");
  }
  if (p.category === 'revolution_helper' && !f.helperAward) need('helperAward', 'Cần ghi hình thức khen tặng', 'The award is required');
  if (p.category === 'pre_1945' && f.detached === undefined) need('detached', 'Cần ghi diện thoát ly hay không thoát ly', 'Say whether detached');
  if (f.injuryRate != null && !['war_invalid', 'sick_soldier', 'toxic_chemical', 'relative'].includes(p.category))
    need('injuryRate', `Diện "${MERIT_CATEGORY[p.category].text.vi}" không có tỷ lệ tổn thương cơ thể`, 'This category has no injury rate');
  return out;
}

const MERIT_STATUS_VI: Record<string, string> = {
  payable: 'được hưởng',
  not_started: 'chưa đến tháng hưởng',
  ended: 'đã thôi hưởng',
  no_monthly: 'không có trợ cấp hằng tháng',
  merged: 'gộp vào hồ sơ khác',
  unknown: 'chưa xác định',
};
const STATUS_VI: Record<string, string> = {
  payable: 'được hưởng',
  superseded: 'không cộng (chỉ hưởng mức cao nhất)',
  not_started: 'chưa đến tháng hưởng',
  unknown: 'chưa xác định',
};

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
        if (m.merit?.allowances.length) continue;
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
    for (const m of h.members) {
      for (const a of m.merit?.allowances ?? []) {
        rows.push([
          m.name ?? m.personId,
          String(m.age),
          `NCC: ${MERIT_CATEGORY[a.category].article.replace('Điều 3 khoản ', 'Đ3 k').replace(' điểm ', ' ')}`,
          '–',
          MERIT_STATUS_VI[a.status],
          a.monthlyAmount == null ? 'chưa xác định' : formatVnd(a.status === 'payable' ? a.monthlyAmount : 0),
        ]);
      }
    }
    if (rows.length) lines.push(...table(['Người', 'Tuổi', 'Diện', 'Hệ số', 'Tình trạng', 'Số tiền/tháng'], rows).map((l) => `  ${l}`));
    for (const m of h.members) {
      if (!m.merit) continue;
      lines.push(`  Người có công – ${m.name ?? m.personId}:`);
      for (const a of m.merit.allowances)
        for (const reason of a.reasons) lines.push(`    · ${reason.text.vi}${reason.basis ? ` [${cite(reason.basis)}]` : ''}`);
      for (const reason of m.merit.reasons) lines.push(`    · ${reason.text.vi}${reason.basis ? ` [${cite(reason.basis)}]` : ''}`);
    }
    const total = h.members.reduce((s, m) => s + m.monthlyTotal, 0);
    lines.push(`  Cộng hộ: ${formatVnd(total)}/tháng${h.members.some((m) => m.incomplete) ? ' (có khoản chưa xác định)' : ''}`);
    lines.push('');
  }
  const t = r.totals;
  lines.push(
    `Tổng: ${t.households} hộ (nghèo ${t.byClass.poor}, cận nghèo ${t.byClass.near_poor}, mức sống trung bình ${t.byClass.average}, khác ${t.byClass.none}, chưa xác định ${t.byClass.unknown}); ${t.persons} người, ${t.beneficiaries} người được hưởng, ${formatVnd(t.monthlyAmount)}/tháng`,
  );
  return lines.join('\n');
}

function table(head: string[], rows: string[][]): string[] {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c.padStart(w[i]) : c.padEnd(w[i]))).join('  ');
  return [fmt(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(fmt)];
}
