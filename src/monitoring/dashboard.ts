// Dashboard reads: a unit's targets as a traffic-light table with the status rule, one
// indicator's history with its projection and target, child units compared (ranked), and the
// country total (aggregated from the provinces' aggregates by the same rules).
import { sql } from 'kysely';
import type { Locale } from '../kernel/i18n.ts';
import { derivedValue } from './model.ts';
import { isPerYear } from '../indicators/vocabulary.ts';
import { assessProgress, meetsTarget, statusLabels, leastSquaresSlope, type Progress, type Status } from './progress.ts';
import { indicatorDefs, yearlySeries, type IndicatorInfo, type Q, type UnitRef } from './store.ts';
import type { Comparator } from '../indicators/vocabulary.ts';
import type { Direction } from './model.ts';
import { targetsFor, type TargetRow } from '../plans/targets.ts';
import { chartDescription, chartTable, type ChartInput } from './chart.ts';
import { viOrder } from '../db/collation.ts';

export interface DashboardRow extends Omit<Progress, 'rule' | 'projection'> {
  readonly target: Progress['target'];
  readonly targetId: number;
  readonly planNumber: string | null;
  readonly inherited: boolean;
  readonly indicator: { code: string; name: string; unit: string; direction: string };
  readonly statusLabel: string;
  readonly rule: string;
  /** Where the baseline comes from: the plan's năm gốc, else the first value reported. */
  readonly baselineSource: 'plan' | 'reported' | null;
}

function pick(ind: IndicatorInfo, locale: Locale) {
  return { code: ind.code, name: ind.name[locale], unit: ind.unit, direction: ind.direction };
}

/** Each target of the unit with its progress as of `year` (values up to that year). */
export async function dashboard(
  q: Q,
  unit: UnitRef,
  year: number,
  locale: Locale,
): Promise<{ unit: { code: string; name: string; level: string }; year: number; rows: DashboardRow[]; counts: Record<Status, number> }> {
  const targets = await targetsFor(q, unit);
  const codes = [...new Set(targets.map((t) => t.indicatorCode))];
  const defs = await indicatorDefs(q, codes);
  const series = await yearlySeries(q, unit.id, codes, year);
  const rows: DashboardRow[] = [];
  for (const t of targets) {
    const ind = defs.get(t.indicatorCode);
    if (!ind) continue;
    const p = assessProgress({ ...t, unit: ind.unit, perYear: isPerYear(t.unit) }, ind.direction, series.get(t.indicatorCode) ?? []);
    const { projection: _p, rule, ...rest } = p;
    const first = (series.get(t.indicatorCode) ?? [])[0];
    const baseline = p.baseline ?? (first ? { year: first.year, value: first.value } : null);
    rows.push({
      ...rest,
      baseline,
      baselineSource: p.baseline ? 'plan' : baseline ? 'reported' : null,
      targetId: t.id,
      planNumber: t.planNumber,
      inherited: t.inherited,
      indicator: pick(ind, locale),
      statusLabel: statusLabels[p.status][locale],
      rule: rule[locale],
    });
  }
  const order: Status[] = ['off_track', 'at_risk', 'no_data', 'on_track', 'achieved'];
  rows.sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status) || a.indicator.name.localeCompare(b.indicator.name, 'vi'));
  const counts = Object.fromEntries(order.map((s) => [s, rows.filter((r) => r.status === s).length])) as Record<Status, number>;
  return { unit: { code: unit.code, name: unit.name, level: unit.level }, year, rows, counts };
}

/** One indicator at one unit: the yearly history, the target, the progress and its projection line. */
export async function indicatorDetail(q: Q, unit: UnitRef, code: string, year: number, locale: Locale) {
  const defs = await indicatorDefs(q, [code]);
  const ind = defs.get(code);
  if (!ind) return null;
  const history = (await yearlySeries(q, unit.id, [code], year)).get(code) ?? [];
  const target = (await targetsFor(q, unit)).filter((t) => t.indicatorCode === code).sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0] ?? null;
  const progress = target ? assessProgress({ ...target, unit: ind.unit, perYear: isPerYear(target.unit) }, ind.direction, history) : null;
  const chart = chartInputOf({ name: ind.name.vi, unit: ind.unit }, history, progress);
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    indicator: pick(ind, locale),
    history,
    target: target
      ? {
          comparator: target.comparator,
          value: target.value,
          year: target.year,
          planNumber: target.planNumber,
          inherited: target.inherited,
          baselineYear: target.baselineYear,
          baselineValue: target.baselineValue,
        }
      : null,
    progress: progress ? { ...progress, rule: progress.rule[locale], statusLabel: statusLabels[progress.status][locale] } : null,
    // What the chart (chart.svg) draws, as a table and in words: its text alternative.
    chart: { description: chartDescription(chart), table: chartTable(chart), input: chart },
  };
}

/**
 * The chart of an indicator (one spec builder for the web and the annual report): the yearly
 * values, the projection and the target as the progress computes them, and the baseline the
 * plan gives (or, without one, none: the first reported value is already drawn).
 */
export function chartInputOf(ind: { name: string; unit: string }, history: readonly { year: number; value: number }[], p: Progress | null): ChartInput {
  return {
    title: `${ind.name}${ind.unit === '%' ? ' (%)' : ''}`,
    unit: ind.unit,
    history: history.map((h) => ({ year: h.year, value: h.value })),
    projection: p?.projection ?? [],
    target: p?.target ?? null,
    baseline: p?.baseline && !history.some((h) => h.year === p.baseline!.year) ? p.baseline : null,
  };
}

/**
 * The unit's current child units side by side for a year: one column per indicator the unit
 * targets (or the one asked for), each child's value and whether it meets the unit's target;
 * ranked best first on the chosen indicator (the first one when none is given).
 */
export async function childrenCompared(q: Q, unit: UnitRef, year: number, locale: Locale, indicator?: string) {
  const targets = await targetsFor(q, unit);
  const codes = indicator ? [indicator] : [...new Set(targets.map((t) => t.indicatorCode))];
  const defs = await indicatorDefs(q, codes);
  const kids = await sql<{
    id: number;
    code: string;
    name: string;
  }>`select id, code, name from units where parent_id = ${unit.id} and valid_to is null order by ${viOrder('name')}`.execute(q);
  const vals = await sql<{ unit_id: number; code: string; numerator: number | null; denominator: number | null; value: number | null }>`
    select unit_id, indicator_code as code, numerator, denominator, value from monitoring_totals
    where unit_id = any(${kids.rows.map((k) => k.id)}) and indicator_code = any(${codes}) and period = ${String(year)} and disaggregation = ''`.execute(q);
  const byKey = new Map(vals.rows.map((v) => [`${v.unit_id}|${v.code}`, v]));
  const columns = codes
    .filter((c) => defs.has(c))
    .map((c) => {
      const t = targets.find((x) => x.indicatorCode === c) ?? null;
      return { indicator: pick(defs.get(c)!, locale), target: t ? { comparator: t.comparator, value: t.value, year: t.year } : null };
    });
  const rows = kids.rows.map((k) => ({
    code: k.code,
    name: k.name,
    cells: columns.map((col) => {
      const v = byKey.get(`${k.id}|${col.indicator.code}`);
      const ind = defs.get(col.indicator.code)!;
      const value = v ? derivedValue(ind, v) : null;
      const t = targets.find((x) => x.indicatorCode === col.indicator.code);
      return {
        value,
        numerator: v?.numerator ?? null,
        denominator: v?.denominator ?? null,
        meetsTarget: value === null || !t ? null : meetsTarget(value, { ...t, unit: ind.unit, perYear: isPerYear(t.unit) }, ind.direction),
      };
    }),
  }));
  const sortCol = 0;
  const dir = columns[sortCol]?.indicator.direction === 'lower_better' ? 1 : -1;
  rows.sort((a, b) => {
    const x = a.cells[sortCol]?.value ?? null;
    const y = b.cells[sortCol]?.value ?? null;
    if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0);
    return dir * (x - y);
  });
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    year,
    columns,
    rows: rows.map((r, i) => ({ rank: r.cells[sortCol]?.value == null ? null : i + 1, ...r })),
  };
}

/**
 * The country: each indicator's yearly totals, as stored by the roll-up in
 * monitoring_country_aggregates (summed from the current provinces' totals by each indicator's
 * rule: rates from Σ numerators and Σ denominators), with the trend; no national targets.
 */
export async function countryDashboard(q: Q, year: number, locale: Locale) {
  const r = await sql<{ code: string; period: string; numerator: number | null; denominator: number | null; value: number | null }>`
    select indicator_code as code, period, numerator, denominator, value from monitoring_country_aggregates
    where disaggregation = '' and length(period) = 4 and period <= ${String(year)} and value is not null
    order by indicator_code, period`.execute(q);
  const defs = await indicatorDefs(q, [...new Set(r.rows.map((x) => x.code))]);
  const series = new Map<string, { year: number; value: number; numerator: number | null; denominator: number | null }[]>();
  for (const x of r.rows) {
    if (!defs.has(x.code)) continue;
    series.set(x.code, [...(series.get(x.code) ?? []), { year: Number(x.period), value: x.value!, numerator: x.numerator, denominator: x.denominator }]);
  }
  const rows = [...series]
    .map(([code, s]) => {
      s.sort((a, b) => a.year - b.year);
      return { indicator: pick(defs.get(code)!, locale), latest: s.at(-1)!, trendPerYear: leastSquaresSlope(s), history: s };
    })
    .sort((a, b) => a.indicator.code.localeCompare(b.indicator.code));
  return { unit: { code: 'VN', name: locale === 'vi' ? 'Toàn quốc' : 'Viet Nam', level: 'country' }, year, rows };
}

/**
 * The chart of each dashboard row that has data (for the annual report): the unit's yearly
 * totals, the projection line to the target year and the target, as the dashboard computes them.
 */
export async function chartInputs(q: Q, unit: UnitRef, year: number, rows: readonly DashboardRow[]): Promise<Map<number, ChartInput>> {
  const withData = rows.filter((r) => r.latest !== null);
  const series = await yearlySeries(q, unit.id, [...new Set(withData.map((r) => r.indicator.code))], year);
  const out = new Map<number, ChartInput>();
  for (const r of withData) {
    const history = (series.get(r.indicator.code) ?? []).map((h) => ({ year: h.year, value: h.value }));
    const p = assessProgress(
      {
        comparator: r.target.comparator,
        value: r.target.value,
        year: r.target.year,
        baselineYear: r.baseline?.year ?? null,
        baselineValue: r.baseline?.value ?? null,
        unit: r.indicator.unit,
        perYear: r.target.perYear,
      },
      r.indicator.direction as Direction,
      history,
    );
    out.set(r.targetId, chartInputOf(r.indicator, history, p));
  }
  return out;
}
