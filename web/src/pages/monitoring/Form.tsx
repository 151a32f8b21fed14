// The report form of a unit for a period, for a commune officer on a phone: indicators grouped by
// area (poverty, social assistance, ...), one area open at a time, a summary of what is filled and
// what is in error per area, the draft saved to the server when the officer moves to another
// area; one indicator per card, fields stacked, every problem listed at the top with a link to
// its field (opening its area) and repeated at the field itself, the draft kept in localStorage on every keystroke (restored after a
// reload or when the connection dropped), and values the social registry computes filled in
// from it, marked with their source (docs/decisions/006-registry-indicators-in-monitoring.md).
import '../../i18n/vi/ind.ts';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../lib/api.ts';
import { Loaded, useApi, errorMessage } from '../../components/data.tsx';
import { codeLabel, formatDate, num, parseNumber, t } from '../../i18n/index.ts';
import { m } from './strings.ts';
import { reportStatusWord, unitWord } from '../../lib/words.ts';
import type { FormOut } from '../../../../src/monitoring/schemas.ts';
import * as monitoringApi from '../../api/monitoring.ts';
import { reportAllows } from '../../lib/workflow.ts';
import { usesRatio, type Aggregation } from '../../../../src/monitoring/model.ts';

// The form as the server sends it (src/monitoring/schemas.ts); Value is what the officer saves
// (a value of the form, every field present, as the save body takes it).
type Indicator = FormOut['indicators'][number];
type Value = Omit<FormOut['values'][number], 'updatedAt'>;
type Issue = FormOut['issues'][number];
type RegistryValue = NonNullable<FormOut['registry']>['values'][number];
type FormData = FormOut;
type Field = 'numerator' | 'denominator' | 'value' | 'comment';
interface Shown {
  fieldId: string | null;
  message: string;
  severity: string;
}

/** The areas in the order a commune reports them (Resolution 42's groups of policy). */
const AREA_ORDER = ['poverty', 'social_assistance', 'labour_merit', 'health', 'education', 'housing', 'water_sanitation', 'culture_information'];
const areaRank = (a: string) => (AREA_ORDER.includes(a) ? AREA_ORDER.indexOf(a) : AREA_ORDER.length);
const areaName = (a: string) => codeLabel('ind.area', a);
/** The unit of measure in words ("hộ", "trên 10.000 dân"); a percentage needs no words. */
const unitName = unitWord;

const key = (v: { indicatorCode: string; disaggregation: string }) => `${v.indicatorCode}|${v.disaggregation}`;
/** Reported as numerator and denominator (the server's rule; the form sends the aggregation as a plain string). */
const ratio = (i: Indicator) => usesRatio({ aggregation: i.aggregation as Aggregation, kind: i.kind });
const fieldId = (k: string, f: string) => `f-${k.replace(/[^a-z0-9]/gi, '-')}-${f}`;
/** "1.234,5" or "1234.5" as typed on a Vietnamese keyboard → 1234.5; "" → null. */
const parseVi = (raw: string): number | null => (raw.trim() === '' ? null : (parseNumber(raw) ?? Number.NaN));

export default function Form({ unit, period }: { unit: string; period: string }) {
  const path = monitoringApi.paths.period(unit, period);
  const state = useApi<FormData>(`${path}/form`);
  return <Loaded state={state}>{(d) => <Editor data={d} path={path} storageKey={`ansinh.monitoring.draft.${unit}.${period}`} reload={state.reload} />}</Loaded>;
}

/** The registry's values as form values, for indicators the unit has not entered yet. */
function withRegistry(data: FormData, vs: Record<string, Value>): { values: Record<string, Value>; filled: string[] } {
  const out = { ...vs };
  const filled: string[] = [];
  for (const r of data.registry?.values ?? []) {
    const k = key({ indicatorCode: r.indicatorCode, disaggregation: '' });
    if (out[k]) continue;
    out[k] = { indicatorCode: r.indicatorCode, disaggregation: '', numerator: r.numerator, denominator: r.denominator, value: r.value, comment: null };
    filled.push(r.indicatorCode);
  }
  return { values: out, filled };
}

function Editor({ data, path, storageKey, reload }: { data: FormData; path: string; storageKey: string; reload: () => void }) {
  const editable = reportAllows(data.status, 'save');
  const [values, setValues] = useState<Record<string, Value>>(() => {
    const stored = Object.fromEntries(data.values.map((v) => [key(v), v]));
    return editable ? withRegistry(data, stored).values : stored;
  });
  // What the user typed, as typed (so "12," stays while typing a decimal).
  const [raw, setRaw] = useState<Record<string, string>>({});
  const [issues, setIssues] = useState<Issue[]>(data.issues);
  const [notice, setNotice] = useState<string | null>(null);
  const [errors, setErrors] = useState<Shown[]>([]);
  const areas = [...new Set(data.indicators.map((i) => i.area))].sort((a, b) => areaRank(a) - areaRank(b));
  const [open, setOpen] = useState<string | null>(areas[0] ?? null);
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    const saved = localStorage.getItem(storageKey);
    if (saved && editable) {
      setValues(JSON.parse(saved) as Record<string, Value>);
      setNotice(m('draftRestored'));
    }
  }, [storageKey]);

  const set = (k: string, ind: string, dis: string, f: Field, text: string) => {
    setRaw((r) => ({ ...r, [fieldId(k, f)]: text }));
    setValues((vs) => {
      const cur = vs[k] ?? { indicatorCode: ind, disaggregation: dis, numerator: null, denominator: null, value: null, comment: null };
      const next = { ...vs, [k]: { ...cur, [f]: f === 'comment' ? text : parseVi(text) } };
      localStorage.setItem(storageKey, JSON.stringify(next));
      return next;
    });
    setDirty(true);
  };

  /** Opens one area (closing the others); the draft goes to the server when the officer moves on. */
  const openArea = (a: string) => {
    if (a === open) return;
    if (dirty && editable) void save();
    setOpen(a);
  };
  const fieldArea = new Map<string, string>();
  for (const i of data.indicators)
    for (const dis of i.keys) for (const f of ['numerator', 'denominator', 'value', 'comment']) fieldArea.set(fieldId(`${i.code}|${dis}`, f), i.area);
  const areaOfField = (id: string): string | null => fieldArea.get(id) ?? null;

  /** The field an issue path points at: issues name their indicator; bare paths index `order`. */
  const locate = (
    p: string,
    order: readonly { indicatorCode: string; disaggregation: string }[],
    hint?: { indicatorCode: string; disaggregation: string },
  ): string | null => {
    const mm = /^\/values\/([^/]+)\/?(\w+)?$/.exec(p);
    if (!mm) return null;
    const ref = hint ?? (/^\d+$/.test(mm[1]!) ? order[Number(mm[1])] : { indicatorCode: mm[1]!, disaggregation: '' });
    if (!ref) return null;
    const ind = data.indicators.find((i) => i.code === ref.indicatorCode);
    const f = mm[2] && mm[2] !== 'indicatorCode' && mm[2] !== 'disaggregation' ? mm[2] : ind && ratio(ind) ? 'numerator' : 'value';
    return fieldId(key(ref), f);
  };

  const save = async (): Promise<boolean> => {
    // Only what the server takes: stored rows also carry their updatedAt.
    const body = Object.values(values).map((v) => ({
      indicatorCode: v.indicatorCode,
      disaggregation: v.disaggregation,
      numerator: v.numerator,
      denominator: v.denominator,
      value: v.value,
      comment: v.comment,
    }));
    try {
      const r = await api<{ issues: Issue[] }>('PUT', `${path}/form`, { values: body });
      localStorage.removeItem(storageKey);
      setDirty(false);
      setIssues(r.issues);
      setErrors([]);
      setNotice(m('saved'));
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 0) setNotice(m('offline'));
      else if (e instanceof ApiError) {
        setErrors((e.problem?.errors ?? []).map((x) => ({ fieldId: locate(x.path, body), message: x.message, severity: 'error' })));
        setNotice(errorMessage(e));
      }
      return false;
    }
  };
  const submit = async () => {
    if (!(await save())) return;
    try {
      await api('POST', `${path}/submit`);
      reload();
    } catch (e) {
      if (!(e instanceof ApiError)) return;
      if (e.status === 0) {
        setNotice(m('offline'));
        return;
      }
      // The refusal's paths index the stored values in the server's order: read them back.
      const stored = await api<FormData>('GET', `${path}/form`).then(
        (f) => f.values,
        () => [],
      );
      setErrors((e.problem?.errors ?? []).map((x) => ({ fieldId: locate(x.path, stored), message: x.message, severity: 'error' })));
      setNotice(errorMessage(e));
    }
  };

  // A locked form (submitted or approved) shows its state, not the warnings it was sent with.
  const shown: Shown[] = !editable
    ? []
    : errors.length
      ? errors
      : issues.map((i) => ({ fieldId: locate(i.path, [], i), message: i.message, severity: i.severity }));
  const byField = new Map<string, Shown[]>();
  for (const s of shown) if (s.fieldId) byField.set(s.fieldId, [...(byField.get(s.fieldId) ?? []), s]);
  const jump = (e: Event, id: string | null) => {
    if (!id) return;
    e.preventDefault();
    const area = areaOfField(id);
    if (area && area !== open) openArea(area);
    // After the area has opened (next frame), move to the field.
    requestAnimationFrame(() => {
      const el = document.getElementById(id);
      if (!el) return;
      (el.closest('.field') ?? el).scrollIntoView({ block: 'start' });
      el.focus({ preventScroll: true });
    });
  };
  const filled = (ind: Indicator) => {
    const v = values[`${ind.code}|`];
    return !!v && (v.value != null || v.numerator != null);
  };
  const problemsOf = (area: string, severity: string) =>
    shown.filter((x) => x.severity === severity && x.fieldId !== null && areaOfField(x.fieldId) === area).length;
  const registryOf = new Map((data.registry?.values ?? []).map((r) => [r.indicatorCode, r]));
  const shownValue = (id: string, x: number | null | undefined) => raw[id] ?? (x == null ? '' : String(x).replace('.', ','));

  const renderIndicator = (ind: Indicator) => {
    const reg = registryOf.get(ind.code);
    return (
      <fieldset class="card" key={ind.code} disabled={!editable}>
        <legend>
          {ind.name}
          {ind.unit === '%' ? ' (%)' : ` (${unitName(ind.unit)})`}
        </legend>
        {reg && <RegistryNote reg={reg} ind={ind} asOf={data.registry!.asOf} current={values[`${ind.code}|`]} />}
        {ind.keys.map((dis) => {
          const k = `${ind.code}|${dis}`;
          const v = values[k];
          const input = (f: Field, label: string, wide = false) => {
            const id = fieldId(k, f);
            const errs = byField.get(id) ?? [];
            const bad = errs.some((x) => x.severity === 'error');
            return (
              <div class={`field${errs.length ? (bad ? ' field--error' : ' field--warning') : ''}`}>
                <label for={id}>{label}</label>
                {errs.map((x, i) => (
                  <p key={i} class={bad ? 'field-error' : 'field-warning'} id={i === 0 ? `${id}-error` : undefined}>
                    {x.message}
                  </p>
                ))}
                <input
                  class={`input${wide ? '' : ' input--short'}`}
                  id={id}
                  inputMode={f === 'comment' ? undefined : 'decimal'}
                  value={f === 'comment' ? (v?.comment ?? '') : shownValue(id, v?.[f])}
                  aria-invalid={bad ? 'true' : undefined}
                  aria-describedby={errs.length ? `${id}-error` : undefined}
                  onInput={(e) => set(k, ind.code, dis, f, (e.target as HTMLInputElement).value)}
                />
              </div>
            );
          };
          return (
            <div key={k} class={dis ? 'hint' : undefined}>
              {dis && (
                <p>
                  <strong>{m('breakdowns')[dis] ?? dis.replace('=', ': ')}</strong>
                </p>
              )}
              {ratio(ind) ? (
                <>
                  {input('numerator', m('numerator'))}
                  {input('denominator', m('denominator'))}
                </>
              ) : ind.aggregation === 'weighted_mean' ? (
                <>
                  {input('value', m('value'))}
                  {input('denominator', m('weight'))}
                </>
              ) : (
                input('value', m('value'))
              )}
              {dis === '' && input('comment', m('comment'), true)}
            </div>
          );
        })}
      </fieldset>
    );
  };

  return (
    <form
      class="narrow"
      novalidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p>
        {m('status')}: <strong>{reportStatusWord(data.status)}</strong> · {m('deadline')}: {formatDate(data.deadline)}
      </p>
      {data.returnReason && (
        <div class="notice notice--warning">
          <p>
            {m('reason')}: {data.returnReason}
          </p>
        </div>
      )}
      {!editable && <p class="notice">{m('locked')}</p>}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {shown.length > 0 && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <h2>{errors.length || shown.some((s) => s.severity === 'error') ? m('errorsTitle') : m('warning')}</h2>
          <ul>
            {shown.map((s, i) => (
              <li key={i}>
                {s.fieldId ? (
                  <a href={`#${s.fieldId}`} onClick={(e) => jump(e, s.fieldId)}>
                    {s.message}
                  </a>
                ) : (
                  s.message
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <table class="table form-summary" id="form-summary">
        <caption>{m('formSummary')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('indicators.area')}</th>
            <th scope="col">{m('filled')}</th>
            <th scope="col">{m('inError')}</th>
            <th scope="col">{m('warnings')}</th>
          </tr>
        </thead>
        <tbody>
          {areas.map((a) => {
            const inds = data.indicators.filter((i) => i.area === a);
            const bad = problemsOf(a, 'error');
            const warn = problemsOf(a, 'warning');
            return (
              <tr key={a} data-area={a} class={a === open ? 'is-open' : undefined}>
                <th scope="row">
                  <button type="button" class="link-button" aria-controls={`area-${a}`} aria-expanded={a === open} onClick={() => openArea(a)}>
                    {areaName(a)}
                  </button>
                </th>
                <td>{m('filledOf', { n: inds.filter(filled).length, total: inds.length })}</td>
                <td>{bad ? <strong class="field-error">{bad}</strong> : '0'}</td>
                <td>{warn}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {areas.map((a) => (
        <section key={a} id={`area-${a}`} class="form-area" aria-labelledby={`area-${a}-title`}>
          <h2 id={`area-${a}-title`} class="form-area__title">
            <button type="button" class="link-button" aria-expanded={a === open} onClick={() => openArea(a)}>
              {areaName(a)} ·{' '}
              {m('filledOf', { n: data.indicators.filter((i) => i.area === a && filled(i)).length, total: data.indicators.filter((i) => i.area === a).length })}
            </button>
          </h2>
          {a === open && data.indicators.filter((i) => i.area === a).map(renderIndicator)}
        </section>
      ))}
      {editable && (
        <p class="actions">
          <button type="submit" class="button button--secondary">
            {m('save')}
          </button>
          <button type="button" class="button" onClick={() => void submit()}>
            {m('submit')}
          </button>
        </p>
      )}
    </form>
  );
}

/** Where a registry-computed value comes from, and whether the form still holds it. */
function RegistryNote({ reg, ind, asOf, current }: { reg: RegistryValue; ind: Indicator; asOf: string; current: Value | undefined }) {
  const same = current && current.numerator === reg.numerator && current.denominator === reg.denominator && (ratio(ind) || current.value === reg.value);
  const shown =
    ratio(ind) && reg.numerator !== null && reg.denominator
      ? `${num(reg.numerator, 0)}/${num(reg.denominator, 0)} (${num((100 * reg.numerator) / reg.denominator, 2)}%)`
      : num(reg.value ?? reg.numerator ?? 0, 0);
  return (
    <p class={`source-note${same ? '' : ' source-note--changed'}`}>
      <span class="tag tag--source">{m('fromRegistry')}</span> {shown} · {m('registryAsOf')} {formatDate(asOf)}
      {!same && <> · {m('registryDiffers')}</>}
    </p>
  );
}
