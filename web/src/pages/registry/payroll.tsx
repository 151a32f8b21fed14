// The monthly payroll of a commune: generate (or regenerate, while a draft) a month's list as a
// job (progress bar, then the list opens), see each person's amount (this month + arrears),
// download the bank file and the signature list. A merit payroll (people with meritorious service,
// src/payments/merit.ts) is its own programme: labelled as such, generated at once by its button.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.ts';
import { num } from '../../i18n/index.ts';
import { fill } from '../../i18n/format.ts';
import { ErrorSummary } from '../../components/forms.tsx';
import type { FormError } from '../../lib/problems.ts';
import { JobProgress, moving, useJob } from './jobs.tsx';
import { monthVi, parseMonth, w, wCode } from './strings.ts';
import { channelWord } from '../../lib/words.ts';
import type { PayrollDetail, PayrollList } from '../../../../src/payments/schemas.ts';
import { meritRowsText } from '../../../../src/law/merit-levels.ts';
import * as paymentsApi from '../../api/payments.ts';

// The shapes come from the server's contract (src/payments/schemas.ts), type-only.
type Payroll = PayrollList['items'][number];
type Totals = PayrollDetail['totals'];
type Shared = PayrollDetail['warnings']['sharedAccounts'][number];
type Line = PayrollDetail['lines'][number];

export function PayrollPanel({ unit, canPrepare, canApprove, refresh }: { unit: string; canPrepare: boolean; canApprove: boolean; refresh: number }) {
  const [payrolls, setPayrolls] = useState<Payroll[]>([]);
  const [cashless, setCashless] = useState<PayrollList['cashless']>(null);
  const now = new Date();
  const [month, setMonth] = useState(`${String(now.getMonth() + 1).padStart(2, '0')}/${now.getFullYear()}`);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [open, setOpen] = useState<number | null>(null);
  const [lines, setLines] = useState<Line[] | null>(null);
  const [totals, setTotals] = useState<Totals | null>(null);
  const [shared, setShared] = useState<Shared[]>([]);
  const [confirming, setConfirming] = useState<Payroll | null>(null);
  const [approved, setApproved] = useState<string | null>(null);
  const [approveError, setApproveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useJob(null);
  const [meritDone, setMeritDone] = useState<string | null>(null);
  const load = () =>
    paymentsApi
      .listPayrolls(unit)
      .then((r) => {
        setPayrolls(r.items);
        setCashless(r.cashless);
      })
      .catch(() => {});
  useEffect(() => {
    void load();
  }, [unit, refresh]);
  useEffect(() => {
    setLines(null);
    setTotals(null);
    setShared([]);
    if (open)
      void paymentsApi
        .getPayroll(open)
        .then((r) => {
          setLines(r.lines);
          setTotals(r.totals);
          setShared(r.warnings.sharedAccounts);
        })
        .catch((err) => {
          setLines([]);
          setApproveError(err instanceof ApiError ? err.message : String(err));
        });
  }, [open]);
  // Approval: the list opens first so that the approver sees its totals and any shared account.
  const askApprove = (p: Payroll) => {
    setApproved(null);
    setApproveError(null);
    setOpen(p.id);
    setConfirming(p);
  };
  const approve = async (p: Payroll) => {
    try {
      await paymentsApi.approvePayroll(p.id, shared.length > 0);
      setConfirming(null);
      setApproved(fill(w('approvedNow'), { month: monthVi(p.month) }));
      void load();
    } catch (err) {
      setApproveError(err instanceof ApiError ? err.message : String(err));
    }
  };
  // When the job is done, its result names the payroll: the list is reloaded and opened.
  useEffect(() => {
    if (job?.state !== 'done') return;
    void load();
    setOpen((job.result as { payrollId: number | null } | null)?.payrollId ?? null);
  }, [job?.id, job?.state]);
  const generate = async (e: Event) => {
    e.preventDefault();
    const m = parseMonth(month);
    if (!m) return setErrors([{ field: 'payroll-month', message: w('badMonth') }]);
    setBusy(true);
    try {
      setErrors([]);
      setOpen(null);
      setJob(await paymentsApi.buildPayroll(unit, m));
    } catch (err) {
      setErrors([{ field: 'payroll-month', message: err instanceof ApiError ? err.message : String(err) }]);
    } finally {
      setBusy(false);
    }
  };
  const generateMerit = async () => {
    const m = parseMonth(month);
    if (!m) return setErrors([{ field: 'payroll-month', message: w('badMonth') }]);
    setBusy(true);
    setMeritDone(null);
    try {
      setErrors([]);
      setOpen(null);
      const r = await paymentsApi.buildMeritPayroll(unit, m);
      setMeritDone(
        [
          fill(w('meritPayrollDone'), { month: monthVi(r.month), n: num(r.lines), total: num(r.total) }),
          r.unknown.length ? fill(w('meritPayrollUnknown'), { n: num(r.unknown.length) }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
      await load();
      setOpen(r.payrollId);
    } catch (err) {
      setErrors([{ field: 'payroll-month', message: err instanceof ApiError ? err.message : String(err) }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="reg-pay">
      <h2 id="reg-pay">{w('payrolls')}</h2>
      {cashless && cashless.denominator > 0 && (
        <p class="muted" id="cashless-share">
          {fill(w('cashlessOf'), { month: monthVi(cashless.month) })}: {num((100 * cashless.numerator) / cashless.denominator, 1)}% ({num(cashless.numerator)}/
          {num(cashless.denominator)})
        </p>
      )}
      {approved && (
        <p class="notice" role="status" id="payroll-approved">
          {approved}
        </p>
      )}
      {approveError && (
        <p class="notice notice--error" role="alert">
          {approveError}
        </p>
      )}
      {canPrepare && (
        <form class="inline-form" onSubmit={generate}>
          <ErrorSummary errors={errors} />
          <div class="field">
            <label for="payroll-month">{w('generateFor')}</label>
            <input id="payroll-month" class="input input--short" value={month} onInput={(e) => setMonth((e.target as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <button class="button" type="submit" disabled={busy || moving(job)}>
              {w('generate')}
            </button>{' '}
            <button class="button button--secondary" type="button" id="generate-merit" disabled={busy || moving(job)} onClick={() => void generateMerit()}>
              {w('generateMerit')}
            </button>
          </div>
        </form>
      )}
      {meritDone && (
        <p class="notice" role="status" id="merit-payroll-done">
          {meritDone}
        </p>
      )}
      {job && moving(job) && (
        <div role="status">
          <p>{w('generating')}</p>
          <JobProgress job={job} />
        </div>
      )}
      {job && job.state === 'failed' && (
        <p class="notice notice--error" role="alert">
          {job.error}
        </p>
      )}
      {payrolls.length > 0 && (
        <div class="table-wrap">
          <table class="table" id="payroll-list">
            <thead>
              <tr>
                <th>{w('month')}</th>
                <th>{w('programme')}</th>
                <th>{w('lines')}</th>
                <th>{w('total')}</th>
                <th>{w('cashless')}</th>
                <th>{w('state')}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {payrolls.map((p) => (
                <tr key={p.id} data-month={p.month} data-programme={p.programme}>
                  <td>{monthVi(p.month)}</td>
                  <td>{w(`prog_${p.programme}`)}</td>
                  <td>{num(p.lines)}</td>
                  <td>{num(p.total)}</td>
                  <td>{p.lines ? `${num((100 * p.cashless) / p.lines, 1)}%` : ''}</td>
                  <td>{p.state === 'approved' ? w('approved') : w('draft')}</td>
                  <td class="actions">
                    <button type="button" class="link-button" onClick={() => setOpen(p.id)}>
                      {w('viewLines')}
                    </button>
                    {canApprove && p.state === 'draft' && (
                      <button type="button" class="link-button" onClick={() => askApprove(p)}>
                        {w('approve')}
                      </button>
                    )}
                    <a href={paymentsApi.paths.export(p.id, 'bank-xlsx')} download>
                      {w('bank')}
                    </a>
                    <a href={paymentsApi.paths.export(p.id, 'bank-csv')} download>
                      {w('bankCsv')}
                    </a>
                    <a href={paymentsApi.paths.export(p.id, 'signatures')} download>
                      {w('sign')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {confirming && open === confirming.id && lines && totals && (
        <div class="panel" id="payroll-approve" role="region" aria-label={w('approve')}>
          {shared.length > 0 && (
            <div class="notice notice--warning" id="shared-accounts">
              <p>
                <strong>{w('sharedTitle')}</strong>
              </p>
              <p>{w('sharedHint')}</p>
              <ul>
                {shared.map((g) => (
                  <li key={g.account ?? ''}>{fill(w('sharedAccount'), { account: g.account ?? '', names: g.persons.map((x) => x.fullName).join(', ') })}</li>
                ))}
              </ul>
            </div>
          )}
          <p>{fill(w('approveConfirm'), { month: monthVi(confirming.month), n: num(totals.lines), total: num(totals.total) })}</p>
          <p class="actions">
            <button type="button" class="button" onClick={() => void approve(confirming)}>
              {shared.length ? w('approveAnyway') : w('approveYes')}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setConfirming(null)}>
              {w('approveCancel')}
            </button>
          </p>
        </div>
      )}
      {open && lines && (
        <div class="table-wrap" id="payroll-lines">
          <h3>
            {w('payrolls')} {monthVi(payrolls.find((p) => p.id === open)?.month ?? 0)}
            {payrolls.find((p) => p.id === open)?.programme === 'merit' ? ` · ${w('prog_merit')}` : ''}
          </h3>
          <table class="table">
            <thead>
              <tr>
                <th>{w('name')}</th>
                <th>{w('hh')}</th>
                <th>{w('village')}</th>
                <th>{w('category')}</th>
                <th>{w('channel')}</th>
                <th>{w('current')}</th>
                <th>{w('arrears')}</th>
                <th>{w('lineTotal')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.personId} data-person={l.personId}>
                  <td>{l.fullName}</td>
                  <td>{l.householdCode ?? ''}</td>
                  <td>{l.villageName ?? ''}</td>
                  <td>{l.category ? (meritRowsText(l.category) ?? l.category) : ''}</td>
                  <td>{channelWord(l.channel)}</td>
                  <td class="amount-current">{num(l.currentAmount)}</td>
                  <td>{num(l.arrears)}</td>
                  <td class="amount-total">{num(l.total)}</td>
                </tr>
              ))}
            </tbody>
            {totals && (
              <tfoot>
                <tr class="totals">
                  <th scope="row" colSpan={5}>
                    {fill(w('linesTotal'), { n: num(totals.lines) })}
                  </th>
                  <td class="amount-current">{num(totals.current)}</td>
                  <td>{num(totals.arrears)}</td>
                  <td class="amount-total" id="payroll-grand-total">
                    {num(totals.total)}
                  </td>
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      )}
    </section>
  );
}
