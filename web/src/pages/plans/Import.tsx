// Nhập kế hoạch (issue 4 part 3): the officer picks a plan file and the issuing unit; the server
// reads it without saving (POST /api/plans/extract); the page shows the document with every
// extracted target highlighted beside the structured rows (click one, the other is selected),
// the officer confirms, corrects, removes or adds targets (from a selected passage), edits the
// metadata and the parent plan, and "Lưu kế hoạch" posts the reviewed plan to POST /api/plans,
// which keeps every correction with who and when. A file may be a .docx, .txt, PDF or a scan
// (.pdf/.png/.jpg read by OCR: a warning asks to check the figures). When the unit already has
// this document (same number), the page is a re-import: it shows what saving would change in the
// saved plan (src/plans/diff.ts, the server's rule) and saves it as the plan's next version.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocale, num, parseDate, formatDate } from '../../i18n/index.ts';
import { api, apiUpload, ApiError } from '../../lib/api.ts';
import { Link, navigate, queryString } from '../../lib/router.tsx';
import { useSession, useWorkUnit } from '../../lib/session.ts';
import { workUnits } from '../../lib/scope.ts';
import { useApi, errorMessage } from '../../components/data.tsx';
import { ErrorSummary, Field } from '../../components/forms.tsx';
import type { FormError } from '../../lib/problems.ts';
import { m, cmpWord, fillIn, valueWithUnit } from './strings.ts';
import { unitWord } from '../../lib/words.ts';
import { COMPARATORS, comparatorSymbols } from '../../../../src/indicators/vocabulary.ts';
import {
  guessFromPassage,
  isUnmapped,
  reviewedTargets,
  rowFromExtracted,
  rowProblems,
  rowStatus,
  segments,
  type ExtractedTarget,
  type Row,
  type Unmatched,
} from './review.ts';
import type { ExtractionView, PlanList } from '../../../../src/plans/schemas.ts';
import { diffPlan, type PlanDiff, type TargetFigures } from '../../../../src/plans/diff.ts';
import type { Comparator } from '../../../../src/plans/cascade.ts';
import './plans.css';
import * as plansApi from '../../api/plans.ts';
import * as indicatorsApi from '../../api/indicators.ts';
import type { IndicatorOut } from '../../api/indicators.ts';

type Proposal = ExtractionView['plan'];
/** What the server read from the document (POST /api/plans/extract). */
type Extracted = ExtractionView;
type Indicator = Pick<IndicatorOut, 'code' | 'name' | 'unit'>;
type PlanItem = PlanList['items'][number];
/** The plan's facts as the officer edits them (text fields; PlanBody's names, parentId for implements[].planId). */
type Meta = Record<'kind' | 'number' | 'issuedOn' | 'title' | 'issuer' | 'parentId', string>;

const UNITS = ['%', 'houses', 'households', 'persons', 'per_10000', 'per_100', 'level', 'm2_per_person', 'years', 'group'];

export default function ImportPlan() {
  useLocale();
  const [data, setData] = useState<Extracted | null>(null);
  return (
    <>
      <p>
        <Link href="/ke-hoach">{m('back')}</Link>
      </p>
      <h1>{m('importTitle')}</h1>
      {data === null ? <ChooseFile onRead={setData} /> : <Review data={data} onStartOver={() => setData(null)} />}
    </>
  );
}

function ChooseFile({ onRead }: { onRead: (d: Extracted) => void }) {
  const session = useSession();
  const work = useWorkUnit();
  const units = useMemo(() => {
    const list = workUnits(session.user).filter((u) => u.code !== null);
    if (work?.code && !list.some((u) => u.code === work.code)) list.unshift(work);
    return list;
  }, [session.user, work]);
  const [unit, setUnit] = useState(work?.code ?? units[0]?.code ?? '');
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormError[]>([]);
  const fileRef = useRef<HTMLInputElement>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0] ?? null;
    const errs: FormError[] = [];
    if (!/^\d{2,5}$/.test(unit)) errs.push({ field: 'plan-unit', message: m('needUnit') });
    if (!file && !pasted.trim()) errs.push({ field: 'plan-file', message: m('needFile') });
    setErrors(errs);
    if (errs.length) return;
    setBusy(true);
    try {
      const url = plansApi.paths.extract(unit);
      let d: Extracted;
      if (file) {
        const fd = new FormData();
        fd.append('file', file, file.name);
        d = await apiUpload<Extracted>(url, fd);
      } else d = await api<Extracted>('POST', url, { text: pasted });
      onRead(d);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const list = err.problem?.errors?.length
        ? err.problem.errors.map((x) => ({ field: /text/.test(x.path) ? 'plan-text' : /unit/.test(x.path) ? 'plan-unit' : 'plan-file', message: x.message }))
        : [{ field: 'plan-file', message: errorMessage(err) }];
      setErrors(list);
    } finally {
      setBusy(false);
    }
  };
  const err = (f: string) => errors.find((x) => x.field === f)?.message;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate class="narrow-form">
      <p class="lead">{m('importLead')}</p>
      <ErrorSummary errors={errors} />
      {units.length > 0 ? (
        <div class={`field${err('plan-unit') ? ' field--error' : ''}`}>
          <label for="plan-unit">{m('unitLabel')}</label>
          {err('plan-unit') && (
            <p class="field-error" id="plan-unit-error">
              {err('plan-unit')}
            </p>
          )}
          <select class="input" id="plan-unit" value={unit} onChange={(e) => setUnit((e.target as HTMLSelectElement).value)}>
            {units.map((u) => (
              <option key={u.code} value={u.code!}>
                {u.name ?? u.code} ({u.code})
              </option>
            ))}
          </select>
        </div>
      ) : (
        <Field
          id="plan-unit"
          label={m('unitLabel')}
          hint={m('unitCodeHint')}
          error={err('plan-unit')}
          value={unit}
          onValue={setUnit}
          inputMode="numeric"
          maxLength={5}
          class="input--short"
        />
      )}
      <div class={`field${err('plan-file') ? ' field--error' : ''}`}>
        <label for="plan-file">{m('fileLabel')}</label>
        <p class="hint" id="plan-file-hint">
          {m('fileHint')}
        </p>
        {err('plan-file') && (
          <p class="field-error" id="plan-file-error">
            {err('plan-file')}
          </p>
        )}
        <input
          ref={fileRef}
          class="input"
          type="file"
          id="plan-file"
          name="file"
          onChange={() => setErrors((es) => es.filter((x) => x.field !== 'plan-file'))}
          accept=".docx,.pdf,.txt,.png,.jpg,.jpeg,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf,text/plain,image/png,image/jpeg"
          aria-describedby="plan-file-hint"
        />
      </div>
      <div class={`field${err('plan-text') ? ' field--error' : ''}`}>
        <label for="plan-text">{m('pasteLabel')}</label>
        {err('plan-text') && <p class="field-error">{err('plan-text')}</p>}
        <textarea
          class="input"
          id="plan-text"
          rows={5}
          value={pasted}
          onInput={(e) => {
            setPasted((e.target as HTMLTextAreaElement).value);
            setErrors((es) => es.filter((x) => x.field !== 'plan-file' && x.field !== 'plan-text'));
          }}
        />
      </div>
      <button class="button" type="submit" disabled={busy}>
        {busy ? m('reading') : m('read')}
      </button>
    </form>
  );
}

function Review({ data, onStartOver }: { data: Extracted; onStartOver: () => void }) {
  const en = useLocale() === 'en';
  const catalogue = useApi<{ items: Indicator[] }>(indicatorsApi.paths.list);
  const above = useApi<{ items: PlanItem[] }>(plansApi.paths.list(data.unit.code));
  const indicators = catalogue.data?.items ?? [];
  const nameOf = (code: string) => indicators.find((i) => i.code === code)?.name ?? data.targets.find((t) => t.indicatorCode === code)?.indicatorName ?? code;
  const [rows, setRows] = useState<Row[]>(() => data.targets.map((t, i) => rowFromExtracted(t, i + 1)));
  const nextKey = useRef(data.targets.length + 1);
  const [selected, setSelected] = useState<number | null>(null);
  const parentOptions = useMemo(() => {
    const list = [...data.parents];
    for (const p of above.data?.items ?? []) if (p.relation === 'above' && !list.some((x) => x.id === p.id)) list.push(p);
    return list;
  }, [data.parents, above.data]);
  const [meta, setMeta] = useState<Meta>({
    kind: data.plan.kind,
    number: data.plan.number ?? '',
    issuedOn: formatDate(data.plan.issuedOn),
    title: data.plan.title,
    issuer: data.plan.issuer ?? '',
    parentId: data.parents[0] ? String(data.parents[0].id) : '',
  });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const docRef = useRef<HTMLDivElement>(null);
  const lastSelection = useRef<{ start: number; end: number } | null>(null);
  const defaultYear = useMemo(() => {
    const years = data.targets.map((t) => t.year).filter((y): y is number => y !== null);
    return years.sort((a, b) => years.filter((y) => y === b).length - years.filter((y) => y === a).length)[0] ?? null;
  }, [data.targets]);

  // Remember the last passage selected inside the document (a tap on the button may clear it).
  useEffect(() => {
    const onSel = () => {
      const off = selectionOffsets(docRef.current);
      if (off) lastSelection.current = off;
    };
    document.addEventListener('selectionchange', onSel);
    return () => document.removeEventListener('selectionchange', onSel);
  }, []);

  const update = (key: number, patch: Partial<Row>) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    // A field the officer has just changed no longer shows its old error.
    setErrors((es) => es.filter((e) => !Object.keys(patch).some((f) => e.field === `t-${key}-${f}`)));
  };
  const select = (key: number, from: 'text' | 'row') => {
    setSelected(key);
    requestAnimationFrame(() => {
      if (from === 'text') {
        const card = document.getElementById(`target-${key}`);
        card?.scrollIntoView({ block: 'center' });
        card?.focus({ preventScroll: true });
      } else {
        const mark = docRef.current?.querySelector<HTMLElement>(`[data-targets~="${key}"]`);
        if (mark && docRef.current) {
          docRef.current.scrollTop = mark.offsetTop - docRef.current.offsetTop - docRef.current.clientHeight / 3;
          mark.scrollIntoView({ block: 'nearest' });
        }
      }
    });
  };
  const addTarget = (fromSelection: boolean) => {
    const off = fromSelection ? (selectionOffsets(docRef.current) ?? lastSelection.current) : null;
    const key = nextKey.current++;
    const passage = off ? data.text.slice(off.start, off.end) : null;
    const g = passage
      ? guessFromPassage(passage, defaultYear)
      : { comparator: '=', value: '', unit: '%', year: defaultYear === null ? '' : String(defaultYear) };
    const row: Row = {
      key,
      extracted: null,
      indicatorCode: '',
      comparator: g.comparator,
      value: g.value,
      unit: g.unit || '%',
      year: g.year,
      sourceText: passage,
      start: off?.start ?? null,
      end: off?.end ?? null,
      removed: false,
    };
    setRows((rs) => [...rs, row]);
    lastSelection.current = null;
    window.getSelection()?.removeAllRanges();
    select(key, 'text');
  };

  const save = async () => {
    const errs: FormError[] = [];
    const position = new Map(rows.map((r, i) => [r.key, i + 1]));
    if (meta.title.trim().length < 3) errs.push({ field: 'meta-title', message: m('errTitle') });
    const issuedOn = meta.issuedOn.trim() ? parseDate(meta.issuedOn) : null;
    if (meta.issuedOn.trim() && !issuedOn) errs.push({ field: 'meta-date', message: m('badDate') });
    for (const p of rowProblems(rows)) {
      const n = position.get(p.key)!;
      errs.push({
        field: `t-${p.key}-${p.field}`,
        message: fillIn(m(p.field === 'indicatorCode' ? 'errIndicator' : p.field === 'value' ? 'errValue' : 'errYear'), { n }),
      });
    }
    setErrors(errs);
    if (errs.length) return;
    const { targets, removedTargets, keys } = reviewedTargets(rows);
    const parent = parentOptions.find((p) => String(p.id) === meta.parentId);
    let implements_ = data.plan.implements.map((l) => ({ ...l }));
    if (parent) {
      const same = implements_.find((l) => parent.number && l.number === parent.number);
      if (same) same.planId = parent.id;
      else implements_ = [{ reference: parent.title, number: parent.number, planId: parent.id }, ...implements_];
    }
    const body = {
      ...data.plan,
      kind: meta.kind,
      number: meta.number.trim() || null,
      issuedOn,
      title: meta.title.trim(),
      issuer: meta.issuer.trim() || null,
      implements: implements_,
      unitCode: data.unit.code,
      targets,
      removedTargets,
      sourceText: data.text,
      sourceFile: data.fileName,
    };
    setBusy(true);
    try {
      const ex = sameNumber ? data.existing : null;
      // The extraction's and the form's words (kind, comparator, role) as PlanBody: the server checks each one and answers with its field path.
      const saved = body as plansApi.PlanBody;
      const r = ex ? await plansApi.reimportPlan(ex.id, saved) : await plansApi.savePlan(saved);
      navigate(`/ke-hoach${queryString({ id: r.id, saved: ex ? 'v' : 1 })}`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const list = err.problem?.errors?.length
        ? err.problem.errors.map((x) => {
            const t = /^\/body\/targets\/(\d+)\/(\w+)/.exec(x.path);
            const field = t
              ? `t-${keys[Number(t[1])]}-${t[2]}`
              : /title/.test(x.path)
                ? 'meta-title'
                : /number/.test(x.path)
                  ? 'meta-number'
                  : /issuedOn/.test(x.path)
                    ? 'meta-date'
                    : /implements/.test(x.path)
                      ? 'meta-parent'
                      : null;
            return { field, message: x.message };
          })
        : [{ field: null, message: errorMessage(err) }];
      setErrors(list);
    } finally {
      setBusy(false);
    }
  };

  const segs = useMemo(() => segments(data.text.length, rows, data.unmatched), [data, rows]);
  // A re-import: what saving would change in the plan already saved (the same rule as the server's).
  // Only while the number is the saved plan's: renumbered, it is another document and saves as a new plan.
  const sameNumber = !!data.existing && meta.number.trim().toLocaleLowerCase('vi') === (data.existing.number ?? '').trim().toLocaleLowerCase('vi');
  const reimport = useMemo(() => {
    const ex = sameNumber ? data.existing : null;
    if (!ex) return null;
    const fig = (t: { indicatorCode: string | null; comparator: string; value: number; unit: string; year: number | null }): TargetFigures | null =>
      t.indicatorCode ? { indicatorCode: t.indicatorCode, comparator: t.comparator as Comparator, value: t.value, unit: t.unit, year: t.year } : null;
    const incoming = reviewedTargets(rows).targets.filter((t) => t.indicatorCode && Number.isFinite(t.value));
    const diff = diffPlan(
      { targets: ex.targets.map((t) => ({ ...fig(t)!, id: t.id, origin: t.origin, extracted: t.extracted ? fig(t.extracted) : null })), tasks: ex.tasks },
      {
        targets: incoming.map((t) => ({ ...fig(t)!, extracted: t.review === 'corrected' && t.extracted ? fig(t.extracted) : null })),
        tasks: data.plan.tasks as { numbering: string | null; title: string }[],
      },
    );
    return { existing: ex, diff, incoming };
  }, [data, rows, sameNumber]);
  const live = rows.filter((r) => !r.removed).length;
  const fieldErr = (f: string) => errors.find((x) => x.field === f)?.message;
  const setM = (k: keyof Meta) => (v: string) => setMeta((x) => ({ ...x, [k]: v }));

  return (
    <div class="review">
      <ErrorSummary errors={errors} />
      <p>
        <strong>{data.unit.name}</strong>
        {data.fileName ? ` · ${data.fileName}` : ''} ·{' '}
        <button type="button" class="link-button" onClick={onStartOver}>
          {m('startOver')}
        </button>
      </p>
      {reimport && (
        <ReimportDiff
          existing={reimport.existing}
          diff={reimport.diff}
          incoming={reimport.incoming}
          tasks={data.plan.tasks as { title: string }[]}
          nameOf={nameOf}
        />
      )}
      {data.reading.method === 'ocr' && (
        <p class="notice notice--warning" role="status" id="read-by-ocr">
          {fillIn(m('readByOcr'), { pages: data.reading.pages ?? 1, seconds: num(Math.round((data.reading.ms ?? 0) / 100) / 10) })}
        </p>
      )}
      {data.reading.method === 'pdf' && <p class="hint">{fillIn(m('readFromPdf'), { pages: data.reading.pages ?? 1 })}</p>}
      <section aria-labelledby="meta-h" class="review__meta">
        <h2 id="meta-h">{m('metadata')}</h2>
        <div class="meta-grid">
          <div class="field">
            <label for="meta-kind">{m('kind')}</label>
            <select class="input" id="meta-kind" value={meta.kind} onChange={(e) => setM('kind')((e.target as HTMLSelectElement).value)}>
              {Object.entries(m('kinds')).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </div>
          <Field id="meta-number" label={m('number')} value={meta.number} onValue={setM('number')} error={fieldErr('meta-number')} />
          <Field id="meta-date" label={m('issuedOn')} hint={m('dateHint')} value={meta.issuedOn} onValue={setM('issuedOn')} error={fieldErr('meta-date')} />
          <Field id="meta-issuer" label={m('issuer')} value={meta.issuer} onValue={setM('issuer')} />
        </div>
        <div class={`field${fieldErr('meta-title') ? ' field--error' : ''}`}>
          <label for="meta-title">{m('titleLabel')}</label>
          {fieldErr('meta-title') && <p class="field-error">{fieldErr('meta-title')}</p>}
          <textarea
            class="input input--wide"
            id="meta-title"
            rows={2}
            value={meta.title}
            onInput={(e) => setM('title')((e.target as HTMLTextAreaElement).value)}
          />
        </div>
        <div class={`field${fieldErr('meta-parent') ? ' field--error' : ''}`}>
          <label for="meta-parent">{m('parent')}</label>
          {fieldErr('meta-parent') && <p class="field-error">{fieldErr('meta-parent')}</p>}
          <select class="input input--wide" id="meta-parent" value={meta.parentId} onChange={(e) => setM('parentId')((e.target as HTMLSelectElement).value)}>
            <option value="">{m('noParent')}</option>
            {parentOptions.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.number ? `${p.number}: ` : ''}
                {p.title.length > 90 ? `${p.title.slice(0, 89)}…` : p.title}
              </option>
            ))}
          </select>
        </div>
      </section>

      <div class="review__panes">
        <section aria-labelledby="doc-h" class="review__doc">
          <h2 id="doc-h">{m('document')}</h2>
          <p class="hint">{m('documentHint')}</p>
          <div class="doc-text" ref={docRef} tabIndex={0} role="region" aria-labelledby="doc-h" id="doc-text">
            {segs.map((s) => {
              const piece = data.text.slice(s.start, s.end);
              if (s.targets.length > 0) {
                const key = s.targets.includes(selected ?? -1) ? selected! : s.targets[s.targets.length - 1]!;
                return (
                  <mark
                    key={s.start}
                    data-start={s.start}
                    data-targets={s.targets.join(' ')}
                    class={`hl${s.targets.includes(selected ?? -1) ? ' hl--selected' : ''}${s.unmatched.length ? ' hl--num' : ''}`}
                    // Reachable by keyboard too: Tab to a highlight, Enter or Space selects its target's card.
                    tabIndex={0}
                    role="button"
                    aria-pressed={s.targets.includes(selected ?? -1)}
                    onClick={() => select(key, 'text')}
                    onKeyDown={(e) => {
                      if (e.key !== 'Enter' && e.key !== ' ') return;
                      e.preventDefault();
                      select(key, 'text');
                    }}
                  >
                    {piece}
                  </mark>
                );
              }
              if (s.unmatched.length > 0)
                return (
                  <span key={s.start} data-start={s.start} class="um" title={data.unmatched[s.unmatched[0]!]!.reason}>
                    {piece}
                  </span>
                );
              return (
                <span key={s.start} data-start={s.start}>
                  {piece}
                </span>
              );
            })}
          </div>
          <p class="hint">{m('selectHint')}</p>
          <div class="actions">
            <button type="button" class="button button--secondary" onMouseDown={(e) => e.preventDefault()} onClick={() => addTarget(true)}>
              {m('addFromSelection')}
            </button>
            <button type="button" class="button button--secondary" onClick={() => addTarget(false)}>
              {m('addEmpty')}
            </button>
          </div>
        </section>

        <section aria-labelledby="targets-h" class="review__targets">
          <h2 id="targets-h">{fillIn(m('targetsFound'), { n: live })}</h2>
          <ol class="target-cards">
            {rows.map((r, i) => {
              const st = rowStatus(r);
              const id = (f: string) => `t-${r.key}-${f}`;
              const e = r.extracted;
              return (
                <li
                  key={r.key}
                  id={`target-${r.key}`}
                  tabIndex={-1}
                  class={`target-card target-card--${st}${selected === r.key ? ' target-card--selected' : ''}`}
                  onClick={(ev) => {
                    if ((ev.target as HTMLElement).tagName === 'LI') setSelected(r.key);
                  }}
                >
                  <div class="target-card__head">
                    <span class="target-card__n">{i + 1}.</span>
                    <span class={`flag status--${st}`}>{m('statusLabel')[st]}</span>
                    {isUnmapped(r) && <span class="flag flag--unmapped">{m('unmapped')}</span>}
                    {e?.group && <span class="flag flag--group">{fillIn(m('groupFlag'), { group: e.group })}</span>}
                    {r.start !== null && (
                      <button type="button" class="link-button" onClick={() => select(r.key, 'row')}>
                        {m('showInText')}
                      </button>
                    )}
                    <button type="button" class="link-button" onClick={() => update(r.key, { removed: !r.removed })}>
                      {r.removed ? m('restore') : m('remove')}
                    </button>
                  </div>
                  {r.sourceText && <p class="target-card__src">“{r.sourceText}”</p>}
                  {e?.group && <p class="hint">{fillIn(m('groupHint'), { group: e.group })}</p>}
                  {isUnmapped(r) && e?.proposed && <p class="hint">{fillIn(m('unmappedHint'), { name: e.proposed.name, unit: e.proposed.unit || '—' })}</p>}
                  {!r.removed && (
                    <div class="target-card__fields">
                      <div class={`field field--indicator${fieldErr(id('indicatorCode')) ? ' field--error' : ''}`}>
                        <label for={id('indicatorCode')}>{m('indicator')}</label>
                        {fieldErr(id('indicatorCode')) && <p class="field-error">{fieldErr(id('indicatorCode'))}</p>}
                        <select
                          class="input"
                          id={id('indicatorCode')}
                          value={r.indicatorCode}
                          onChange={(ev) => {
                            const code = (ev.target as HTMLSelectElement).value;
                            const ind = indicators.find((x) => x.code === code);
                            update(r.key, {
                              indicatorCode: code,
                              ...((r.extracted === null || r.extracted.indicatorCode === null) && ind ? { unit: ind.unit } : {}),
                            });
                          }}
                        >
                          {!r.indicatorCode && <option value="">{m('chooseIndicator')}</option>}
                          {r.indicatorCode && !indicators.some((x) => x.code === r.indicatorCode) && (
                            <option value={r.indicatorCode}>{nameOf(r.indicatorCode)}</option>
                          )}
                          {indicators.map((x) => (
                            <option key={x.code} value={x.code}>
                              {x.name}
                            </option>
                          ))}
                        </select>
                      </div>
                      <div class="field">
                        <label for={id('comparator')}>{m('comparator')}</label>
                        <select
                          class="input"
                          id={id('comparator')}
                          value={r.comparator}
                          onChange={(ev) => update(r.key, { comparator: (ev.target as HTMLSelectElement).value })}
                        >
                          {COMPARATORS.map((c) => (
                            <option key={c} value={c}>
                              {cmpWord(c)} ({comparatorSymbols[c]})
                            </option>
                          ))}
                        </select>
                      </div>
                      <Field
                        id={id('value')}
                        label={m('value')}
                        value={r.value}
                        onValue={(v) => update(r.key, { value: v })}
                        inputMode="text"
                        class="input--short"
                        error={fieldErr(id('value'))}
                      />
                      <div class="field">
                        <label for={id('unit')}>{m('unitOfValue')}</label>
                        <select
                          class="input input--short"
                          id={id('unit')}
                          value={r.unit}
                          onChange={(ev) => update(r.key, { unit: (ev.target as HTMLSelectElement).value })}
                        >
                          {[...new Set([r.unit, ...UNITS])].filter(Boolean).map((u) => (
                            <option key={u} value={u}>
                              {unitWord(u)}
                            </option>
                          ))}
                        </select>
                      </div>
                      <Field
                        id={id('year')}
                        label={m('year')}
                        value={r.year}
                        onValue={(v) => update(r.key, { year: v })}
                        inputMode="numeric"
                        maxLength={4}
                        class="input--short"
                        error={fieldErr(id('year'))}
                      />
                    </div>
                  )}
                  {e && st === 'corrected' && (
                    <p class="hint">
                      {fillIn(m('wasExtracted'), {
                        v: `${en ? (e.indicatorCode ?? e.indicatorName) : e.indicatorName}: ${cmpWord(e.comparator)} ${valueWithUnit(num(e.value), e.unit)}${e.year ? ` (${e.year})` : ''}`,
                      })}
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
          <details class="panel" open={data.unmatched.length <= 15}>
            <summary>{fillIn(m('unmatchedTitle'), { n: data.unmatched.length })}</summary>
            <p class="hint">{m('unmatchedHint')}</p>
            <ul class="unmatched-list">
              {data.unmatched.map((u, k) => (
                <li key={k}>
                  <q>{u.sourceText}</q>: {u.reason}
                </li>
              ))}
            </ul>
          </details>
        </section>
      </div>
      <div class="actions review__save">
        <button type="button" class="button" disabled={busy} onClick={() => void save()}>
          {busy ? m('saving') : reimport ? fillIn(m('reimportSave'), { next: reimport.existing.version + 1 }) : m('save')}
        </button>
        <span class="muted">
          {fillIn(m('targetsFound'), { n: live })} · {rows.filter((r) => rowStatus(r) === 'corrected').length} {m('statusLabel').corrected.toLowerCase()} ·{' '}
          {rows.filter((r) => r.removed).length} {m('statusLabel').removed.toLowerCase()} · {rows.filter((r) => !r.extracted && !r.removed).length}{' '}
          {m('statusLabel').added.toLowerCase()}
        </span>
      </div>
    </div>
  );
}

type Existing = NonNullable<ExtractionView['existing']>;
type Figures = Omit<TargetFigures, 'comparator'> & { readonly comparator: string };

/** "Tỷ lệ …: đạt 99,5 % (2030)": a target's figures as the officer reads them. */
function figuresText(t: Figures, nameOf: (code: string) => string): string {
  return `${nameOf(t.indicatorCode)}: ${cmpWord(t.comparator)} ${valueWithUnit(num(t.value), t.unit)}${t.year ? ` (${t.year})` : ''}`;
}

/** What saving a re-imported document would change in the saved plan, list by list. */
function ReimportDiff({
  existing,
  diff,
  incoming,
  tasks,
  nameOf,
}: {
  existing: Existing;
  diff: PlanDiff;
  incoming: Figures[];
  tasks: { title: string }[];
  nameOf: (code: string) => string;
}) {
  const saved = new Map(existing.targets.map((t) => [t.id, t]));
  const added = diff.targets.flatMap((c) => (c.kind === 'added' ? [incoming[c.incoming]!] : []));
  const removed = diff.targets.flatMap((c) => (c.kind === 'removed' ? [saved.get(c.savedId)!] : []));
  const changed = diff.targets.flatMap((c) => (c.kind === 'changed' ? [{ before: saved.get(c.savedId)!, after: incoming[c.incoming]! }] : []));
  const unchanged = diff.targets.filter((c) => c.kind === 'unchanged');
  const kept = unchanged.filter((c) => c.kind === 'unchanged' && c.keptCorrection).length;
  return (
    <section aria-labelledby="reimport-h" class="panel reimport" id="reimport-diff">
      <h2 id="reimport-h">{m('reimportTitle')}</h2>
      <p>{fillIn(m('reimportLead'), { number: existing.number ?? `#${existing.id}`, version: existing.version, next: existing.version + 1 })}</p>
      {diff.empty && (
        <p class="notice" role="status">
          {m('reimportNone')}
        </p>
      )}
      {added.length > 0 && (
        <>
          <h3>{fillIn(m('reimportAdded'), { n: added.length })}</h3>
          <ul class="diff-list diff-list--added">
            {added.map((t, i) => (
              <li key={i}>{figuresText(t, nameOf)}</li>
            ))}
          </ul>
        </>
      )}
      {removed.length > 0 && (
        <>
          <h3>{fillIn(m('reimportRemoved'), { n: removed.length })}</h3>
          <ul class="diff-list diff-list--removed">
            {removed.map((t) => (
              <li key={t.id}>
                <del>{figuresText(t, nameOf)}</del>
              </li>
            ))}
          </ul>
        </>
      )}
      {changed.length > 0 && (
        <>
          <h3>{fillIn(m('reimportChanged'), { n: changed.length })}</h3>
          <ul class="diff-list diff-list--changed">
            {changed.map(({ before, after }) => (
              <li key={before.id}>
                <del>{figuresText(before, nameOf)}</del> → <ins>{figuresText(after, nameOf)}</ins>
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="hint">{fillIn(m('reimportUnchanged'), { n: unchanged.length, k: kept })}</p>
      {diff.tasks.added.length > 0 && (
        <>
          <h3>{fillIn(m('reimportTasksAdded'), { n: diff.tasks.added.length })}</h3>
          <ul class="diff-list diff-list--added">
            {diff.tasks.added.map((i) => (
              <li key={i}>{tasks[i]!.title}</li>
            ))}
          </ul>
        </>
      )}
      {diff.tasks.removed.length > 0 && (
        <>
          <h3>{fillIn(m('reimportTasksRemoved'), { n: diff.tasks.removed.length })}</h3>
          <ul class="diff-list diff-list--removed">
            {diff.tasks.removed.map((i) => (
              <li key={i}>
                <del>{existing.tasks[i]!.title}</del>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The [start, end) offsets in the document of the current selection, when it lies inside `root`. */
function selectionOffsets(root: HTMLElement | null): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!root || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const at = (node: Node, offset: number): number | null => {
    if (!root.contains(node)) return null;
    if (node.nodeType === Node.TEXT_NODE) {
      const seg = (node.parentElement as HTMLElement | null)?.closest<HTMLElement>('[data-start]');
      return seg ? Number(seg.dataset.start) + offset : null;
    }
    // An element boundary: the start of its offset-th child (or the end of the last one).
    const el = node as HTMLElement;
    const child = el.childNodes[offset] as HTMLElement | undefined;
    if (child?.dataset?.start) return Number(child.dataset.start);
    const last = el.lastElementChild as HTMLElement | null;
    return last?.dataset.start ? Number(last.dataset.start) + (last.textContent?.length ?? 0) : null;
  };
  const a = at(range.startContainer, range.startOffset);
  const b = at(range.endContainer, range.endOffset);
  if (a === null || b === null || b <= a) return null;
  return { start: a, end: b };
}
