// One indicator's chart (uPlot): reported values, the projection to the target year, and the
// target as a flat line. Sized to its container so that it fits a phone screen.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { m } from './strings.ts';

export interface ChartData {
  readonly history: readonly { year: number; value: number }[];
  readonly projection: readonly { year: number; value: number }[];
  readonly target: { value: number; year: number | null } | null;
}

export function IndicatorChart({ data, label }: { data: ChartData; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const years = [...new Set([...data.history.map((h) => h.year), ...data.projection.map((p) => p.year), ...(data.target?.year ? [data.target.year] : [])])].sort((a, b) => a - b);
    const at = (xs: readonly { year: number; value: number }[]) => years.map((y) => xs.find((x) => x.year === y)?.value ?? null);
    const series: uPlot.AlignedData = [years, at(data.history), at(data.projection), years.map(() => data.target?.value ?? null)];
    const width = Math.max(280, el.current.clientWidth);
    const plot = new uPlot({
      width, height: 240, title: label,
      scales: { x: { time: false } },
      axes: [{ values: (_u, ticks) => ticks.map((t) => String(Math.round(t))) }, {}],
      series: [
        {},
        { label: m('history'), stroke: '#1d70b8', width: 2, points: { show: true } },
        { label: m('projection'), stroke: '#1d70b8', dash: [6, 6], width: 1.5 },
        { label: m('targetLine'), stroke: '#d4351c', width: 1.5 },
      ],
    }, series, el.current);
    return () => plot.destroy();
  }, [data, label]);
  return <div ref={el} class="chart" role="img" aria-label={`${m('chartTitle')}: ${label}`} />;
}
