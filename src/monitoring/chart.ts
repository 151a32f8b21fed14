// Charts of one indicator for documents, drawn on the server without a browser: the reported
// values, the projection to the target year, the target as a line and the baseline (issue 5
// parts 6–7; issue 15 item 4: one tick a year, Vietnamese words, decimal comma). The web shows
// the same picture (GET .../chart.svg) with chartTable() as its table alternative.
// The picture is a Vega-Lite spec (pure, tested as data), rendered to SVG by Vega headless and
// rasterized to PNG by resvg (Word and LibreOffice both show PNG). The same figures go into a
// text alternative, so that a screen reader, and a test, can read what the chart shows.
// Vega, Vega-Lite and resvg are loaded when a chart is drawn, not when the server starts.
import type { TopLevelSpec } from 'vega-lite';
import { formatNumberVi } from '../kernel/i18n.ts';
import { describeComparator } from './progress.ts';
import { unitWords as unitWordsOf, type Comparator } from '../indicators/vocabulary.ts';

export interface ChartInput {
  readonly title: string;
  /** The indicator's unit code ('%', 'households', 'per_10000' ...): the y axis says it in Vietnamese. */
  readonly unit: string;
  readonly history: readonly { year: number; value: number }[];
  readonly projection: readonly { year: number; value: number }[];
  readonly target: { comparator: Comparator; value: number; year: number } | null;
  /** The starting point the plan gives (năm gốc), or the first reported value; drawn as a point. */
  readonly baseline?: { year: number; value: number } | null;
}

export const SERIES = { history: 'Số liệu', projection: 'Dự báo', target: 'Mục tiêu', baseline: 'Năm gốc' } as const;
const FONT = 'DejaVu Sans';

/** A unit of measure in words, for the y axis (the one wording: indicators/vocabulary.ts unitWords, which the web shows too). */
export const unitWords = (unit: string): string => unitWordsOf[unit]?.vi ?? unit;

/** Vietnamese number format for Vega (d3-format locale): decimal comma, dot between thousands. */
export const VI_NUMBER_LOCALE = { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' đ'] as [string, string] };

/** The points drawn: history, projection (from the latest value on), the target line and the baseline. */
export function chartPoints(c: ChartInput): { year: number; value: number; series: string }[] {
  const out: { year: number; value: number; series: string }[] = c.history.map((h) => ({ year: h.year, value: h.value, series: SERIES.history }));
  out.push(...c.projection.map((p) => ({ year: p.year, value: p.value, series: SERIES.projection })));
  if (c.target) {
    const years = [...c.history, ...c.projection, ...(c.baseline ? [c.baseline] : [])].map((x) => x.year);
    const from = Math.min(c.target.year, ...years);
    out.push({ year: from, value: c.target.value, series: SERIES.target }, { year: c.target.year, value: c.target.value, series: SERIES.target });
  }
  if (c.baseline) out.push({ year: c.baseline.year, value: c.baseline.value, series: SERIES.baseline });
  return out;
}

/** Every whole year from the first to the last drawn: one tick each, never a year twice. */
export function chartYears(c: ChartInput): number[] {
  const ys = chartPoints(c).map((p) => p.year);
  if (ys.length === 0) return [];
  const out: number[] = [];
  for (let y = Math.min(...ys); y <= Math.max(...ys); y++) out.push(y);
  return out;
}

/** A row per year of what the chart shows: its accessible table alternative (web and report). */
export interface ChartTableRow {
  readonly year: number;
  readonly history: number | null;
  readonly projection: number | null;
  readonly baseline: number | null;
  readonly target: number | null;
}

export function chartTable(c: ChartInput): ChartTableRow[] {
  const at = (xs: readonly { year: number; value: number }[], y: number) => xs.find((x) => x.year === y)?.value ?? null;
  const years = [
    ...new Set([...c.history, ...c.projection, ...(c.baseline ? [c.baseline] : []), ...(c.target ? [{ year: c.target.year }] : [])].map((x) => x.year)),
  ].sort((a, b) => a - b);
  return years.map((year) => ({
    year,
    history: at(c.history, year),
    // The projection starts at the latest reported value: that year shows it once, as reported.
    projection: at(c.history, year) !== null ? null : at(c.projection, year),
    baseline: c.baseline && c.baseline.year === year ? c.baseline.value : null,
    target: c.target && c.target.year === year ? c.target.value : null,
  }));
}

/**
 * The Vega-Lite spec of the chart: one line per series, one tick per year on x (labelled "Năm"),
 * the unit in words on y, Vietnamese legend and numbers with a decimal comma.
 */
export function chartSpec(c: ChartInput, size: { width: number; height: number } = { width: 520, height: 220 }): TopLevelSpec {
  const present = new Set(chartPoints(c).map((p) => p.series));
  const all = [
    { name: SERIES.history, colour: '#1d70b8', dash: [1, 0] },
    { name: SERIES.projection, colour: '#5694ca', dash: [6, 4] },
    { name: SERIES.target, colour: '#d4351c', dash: [3, 3] },
    { name: SERIES.baseline, colour: '#00703c', dash: [1, 0] },
  ].filter((x) => present.has(x.name));
  const years = chartYears(c);
  const unit = unitWords(c.unit);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: size.width,
    height: size.height,
    background: 'white',
    title: { text: c.title, fontSize: 13, limit: size.width + 40 },
    config: {
      font: FONT,
      locale: { number: VI_NUMBER_LOCALE },
      view: { stroke: null },
      axis: { labelFontSize: 11, titleFontSize: 11 },
      legend: { labelFontSize: 11 },
    },
    data: { values: chartPoints(c) },
    mark: { type: 'line', point: { size: 45, filled: true }, strokeWidth: 2 },
    encoding: {
      x: {
        field: 'year',
        type: 'quantitative',
        title: 'Năm',
        axis: { values: years, format: 'd', labelAngle: 0, labelOverlap: 'parity', grid: false },
        scale: { domain: years.length ? [years[0]! - 0.3, years.at(-1)! + 0.3] : undefined, nice: false, zero: false },
      },
      y: { field: 'value', type: 'quantitative', title: unit === '%' ? '%' : unit, axis: { format: ',.2~f' }, scale: { zero: false } },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        scale: { domain: all.map((x) => x.name), range: all.map((x) => x.colour) },
        legend: { orient: 'bottom' },
      },
      strokeDash: {
        field: 'series',
        type: 'nominal',
        title: null,
        scale: { domain: all.map((x) => x.name), range: all.map((x) => x.dash) },
        legend: { orient: 'bottom' },
      },
    },
  } as TopLevelSpec;
}

/** The chart as an SVG string (Vega headless, no browser). */
export async function chartSvg(c: ChartInput): Promise<string> {
  return specSvg(chartSpec(c));
}

/** The chart as PNG, `widthPx` wide (2× the drawing size: sharp when printed). */
export async function chartPng(c: ChartInput, widthPx = 1200): Promise<{ png: Buffer; width: number; height: number }> {
  const svg = await chartSvg(c);
  const { Resvg } = await import('@resvg/resvg-js');
  const img = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: FONT }, fitTo: { mode: 'width', value: widthPx } }).render();
  return { png: Buffer.from(img.asPng()), width: img.width, height: img.height };
}

/** What the chart shows, in words (the image's text alternative in the report). */
export function chartDescription(c: ChartInput): string {
  const f = (x: number) => formatNumberVi(x, 2);
  const parts = [`${SERIES.history}: ${c.history.map((h) => `${h.year}: ${f(h.value)}`).join('; ') || 'chưa có'}`];
  const last = c.projection.at(-1);
  if (last && c.projection.length > 1) parts.push(`${SERIES.projection} ${last.year}: ${f(last.value)}`);
  if (c.target) parts.push(`${SERIES.target}: ${describeComparator(c.target.comparator, 'vi')} ${f(c.target.value)} (${c.target.year})`);
  if (c.baseline) parts.push(`${SERIES.baseline} ${c.baseline.year}: ${f(c.baseline.value)}`);
  return `${parts.join('. ')}.`;
}

/** Units compared on one indicator (the bar chart of the dashboard's comparison). */
export interface ComparisonInput {
  readonly title: string;
  readonly unit: string;
  /** Best first (the ranking); units without a value are left out of the picture. */
  readonly rows: readonly { name: string; value: number | null; meetsTarget: boolean | null }[];
  readonly target: { comparator: Comparator; value: number } | null;
}

export const MEETS = { yes: 'Đạt chỉ tiêu', no: 'Chưa đạt', none: 'Chưa có chỉ tiêu' } as const;

/** A horizontal bar per unit, in rank order, coloured by whether it meets the target, with the target as a rule. */
export function comparisonSpec(c: ComparisonInput, width = 520): TopLevelSpec {
  const values = c.rows
    .filter((r) => r.value !== null)
    .map((r) => ({ name: r.name, value: r.value, meets: r.meetsTarget === true ? MEETS.yes : r.meetsTarget === false ? MEETS.no : MEETS.none }));
  const present = [MEETS.yes, MEETS.no, MEETS.none].filter((m) => values.some((v) => v.meets === m));
  const colours: Record<string, string> = { [MEETS.yes]: '#00703c', [MEETS.no]: '#d4351c', [MEETS.none]: '#1d70b8' };
  const unit = unitWords(c.unit);
  const bars = {
    mark: { type: 'bar', height: 12 },
    encoding: {
      y: { field: 'name', type: 'nominal', title: null, sort: values.map((v) => v.name), axis: { labelLimit: 160 } },
      x: { field: 'value', type: 'quantitative', title: unit, axis: { format: ',.2~f' } },
      color: { field: 'meets', type: 'nominal', title: null, scale: { domain: present, range: present.map((p) => colours[p]!) }, legend: { orient: 'bottom' } },
    },
  };
  const rule = c.target
    ? [
        {
          data: { values: [{ target: c.target.value }] },
          mark: { type: 'rule', color: '#0b0c0c', strokeDash: [4, 3], strokeWidth: 1.5 },
          encoding: { x: { field: 'target', type: 'quantitative' } },
        },
      ]
    : [];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width,
    height: { step: 16 },
    background: 'white',
    title: {
      text: c.title,
      subtitle: c.target ? `${SERIES.target}: ${describeComparator(c.target.comparator, 'vi')} ${formatNumberVi(c.target.value, 2)} (nét đứt)` : undefined,
      fontSize: 13,
      limit: width + 120,
    },
    config: {
      font: FONT,
      locale: { number: VI_NUMBER_LOCALE },
      view: { stroke: null },
      axis: { labelFontSize: 11, titleFontSize: 11 },
      legend: { labelFontSize: 11 },
    },
    data: { values },
    layer: [bars, ...rule],
  } as unknown as TopLevelSpec;
}

/** Any spec as SVG (Vega headless). */
export async function specSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  view.logLevel(vega.None);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
