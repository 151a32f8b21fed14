// The report form of a unit for a period, for a commune officer on a phone: one indicator per
// card, fields stacked, the draft kept in localStorage when the connection drops (and restored
// on the next visit), every problem listed at the top with a link to its field.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../lib/api.ts';
import { Loaded, useApi, errorMessage } from '../../components/data.tsx';
import { formatDate } from '../../i18n/index.ts';
import { m } from './strings.ts';

interface Indicator { code: string; name: string; unit: string; aggregation: string; kind: string; keys: string[] }
interface Value { indicatorCode: string; disaggregation: string; numerator: number | null; denominator: number | null; value: number | null; comment: string | null }
interface Issue { severity: string; path: string; indicatorCode: string; disaggregation: string; message: string }
interface FormData { status: string; deadline: string; returnReason: string | null; indicators: Indicator[]; values: Value[]; issues: Issue[] }

const key = (v: { indicatorCode: string; disaggregation: string }) => `${v.indicatorCode}|${v.disaggregation}`;
const ratio = (i: Indicator) => i.aggregation === 'sum_ratio' || i.kind === 'rate' || i.kind === 'ratio';
const fieldId = (k: string, f: string) => `f-${k.replace(/[^a-z0-9]/gi, '-')}-${f}`;

export default function Form({ unit, period }: { unit: string; period: string }) {
  const path = `/api/monitoring/units/${encodeURIComponent(unit)}/periods/${encodeURIComponent(period)}`;
  const state = useApi<FormData>(`${path}/form`);
  return <Loaded state={state}>{(d) => <Editor data={d} path={path} storageKey={`ansinh.monitoring.draft.${unit}.${period}`} reload={state.reload} />}</Loaded>;
}

function Editor({ data, path, storageKey, reload }: { data: FormData; path: string; storageKey: string; reload: () => void }) {
  const [values, setValues] = useState<Record<string, Value>>(() => Object.fromEntries(data.values.map((v) => [key(v), v])));
  const [issues, setIssues] = useState<Issue[]>(data.issues);
  const [notice, setNotice] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ path: string; message: string }[]>([]);
  const editable = data.status === 'missing' || data.status === 'draft' || data.status === 'returned';

  useEffect(() => {
    const saved = localStorage.getItem(storageKey);
    if (saved && editable) {
      setValues(JSON.parse(saved) as Record<string, Value>);
      setNotice(m('draftRestored'));
    }
  }, [storageKey]);

  const set = (k: string, ind: string, dis: string, f: keyof Value, raw: string) => {
    setValues((vs) => {
      const cur = vs[k] ?? { indicatorCode: ind, disaggregation: dis, numerator: null, denominator: null, value: null, comment: null };
      const v = f === 'comment' ? raw : raw.trim() === '' ? null : Number(raw.replace(/\./g, '').replace(',', '.'));
      const next = { ...vs, [k]: { ...cur, [f]: v } };
      localStorage.setItem(storageKey, JSON.stringify(next));
      return next;
    });
  };

  const save = async (): Promise<boolean> => {
    try {
      const r = await api<{ issues: Issue[] }>('PUT', `${path}/form`, { values: Object.values(values) });
      localStorage.removeItem(storageKey);
      setIssues(r.issues);
      setErrors([]);
      setNotice(m('saved'));
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 0) setNotice(m('offline'));
      else if (e instanceof ApiError) { setErrors(e.problem?.errors ?? []); setNotice(errorMessage(e)); }
      return false;
    }
  };
  const submit = async () => {
    if (!(await save())) return;
    try {
      await api('POST', `${path}/submit`);
      reload();
    } catch (e) {
      if (e instanceof ApiError) { setErrors(e.problem?.errors ?? []); setNotice(errorMessage(e)); }
    }
  };

  const order = Object.values(values);
  const pathToField = (p: string) => {
    const mm = /^\/values\/(\d+)\/?(\w+)?/.exec(p);
    const v = mm ? order[Number(mm[1])] : undefined;
    return v ? `#${fieldId(key(v), mm![2] ?? 'value')}` : '#';
  };
  const shown = errors.length ? errors : issues.map((i) => ({ path: i.path, message: i.message }));

  return (
    <form class="narrow" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <p>{m('status')}: <strong>{m('statusNames')[data.status] ?? data.status}</strong> · {m('deadline')}: {formatDate(data.deadline)}</p>
      {data.returnReason && <div class="notice notice--warning"><p>{m('reason')}: {data.returnReason}</p></div>}
      {!editable && <p class="notice">{m('locked')}</p>}
      {notice && <p class="notice" role="status">{notice}</p>}
      {shown.length > 0 && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <h2>{m('errorsTitle')}</h2>
          <ul>{shown.map((e, i) => <li key={i}><a href={pathToField(e.path)}>{e.message}</a></li>)}</ul>
        </div>
      )}
      {data.indicators.map((ind) => (
        <fieldset class="card" key={ind.code} disabled={!editable}>
          <legend>{ind.name} ({ind.unit})</legend>
          {ind.keys.map((dis) => {
            const k = `${ind.code}|${dis}`;
            const v = values[k];
            const input = (f: 'numerator' | 'denominator' | 'value', label: string) => (
              <div class="field">
                <label for={fieldId(k, f)}>{label}</label>
                <input class="input input--short" id={fieldId(k, f)} inputMode="decimal" value={v?.[f] ?? ''} onInput={(e) => set(k, ind.code, dis, f, (e.target as HTMLInputElement).value)} />
              </div>
            );
            return (
              <div key={k} class={dis ? 'hint' : undefined}>
                {dis && <p><strong>{dis.replace('=', ': ')}</strong></p>}
                {ratio(ind) ? <>{input('numerator', m('numerator'))}{input('denominator', m('denominator'))}</>
                  : ind.aggregation === 'weighted_mean' ? <>{input('value', m('value'))}{input('denominator', m('weight'))}</>
                  : input('value', m('value'))}
                {dis === '' && (
                  <div class="field">
                    <label for={fieldId(k, 'comment')}>{m('comment')}</label>
                    <input class="input" id={fieldId(k, 'comment')} value={v?.comment ?? ''} onInput={(e) => set(k, ind.code, dis, 'comment', (e.target as HTMLInputElement).value)} />
                  </div>
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
      {editable && (
        <p class="actions">
          <button type="submit" class="button button--secondary">{m('save')}</button>
          <button type="button" class="button" onClick={() => void submit()}>{m('submit')}</button>
        </p>
      )}
    </form>
  );
}
