// A deterministic synthetic registry (never real people): households and persons with a
// realistic age structure, the ethnic mix of the Lai Châu highlands (Hà Nhì, Dao, Lự, Thái,
// Mông...), personal IDs consistent with date of birth and sex, and incomes and deprivations
// that give a poverty rate near 30%. Used by the demo (Xã Thu Lũm) and the benchmark (1,000,000
// persons), and written with set-based inserts (bulkInsertRegistry).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { deprivationIndicators } from '../law/parameters.ts';
import { foldName } from './model.ts';
import type { Executor as Q } from '../db/executor.ts';

/** mulberry32: a small seeded generator, so that the same seed gives the same registry. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ethnicMix: [string, number][] = [
  ['35', 0.42],
  ['09', 0.2],
  ['42', 0.1],
  ['03', 0.1],
  ['08', 0.08],
  ['01', 0.06],
  ['25', 0.04],
];
const names: Record<string, { family: string[]; male: string[]; female: string[]; mid: [string, string] }> = {
  '35': {
    family: ['Lý', 'Chu', 'Pờ', 'Phu', 'Lò', 'Sần', 'Chang'],
    male: ['Xá', 'Pà', 'Gá', 'Chừ', 'Sừ', 'Gờ', 'Lù'],
    female: ['Mé', 'Xé', 'Pà', 'Mó', 'Chừ', 'Gó', 'Xu'],
    mid: ['A', 'Mó'],
  },
  '09': {
    family: ['Tẩn', 'Đặng', 'Triệu', 'Phàn', 'Lý', 'Chảo'],
    male: ['Láo', 'Sử', 'Phin', 'Chòi', 'Quẩy', 'Kiềm'],
    female: ['Mẩy', 'Xuân', 'Lở', 'Sì', 'Chản', 'Mùi'],
    mid: ['Láo', 'Mẩy'],
  },
  '42': {
    family: ['Lò', 'Tao', 'Vàng', 'Lường'],
    male: ['Văn Khăm', 'Văn Pọm', 'Văn Ún', 'Văn Hom'],
    female: ['Thị Ín', 'Thị Ón', 'Thị Xiêng', 'Thị Phăn'],
    mid: ['', ''],
  },
  '03': {
    family: ['Lò', 'Lường', 'Cầm', 'Điêu', 'Hoàng'],
    male: ['Văn Khằm', 'Văn Thanh', 'Văn Bun', 'Văn Hùng'],
    female: ['Thị Ún', 'Thị Mai', 'Thị Hương', 'Thị Pánh'],
    mid: ['', ''],
  },
  '08': {
    family: ['Vàng', 'Giàng', 'Sùng', 'Thào', 'Mùa'],
    male: ['A Páo', 'A Dế', 'A Sính', 'A Tủa'],
    female: ['Thị Mỷ', 'Thị Chở', 'Thị Dợ', 'Thị Say'],
    mid: ['', ''],
  },
  '01': {
    family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ'],
    male: ['Văn Nam', 'Văn Hùng', 'Đức Anh', 'Quốc Huy'],
    female: ['Thị Mai', 'Thị Hoa', 'Thu Trang', 'Thị Lan'],
    mid: ['', ''],
  },
  '25': { family: ['Sìn', 'Hoàng', 'Lù'], male: ['Văn Sang', 'Văn Chiến'], female: ['Thị Lìu', 'Thị Sen'], mid: ['', ''] },
};

export interface SynthHousehold {
  code: string;
  unitId: number;
  provinceCode: string;
  villageId: number | null;
  area: 'rural' | 'urban';
  income: number;
  deprivations: Record<string, boolean>;
  disadvantaged: boolean;
  merit: boolean;
}

export interface SynthPerson {
  hh: number;
  personalId: string;
  fullName: string;
  dob: string;
  sex: 'M' | 'F';
  ethnic: string;
  relation: string;
  disability: string;
  disabilityCertifiedOn: string | null;
  pension: boolean;
  healthInsurance: boolean;
  schooling: string;
  conditions: string[];
  merit: boolean;
}

export interface SynthUnit {
  readonly unitId: number;
  readonly provinceCode: string;
  readonly villageIds: readonly number[];
  readonly codePrefix: string;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * Generates `households` households spread over `units`, as of `asOf` (ISO date). Personal IDs
 * use registration code `idProvince` and a running serial, so they are unique within a run.
 */
export function generateRegistry(seed: number, households: number, units: readonly SynthUnit[], asOf = '2026-11-01', idProvince = '012') {
  const r = rng(seed);
  const pickW = (xs: [string, number][]) => {
    let x = r();
    for (const [v, w] of xs) {
      if ((x -= w) < 0) return v;
    }
    return xs[0]![0];
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const year = Number(asOf.slice(0, 4));
  const keys = deprivationIndicators('2022-2026').map((d) => d.key);
  const hs: SynthHousehold[] = [];
  const ps: SynthPerson[] = [];
  let serial = 0;
  const person = (hh: number, ethnic: string, age: number, sex: 'M' | 'F', relation: string, family: string): SynthPerson => {
    const y = year - age;
    const dob = `${y}-${pad(1 + Math.floor(r() * 12), 2)}-${pad(1 + Math.floor(r() * 28), 2)}`;
    const nm = names[ethnic] ?? names['01']!;
    const given = sex === 'M' ? pick(nm.male) : pick(nm.female);
    const mid = sex === 'M' ? nm.mid[0] : nm.mid[1];
    const fullName = [family, mid, given].filter(Boolean).join(' ');
    const centuryDigit = (y >= 2000 ? 2 : 0) + (sex === 'F' ? 1 : 0);
    const personalId = `${idProvince}${centuryDigit}${pad(y % 100, 2)}${pad(++serial % 1_000_000, 6)}`;
    const d = r();
    const disability = d < 0.01 ? 'especially_severe' : d < 0.035 ? 'severe' : d < 0.06 ? 'mild' : 'none';
    const schooling =
      age < 3
        ? 'none'
        : age < 6
          ? 'preschool'
          : age < 11
            ? 'primary'
            : age < 15
              ? 'lower_secondary'
              : age < 18
                ? r() < 0.7
                  ? 'upper_secondary'
                  : 'none'
                : 'none';
    const conditions: string[] = [];
    if (age < 16 && r() < 0.004) conditions.push('no_support');
    if (age >= 60 && r() < 0.03) conditions.push('no_support');
    return {
      hh,
      personalId,
      fullName,
      dob,
      sex,
      ethnic,
      relation,
      disability,
      disabilityCertifiedOn: disability === 'severe' || disability === 'especially_severe' ? `${Math.max(y + 1, 2018)}-03-15` : null,
      pension: age >= 60 && r() < 0.06,
      healthInsurance: r() < 0.93,
      schooling,
      conditions,
      merit: age >= 70 && r() < 0.02,
    };
  };
  for (let i = 0; i < households; i++) {
    const u = units[i % units.length]!;
    const ethnic = pickW(ethnicMix);
    const nm = names[ethnic] ?? names['01']!;
    const family = pick(nm.family);
    const poorish = r() < 0.36;
    const income = poorish ? 600_000 + Math.round(r() * 9) * 100_000 : 1_600_000 + Math.round(r() * 44) * 100_000;
    const nDep = poorish ? (r() < 0.85 ? 3 + Math.floor(r() * 4) : Math.floor(r() * 3)) : Math.floor(r() * 3);
    const dep = new Set<string>();
    while (dep.size < nDep) dep.add(pick(keys));
    const hIndex = hs.length;
    hs.push({
      code: `${u.codePrefix}${pad(Math.floor(i / units.length) + 1, 5)}`,
      unitId: u.unitId,
      provinceCode: u.provinceCode,
      villageId: u.villageIds.length ? pick(u.villageIds) : null,
      area: 'rural',
      income,
      deprivations: Object.fromEntries(keys.map((k) => [k, dep.has(k)])),
      disadvantaged: true,
      merit: false,
    });
    const headAge = 22 + Math.floor(r() * 55);
    const headSex: 'M' | 'F' = r() < 0.85 ? 'M' : 'F';
    const members: SynthPerson[] = [person(hIndex, ethnic, headAge, headSex, 'head', family)];
    if (r() < 0.8)
      members.push(
        person(
          hIndex,
          ethnic,
          Math.max(18, headAge - 3 + Math.floor(r() * 6)),
          headSex === 'M' ? 'F' : 'M',
          'spouse',
          headSex === 'M' ? pick(nm.family) : family,
        ),
      );
    else if (r() < 0.3) members[0]!.conditions.push('single_parent');
    const kids = headAge < 60 ? Math.floor(r() * 5.6) : 0;
    for (let k = 0; k < kids; k++)
      members.push(person(hIndex, ethnic, Math.max(0, Math.min(headAge - 18, Math.floor(r() * (headAge - 17)))), r() < 0.5 ? 'M' : 'F', 'child', family));
    if (headAge < 55 && r() < 0.45) members.push(person(hIndex, ethnic, 68 + Math.floor(r() * 24), r() < 0.5 ? 'M' : 'F', 'parent', family));
    if (members.some((m) => m.merit)) hs[hIndex]!.merit = true;
    ps.push(...members);
  }
  return { households: hs, persons: ps };
}

const lit = (xs: readonly (string | number | boolean | null)[]) =>
  `{${xs.map((x) => (x === null ? 'NULL' : `"${String(x).replace(/["\\]/g, '')}"`)).join(',')}}`;

/**
 * Inserts generated households and persons with their version 1 in set-based statements
 * (chunks of `chunk` households). Returns the household ids in input order.
 */
export async function bulkInsertRegistry(
  q: Q,
  data: ReturnType<typeof generateRegistry>,
  meta: { by: string; reason: string },
  chunk = 10_000,
): Promise<number[]> {
  const ids: number[] = [];
  const keys = Object.keys(data.households[0]?.deprivations ?? {});
  const byHh = new Map<number, SynthPerson[]>();
  for (const p of data.persons) (byHh.get(p.hh) ?? byHh.set(p.hh, []).get(p.hh)!).push(p);
  for (let i = 0; i < data.households.length; i += chunk) {
    const hs = data.households.slice(i, i + chunk);
    const r = await sql<{
      id: number;
    }>`insert into households (province_code, unit_id, code, village_id, address, area, income_per_month, deprivations, disadvantaged_area, merit)
      select x.p, x.u, x.c, x.v, '', x.a, x.i,
        (select jsonb_object_agg(k, (x.d >> (j - 1)::int) & 1 = 1) from unnest(${lit(keys)}::text[]) with ordinality as t(k, j)), x.dis, x.m
      from unnest(${lit(hs.map((h) => h.provinceCode))}::text[], ${lit(hs.map((h) => h.unitId))}::int[], ${lit(hs.map((h) => h.code))}::text[], ${lit(hs.map((h) => h.villageId))}::int[],
        ${lit(hs.map((h) => h.area))}::text[], ${lit(hs.map((h) => h.income))}::int[], ${lit(hs.map((h) => keys.reduce((bits, k, j) => bits | (h.deprivations[k] ? 1 << j : 0), 0)))}::int[],
        ${lit(hs.map((h) => h.disadvantaged))}::boolean[], ${lit(hs.map((h) => h.merit))}::boolean[]) with ordinality as x(p, u, c, v, a, i, d, dis, m, n)
      order by x.n returning id`.execute(q);
    const hids = r.rows.map((x) => x.id);
    ids.push(...hids);
    const ps = hs.flatMap((_, j) => (byHh.get(i + j) ?? []).map((p) => ({ ...p, hid: hids[j]!, h: hs[j]! })));
    const pr = await sql<{
      id: number;
    }>`insert into persons (province_code, unit_id, household_id, personal_id, full_name, name_folded, date_of_birth, sex, ethnic_code, relation, disability,
        disability_certified_on, pension, health_insurance, schooling, conditions, merit)
      select x.pc, x.u, x.h, x.pid, x.fn, x.nf, x.dob::date, x.sex, x.eth, x.rel, x.dis, x.cert::date, x.pen, x.hi, x.sch, coalesce(string_to_array(nullif(x.cond, ''), '|'), '{}'), x.mer
      from unnest(${lit(ps.map((p) => p.h.provinceCode))}::text[], ${lit(ps.map((p) => p.h.unitId))}::int[], ${lit(ps.map((p) => p.hid))}::int[], ${lit(ps.map((p) => p.personalId))}::text[],
        ${lit(ps.map((p) => p.fullName))}::text[], ${lit(ps.map((p) => foldName(p.fullName)))}::text[], ${lit(ps.map((p) => p.dob))}::text[], ${lit(ps.map((p) => p.sex))}::text[],
        ${lit(ps.map((p) => p.ethnic))}::text[], ${lit(ps.map((p) => p.relation))}::text[], ${lit(ps.map((p) => p.disability))}::text[], ${lit(ps.map((p) => p.disabilityCertifiedOn))}::text[],
        ${lit(ps.map((p) => p.pension))}::boolean[], ${lit(ps.map((p) => p.healthInsurance))}::boolean[], ${lit(ps.map((p) => p.schooling))}::text[], ${lit(ps.map((p) => p.conditions.join('|')))}::text[],
        ${lit(ps.map((p) => p.merit))}::boolean[]) with ordinality as x(pc, u, h, pid, fn, nf, dob, sex, eth, rel, dis, cert, pen, hi, sch, cond, mer, n)
      order by x.n returning id`.execute(q);
    const pids = pr.rows.map((x) => x.id);
    await sql`update households h set head_person_id = p.id from persons p where p.household_id = h.id and p.relation = 'head' and h.id = any(${lit(hids)}::int[])`.execute(
      q,
    );
    await sql`insert into person_versions (person_id, version, province_code, unit_id, household_id, personal_id, social_insurance_no, full_name, date_of_birth, sex, ethnic_code,
        relation, disability, disability_certified_on, pension, social_insurance, health_insurance, schooling, conditions, merit, death_date, recorded_by, reason)
      select id, version, province_code, unit_id, household_id, personal_id, social_insurance_no, full_name, date_of_birth, sex, ethnic_code, relation, disability, disability_certified_on,
        pension, social_insurance, health_insurance, schooling, conditions, merit, death_date, ${meta.by}, ${meta.reason} from persons where id = any(${lit(pids)}::int[])`.execute(
      q,
    );
    await sql`insert into household_versions (household_id, version, province_code, unit_id, code, village_id, address, area, head_person_id, income_per_month, deprivations, disadvantaged_area, merit, recorded_by, reason)
      select id, version, province_code, unit_id, code, village_id, address, area, head_person_id, income_per_month, deprivations, disadvantaged_area, merit, ${meta.by}, ${meta.reason}
      from households where id = any(${lit(hids)}::int[])`.execute(q);
  }
  return ids;
}
