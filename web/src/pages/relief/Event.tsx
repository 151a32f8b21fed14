// An event's relief list (/cuu-tro/:id): each household with its support type, the entitlement
// from law data (amount or rice, its status and basis), the date support was given and the days
// since the event; a form that adds a registry household by its code, a date field per line to
// record the support as given, and the signature list (danh sách ký nhận) as CSV. A person not in
// the registry can be listed (name, optional ID, village, household as told) and, after review,
// registered; each line is given in cash, by transfer or in kind; the decision (number, date,
// signer) approves the list, after which support is recorded and the bank file downloaded.
import '../../i18n/vi/housing.ts';
import '../../i18n/vi/relief.ts';
import { useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import { codeLabel, formatDate, num, parseDate, parseNumber, t, useLocale } from '../../i18n/index.ts';
import { Loaded, formErrorsFrom, useApi } from '../../components/data.tsx';
import { ErrorSummary, Field, Notice, SelectField } from '../../components/forms.tsx';
import type { FormError } from '../../lib/problems.ts';
import { useSession } from '../../lib/session.ts';
import { hasPermission } from '../../lib/scope.ts';
import {
  addEntry,
  approveList,
  findHousehold,
  markSupported,
  paths,
  registerOutside,
  type ReliefEntryBody,
  type ReliefEventDetailView,
} from '../../api/housing.ts';
import { RELIEF_DISTRIBUTIONS, RELIEF_SUPPORTS } from '../housing/vocab.ts';
import { vnd } from '../housing/format.ts';

type Entry = ReliefEventDetailView['items'][number];

export default function ReliefEvent({ params }: PageProps) {
  useLocale();
  const id = Number(params.id);
  const state = useApi<ReliefEventDetailView>(Number.isInteger(id) && id > 0 ? paths.event(id) : null);
  return (
    <>
      <p>
        <a href="/cuu-tro">{t('relief.back')}</a>
      </p>
      <Loaded state={state}>{(d) => <EventBody d={d} reload={state.reload} />}</Loaded>
    </>
  );
}

function EventBody({ d, reload }: { d: ReliefEventDetailView; reload: () => void }) {
  const ev = d.event;
  const writer = hasPermission(useSession().user, 'registry.write');
  return (
    <>
      <h1>{ev.name}</h1>
      <p>
        {codeLabel('relief.kind', ev.kind)} · {formatDate(ev.date)}
      </p>
      <section aria-labelledby="relief-list">
        <h2 id="relief-list">{t('relief.list')}</h2>
        <p id="relief-progress">
          {d.supported > 0
            ? t('relief.progress', { supported: d.supported, total: d.total, days: d.maxDays ?? 0 })
            : t('relief.progressNone', { total: d.total })}
        </p>
        <p>
          <a class="button button--secondary" href={paths.signatures(ev.id)} download>
            {t('relief.signatures')}
          </a>{' '}
          {d.decision && writer && d.items.some((i) => i.distribution === 'transfer') && (
            <a class="button button--secondary" href={paths.bank(ev.id)} download>
              {t('relief.bank')}
            </a>
          )}
        </p>
        {d.items.length === 0 ? (
          <p class="muted">{t('relief.empty')}</p>
        ) : (
          <div class="table-wrap">
            <table class="table" id="relief-entries">
              <thead>
                <tr>
                  <th scope="col">{t('relief.household')}</th>
                  <th scope="col">{t('relief.supportType')}</th>
                  <th scope="col">{t('relief.persons')}</th>
                  <th scope="col">{t('relief.amount')}</th>
                  <th scope="col">{t('relief.distribution')}</th>
                  <th scope="col">{t('relief.basis')}</th>
                  <th scope="col">{t('relief.supportedOn')}</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((e) => (
                  <EntryRow key={e.id} e={e} writer={writer} approved={d.decision !== null} done={reload} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <Decision d={d} writer={writer} done={reload} />
      {writer && !d.decision && <AddEntry eventId={ev.id} unitCode={ev.unitCode} villages={d.villages} done={reload} />}
    </>
  );
}

function entitlement(e: Entry): string {
  const parts: string[] = [];
  if (e.amount !== null) parts.push(vnd(e.amount));
  if (e.riceKg !== null) parts.push(t('relief.riceKg', { kg: e.riceKg }));
  if (parts.length === 0) return t('relief.unknownLevel');
  return `${parts.join(' + ')}${e.status === 'known' ? '' : ` (${codeLabel('housing.levelStatus', e.status)})`}`;
}

function distributionText(e: Entry): string {
  const how = codeLabel('relief.distribution', e.distribution);
  if (e.distribution === 'in_kind') return `${how}: ${e.item ?? ''} ${e.quantity === null ? '' : num(e.quantity)} ${e.quantityUnit ?? ''}`.trim();
  if (e.distribution === 'transfer') return `${how} ${e.account ?? ''}`.trim();
  return how;
}

function Decision({ d, writer, done }: { d: ReliefEventDetailView; writer: boolean; done: () => void }) {
  const [v, setV] = useState({ number: '', date: '', signer: '' });
  const [errors, setErrors] = useState<FormError[]>([]);
  const dec = d.decision;
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await approveList(d.event.id, { number: v.number.trim(), date: parseDate(v.date) ?? v.date, signer: v.signer.trim() });
      setErrors([]);
      done();
    } catch (err) {
      setErrors(formErrorsFrom(err, { number: 'decision-number', date: 'decision-date', signer: 'decision-signer' }, 'decision-number'));
    }
  };
  const err = (k: string) => errors.find((x) => x.field === k)?.message;
  return (
    <section aria-labelledby="relief-decision" class="relief-decision">
      <h2 id="relief-decision">{t('relief.decision')}</h2>
      {dec ? (
        <p id="relief-decision-text">
          {t('relief.decisionShown', { number: dec.number, date: formatDate(dec.date), signer: dec.signer, lines: dec.lines, amount: vnd(dec.amount) })}
        </p>
      ) : (
        <>
          <p class="muted">{t('relief.decisionNone')}</p>
          {writer && d.items.length > 0 && (
            <form onSubmit={submit} class="relief-decision-form">
              <ErrorSummary errors={errors} />
              <Field
                id="decision-number"
                label={t('relief.decisionNumber')}
                value={v.number}
                error={err('decision-number')}
                onValue={(x) => setV({ ...v, number: x })}
              />
              <Field
                id="decision-date"
                label={t('relief.decisionDate')}
                hint="dd/mm/yyyy"
                value={v.date}
                error={err('decision-date')}
                onValue={(x) => setV({ ...v, date: x })}
              />
              <Field
                id="decision-signer"
                label={t('relief.decisionSigner')}
                value={v.signer}
                error={err('decision-signer')}
                onValue={(x) => setV({ ...v, signer: x })}
              />
              <button type="submit" class="button">
                {t('relief.decisionSubmit')}
              </button>
            </form>
          )}
        </>
      )}
    </section>
  );
}

function Review({ e, done }: { e: Entry; done: () => void }) {
  const [v, setV] = useState({ householdCode: '', dateOfBirth: '', sex: 'M', ethnicCode: '', address: e.outside?.village ?? '', area: 'rural' });
  const [errors, setErrors] = useState<FormError[]>([]);
  const p = `review-${e.id}`;
  const submit = async (ev: Event) => {
    ev.preventDefault();
    try {
      await registerOutside(e.id, {
        householdCode: v.householdCode.trim(),
        dateOfBirth: parseDate(v.dateOfBirth) ?? v.dateOfBirth,
        sex: v.sex === 'F' ? 'F' : 'M',
        ethnicCode: v.ethnicCode.trim(),
        address: v.address.trim(),
        area: v.area === 'urban' ? 'urban' : 'rural',
      });
      setErrors([]);
      done();
    } catch (err) {
      setErrors(
        formErrorsFrom(
          err,
          {
            householdCode: `${p}-code`,
            code: `${p}-code`,
            dateOfBirth: `${p}-dob`,
            personalId: `${p}-dob`,
            ethnicCode: `${p}-ethnic`,
            address: `${p}-address`,
          },
          `${p}-code`,
        ),
      );
    }
  };
  const err = (k: string) => errors.find((x) => x.field === k)?.message;
  return (
    <details class="relief-review">
      <summary>{t('relief.review')}</summary>
      <form onSubmit={submit} class="relief-review-form">
        <ErrorSummary errors={errors} />
        <Field
          id={`${p}-code`}
          label={t('relief.reviewCode')}
          value={v.householdCode}
          error={err(`${p}-code`)}
          onValue={(x) => setV({ ...v, householdCode: x })}
        />
        <Field
          id={`${p}-dob`}
          label={t('relief.reviewDob')}
          hint="dd/mm/yyyy"
          value={v.dateOfBirth}
          error={err(`${p}-dob`)}
          onValue={(x) => setV({ ...v, dateOfBirth: x })}
        />
        <SelectField
          id={`${p}-sex`}
          label={t('relief.reviewSex')}
          value={v.sex}
          options={['M', 'F'].map((x) => ({ value: x, label: codeLabel('relief.sex', x) }))}
          onValue={(x) => setV({ ...v, sex: x })}
        />
        <Field
          id={`${p}-ethnic`}
          label={t('relief.reviewEthnic')}
          hint={t('relief.reviewEthnicHint')}
          inputMode="numeric"
          value={v.ethnicCode}
          error={err(`${p}-ethnic`)}
          onValue={(x) => setV({ ...v, ethnicCode: x })}
        />
        <Field
          id={`${p}-address`}
          label={t('relief.reviewAddress')}
          value={v.address}
          error={err(`${p}-address`)}
          onValue={(x) => setV({ ...v, address: x })}
        />
        <SelectField
          id={`${p}-area`}
          label={t('relief.reviewArea')}
          value={v.area}
          options={['rural', 'urban'].map((x) => ({ value: x, label: codeLabel('relief.area', x) }))}
          onValue={(x) => setV({ ...v, area: x })}
        />
        <button type="submit" class="button button--secondary">
          {t('relief.reviewSubmit')}
        </button>
      </form>
    </details>
  );
}

function EntryRow({ e, writer, approved, done }: { e: Entry; writer: boolean; approved: boolean; done: () => void }) {
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | undefined>();
  const id = `supported-${e.id}`;
  const submit = async (ev: Event) => {
    ev.preventDefault();
    try {
      await markSupported(e.id, parseDate(date) ?? date);
      setError(undefined);
      done();
    } catch (err) {
      setError(formErrorsFrom(err, { date: id }, id)[0]?.message);
    }
  };
  return (
    <tr>
      <th scope="row">
        {e.household ? (
          <>
            {e.household.code}
            {e.household.headName && ` · ${e.household.headName}`}
            {e.outside?.registeredOn && <span class="muted"> ({t('relief.registeredOn', { date: formatDate(e.outside.registeredOn) })})</span>}
          </>
        ) : (
          <>
            {e.outside?.name} <span class="muted">({t('relief.notInRegistry')})</span>
            {e.outside?.village && ` · ${e.outside.village}`}
            {e.outside?.household && ` · ${e.outside.household}`}
            {writer && <Review e={e} done={done} />}
          </>
        )}
      </th>
      <td>{codeLabel('relief.support', e.supportType)}</td>
      <td>{e.persons}</td>
      <td>{entitlement(e)}</td>
      <td>{distributionText(e)}</td>
      <td class="muted">{e.basis ?? ''}</td>
      <td>
        {e.supportedOn ? (
          `${formatDate(e.supportedOn)} · ${t('relief.days', { n: e.days ?? 0 })}`
        ) : !writer || !approved ? (
          '—'
        ) : (
          <form onSubmit={submit} class="relief-supported-form">
            <Field id={id} label={t('relief.supportDate')} hint="dd/mm/yyyy" value={date} error={error} onValue={setDate} />
            <button type="submit" class="button button--secondary">
              {t('relief.markSupported')}
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}

function AddEntry({ eventId, unitCode, villages, done }: { eventId: number; unitCode: string; villages: ReliefEventDetailView['villages']; done: () => void }) {
  const empty = {
    who: 'registry',
    householdCode: '',
    fullName: '',
    personalId: '',
    villageId: '',
    household: '',
    supportType: 'house_damaged',
    persons: '1',
    months: '',
    distribution: 'cash',
    item: '',
    quantity: '',
    quantityUnit: '',
    account: '',
  };
  const [v, setV] = useState(empty);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [ok, setOk] = useState(false);
  const outside = v.who === 'outside';
  const submit = async (e: Event) => {
    e.preventDefault();
    setOk(false);
    try {
      const who: Pick<ReliefEntryBody, 'householdId' | 'outside'> = outside
        ? {
            outside: {
              fullName: v.fullName,
              personalId: v.personalId.trim() || null,
              villageId: v.villageId ? Number(v.villageId) : null,
              household: v.household.trim() || null,
            },
          }
        : { householdId: (await findHousehold(unitCode, v.householdCode.trim() || '-')).id };
      const quantity = v.quantity.trim() ? parseNumber(v.quantity) : null;
      const body: ReliefEntryBody = {
        ...who,
        supportType: v.supportType as ReliefEntryBody['supportType'], // a choice of the select; the server checks it
        persons: Number(v.persons || 1),
        ...(v.months.trim() ? { months: Number(v.months) } : {}),
        distribution: v.distribution as NonNullable<ReliefEntryBody['distribution']>, // a choice of the select
        ...(v.distribution === 'in_kind' && v.item.trim() ? { item: v.item.trim() } : {}),
        ...(v.distribution === 'in_kind' && quantity !== null ? { quantity } : {}),
        ...(v.distribution === 'in_kind' && v.quantityUnit.trim() ? { quantityUnit: v.quantityUnit.trim() } : {}),
        ...(v.distribution === 'transfer' ? { account: v.account } : {}),
      };
      await addEntry(eventId, body);
      setErrors([]);
      setOk(true);
      setV(empty);
      done();
    } catch (err) {
      setErrors(
        formErrorsFrom(
          err,
          {
            householdId: outside ? 'entry-name' : 'entry-household',
            householdCode: 'entry-household',
            fullName: 'entry-name',
            personalId: 'entry-pid',
            villageId: 'entry-village',
            persons: 'entry-persons',
            months: 'entry-months',
            distribution: 'entry-distribution',
            item: 'entry-item',
            quantity: 'entry-quantity',
            quantityUnit: 'entry-unit',
            account: 'entry-account',
          },
          outside ? 'entry-name' : 'entry-household',
        ),
      );
    }
  };
  const err = (k: string) => errors.find((x) => x.field === k)?.message;
  const set = (k: keyof typeof empty) => (x: string) => setV({ ...v, [k]: x });
  return (
    <form onSubmit={submit} class="relief-entry-form" aria-labelledby="relief-add">
      <h2 id="relief-add">{t('relief.add')}</h2>
      <ErrorSummary errors={errors} />
      {ok && <Notice>{t('relief.added')}</Notice>}
      <SelectField
        id="entry-who"
        label={t('relief.who')}
        value={v.who}
        options={['registry', 'outside'].map((x) => ({ value: x, label: codeLabel('relief.who', x) }))}
        onValue={set('who')}
      />
      {outside ? (
        <>
          <Field id="entry-name" label={t('relief.outsideName')} value={v.fullName} error={err('entry-name')} onValue={set('fullName')} />
          <Field id="entry-pid" label={t('relief.outsideId')} inputMode="numeric" value={v.personalId} error={err('entry-pid')} onValue={set('personalId')} />
          <SelectField
            id="entry-village"
            label={t('relief.outsideVillage')}
            value={v.villageId}
            error={err('entry-village')}
            options={[{ value: '', label: t('relief.noVillage') }, ...villages.map((x) => ({ value: String(x.id), label: x.name }))]}
            onValue={set('villageId')}
          />
          <Field id="entry-hh" label={t('relief.outsideHousehold')} hint={t('relief.outsideHouseholdHint')} value={v.household} onValue={set('household')} />
        </>
      ) : (
        <Field
          id="entry-household"
          label={t('housing.householdCode')}
          hint={t('housing.householdHint')}
          value={v.householdCode}
          error={err('entry-household')}
          onValue={set('householdCode')}
        />
      )}
      <SelectField
        id="entry-type"
        label={t('relief.supportType')}
        value={v.supportType}
        options={RELIEF_SUPPORTS.map((s) => ({ value: s, label: codeLabel('relief.support', s) }))}
        onValue={set('supportType')}
      />
      <Field id="entry-persons" label={t('relief.persons')} inputMode="numeric" value={v.persons} error={err('entry-persons')} onValue={set('persons')} />
      <Field id="entry-months" label={t('relief.months')} inputMode="numeric" value={v.months} error={err('entry-months')} onValue={set('months')} />
      <SelectField
        id="entry-distribution"
        label={t('relief.distribution')}
        value={v.distribution}
        error={err('entry-distribution')}
        options={RELIEF_DISTRIBUTIONS.map((s) => ({ value: s, label: codeLabel('relief.distribution', s) }))}
        onValue={set('distribution')}
      />
      {v.distribution === 'in_kind' && (
        <>
          <Field id="entry-item" label={t('relief.item')} hint={t('relief.itemHint')} value={v.item} error={err('entry-item')} onValue={set('item')} />
          <Field id="entry-quantity" label={t('relief.quantity')} inputMode="text" value={v.quantity} error={err('entry-quantity')} onValue={set('quantity')} />
          <Field id="entry-unit" label={t('relief.quantityUnit')} value={v.quantityUnit} error={err('entry-unit')} onValue={set('quantityUnit')} />
        </>
      )}
      {v.distribution === 'transfer' && (
        <Field id="entry-account" label={t('relief.account')} inputMode="numeric" value={v.account} error={err('entry-account')} onValue={set('account')} />
      )}
      <button type="submit" class="button">
        {t('relief.add')}
      </button>
    </form>
  );
}
