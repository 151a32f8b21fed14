// Life-event proposals of a commune (death, a move away or in, turning 75 or 80, a child turning
// 4 or 16): those who decide benefits confirm one by recording its decision (number, date,
// signer), which takes effect from the proposal's month, or reject it. A move-in review opens
// the person's household (the record the start decision needs) and records a start or nothing.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.ts';
import { ErrorSummary } from '../../components/forms.tsx';
import { problemToFormErrors, type FormError } from '../../lib/problems.ts';
import { dmy, monthVi, tx, w, wCode } from './strings.ts';
import { parseDate, todayDmy } from '../../i18n/index.ts';
import type { ProposalView } from '../../../../src/registry/schemas.ts';
import * as registryApi from '../../api/registry.ts';

type Proposal = ProposalView;

export function ProposalsPanel({
  unit,
  canDecide,
  refresh,
  onDecided,
  onOpenHousehold,
}: {
  unit: string;
  canDecide: boolean;
  refresh: number;
  onDecided: () => void;
  onOpenHousehold: (id: number) => void;
}) {
  const [items, setItems] = useState<Proposal[]>([]);
  const [openId, setOpenId] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    void registryApi
      .openProposals(unit)
      .then((r) => setItems(r.items))
      .catch(() => setItems([]));
  }, [unit, refresh]);
  if (items.length === 0 && !message) return null;
  const open = items.find((p) => p.id === openId);
  return (
    <section aria-labelledby="reg-proposals">
      <h2 id="reg-proposals">
        {w('openProposals')} ({items.length})
      </h2>
      {message && (
        <p class="notice" role="status" id="proposal-result">
          {message}
        </p>
      )}
      <div class="table-wrap">
        <table class="table" id="proposal-list">
          <thead>
            <tr>
              <th>{w('name')}</th>
              <th>{w('event')}</th>
              <th>{w('eventDate')}</th>
              <th>{w('action')}</th>
              <th>{w('effective')}</th>
              <th>{w('detail')}</th>
              {canDecide && <th></th>}
            </tr>
          </thead>
          <tbody>
            {items.slice(0, 50).map((p) => (
              <tr key={p.id} data-proposal={p.id}>
                <td>
                  {p.fullName}
                  {p.kind === 'move_in' && p.householdId !== null && (
                    <>
                      {' '}
                      ·{' '}
                      <button type="button" class="link-button" onClick={() => onOpenHousehold(p.householdId!)} aria-label={`${w('open')}: ${p.fullName}`}>
                        {w('open')}
                      </button>
                    </>
                  )}
                </td>
                <td>{wCode('ev_', p.kind)}</td>
                <td>{dmy(p.eventDate)}</td>
                <td>{wCode('ac_', p.action)}</td>
                <td>{monthVi(p.effectiveMonth)}</td>
                <td>{tx(p.detail)}</td>
                {canDecide && (
                  <td>
                    <button type="button" class="link-button" onClick={() => setOpenId(p.id)} aria-label={`${w('confirmProposal')}: ${p.fullName}`}>
                      {w('confirmProposal')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open && (
        <ProposalForm
          key={open.id}
          proposal={open}
          onDone={(m) => {
            setMessage(m);
            setOpenId(null);
            onDecided();
          }}
        />
      )}
    </section>
  );
}

function ProposalForm({ proposal, onDone }: { proposal: Proposal; onDone: (message: string) => void }) {
  const f = `prop-${proposal.id}`;
  const [number, setNumber] = useState('');
  const [decidedOn, setDecidedOn] = useState(todayDmy());
  const [signer, setSigner] = useState('');
  const [kind, setKind] = useState(proposal.action === 'review' ? '' : proposal.action);
  // A move-in review records a start or nothing (the old commune records the stop).
  const kinds = proposal.kind === 'move_in' ? ['start'] : ['start', 'change', 'stop'];
  const [errors, setErrors] = useState<FormError[]>([]);
  const send = async (state: 'confirmed' | 'rejected') => {
    try {
      setErrors([]);
      const withDecision = state === 'confirmed' && kind !== '';
      const iso = parseDate(decidedOn);
      if (withDecision && !iso) return setErrors([{ field: `${f}-date`, message: w('badDate') }]);
      const r = await registryApi.decideProposal(proposal.id, {
        state,
        ...(withDecision ? { decision: { number, decidedOn: iso, signer, ...(proposal.action === 'review' ? { kind } : {}) } } : {}),
      } as registryApi.DecideProposalBody); // the form's kind and date (checked above); the server checks each field
      onDone(`${proposal.fullName}: ${state === 'rejected' ? w('proposalRejected') : r.decisionId ? `${w('proposalDone')} ${number}` : w('st_done')}`);
    } catch (err) {
      setErrors(
        err instanceof ApiError && err.problem
          ? problemToFormErrors(err.problem, {
              number: `${f}-number`,
              signer: `${f}-signer`,
              decidedOn: `${f}-date`,
              kind: `${f}-kind`,
              decision: `${f}-number`,
            })
          : [{ field: null, message: String(err) }],
      );
    }
  };
  return (
    <form
      class="panel"
      id="proposal-form"
      onSubmit={(e) => {
        e.preventDefault();
        void send('confirmed');
      }}
    >
      <h3>
        {w('confirmProposal')}: {proposal.fullName} · {wCode('ev_', proposal.kind)} {dmy(proposal.eventDate)} · {wCode('ac_', proposal.action)}{' '}
        {monthVi(proposal.effectiveMonth)}
      </h3>
      <ErrorSummary errors={errors} />
      {proposal.kind === 'move_in' && (
        <p class="hint" id={`${f}-hint`}>
          {w('moveInHint')}
        </p>
      )}
      {proposal.action === 'review' && (
        <div class="field">
          <label for={`${f}-kind`}>{w('decisionKind')}</label>
          <select id={`${f}-kind`} class="input" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value)}>
            <option value="">{w('noDecision')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {wCode('ac_', k)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="field">
        <label for={`${f}-number`}>{w('number')}</label>
        <input id={`${f}-number`} class="input" value={number} onInput={(e) => setNumber((e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for={`${f}-date`}>{w('decidedOn')}</label>
        <input
          id={`${f}-date`}
          class="input input--short"
          inputMode="numeric"
          placeholder="dd/mm/yyyy"
          value={decidedOn}
          onInput={(e) => setDecidedOn((e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for={`${f}-signer`}>{w('signer')}</label>
        <input id={`${f}-signer`} class="input" value={signer} onInput={(e) => setSigner((e.target as HTMLInputElement).value)} />
      </div>
      <p class="actions">
        <button class="button" type="submit">
          {w('confirmProposal')}
        </button>
        <button class="button button--secondary" type="button" onClick={() => void send('rejected')}>
          {w('rejectProposal')}
        </button>
      </p>
    </form>
  );
}
