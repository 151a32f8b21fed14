// The merit profiles of a household's members (issue 12): category, recognition decision, months,
// and this month's allowance with its reasons and legal basis, as the server computes them
// (src/law/merit.ts). Masked by default: an amount that would tell a health fact is not shown.
import { useEffect, useState } from 'preact/hooks';
import { num } from '../../i18n/index.ts';
import { dmy, tx, w } from './strings.ts';
import type { MeritProfileList } from '../../../../src/merit/schemas.ts';
import * as meritApi from '../../api/merit.ts';

const mmYyyy = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

export function MeritSection({ members }: { members: readonly { id: number; fullName: string }[] }) {
  const [lists, setLists] = useState<(readonly [{ id: number; fullName: string }, MeritProfileList])[] | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all(members.map(async (m) => [m, await meritApi.personProfiles(m.id)] as const)).then(
      (all) => {
        if (live) setLists(all.filter(([, l]) => l.total > 0));
      },
      () => {
        if (live) setLists([]);
      },
    );
    return () => {
      live = false;
    };
  }, [members.map((m) => m.id).join(',')]);
  if (!lists || lists.length === 0) return null;
  return (
    <section aria-labelledby="merit-title" id="merit-profiles">
      <h3 id="merit-title">{w('meritTitle')}</h3>
      {lists.map(([m, l]) => (
        <div key={m.id} class="merit-person" data-person={m.id}>
          <h4>{m.fullName}</h4>
          {l.items.map((p) => (
            <div key={p.id} class="panel merit-profile" data-profile={p.id}>
              <p>
                <strong>{tx(p.categoryText)}</strong> <span class="muted">({p.categoryArticle}, Pháp lệnh 02/2020/UBTVQH14)</span>
              </p>
              <dl class="facts">
                <div>
                  <dt>{w('meritDecision')}</dt>
                  <dd>
                    {p.decision.number}, {dmy(p.decision.date)}, {p.decision.body}
                  </dd>
                </div>
                <div>
                  <dt>{w('meritFrom')}</dt>
                  <dd>
                    {mmYyyy(p.startMonth)}
                    {p.endMonth ? ` ${w('meritTo')} ${mmYyyy(p.endMonth)}` : ''}
                  </dd>
                </div>
                <div>
                  <dt>{w('meritAllowance', { month: mmYyyy(l.month) })}</dt>
                  <dd class="merit-amount">
                    {p.allowance
                      ? p.allowance.monthlyAmount === null
                        ? w('meritUnknown')
                        : `${num(p.allowance.status === 'payable' ? p.allowance.monthlyAmount : 0)} đ`
                      : w('meritMasked')}
                  </dd>
                </div>
              </dl>
              {p.allowance && (
                <ul class="merit-reasons">
                  {p.allowance.reasons.map((r, i) => (
                    <li key={i}>
                      {tx(r.text)}
                      {r.basis ? <span class="muted"> ({r.basis})</span> : null}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
          {l.items.length > 1 && (
            <p class="merit-total">
              {w('meritTotal', { month: mmYyyy(l.month) })}: {l.monthlyTotal === null ? w('meritUnknown') : `${num(l.monthlyTotal)} đ`}
            </p>
          )}
          {l.reasons.length > 0 && (
            <ul>
              {l.reasons.map((r, i) => (
                <li key={i}>
                  {tx(r.text)}
                  {r.basis ? <span class="muted"> ({r.basis})</span> : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
