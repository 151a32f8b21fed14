// One indicator's chart: the picture the annual report prints (src/monitoring/chart.ts, one
// Vega-Lite spec drawn on the server as SVG: one tick a year, Vietnamese legend, the baseline and
// the target, decimal comma), with its figures in words as the image's text and as a table.
import { num } from '../../i18n/index.ts';
import type { IndicatorDetailView } from '../../../../src/monitoring/schemas.ts';
import { m } from './strings.ts';
import * as monitoringApi from '../../api/monitoring.ts';

/** The chart's text alternative as GET …/indicators/{code} sends it (src/monitoring/schemas.ts). */
export type ChartData = Pick<IndicatorDetailView['chart'], 'description' | 'table'>;

const cell = (x: number | null) => (x == null ? '–' : num(x, 2));

export function IndicatorChart({ unit, code, year, label, data }: { unit: string; code: string; year: number; label: string; data: ChartData }) {
  const src = monitoringApi.paths.chartSvg(unit, code, year);
  const hasBaseline = data.table.some((r) => r.baseline !== null);
  return (
    <figure class="chart" data-indicator={code}>
      <img src={src} alt={`${m('chartTitle')}: ${label}. ${data.description}`} width={600} height={300} />
      <details class="chart-table">
        <summary>{m('chartTable')}</summary>
        <div class="table-wrap" tabIndex={0} role="region" aria-label={`${m('chartTitle')}: ${label}`}>
          <table class="table">
            <caption class="visually-hidden">{`${m('chartTitle')}: ${label}`}</caption>
            <thead>
              <tr>
                <th scope="col">{m('yearCol')}</th>
                <th scope="col">{m('history')}</th>
                <th scope="col">{m('projection')}</th>
                {hasBaseline && <th scope="col">{m('baselinePoint')}</th>}
                <th scope="col">{m('targetLine')}</th>
              </tr>
            </thead>
            <tbody>
              {data.table.map((r) => (
                <tr key={r.year}>
                  <th scope="row">{r.year}</th>
                  <td>{cell(r.history)}</td>
                  <td>{cell(r.projection)}</td>
                  {hasBaseline && <td>{cell(r.baseline)}</td>}
                  <td>{cell(r.target)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
