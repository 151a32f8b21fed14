// Cứu trợ: the disaster events of the unit of work (or ?unit=CODE) with the size of each relief
// list and how many households were supported, and a form that records an event. An event opens
// at /cuu-tro/:id (Event.tsx). Route: { path: '/cuu-tro', ... }.
import '../../i18n/vi/relief.ts';
import { useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import { codeLabel, formatDate, parseDate, t, useLocale } from '../../i18n/index.ts';
import { useSession, useWorkUnit } from '../../lib/session.ts';
import { hasPermission } from '../../lib/scope.ts';
import { InScope } from '../../components/InScope.tsx';
import { Loaded, formErrorsFrom, useApi } from '../../components/data.tsx';
import { ErrorSummary, Field, Notice, SelectField } from '../../components/forms.tsx';
import type { FormError } from '../../lib/problems.ts';
import { createEvent, paths, type ReliefEventBody, type ReliefEventListView } from '../../api/housing.ts';
import { EVENT_KINDS } from '../housing/vocab.ts';

export default function Relief(props: PageProps) {
  const work = useWorkUnit();
  const unit = props.query.get('unit') ?? work?.code ?? null;
  useLocale();
  if (!unit || !/^\d{2,5}$/.test(unit))
    return (
      <>
        <h1>{t('relief.title')}</h1>
        <p>{t('relief.noUnit')}</p>
      </>
    );
  if (unit === work?.code) return <ReliefOfUnit code={unit} />;
  return <InScope code={unit}>{() => <ReliefOfUnit code={unit} />}</InScope>;
}

function ReliefOfUnit({ code }: { code: string }) {
  const events = useApi<ReliefEventListView>(paths.events(code));
  const { user } = useSession();
  return (
    <>
      <h1>{t('relief.title')}</h1>
      <p>{t('relief.intro')}</p>
      <section aria-labelledby="relief-events">
        <h2 id="relief-events">{t('relief.events')}</h2>
        <Loaded state={events}>
          {(d) =>
            d.items.length === 0 ? (
              <p class="muted">{t('relief.noEvents')}</p>
            ) : (
              <ul class="results relief-events">
                {d.items.map((e) => (
                  <li key={e.id}>
                    <a href={`/cuu-tro/${e.id}`}>{e.name}</a> · {codeLabel('relief.kind', e.kind)} · {formatDate(e.date)} · {e.unit.name} ·{' '}
                    {t('relief.listed', { supported: e.supported, entries: e.entries })}
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
      {hasPermission(user, 'registry.write') && <NewEvent unit={code} done={events.reload} />}
    </>
  );
}

function NewEvent({ unit, done }: { unit: string; done: () => void }) {
  const empty = { unitCode: unit, kind: 'storm', name: '', date: '' };
  const [v, setV] = useState(empty);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [ok, setOk] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setOk(false);
    try {
      await createEvent({
        unitCode: v.unitCode.trim(),
        kind: v.kind as ReliefEventBody['kind'], // a choice of the select; the server checks it
        name: v.name,
        date: parseDate(v.date) ?? v.date,
      });
      setErrors([]);
      setOk(true);
      setV(empty);
      done();
    } catch (err) {
      setErrors(formErrorsFrom(err, { unitCode: 'event-unit', name: 'event-name', date: 'event-date' }, 'event-name'));
    }
  };
  const err = (k: string) => errors.find((x) => x.field === k)?.message;
  return (
    <form onSubmit={submit} class="relief-new-form" aria-labelledby="relief-new">
      <h2 id="relief-new">{t('relief.new')}</h2>
      <ErrorSummary errors={errors} />
      {ok && <Notice>{t('relief.created')}</Notice>}
      <Field
        id="event-unit"
        label={t('relief.unitCode')}
        inputMode="numeric"
        value={v.unitCode}
        error={err('event-unit')}
        onValue={(x) => setV({ ...v, unitCode: x })}
      />
      <SelectField
        id="event-kind"
        label={t('relief.kind')}
        value={v.kind}
        options={EVENT_KINDS.map((k) => ({ value: k, label: codeLabel('relief.kind', k) }))}
        onValue={(x) => setV({ ...v, kind: x })}
      />
      <Field id="event-name" label={t('relief.name')} value={v.name} error={err('event-name')} onValue={(x) => setV({ ...v, name: x })} />
      <Field id="event-date" label={t('relief.date')} hint="dd/mm/yyyy" value={v.date} error={err('event-date')} onValue={(x) => setV({ ...v, date: x })} />
      <button type="submit" class="button">
        {t('relief.new')}
      </button>
    </form>
  );
}
