// Demo monitoring data: Lai Châu's communes with approved 2021–2025 values for every indicator
// the plans of Lai Châu and its communes target (deterministic synthetic numbers, around the
// plans' baselines and moving toward their targets at different paces, so that the dashboard
// shows every status); 2026, the year being reported, with about half the communes approved and
// a fifth awaiting review; and Thu Lũm's 2026 report as a draft, half filled in.
// For the demo, years before the July 2025 reform are recorded on today's communes.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { disaggregationOptions, factorFor, usesRatio, type IndicatorDef } from './model.ts';
import { findUnit, indicatorDefs, rebuildAggregates, type IndicatorInfo } from './store.ts';
import { targetsFor } from '../plans/targets.ts';
import type { FormValue } from './validation.ts';

export const DEMO_PROVINCE = '12';
export const DEMO_COMMUNE = '03439';
export const DEMO_YEARS = [2021, 2022, 2023, 2024, 2025];

/** A deterministic number in [0, 1) from a string (FNV-1a). */
export function unitHash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) / 4294967296;
}

export interface DemoTarget {
  readonly comparator: string;
  readonly value: number;
  readonly baselineValue: number | null;
}

/**
 * One commune's synthetic value of an indicator in a year. Rates start near the baseline (or a
 * few points short of the target) and move toward the target at a pace that differs by commune;
 * counts are small yearly numbers; averages grow slowly; levels hold.
 */
export function demoValue(ind: IndicatorDef, t: DemoTarget, commune: string, year: number): FormValue[] {
  const h = unitHash(`${commune}|${ind.code}`);
  const h2 = unitHash(`${ind.code}|${commune}|pace`);
  const k = year - DEMO_YEARS[0]!;
  const higher = ind.direction !== 'lower_better';
  const out: FormValue[] = [];
  if (usesRatio(ind)) {
    const pop = 3000 + Math.floor(unitHash(`${commune}|pop`) * 12000);
    const households = Math.round(pop / 4.6);
    const den = /hộ/i.test(ind.population ?? '') || /household/.test(ind.code) ? households : pop;
    const factor = factorFor(ind);
    const targetShare = t.value / factor;
    const gap = (higher ? -1 : 1) * (0.04 + 0.12 * h) * (factor === 100 ? 1 : targetShare);
    const start = t.baselineValue !== null ? t.baselineValue / factor + (h - 0.5) * 0.06 : targetShare + gap;
    const pace = (higher ? 1 : -1) * (0.002 + 0.02 * h2) * (factor === 100 ? 1 : targetShare);
    const share = Math.min(factor === 100 ? 1 : Infinity, Math.max(0, start + pace * k));
    const num = Math.min(den, Math.round(den * share));
    out.push({ indicatorCode: ind.code, disaggregation: '', numerator: num, denominator: den });
    for (const dim of ind.disaggregations) {
      const opts = disaggregationOptions[dim] ?? [];
      if (opts.length !== 2) continue;
      const split = dim === 'ethnicity' ? 0.85 : 0.5; // Lai Châu: mostly ethnic-minority communes
      const d0 = Math.round(den * split);
      const n0 = Math.min(d0, Math.round(num * split));
      out.push({ indicatorCode: ind.code, disaggregation: `${dim}=${opts[0]!.code}`, numerator: n0, denominator: d0 });
      out.push({ indicatorCode: ind.code, disaggregation: `${dim}=${opts[1]!.code}`, numerator: num - n0, denominator: den - d0 });
    }
    return out;
  }
  if (ind.aggregation === 'sum') {
    out.push({ indicatorCode: ind.code, disaggregation: '', value: Math.round(2 + 10 * h + 3 * h2 * k) });
    return out;
  }
  if (ind.aggregation === 'weighted_mean') {
    const pop = 3000 + Math.floor(unitHash(`${commune}|pop`) * 12000);
    out.push({ indicatorCode: ind.code, disaggregation: '', value: Math.round((t.value * (0.75 + 0.1 * h) + 0.3 * h2 * k) * 100) / 100, denominator: pop });
    return out;
  }
  out.push({ indicatorCode: ind.code, disaggregation: '', value: Math.max(1, Math.round(t.value - (h < 0.3 ? 1 : 0))) });
  return out;
}

/**
 * When the plans are not loaded, the targets of the Lai Châu action programme (CTr 53-CTr/TU,
 * section II) that communes report, so that the values still sit around meaningful levels.
 */
const FALLBACK: readonly { indicatorCode: string; comparator: string; value: number; baselineValue: number | null }[] = [
  { indicatorCode: 'health_insurance_coverage', comparator: '>', value: 96, baselineValue: null },
  { indicatorCode: 'immunization_rate', comparator: '=', value: 94, baselineValue: null },
  { indicatorCode: 'stunting_under5_rate', comparator: '<', value: 18, baselineValue: null },
  { indicatorCode: 'household_latrine_rate', comparator: '>', value: 70, baselineValue: null },
  { indicatorCode: 'preschool_enrolment_rate', comparator: '=', value: 99.9, baselineValue: null },
  { indicatorCode: 'social_insurance_coverage', comparator: '=', value: 25, baselineValue: null },
  { indicatorCode: 'poor_household_rate', comparator: '<', value: 10, baselineValue: null },
];

export async function seedMonitoringDemo(db: Db, log: (line: string) => void): Promise<void> {
  const k = db.k;
  const done = await sql<{ n: number }>`select count(*)::int as n from monitoring_values`.execute(k);
  if (done.rows[0]!.n > 0) return;
  const province = await findUnit(db.k, DEMO_PROVINCE);
  if (!province) {
    log('theo dõi: chưa có tỉnh Lai Châu (12), bỏ qua dữ liệu mẫu');
    return;
  }
  const communes = (
    await sql<{
      id: number;
      code: string;
    }>`select id, code from units where parent_id = ${province.id} and level = 'commune' and valid_to is null order by code`.execute(k)
  ).rows;
  // Targets of the province's plans and of each commune's own plans.
  const planned = await targetsFor(db.k, province);
  const provinceTargets = planned.length ? planned : FALLBACK;
  const defs = await indicatorDefs(db.k);
  const reported = (ind: IndicatorInfo | undefined): ind is IndicatorInfo => !!ind && ind.source !== 'survey' && ind.aggregation !== 'none';
  let n = 0;
  for (const c of communes) {
    const unit = (await findUnit(db.k, c.code))!;
    const targets = [...(await targetsFor(db.k, unit)), ...provinceTargets];
    const seen = new Set<string>();
    // 2026, the year being reported (due before 01/12/2026): about half the communes approved,
    // a fifth submitted and awaiting review, the rest not in yet (Thu Lũm: a draft, below).
    const h2026 = unitHash(`${c.code}|2026`);
    const status2026 = c.code === DEMO_COMMUNE ? null : h2026 < 0.55 ? 'approved' : h2026 < 0.75 ? 'submitted' : null;
    for (const year of status2026 ? [...DEMO_YEARS, 2026] : DEMO_YEARS) {
      const rows: FormValue[] = [];
      seen.clear();
      for (const t of targets) {
        const ind = defs.get(t.indicatorCode);
        if (!reported(ind) || seen.has(ind.code)) continue;
        seen.add(ind.code);
        rows.push(...demoValue(ind, t, c.code, year));
      }
      if (rows.length === 0) continue;
      if (year === 2026) {
        await sql`insert into monitoring_submissions (unit_id, period, status, submitted_at, decided_at)
          values (${c.id}, '2026', ${status2026}, ${`2026-11-${String(5 + Math.floor(h2026 * 20)).padStart(2, '0')}`}::date, ${status2026 === 'approved' ? '2026-11-22' : null}::date)`.execute(
          k,
        );
      } else {
        await sql`insert into monitoring_submissions (unit_id, period, status, submitted_at, decided_at)
          values (${c.id}, ${String(year)}, 'approved', ${`${year}-11-${10 + Math.floor(unitHash(c.code + year) * 20)}`}::date, ${`${year}-12-10`}::date)`.execute(
          k,
        );
      }
      await sql`insert into monitoring_values (unit_id, indicator_code, period, disaggregation, numerator, denominator, value) values
        ${sql.join(rows.map((v) => sql`(${c.id}, ${v.indicatorCode}, ${String(year)}, ${v.disaggregation}, ${v.numerator ?? null}, ${v.denominator ?? null}, ${v.value ?? null})`))}`.execute(
        k,
      );
      n += rows.length;
    }
  }
  // Thu Lũm's 2026 report: a draft with the first half of its indicators filled in.
  const thuLum = await findUnit(db.k, DEMO_COMMUNE);
  if (thuLum) {
    const targets = [...(await targetsFor(db.k, thuLum)), ...provinceTargets];
    // Registry-sourced indicators are left to the commune's registry (filled in on the form).
    const codes = [...new Set(targets.map((t) => t.indicatorCode))].filter((c) => reported(defs.get(c)) && defs.get(c)!.source !== 'registry');
    await sql`insert into monitoring_submissions (unit_id, period, status) values (${thuLum.id}, '2026', 'draft') on conflict do nothing`.execute(k);
    for (const code of codes.slice(0, Math.ceil(codes.length / 2))) {
      const t = targets.find((x) => x.indicatorCode === code)!;
      for (const v of demoValue(defs.get(code)!, t, thuLum.code, 2026).filter((x) => x.disaggregation === '')) {
        await sql`insert into monitoring_values (unit_id, indicator_code, period, disaggregation, numerator, denominator, value)
          values (${thuLum.id}, ${code}, '2026', '', ${v.numerator ?? null}, ${v.denominator ?? null}, ${v.value ?? null})`.execute(k);
      }
    }
  }
  const rows = await rebuildAggregates(db.k);
  log(`theo dõi: ${n} số liệu mẫu của ${communes.length} xã Lai Châu (2021–2026), ${rows} dòng tổng hợp; báo cáo 2026 của xã Thu Lũm đang nhập`);
}
