// The dashboard of a unit and year: targets as a traffic-light table with the rule behind each
// status, a chart of the chosen indicator, and the units below ranked on it (drill down).
import { useState } from 'preact/hooks';
import { num } from '../../i18n/index.ts';
import { Loaded, useApi } from '../../components/data.tsx';
import { Link } from '../../lib/router.tsx';
import { IndicatorChart } from './Chart.tsx';
import { m } from './strings.ts';
import { comparatorSymbols } from '../../../../src/indicators/vocabulary.ts';
import type { ChildrenView, DashboardView, IndicatorDetailView } from '../../../../src/monitoring/schemas.ts';
import * as monitoringApi from '../../api/monitoring.ts';

type Row = DashboardView['rows'][number];
type Dash = DashboardView;

const colours: Record<string, string> = { achieved: '#00703c', on_track: '#4b7a22', at_risk: '#f2b705', off_track: '#d4351c', no_data: '#b1b4b6' };
const cmp: Record<string, string> = comparatorSymbols;
// Rounded to two decimals first, so that -0.001 reads 0, not "-0".
const f = (x: number | null | undefined) => (x == null ? '–' : num(Math.round(x * 100) / 100 || 0, 2));

export default function Dashboard({ unit, year, link }: { unit: string; year: number; link: (v: string, extra?: Record<string, string | number>) => string }) {
  const state = useApi<Dash>(monitoringApi.paths.dashboard(unit, year));
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <Loaded state={state}>
      {(d) => {
        const code = chosen ?? d.rows[0]?.indicator.code ?? null;
        return (
          <>
            <h2>
              {d.unit.name}: {m('targets')} ({year})
            </h2>
            <p class="actions">
              <a class="button button--secondary button--small" href={monitoringApi.paths.dashboardXlsx(unit, year)}>
                {m('xlsx')}
              </a>{' '}
              <a class="button button--secondary button--small" href={monitoringApi.paths.reportDocx(unit, year)}>
                {m('report')}
              </a>
            </p>
            {d.rows.length === 0 ? (
              <p>{m('noTargets')}</p>
            ) : (
              <div class="table-wrap" tabIndex={0} role="region" aria-label={m('targets')}>
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">{m('indicator')}</th>
                      <th scope="col">{m('target')}</th>
                      <th scope="col">{m('baseline')}</th>
                      <th scope="col">{m('latest')}</th>
                      <th scope="col">{m('needed')}</th>
                      <th scope="col">{m('trend')}</th>
                      <th scope="col">{m('projected')}</th>
                      <th scope="col">{m('status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.rows.map((r) => (
                      <tr key={r.targetId} data-indicator={r.indicator.code}>
                        <td>
                          <button type="button" class="link-button" onClick={() => setChosen(r.indicator.code)} aria-pressed={code === r.indicator.code}>
                            {r.indicator.name}
                          </button>
                          {r.inherited && (
                            <span class="hint">
                              {' '}
                              ({m('inherited')} {r.planNumber ?? ''})
                            </span>
                          )}
                        </td>
                        <td>
                          {cmp[r.target.comparator] ?? r.target.comparator} {f(r.target.value)} ({r.target.year})
                        </td>
                        <td>
                          {r.baseline ? (
                            <>
                              {f(r.baseline.value)} ({r.baseline.year}){r.baselineSource === 'reported' && <span class="hint"> {m('baselineReported')}</span>}
                            </>
                          ) : (
                            '–'
                          )}
                        </td>
                        <td>{r.latest ? `${f(r.latest.value)} (${r.latest.year})` : '–'}</td>
                        <td>{f(r.neededPerYear)}</td>
                        <td>{f(r.trendPerYear)}</td>
                        <td>{f(r.projected)}</td>
                        <td>
                          <span
                            class="tag"
                            style={{ background: colours[r.status], color: r.status === 'at_risk' || r.status === 'no_data' ? '#0b0c0c' : '#fff' }}
                            title={r.rule}
                          >
                            {r.statusLabel}
                          </span>
                          <details>
                            <summary class="hint">{m('why')}</summary>
                            <p class="hint">{r.rule}</p>
                          </details>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {code && <IndicatorPanel unit={unit} year={year} code={code} link={link} />}
          </>
        );
      }}
    </Loaded>
  );
}

type Detail = IndicatorDetailView;
type Kids = ChildrenView;

function IndicatorPanel({
  unit,
  year,
  code,
  link,
}: {
  unit: string;
  year: number;
  code: string;
  link: (v: string, extra?: Record<string, string | number>) => string;
}) {
  const detail = useApi<Detail>(monitoringApi.paths.indicator(unit, code, year));
  const kids = useApi<Kids>(monitoringApi.paths.children(unit, code, year));
  return (
    <section class="panel">
      <Loaded state={detail}>{(d) => <IndicatorChart unit={unit} code={code} year={year} label={d.indicator.name} data={d.chart} />}</Loaded>
      <Loaded state={kids}>
        {(k) =>
          k.rows.length === 0 ? null : (
            <>
              <h3>{m('children')}</h3>
              <figure class="chart chart--compare">
                <img src={monitoringApi.paths.childrenSvg(unit, code, year)} alt={`${m('compareChart')}: ${k.columns[0]?.indicator.name ?? ''}`} />
              </figure>
              <div class="table-wrap" tabIndex={0} role="region" aria-label={m('children')}>
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">{m('rank')}</th>
                      <th scope="col">{m('unit')}</th>
                      <th scope="col">{k.columns[0]?.indicator.name}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {k.rows.map((r) => (
                      <tr key={r.code}>
                        <td>{r.rank ?? '–'}</td>
                        <td>
                          <Link href={link('dashboard', { unit: r.code })}>{r.name}</Link>
                        </td>
                        <td style={{ background: r.cells[0]?.meetsTarget === true ? '#cce2d8' : r.cells[0]?.meetsTarget === false ? '#f6d7d2' : undefined }}>
                          {f(r.cells[0]?.value)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </Loaded>
    </section>
  );
}
