// An event's relief list (/cuu-tro/:id): each household with its support type, the entitlement
// from law data (amount or rice, its status and basis), the date support was given and the days
// since the event; a form that adds a registry household by its code, a date field per line to
// record the support as given, and the signature list (danh sách ký nhận) as CSV.
import '../../i18n/vi/housing.ts';
import '../../i18n/vi/relief.ts';
import { useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import { codeLabel, formatDate, parseDate, t, useLocale } from '../../i18n/index.ts';
import { Loaded, formErrorsFrom, useApi } from '../../components/data.tsx';
import { ErrorSummary, Field, Notice, SelectField } from '../../components/forms.tsx';
import type { FormError } from '../../lib/problems.ts';
import { useSession } from '../../lib/session.ts';
import { hasPermission } from '../../lib/scope.ts';
import { addEntry, findHousehold, markSupported, paths, type ReliefEntryBody, type ReliefEventDetailView } from '../../api/housing.ts';
import { RELIEF_SUPPORTS } from '../housing/vocab.ts';
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
          </a>
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
                  <th scope="col">{t('relief.basis')}</th>
                  <th scope="col">{t('relief.supportedOn')}</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((e) => (
                  <EntryRow key={e.id} e={e} writer={writer} done={reload} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {writer && <AddEntry eventId={ev.id} unitCode={ev.unitCode} done={reload} />}
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

function EntryRow({ e, writer, done }: { e: Entry; writer: boolean; done: () => void }) {
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
        {e.household.code}
        {e.household.headName && ` · ${e.household.headName}`}
      </th>
      <td>{codeLabel('relief.support', e.supportType)}</td>
      <td>{e.persons}</td>
      <td>{entitlement(e)}</td>
      <td class="muted">{e.basis ?? ''}</td>
      <td>
        {e.supportedOn ? (
          `${formatDate(e.supportedOn)} · ${t('relief.days', { n: e.days ?? 0 })}`
        ) : !writer ? (
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

function AddEntry({ eventId, unitCode, done }: { eventId: number; unitCode: string; done: () => void }) {
  const empty = { householdCode: '', supportType: 'house_damaged', persons: '1', months: '' };
  const [v, setV] = useState(empty);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [ok, setOk] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setOk(false);
    try {
      const hh = await findHousehold(unitCode, v.householdCode.trim() || '-');
      const body: ReliefEntryBody = {
        householdId: hh.id,
        supportType: v.supportType as ReliefEntryBody['supportType'], // a choice of the select; the server checks it
        persons: Number(v.persons || 1),
        ...(v.months.trim() ? { months: Number(v.months) } : {}),
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
          { householdId: 'entry-household', householdCode: 'entry-household', persons: 'entry-persons', months: 'entry-months' },
          'entry-household',
        ),
      );
    }
  };
  const err = (k: string) => errors.find((x) => x.field === k)?.message;
  return (
    <form onSubmit={submit} class="relief-entry-form" aria-labelledby="relief-add">
      <h2 id="relief-add">{t('relief.add')}</h2>
      <ErrorSummary errors={errors} />
      {ok && <Notice>{t('relief.added')}</Notice>}
      <Field
        id="entry-household"
        label={t('housing.householdCode')}
        hint={t('housing.householdHint')}
        value={v.householdCode}
        error={err('entry-household')}
        onValue={(x) => setV({ ...v, householdCode: x })}
      />
      <SelectField
        id="entry-type"
        label={t('relief.supportType')}
        value={v.supportType}
        options={RELIEF_SUPPORTS.map((s) => ({ value: s, label: codeLabel('relief.support', s) }))}
        onValue={(x) => setV({ ...v, supportType: x })}
      />
      <Field
        id="entry-persons"
        label={t('relief.persons')}
        inputMode="numeric"
        value={v.persons}
        error={err('entry-persons')}
        onValue={(x) => setV({ ...v, persons: x })}
      />
      <Field
        id="entry-months"
        label={t('relief.months')}
        inputMode="numeric"
        value={v.months}
        error={err('entry-months')}
        onValue={(x) => setV({ ...v, months: x })}
      />
      <button type="submit" class="button">
        {t('relief.add')}
      </button>
    </form>
  );
}
