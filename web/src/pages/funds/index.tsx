// Quỹ: the officer's page of the funds in their units (GET /api/funds): open a fund, record a
// receipt, import a bank statement (.csv/.xlsx) and see what did not match; each fund links to
// its public ledger (/so-quy/:code).
import '../../i18n/vi/fund.ts';
import { useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import {
  allocate,
  createFund,
  importStatement,
  linkLine,
  paths,
  recordReceipt,
  spend,
  type FundList,
  type FundView as Fund,
  type ImportResult,
  type NewAllocationBody,
  type NewFundBody,
  type UnmatchedList,
} from '../../api/funds.ts';
import { t } from '../../i18n/index.ts';
import { formatDate, parseDate } from '../../i18n/format.ts';
import { Loaded, formErrorsFrom, useApi } from '../../components/data.tsx';
import { ErrorSummary, Field, Notice, SelectField } from '../../components/forms.tsx';
import type { FormError } from '../../lib/problems.ts';
import { ft, money } from './text.ts';

function Receipt({ fund, done }: { fund: Fund; done: () => void }) {
  const [v, setV] = useState({ donor: '', amount: '', date: '', purpose: '' });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [ok, setOk] = useState(false);
  const id = (k: string) => `r${fund.id}-${k}`;
  const submit = async (e: Event) => {
    e.preventDefault();
    setOk(false);
    try {
      await recordReceipt(fund.id, {
        donor: v.donor,
        amount: Number(v.amount.replace(/\D/g, '') || 0) * (v.amount.trim().startsWith('-') ? -1 : 1),
        receivedOn: parseDate(v.date) ?? v.date,
        channel: 'cash',
        purpose: v.purpose || null,
      });
      setErrors([]);
      setOk(true);
      setV({ donor: '', amount: '', date: '', purpose: '' });
      done();
    } catch (err) {
      setErrors(formErrorsFrom(err, { donor: id('donor'), amount: id('amount'), receivedOn: id('date') }, id('donor')));
    }
  };
  const err = (k: string) => errors.find((x) => x.field === id(k))?.message;
  return (
    <form onSubmit={submit} class="fund-receipt-form">
      <h3>{ft('record')}</h3>
      <ErrorSummary errors={errors} />
      {ok && <Notice>{ft('recorded')}</Notice>}
      <Field id={id('donor')} label={ft('donor')} value={v.donor} error={err('donor')} onValue={(x) => setV({ ...v, donor: x })} />
      <Field id={id('amount')} label={ft('amount')} inputMode="numeric" value={v.amount} error={err('amount')} onValue={(x) => setV({ ...v, amount: x })} />
      <Field id={id('date')} label={ft('date')} hint="dd/mm/yyyy" value={v.date} error={err('date')} onValue={(x) => setV({ ...v, date: x })} />
      <Field id={id('purpose')} label={ft('purpose')} value={v.purpose} onValue={(x) => setV({ ...v, purpose: x })} />
      <button type="submit" class="button">
        {ft('record')}
      </button>
    </form>
  );
}

function Allocation({ fund, done }: { fund: Fund; done: () => void }) {
  const empty = { caseKind: 'housing_case', caseRef: '', description: '', name: '', hamlet: '', amount: '', date: '', spend: false };
  const [v, setV] = useState(empty);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [ok, setOk] = useState(false);
  const id = (k: string) => `a${fund.id}-${k}`;
  const submit = async (e: Event) => {
    e.preventDefault();
    setOk(false);
    const amount = Number(v.amount.replace(/\D/g, '') || 0) * (v.amount.trim().startsWith('-') ? -1 : 1);
    const date = parseDate(v.date) ?? v.date;
    try {
      const a = await allocate(fund.id, {
        caseKind: v.caseKind as NewAllocationBody['caseKind'], // a choice of the select; the server checks it
        caseRef: v.caseRef || null,
        description: v.description,
        beneficiaryName: v.name || null,
        beneficiaryHamlet: v.hamlet || null,
        amount,
        decidedOn: date,
      });
      if (v.spend) await spend(fund.id, { allocationId: a.id, amount, spentOn: date, purpose: v.description });
      setErrors([]);
      setOk(true);
      setV(empty);
      done();
    } catch (err) {
      setErrors(formErrorsFrom(err, { description: id('description'), amount: id('amount'), decidedOn: id('date'), spentOn: id('date') }, id('description')));
    }
  };
  const err = (k: string) => errors.find((x) => x.field === id(k))?.message;
  return (
    <form onSubmit={submit} class="fund-allocation-form">
      <h3>{ft('allocate')}</h3>
      <ErrorSummary errors={errors} />
      {ok && <Notice>{ft('allocated')}</Notice>}
      <SelectField
        id={id('kind')}
        label={ft('caseKind')}
        value={v.caseKind}
        options={(['housing_case', 'relief_list', 'visit', 'other'] as const).map((k) => ({ value: k, label: ft(k === 'other' ? 'otherCase' : k) }))}
        onValue={(x) => setV({ ...v, caseKind: x })}
      />
      <Field id={id('ref')} label={ft('caseRef')} value={v.caseRef} onValue={(x) => setV({ ...v, caseRef: x })} />
      <Field
        id={id('description')}
        label={ft('allocationPurpose')}
        value={v.description}
        error={err('description')}
        onValue={(x) => setV({ ...v, description: x })}
      />
      <Field id={id('name')} label={ft('beneficiaryName')} value={v.name} onValue={(x) => setV({ ...v, name: x })} />
      <Field id={id('hamlet')} label={ft('hamlet')} value={v.hamlet} onValue={(x) => setV({ ...v, hamlet: x })} />
      <Field
        id={id('amount')}
        label={ft('allocationAmount')}
        inputMode="numeric"
        value={v.amount}
        error={err('amount')}
        onValue={(x) => setV({ ...v, amount: x })}
      />
      <Field id={id('date')} label={ft('decidedOn')} hint="dd/mm/yyyy" value={v.date} error={err('date')} onValue={(x) => setV({ ...v, date: x })} />
      <div class="checkbox">
        <input type="checkbox" id={id('spend')} checked={v.spend} onChange={(e) => setV({ ...v, spend: (e.target as HTMLInputElement).checked })} />
        <label for={id('spend')}>{ft('spendNow')}</label>
      </div>
      <button type="submit" class="button">
        {ft('allocate')}
      </button>
    </form>
  );
}

function Statement({ fund, done }: { fund: Fund; done: () => void }) {
  const [result, setResult] = useState<ImportResult | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const id = `s${fund.id}-file`;
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    if (form.get('createReceipts') === 'on') form.set('createReceipts', 'true');
    try {
      setResult(await importStatement(fund.id, form));
      setErrors([]);
      done();
    } catch (err) {
      setResult(null);
      setErrors(formErrorsFrom(err, { file: id }, id));
    }
  };
  return (
    <form onSubmit={submit} class="fund-import-form" id={`fund-import-${fund.id}`}>
      <h3>{ft('importTitle')}</h3>
      <p class="hint">{ft('importHint')}</p>
      <ErrorSummary errors={errors} />
      <div class="field">
        <label for={id}>{ft('file')}</label>
        <input class="input" id={id} name="file" type="file" accept=".csv,.xlsx" />
      </div>
      <div class="checkbox">
        <input type="checkbox" id={`s${fund.id}-create`} name="createReceipts" />
        <label for={`s${fund.id}-create`}>{ft('createReceipts')}</label>
      </div>
      <button type="submit" class="button">
        {ft('import')}
      </button>
      {result && (
        <div class="fund-import-result" role="status">
          <Notice>
            {result.alreadyImported ? ft('already') : ft('imported', { lines: result.lines, matched: result.matched, created: result.receiptsCreated })}
          </Notice>
          <h4>{ft('unmatched')}</h4>
          {result.unmatched.length === 0 ? (
            <p class="muted">{ft('none')}</p>
          ) : (
            <ul class="results">
              {result.unmatched.map((l) => (
                <li key={l.id}>
                  {formatDate(l.bookedOn)} · {money(l.amount)} · {l.description}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}

/** The bank lines no receipt or spending matched, each linked by hand: to a listed entry of the same amount, or (money in) to a new receipt from a named donor. */
function Unmatched({ fund, done }: { fund: Fund; done: () => void }) {
  const lines = useApi<UnmatchedList>(paths.unmatched(fund.id));
  return (
    <Loaded state={lines}>
      {(d) =>
        d.items.length === 0 ? null : (
          <section class="fund-unmatched" aria-labelledby={`unmatched-${fund.id}`}>
            <h3 id={`unmatched-${fund.id}`}>{t('funds.link.title')}</h3>
            <p class="hint">{t('funds.link.hint')}</p>
            <ul class="results">
              {d.items.map((l) => (
                <LinkLine
                  key={l.id}
                  fund={fund}
                  line={l}
                  done={() => {
                    lines.reload();
                    done();
                  }}
                />
              ))}
            </ul>
          </section>
        )
      }
    </Loaded>
  );
}

function LinkLine({ fund, line, done }: { fund: Fund; line: UnmatchedList['items'][number]; done: () => void }) {
  const [pick, setPick] = useState(line.candidates[0] ? `${line.candidates[0].kind}:${line.candidates[0].id}` : '');
  const [donor, setDonor] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const id = (k: string) => `l${line.id}-${k}`;
  const run = async (body: Parameters<typeof linkLine>[2]) => {
    try {
      await linkLine(fund.id, line.id, body);
      setErrors([]);
      done();
    } catch (err) {
      setErrors(formErrorsFrom(err, { receiptId: id('pick'), spendingId: id('pick'), donor: id('donor') }, id(line.candidates.length ? 'pick' : 'donor')));
    }
  };
  const linkPicked = (e: Event) => {
    e.preventDefault();
    const [kind, n] = pick.split(':');
    void run(kind === 'spending' ? { spendingId: Number(n) } : { receiptId: Number(n) });
  };
  const makeReceipt = (e: Event) => {
    e.preventDefault();
    void run({ donor });
  };
  return (
    <li class="fund-unmatched-line">
      <p>
        {formatDate(line.bookedOn)} · {money(line.amount)} · {line.description}
      </p>
      <ErrorSummary errors={errors} />
      {line.candidates.length > 0 && (
        <form onSubmit={linkPicked} class="fund-link-form">
          <SelectField
            id={id('pick')}
            label={t('funds.link.entry')}
            value={pick}
            error={errors.find((x) => x.field === id('pick'))?.message}
            options={line.candidates.map((c) => ({
              value: `${c.kind}:${c.id}`,
              label: `${c.kind === 'receipt' ? t('funds.link.receipt') : t('funds.link.spending')} · ${c.label ?? ''} · ${money(c.amount)} · ${formatDate(c.date)}`,
            }))}
            onValue={setPick}
          />
          <button type="submit" class="button button--secondary">
            {t('funds.link.link')}
          </button>
        </form>
      )}
      {line.amount > 0 && (
        <form onSubmit={makeReceipt} class="fund-link-donor-form">
          <Field id={id('donor')} label={t('funds.link.donor')} value={donor} error={errors.find((x) => x.field === id('donor'))?.message} onValue={setDonor} />
          <button type="submit" class="button button--secondary">
            {t('funds.link.create')}
          </button>
        </form>
      )}
    </li>
  );
}

function NewFund({ done }: { done: () => void }) {
  const [v, setV] = useState({ unitCode: '', kind: 'gratitude', name: '' });
  const [errors, setErrors] = useState<FormError[]>([]);
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await createFund({ unitCode: v.unitCode.trim(), kind: v.kind as NewFundBody['kind'], name: v.name });
      setErrors([]);
      setV({ unitCode: '', kind: 'gratitude', name: '' });
      done();
    } catch (err) {
      setErrors(formErrorsFrom(err, { unitCode: 'fund-unit', name: 'fund-name' }, 'fund-unit'));
    }
  };
  const err = (k: string) => errors.find((x) => x.field === k)?.message;
  return (
    <form onSubmit={submit} class="fund-new-form">
      <h2>{ft('newFund')}</h2>
      <ErrorSummary errors={errors} />
      <Field
        id="fund-unit"
        label={ft('unitCode')}
        inputMode="numeric"
        value={v.unitCode}
        error={err('fund-unit')}
        onValue={(x) => setV({ ...v, unitCode: x })}
      />
      <SelectField
        id="fund-kind"
        label={ft('fundKind')}
        value={v.kind}
        options={[
          { value: 'gratitude', label: ft('gratitude') },
          { value: 'poor', label: ft('poor') },
          { value: 'relief', label: ft('relief') },
          { value: 'other', label: ft('other') },
        ]}
        onValue={(x) => setV({ ...v, kind: x })}
      />
      <Field id="fund-name" label={ft('fundName')} value={v.name} error={err('fund-name')} onValue={(x) => setV({ ...v, name: x })} />
      <button type="submit" class="button">
        {ft('newFund')}
      </button>
    </form>
  );
}

export default function Funds(_: PageProps) {
  const list = useApi<FundList>(paths.funds);
  // A write reloads the funds and (a new key remounts them) each fund's unmatched lines.
  const [tick, setTick] = useState(0);
  const funds = { ...list, reload: () => (list.reload(), setTick((n) => n + 1)) };
  return (
    <>
      <h1>{ft('officerTitle')}</h1>
      <NewFund done={funds.reload} />
      <Loaded state={funds}>
        {(d) =>
          d.items.length === 0 ? (
            <p class="muted">{ft('noFunds')}</p>
          ) : (
            d.items.map((f) => (
              <section key={f.id} class="fund" aria-labelledby={`fund-${f.id}`}>
                <h2 id={`fund-${f.id}`}>
                  {f.name} · {f.unit.name}
                </h2>
                <p>
                  {ft('receipts')}: {money(f.totals.receipts)} · {ft('spendings')}: {money(f.totals.spendings)} · {ft('balance')}: {money(f.totals.balance)}
                  {f.bank && ` · ${ft('bankBalance')}: ${money(f.bank.closingBalance)} (${f.bank.reconciled ? ft('reconciled') : ft('notReconciled')})`}
                </p>
                <p>
                  <a href={`/so-quy/${f.unit.code}?quy=${f.id}`}>{ft('publicLink')}</a>
                </p>
                <Receipt fund={f} done={funds.reload} />
                <Allocation fund={f} done={funds.reload} />
                <Statement fund={f} done={funds.reload} />
                <Unmatched key={`${f.id}-${tick}`} fund={f} done={funds.reload} />
              </section>
            ))
          )
        }
      </Loaded>
    </>
  );
}
