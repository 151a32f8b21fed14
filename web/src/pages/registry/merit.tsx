// The merit profiles of a household's members (issue 12): category, recognition decision, months,
// and this month's allowance with its reasons and legal basis, as the server computes them
// (src/law/merit.ts). Masked by default: an amount that would tell a health fact is not shown.
// Who may write the registry adds a profile to a living member and edits one (merit-form.tsx).
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.ts';
import { num } from '../../i18n/index.ts';
import { Notice } from '../../components/forms.tsx';
import { dmy, tx, w } from './strings.ts';
import { MeritProfileForm } from './merit-form.tsx';
import type { MeritProfileList, MeritProfileView } from '../../api/merit.ts';
import * as meritApi from '../../api/merit.ts';

const mmYyyy = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

type Member = { id: number; fullName: string; deathDate?: string | null };

export function MeritSection({ members, canWrite = false }: { members: readonly Member[]; canWrite?: boolean }) {
  const [lists, setLists] = useState<(readonly [Member, MeritProfileList])[] | null>(null);
  const [reload, setReload] = useState(0);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<MeritProfileView | null>(null);
  const [saved, setSaved] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const done = () => {
    setAdding(false);
    setEditing(null);
    setSaved(true);
    setReload((n) => n + 1);
  };
  const edit = async (id: number) => {
    setSaved(false);
    setFailed(null);
    try {
      setEditing((await meritApi.profileFull(id)).profile);
    } catch (e) {
      setFailed(e instanceof ApiError ? e.message : String(e));
    }
  };
  const living = members.filter((m) => !m.deathDate);
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
  }, [members.map((m) => m.id).join(','), reload]);
  if (!lists || (lists.length === 0 && !(canWrite && living.length > 0))) return null;
  return (
    <section aria-labelledby="merit-title" id="merit-profiles">
      <h3 id="merit-title">{w('meritTitle')}</h3>
      {saved && <Notice>{w('meritSaved')}</Notice>}
      {failed && (
        <p class="notice notice--error" role="alert">
          {failed}
        </p>
      )}
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
              {canWrite && editing?.id !== p.id && (
                <p>
                  <button
                    type="button"
                    class="link-button"
                    onClick={() => void edit(p.id)}
                    aria-label={`${w('meritEdit')}: ${m.fullName}, ${p.decision.number}`}
                  >
                    {w('meritEdit')}
                  </button>
                </p>
              )}
              {editing?.id === p.id && (
                <MeritProfileForm key={`edit-${p.id}`} members={[m]} profile={editing} onSaved={done} onCancel={() => setEditing(null)} />
              )}
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
      {canWrite && living.length > 0 && (
        <details class="panel" id="merit-add" open={adding} onToggle={(e) => setAdding((e.target as HTMLDetailsElement).open)}>
          <summary>{w('meritAdd')}</summary>
          {adding && <MeritProfileForm members={living} profile={null} onSaved={done} />}
        </details>
      )}
    </section>
  );
}
