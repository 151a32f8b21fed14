// The registry's pure rules: the 12-digit personal ID checked against date of birth and sex
// (LAW.md §6), person and household validation, months and ages (masking of sensitive fields: presenters.ts).
// No I/O here.
import { text, type Text } from '../kernel/i18n.ts';
import type { FieldError } from '../kernel/errors.ts';
import { fold } from '../units/model.ts';
import { ethnicGroupByCode } from './ethnic.ts';
import { isIsoDate } from '../kernel/month.ts';

export { isIsoDate };

// ---- personal identification number (số định danh cá nhân) -----------------------------

/**
 * The 63 province-of-registration codes of the personal ID (the pre-2025 province codes with a
 * leading zero, Thông tư 59/2021/TT-BCA): digits 1–3 of the number.
 */
export const idProvinceCodes: ReadonlySet<string> = new Set(
  (
    '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 040 042 044 045 046 048 049 ' +
    '051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096'
  ).split(' '),
);

export const SEXES = ['M', 'F'] as const;
export type Sex = (typeof SEXES)[number];

export interface PersonalIdParts {
  readonly province: string;
  readonly century: number;
  readonly sex: Sex;
  readonly yearOfBirth: number;
}

/**
 * Reads a personal ID: province (3 digits) + century/sex digit (0/1: 1900s male/female,
 * 2/3: 2000s, 4/5: 2100s) + the last two digits of the birth year + 6 digits.
 * Returns the problems when it is not well formed.
 */
export function parsePersonalId(id: string): PersonalIdParts | Text {
  if (!/^\d{12}$/.test(id)) return text('Số định danh cá nhân phải gồm đúng 12 chữ số', 'The personal ID must be exactly 12 digits');
  const province = id.slice(0, 3);
  const n = Number(province);
  if (n < 1 || n > 96) return text(`Mã tỉnh nơi đăng ký khai sinh ${province} phải từ 001 đến 096`, `Province code ${province} must be between 001 and 096`);
  if (!idProvinceCodes.has(province))
    return text(`${province} không phải là mã tỉnh nơi đăng ký khai sinh`, `${province} is not a province-of-registration code`);
  const d = Number(id[3]);
  if (d > 5) return text(`Chữ số thứ 4 (thế kỷ và giới tính) là ${d}, chỉ được từ 0 đến 5`, `Digit 4 (century and sex) is ${d}; it must be 0 to 5`);
  const century = 1900 + 100 * Math.floor(d / 2);
  return { province, century, sex: d % 2 === 0 ? 'M' : 'F', yearOfBirth: century + Number(id.slice(4, 6)) };
}

/** Problems of a personal ID against the person's date of birth and sex (empty when consistent). */
export function checkPersonalId(id: string, dateOfBirth: string, sex: Sex): Text[] {
  const p = parsePersonalId(id);
  if (!('province' in p)) return [p];
  const out: Text[] = [];
  const year = Number(dateOfBirth.slice(0, 4));
  if (p.yearOfBirth !== year) {
    out.push(
      text(
        `Số định danh ghi năm sinh ${p.yearOfBirth}, không khớp ngày sinh (${year})`,
        `The personal ID says born ${p.yearOfBirth}, the date of birth says ${year}`,
      ),
    );
  }
  if (p.sex !== sex) {
    out.push(
      text(
        `Số định danh ghi giới tính ${p.sex === 'M' ? 'nam' : 'nữ'}, không khớp giới tính đã khai`,
        `The personal ID says ${p.sex === 'M' ? 'male' : 'female'}, which does not match the sex given`,
      ),
    );
  }
  return out;
}

// ---- ages (months: src/kernel/month.ts) -------------------------------------------------------------------

/** Completed years of age on an ISO date. */
export function ageOn(dateOfBirth: string, isoDate: string): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [Y, M, D] = isoDate.split('-').map(Number) as [number, number, number];
  return Y - y - (M < m || (M === m && D < d) ? 1 : 0);
}

/** The date a person reaches an age (29 February births reach it on 1 March in other years). */
export function birthdayAt(dateOfBirth: string, age: number): string {
  const y = Number(dateOfBirth.slice(0, 4)) + age;
  let md = dateOfBirth.slice(5);
  if (md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) md = '03-01';
  return `${y}-${md}`;
}

// ---- vocabularies ----------------------------------------------------------------------

export const relations = {
  head: text('Chủ hộ', 'Head of household'),
  spouse: text('Vợ/chồng', 'Spouse'),
  child: text('Con', 'Child'),
  parent: text('Bố/mẹ', 'Parent'),
  grandchild: text('Cháu', 'Grandchild'),
  grandparent: text('Ông/bà', 'Grandparent'),
  sibling: text('Anh/chị/em', 'Sibling'),
  other: text('Khác', 'Other'),
} as const satisfies Record<string, Text>;
export type Relation = keyof typeof relations;

export const disabilityDegrees = {
  none: text('Không', 'None'),
  mild: text('Khuyết tật nhẹ', 'Mild disability'),
  severe: text('Khuyết tật nặng', 'Severe disability'),
  especially_severe: text('Khuyết tật đặc biệt nặng', 'Especially severe disability'),
} as const satisfies Record<string, Text>;
export type Disability = keyof typeof disabilityDegrees;

export const schoolingLevels = {
  none: text('Không đi học', 'Not in school'),
  preschool: text('Mầm non, mẫu giáo', 'Preschool'),
  primary: text('Tiểu học', 'Primary'),
  lower_secondary: text('Trung học cơ sở', 'Lower secondary'),
  upper_secondary: text('Trung học phổ thông', 'Upper secondary'),
  vocational: text('Giáo dục nghề nghiệp', 'Vocational'),
  higher: text('Cao đẳng, đại học', 'Higher education'),
} as const satisfies Record<string, Text>;
export type Schooling = keyof typeof schoolingLevels;

export const socialInsuranceKinds = {
  none: text('Không tham gia', 'None'),
  compulsory: text('BHXH bắt buộc', 'Compulsory social insurance'),
  voluntary: text('BHXH tự nguyện', 'Voluntary social insurance'),
} as const satisfies Record<string, Text>;
export type SocialInsurance = keyof typeof socialInsuranceKinds;

/** Facts behind the categories of Decree 20/2021 Art. 5 that the registry cannot derive. */
export const personConditions = {
  no_support: text('Không có nguồn nuôi dưỡng / không có người có nghĩa vụ phụng dưỡng', 'No source of support / no one obliged to support'),
  hiv: text('Nhiễm HIV/AIDS', 'Living with HIV'),
  single_parent: text('Đơn thân đang nuôi con', 'Single parent raising a child'),
  community_care: text('Được nhận chăm sóc tại cộng đồng', 'Cared for in the community'),
  no_stable_income: text('Không có thu nhập ổn định', 'No stable income'),
} as const satisfies Record<string, Text>;
export type PersonCondition = keyof typeof personConditions;

/** Deprivation indicator keys are the law's (src/law/parameters.ts): one place for each fact. */
export { ALL_INDICATOR_KEYS as deprivationKeys, deprivationIndicators } from '../law/parameters.ts';

export { cashlessChannels, paymentChannels, type PaymentChannel } from './channels.ts';

// ---- records ---------------------------------------------------------------------------

export interface PersonInput {
  readonly personalId: string | null;
  readonly socialInsuranceNo?: string | null;
  readonly fullName: string;
  readonly dateOfBirth: string;
  readonly sex: Sex;
  readonly ethnicCode: string;
  readonly relation: Relation;
  readonly disability: Disability;
  readonly disabilityCertifiedOn?: string | null;
  readonly pension: boolean;
  readonly socialInsurance: SocialInsurance;
  readonly healthInsurance: boolean;
  readonly schooling: Schooling;
  readonly conditions: readonly PersonCondition[];
  readonly merit: boolean;
  readonly deathDate?: string | null;
}

export interface HouseholdInput {
  readonly code: string;
  readonly villageId: number | null;
  readonly address: string;
  readonly area: 'urban' | 'rural';
  readonly incomePerMonth: number | null;
  /** Indicator key → deprived? (a missing key was not surveyed) */
  readonly deprivations: Readonly<Record<string, boolean>>;
  readonly disadvantagedArea: boolean;
  readonly merit: boolean;
}

/** "Lò Thị Mai" → "lo thi mai": the accent-insensitive key of a name. */
export function foldName(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every problem of a person record, with the field it concerns ('' prefix for a path). */
export function validatePerson(p: PersonInput, today: string, prefix = ''): FieldError[] {
  const e: FieldError[] = [];
  const at = (f: string, m: Text) => e.push({ path: `${prefix}/${f}`, message: m });
  if (p.fullName.trim().length < 2) at('fullName', text('Họ và tên không được để trống', 'The full name is required'));
  const dobOk = isIsoDate(p.dateOfBirth);
  if (!dobOk) at('dateOfBirth', text('Ngày sinh không hợp lệ (dd/mm/yyyy)', 'Invalid date of birth'));
  else if (p.dateOfBirth > today) at('dateOfBirth', text('Ngày sinh ở tương lai', 'The date of birth is in the future'));
  else if (ageOn(p.dateOfBirth, today) > 125) at('dateOfBirth', text('Ngày sinh quá xa (trên 125 tuổi)', 'Date of birth more than 125 years ago'));
  if (!ethnicGroupByCode(p.ethnicCode)) at('ethnicCode', text('Dân tộc không có trong danh mục 54 dân tộc', 'Not one of the 54 ethnic groups'));
  if (p.personalId) {
    if (dobOk) for (const m of checkPersonalId(p.personalId, p.dateOfBirth, p.sex)) at('personalId', m);
    else {
      const r = parsePersonalId(p.personalId);
      if (!('province' in r)) at('personalId', r);
    }
  }
  if (p.deathDate) {
    if (!isIsoDate(p.deathDate)) at('deathDate', text('Ngày mất không hợp lệ', 'Invalid date of death'));
    else if (dobOk && p.deathDate < p.dateOfBirth) at('deathDate', text('Ngày mất trước ngày sinh', 'The date of death is before the date of birth'));
    else if (p.deathDate > today) at('deathDate', text('Ngày mất ở tương lai', 'The date of death is in the future'));
  }
  if (p.disability !== 'none' && p.disability !== 'mild' && p.disabilityCertifiedOn && !isIsoDate(p.disabilityCertifiedOn)) {
    at('disabilityCertifiedOn', text('Ngày cấp giấy xác nhận khuyết tật không hợp lệ', 'Invalid disability certificate date'));
  }
  if (p.socialInsuranceNo && !/^\d{10}$/.test(p.socialInsuranceNo))
    at('socialInsuranceNo', text('Mã số BHXH gồm 10 chữ số', 'The social insurance number has 10 digits'));
  return e;
}

export function validateHousehold(h: HouseholdInput, prefix = ''): FieldError[] {
  const e: FieldError[] = [];
  if (!/^[A-Za-z0-9._-]{1,30}$/.test(h.code))
    e.push({
      path: `${prefix}/code`,
      message: text('Mã hộ chỉ gồm chữ, số, dấu chấm, gạch (tối đa 30 ký tự)', 'The household code has letters, digits, dots or dashes (at most 30)'),
    });
  if (h.incomePerMonth !== null && (!Number.isInteger(h.incomePerMonth) || h.incomePerMonth < 0 || h.incomePerMonth > 1_000_000_000)) {
    e.push({
      path: `${prefix}/incomePerMonth`,
      message: text('Thu nhập bình quân phải là số nguyên đồng, không âm', 'Income must be a non-negative whole number of VND'),
    });
  }
  return e;
}

/** Problems of a household's members taken together: exactly one head, one living head. */
export function validateMembers(members: readonly Pick<PersonInput, 'relation' | 'deathDate'>[], prefix = ''): FieldError[] {
  const heads = members.filter((m) => m.relation === 'head');
  if (heads.length === 1) return [];
  return [
    {
      path: `${prefix}/members`,
      message:
        heads.length === 0
          ? text('Hộ chưa có chủ hộ', 'The household has no head')
          : text(`Hộ có ${heads.length} chủ hộ`, `The household has ${heads.length} heads`),
    },
  ];
}

/** The fields that change between two versions of a record (for the history view and audit). */
export function changedFields<T extends object>(before: T, after: T): (keyof T)[] {
  return (Object.keys(after) as (keyof T)[]).filter((k) => canonical(before[k]) !== canonical(after[k]));
}

/** JSON with object keys sorted (jsonb does not keep key order). */
function canonical(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object')
    return `{${Object.keys(v as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}
