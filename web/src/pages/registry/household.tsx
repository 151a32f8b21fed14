// A household's record: members, this year's classification with its reasons and legal basis,
// and, for those who decide benefits, a decision form per member (the category, coefficient and
// amount come from the law engine on the server).
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.ts';
import { num, parseDate, todayDmy } from '../../i18n/index.ts';
import { ErrorSummary } from '../../components/forms.tsx';
import { errorMessage } from '../../components/data.tsx';
import { problemToFormErrors, type FormError } from '../../lib/problems.ts';
import { dmy, parseMonth, registryYear, tx, w, wCode } from './strings.ts';
import { MeritSection } from './merit.tsx';
import { channels, channelWord } from '../../lib/words.ts';
import type { HouseholdDetail } from '../../../../src/registry/schemas.ts';
import type { DecisionRecorded } from '../../../../src/payments/schemas.ts';
import * as registryApi from '../../api/registry.ts';

// The shapes the server sends (src/registry/schemas.ts, src/payments/schemas.ts), type-only.
type Member = HouseholdDetail['members'][number];
type HouseholdView = HouseholdDetail;
type Decision = DecisionRecorded;

export function HouseholdPanel({
  id,
  canDecide,
  canWrite = false,
  onClose,
  onDecided,
}: {
  id: number;
  canDecide: boolean;
  canWrite?: boolean;
  onClose: () => void;
  onDecided: () => void;
}) {
  const [h, setH] = useState<HouseholdView | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    setFailed(null);
    void registryApi.household(id, registryYear()).then(setH, (e: unknown) => setFailed(e instanceof ApiError ? errorMessage(e) : String(e)));
  }, [id]);
  if (failed)
    return (
      <p class="error-summary" role="alert" id="household-panel">
        {failed}
      </p>
    );
  if (!h)
    return (
      <p class="loading" role="status">
        …
      </p>
    );
  const c = h.classification;
  return (
    <section class="panel" aria-labelledby="reg-household" id="household-panel">
      <h2 id="reg-household">
        {w('household')} {h.household.code}
        {h.household.villageName ? ` · ${h.household.villageName}` : ''}
      </h2>
      <h3>{w('classification', { year: h.classification.year })}</h3>
      <p>
        <strong class="tag" id="household-class">
          {tx(c.label)}
        </strong>
        {c.income !== null ? ` · ${w('income')}: ${num(c.income)} đ` : ''}
        {c.threshold !== null ? ` · ${w('threshold')}: ${num(c.threshold)} đ` : ''}
      </p>
      <ul id="household-reasons">
        {c.reasons.map((r, i) => (
          <li key={i}>
            {tx(r.text)}
            {r.basis ? <span class="muted"> ({r.basis})</span> : null}
          </li>
        ))}
      </ul>
      <h3>{w('members')}</h3>
      <div class="table-wrap">
        <table class="table">
          <thead>
            <tr>
              <th>{w('name')}</th>
              <th>{w('dob')}</th>
              <th>{w('id')}</th>
            </tr>
          </thead>
          <tbody>
            {h.members.map((m) => (
              <tr key={m.id}>
                <td>
                  {m.fullName}
                  {m.deathDate ? ` († ${dmy(m.deathDate)})` : ''}
                </td>
                <td>{dmy(m.dateOfBirth)}</td>
                <td>{m.personalId ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MeritSection members={h.members} canWrite={canWrite} />
      {canDecide && h.members.filter((m) => !m.deathDate).map((m) => <DecisionForm key={m.id} member={m} onDecided={onDecided} />)}
      <p>
        <button type="button" class="button button--secondary" onClick={onClose}>
          {w('close')}
        </button>
      </p>
    </section>
  );
}

function DecisionForm({ member, onDecided }: { member: Member; onDecided: () => void }) {
  const p = `dec-${member.id}`;
  const now = new Date();
  const [number, setNumber] = useState('');
  const [decidedOn, setDecidedOn] = useState(todayDmy());
  const [signer, setSigner] = useState('');
  const [start, setStart] = useState(`${String(now.getMonth() + 1).padStart(2, '0')}/${now.getFullYear()}`);
  const [channel, setChannel] = useState('bank');
  const [account, setAccount] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [done, setDone] = useState<Decision | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const startMonth = parseMonth(start);
    if (!startMonth) return setErrors([{ field: `${p}-start`, message: w('badMonth') }]);
    const decidedIso = parseDate(decidedOn);
    if (!decidedIso) return setErrors([{ field: `${p}-date`, message: w('badDate') }]);
    try {
      setErrors([]);
      setDone(
        await registryApi.recordDecision(member.id, {
          number,
          decidedOn: decidedIso,
          signer,
          kind: 'start',
          startMonth,
          channel: channel as registryApi.PaymentChannel, // the select offers the channels only
          ...(account ? { account } : {}),
        }),
      );
      onDecided();
    } catch (err) {
      setErrors(
        err instanceof ApiError && err.problem
          ? problemToFormErrors(err.problem, { number: `${p}-number`, signer: `${p}-signer`, decidedOn: `${p}-date`, startMonth: `${p}-start` })
          : [{ field: null, message: String(err) }],
      );
    }
  };
  return (
    <details class="panel" data-person={member.id}>
      <summary>
        {w('decide')}: {member.fullName}
      </summary>
      <ErrorSummary errors={errors} />
      {done ? (
        <dl class="facts decision-result" aria-live="polite">
          <div>
            <dt>{w('decided')}</dt>
            <dd>{number}</dd>
          </div>
          <div>
            <dt>{w('category')}</dt>
            <dd>{done.category}</dd>
          </div>
          <div>
            <dt>{w('coefficient')}</dt>
            <dd>{((done.coefficientTenths ?? 0) / 10).toFixed(1).replace('.', ',')}</dd>
          </div>
          <div>
            <dt>{w('amount')}</dt>
            <dd class="decision-amount">{num(done.monthlyAmount ?? 0)}</dd>
          </div>
          <div>
            <dt>{w('basis')}</dt>
            <dd>{done.basis}</dd>
          </div>
        </dl>
      ) : (
        <form onSubmit={submit}>
          <div class="field">
            <label for={`${p}-number`}>{w('number')}</label>
            <input id={`${p}-number`} class="input" value={number} onInput={(e) => setNumber((e.target as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for={`${p}-date`}>{w('decidedOn')}</label>
            <input
              id={`${p}-date`}
              class="input input--short"
              inputMode="numeric"
              placeholder="dd/mm/yyyy"
              value={decidedOn}
              onInput={(e) => setDecidedOn((e.target as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for={`${p}-signer`}>{w('signer')}</label>
            <input id={`${p}-signer`} class="input" value={signer} onInput={(e) => setSigner((e.target as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for={`${p}-start`}>{w('startMonth')}</label>
            <input id={`${p}-start`} class="input input--short" value={start} onInput={(e) => setStart((e.target as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for={`${p}-channel`}>{w('channel')}</label>
            <select id={`${p}-channel`} class="input" value={channel} onChange={(e) => setChannel((e.target as HTMLSelectElement).value)}>
              {channels.map((c) => (
                <option key={c} value={c}>
                  {channelWord(c)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`${p}-account`}>{w('account')}</label>
            <input id={`${p}-account`} class="input" value={account} onInput={(e) => setAccount((e.target as HTMLInputElement).value)} />
          </div>
          <button class="button" type="submit">
            {w('save')}
          </button>
        </form>
      )}
    </details>
  );
}
