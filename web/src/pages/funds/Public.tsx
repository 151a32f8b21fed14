// Sổ quỹ công khai: a unit's funds for anyone, no login (GET /api/public/units/:code/funds), and
// one fund's receipts and spending, searchable by donor or use, amount and period, with the
// totals and the bank reconciliation. Small and list-shaped, for a phone.
import { useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import { formatDate, parseDate } from '../../i18n/format.ts';
import { navigate, queryString } from '../../lib/router.tsx';
import { Loaded, useApi } from '../../components/data.tsx';
import { ft, money } from './text.ts';
import { paths, type FundView as Fund, type FundList, type PublicReceipts, type PublicSpendings } from '../../api/funds.ts';

function Ledger({ fund, query }: { fund: Fund; query: URLSearchParams }) {
  const q = query.get('q') ?? '';
  const amount = query.get('so-tien') ?? '';
  const from = query.get('tu') ?? '';
  const to = query.get('den') ?? '';
  const [input, setInput] = useState({ q, amount, from: from ? formatDate(from) : '', to: to ? formatDate(to) : '' });
  const params = queryString({ q: q || undefined, amount: amount || undefined, from: from || undefined, to: to || undefined, limit: '50' });
  const receipts = useApi<PublicReceipts>(paths.publicReceipts(fund.id, params));
  const spendings = useApi<PublicSpendings>(paths.publicSpendings(fund.id, params));
  const submit = (e: Event) => {
    e.preventDefault();
    navigate(
      `${location.pathname}${queryString({ quy: String(fund.id), q: input.q.trim() || undefined, 'so-tien': input.amount.replace(/\D/g, '') || undefined, tu: parseDate(input.from) ?? undefined, den: parseDate(input.to) ?? undefined })}`,
    );
  };
  const set = (k: keyof typeof input) => (e: Event) => setInput({ ...input, [k]: (e.target as HTMLInputElement).value });
  return (
    <section class="fund-ledger" id="fund-ledger" aria-labelledby="fund-ledger-title">
      <h2 id="fund-ledger-title">{fund.name}</h2>
      <dl class="fund-totals">
        <dt>{ft('receipts')}</dt>
        <dd>{money(fund.totals.receipts)}</dd>
        <dt>{ft('spendings')}</dt>
        <dd>{money(fund.totals.spendings)}</dd>
        <dt>{ft('balance')}</dt>
        <dd class="fund-balance">{money(fund.totals.balance)}</dd>
        {fund.bank && (
          <>
            <dt>
              {ft('bankBalance')} ({formatDate(fund.bank.asOf)})
            </dt>
            <dd class="fund-bank">{money(fund.bank.closingBalance)}</dd>
          </>
        )}
      </dl>
      {fund.bank && (
        <p class={`notice ${fund.bank.reconciled ? 'notice--success' : 'notice--warning'}`}>{fund.bank.reconciled ? ft('reconciled') : ft('notReconciled')}</p>
      )}
      <form class="search" role="search" onSubmit={submit}>
        <div class="field">
          <label for="fund-q">{ft('search')}</label>
          <input class="input" id="fund-q" type="search" value={input.q} onInput={set('q')} />
        </div>
        <div class="field">
          <label for="fund-amount">{ft('searchAmount')}</label>
          <input class="input" id="fund-amount" inputMode="numeric" value={input.amount} onInput={set('amount')} />
        </div>
        <div class="field">
          <label for="fund-from">{ft('from')}</label>
          <input class="input" id="fund-from" placeholder="dd/mm/yyyy" value={input.from} onInput={set('from')} />
        </div>
        <div class="field">
          <label for="fund-to">{ft('to')}</label>
          <input class="input" id="fund-to" placeholder="dd/mm/yyyy" value={input.to} onInput={set('to')} />
        </div>
        <button type="submit" class="button">
          {ft('find')}
        </button>
      </form>
      <h3>{ft('receipts')}</h3>
      <Loaded state={receipts}>
        {(d) => (
          <>
            <p class="results-count" role="status">
              {ft('total', { n: d.total.toLocaleString('vi-VN'), sum: money(d.sum) })}
            </p>
            <ul class="results fund-receipts">
              {d.items.map((r) => (
                <li key={r.id}>
                  <strong>{r.donor}</strong> · {money(r.amount)} · {formatDate(r.receivedOn)}
                  {r.purpose && <span class="muted"> · {r.purpose}</span>}
                </li>
              ))}
            </ul>
          </>
        )}
      </Loaded>
      <h3>{ft('spendings')}</h3>
      <Loaded state={spendings}>
        {(d) => (
          <>
            <p class="results-count">{ft('total', { n: d.total.toLocaleString('vi-VN'), sum: money(d.sum) })}</p>
            <ul class="results fund-spendings">
              {d.items.map((s) => (
                <li key={s.id}>
                  <strong>{s.purpose}</strong> · {money(s.amount)} · {formatDate(s.spentOn)}
                  {s.beneficiary && (
                    <span>
                      {' '}
                      · {ft('beneficiary')}: {s.beneficiary.name}
                      {s.beneficiary.hamlet ? `, ${s.beneficiary.hamlet}` : ''}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </Loaded>
    </section>
  );
}

export default function PublicFunds({ params, query }: PageProps) {
  const code = params.code ?? '';
  const funds = useApi<FundList>(paths.publicFunds(code));
  const chosen = Number(query.get('quy') ?? 0);
  return (
    <>
      <h1>{ft('publicTitle')}</h1>
      <p>{ft('publicIntro')}</p>
      <Loaded state={funds}>
        {(d) => {
          if (d.items.length === 0) return <p class="muted">{ft('noFunds')}</p>;
          const fund = d.items.find((f) => f.id === chosen) ?? d.items[0]!;
          return (
            <>
              {d.items.length > 1 && (
                <ul class="fund-list">
                  {d.items.map((f) => (
                    <li key={f.id}>
                      <a href={`/so-quy/${code}?quy=${f.id}`}>{f.name}</a>
                    </li>
                  ))}
                </ul>
              )}
              <Ledger key={fund.id} fund={fund} query={query} />
            </>
          );
        }}
      </Loaded>
    </>
  );
}
