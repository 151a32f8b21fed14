// Charts of one indicator for documents, drawn on the server without a browser: the reported
// values, the projection to the target year and the target as a line (issue 5 parts 6–7).
// The picture is a Vega-Lite spec (pure, tested as data), rendered to SVG by Vega headless and
// rasterized to PNG by resvg (Word and LibreOffice both show PNG). The same figures go into a
// text alternative, so that a screen reader, and a test, can read what the chart shows.
// Vega, Vega-Lite and resvg are loaded when a chart is drawn, not when the server starts.
import type { TopLevelSpec } from 'vega-lite';
import { formatNumberVi } from '../kernel/i18n.ts';
import { describeComparator } from './progress.ts';
import type { Comparator } from '../plans/cascade.ts';

export interface ChartInput {
  readonly title: string;
  /** The indicator's unit: '%' labels the axis with a percent sign. */
  readonly unit: string;
  readonly history: readonly { year: number; value: number }[];
  readonly projection: readonly { year: number; value: number }[];
  readonly target: { comparator: Comparator; value: number; year: number } | null;
}

export const SERIES = { history: 'Số liệu', projection: 'Dự báo', target: 'Mục tiêu' } as const;
const FONT = 'DejaVu Sans';

/** The points drawn: history, projection (from the latest value on), and the target line. */
export function chartPoints(c: ChartInput): { year: number; value: number; series: string }[] {
  const out: { year: number; value: number; series: string }[] = c.history.map((h) => ({ year: h.year, value: h.value, series: SERIES.history }));
  out.push(...c.projection.map((p) => ({ year: p.year, value: p.value, series: SERIES.projection })));
  if (c.target) {
    const years = [...c.history, ...c.projection].map((x) => x.year);
    const from = Math.min(c.target.year, ...years);
    out.push({ year: from, value: c.target.value, series: SERIES.target }, { year: c.target.year, value: c.target.value, series: SERIES.target });
  }
  return out;
}

/** The Vega-Lite spec of the chart: one line per series, years on x, the unit on y. */
export function chartSpec(c: ChartInput, size: { width: number; height: number } = { width: 520, height: 220 }): TopLevelSpec {
  const domain = [SERIES.history, SERIES.projection, SERIES.target];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: size.width,
    height: size.height,
    background: 'white',
    title: { text: c.title, fontSize: 13, limit: size.width + 40 },
    config: { font: FONT, view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 11 }, legend: { labelFontSize: 11 } },
    data: { values: chartPoints(c) },
    mark: { type: 'line', point: true, strokeWidth: 2 },
    encoding: {
      x: { field: 'year', type: 'quantitative', title: 'Năm', axis: { format: 'd', tickMinStep: 1 }, scale: { nice: false, zero: false } },
      y: { field: 'value', type: 'quantitative', title: c.unit === '%' ? '%' : null, scale: { zero: false } },
      color: { field: 'series', type: 'nominal', title: null, scale: { domain, range: ['#1d70b8', '#5694ca', '#d4351c'] }, legend: { orient: 'bottom' } },
      strokeDash: { field: 'series', type: 'nominal', title: null, scale: { domain, range: [[1, 0], [6, 4], [3, 3]] }, legend: { orient: 'bottom' } },
    },
  } as TopLevelSpec;
}

/** The chart as an SVG string (Vega headless, no browser). */
export async function chartSvg(c: ChartInput): Promise<string> {
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(compile(chartSpec(c)).spec), { renderer: 'none' });
  view.logLevel(vega.None);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
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
  return `${parts.join('. ')}.`;
}
