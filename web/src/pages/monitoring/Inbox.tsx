// The reviewer's inbox: every commune's report for the period with its status and whether it
// arrived on time, completeness and timeliness, and approve / return (with a reason) / reopen.
import { useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.ts';
import { Loaded, useApi, errorMessage } from '../../components/data.tsx';
import { num, formatDate } from '../../i18n/index.ts';
import { m } from './strings.ts';
import { reportStatusWord } from '../../lib/words.ts';
import { reportAllows } from '../../lib/workflow.ts';
import type { CompletenessView } from '../../../../src/monitoring/schemas.ts';
import * as monitoringApi from '../../api/monitoring.ts';

type Comp = CompletenessView;

export default function Inbox({ unit, period }: { unit: string; period: string }) {
  const state = useApi<Comp>(monitoringApi.paths.completeness(unit, period));
  const [msg, setMsg] = useState<string | null>(null);
  const act = async (code: string, action: 'approve' | 'return' | 'reopen') => {
    const reason = action === 'approve' ? undefined : (window.prompt(m('reason')) ?? '');
    if (action !== 'approve' && !reason) return;
    try {
      await monitoringApi.decide(code, period, action, reason);
      setMsg(null);
      state.reload();
    } catch (e) {
      if (e instanceof ApiError) setMsg(errorMessage(e));
    }
  };
  return (
    <Loaded state={state}>
      {(c) => (
        <>
          <p>
            {m('deadline')}: {formatDate(c.deadline)} · {m('completeness')}: {c.completeness == null ? '–' : `${num(c.completeness, 1)}%`} ({c.received}/
            {c.expected}) · {m('timeliness')}: {c.timeliness == null ? '–' : `${num(c.timeliness, 1)}%`}
          </p>
          {msg && (
            <p class="notice notice--error" role="alert">
              {msg}
            </p>
          )}
          <div class="table-wrap" tabIndex={0} role="region" aria-label={m('reports')}>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{m('unit')}</th>
                  <th scope="col">{m('status')}</th>
                  <th scope="col">{m('submittedAt')}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {c.reports.map((r) => (
                  <tr key={r.code}>
                    <td>{r.name}</td>
                    <td>
                      {reportStatusWord(r.status)}
                      {r.returnReason ? ` (${r.returnReason})` : ''}
                    </td>
                    <td>{r.submittedAt ? `${formatDate(r.submittedAt)} (${r.onTime ? m('onTime') : m('late')})` : '–'}</td>
                    <td>
                      {reportAllows(r.status, 'approve') && (
                        <>
                          <button type="button" class="button button--small" onClick={() => void act(r.code, 'approve')}>
                            {m('approve')}
                          </button>{' '}
                          <button type="button" class="button button--small button--warning" onClick={() => void act(r.code, 'return')}>
                            {m('return')}
                          </button>
                        </>
                      )}
                      {reportAllows(r.status, 'reopen') && (
                        <button type="button" class="button button--small button--secondary" onClick={() => void act(r.code, 'reopen')}>
                          {m('reopen')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Loaded>
  );
}
