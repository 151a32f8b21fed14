// Kế hoạch (issue 4 part 7): one route, four views chosen by the query: the plan list of the
// unit of work (?unit= overrides), a plan (?id=N) with its review record, its cascade view
// (?id=N&view=doi-chieu): targets beside the plan above, with the coverage of the units below
// on a province plan, and the import-and-review page (?view=nhap, Import.tsx).
import { useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import { useLocale, num, formatDate } from '../../i18n/index.ts';
import { ApiError } from '../../lib/api.ts';
import { Link, queryString } from '../../lib/router.tsx';
import { useSession, useWorkUnit } from '../../lib/session.ts';
import { hasPermission } from '../../lib/scope.ts';
import { InScope } from '../../components/InScope.tsx';
import { formatDateTime } from '../../i18n/index.ts';
import ImportPlan from './Import.tsx';
import { Loaded, useApi, errorMessage } from '../../components/data.tsx';
import { m, cmpWord, fillIn, valueWithUnit } from './strings.ts';
import type {
  AssignmentList,
  CascadeView as CascadeOut,
  CorrectionTarget,
  CoverageView,
  PlanDetail,
  PlanList as PlanListOut,
} from '../../../../src/plans/schemas.ts';
import * as plansApi from '../../api/plans.ts';

// The shapes the server sends (src/plans/schemas.ts); a correction's before/after are open there.
type PlanItem = PlanListOut['items'][number];
type Target = PlanDetail['targets'][number];
interface Correction extends Omit<PlanDetail['corrections'][number], 'before' | 'after'> {
  before: CorrTarget | null;
  after: CorrTarget | null;
}
type CorrTarget = CorrectionTarget;
interface Plan extends Omit<PlanDetail, 'corrections'> {
  corrections: Correction[];
}
type AStatus = AssignmentList['items'][number];
type Assignment = PlanDetail['assignments'][number];
type CTarget = NonNullable<CascadeOut['rows'][number]['parent']>;
type Cascade = CascadeOut;
type Coverage = CoverageView;

const planHref = (id: number, view?: string) => `/ke-hoach${queryString({ id, view })}`;
const describe = (t: CTarget | null, unit = '') => (t ? `${cmpWord(t.comparator)} ${num(Number(t.value))}${unit}${t.year ? ` (${t.year})` : ''}` : '–');

export default function Plans({ query }: PageProps) {
  useLocale();
  const work = useWorkUnit();
  const id = Number(query.get('id')) || null;
  const session = useSession();
  if (query.get('view') === 'nhap') return <ImportPlan />;
  if (id !== null)
    return query.get('view') === 'doi-chieu' ? (
      <CascadeView id={id} />
    ) : (
      <PlanView id={id} saved={query.get('saved') === '1' ? 'new' : query.get('saved') === 'v' ? 'version' : null} />
    );
  const unit = query.get('unit') ?? work?.code ?? null;
  const page = (
    <>
      <h1>{m('title')}</h1>
      {hasPermission(session.user, 'plans.write') && (
        <p>
          <Link class="button" href={`/ke-hoach${queryString({ view: 'nhap' })}`}>
            {m('importPlan')}
          </Link>
        </p>
      )}
      {unit === null ? <p>{m('none')}</p> : <PlanList unit={unit} />}
    </>
  );
  // Another unit's plans (?unit=) only within the user's scope; the unit of work is in it.
  return unit !== null && unit !== work?.code ? <InScope code={unit}>{() => page}</InScope> : page;
}

function PlanList({ unit }: { unit: string }) {
  const state = useApi<{ items: PlanItem[] }>(plansApi.paths.list(unit));
  return (
    <Loaded state={state}>
      {(d) => (
        <>
          {(['own', 'above', 'below'] as const).map((rel) => {
            const items = d.items.filter((p) => p.relation === rel);
            if (rel !== 'own' && items.length === 0) return null;
            return (
              <section key={rel} aria-labelledby={`plans-${rel}`}>
                <h2 id={`plans-${rel}`}>{m(rel)}</h2>
                {items.length === 0 ? (
                  <p>{m('none')}</p>
                ) : (
                  <div class="table-wrap" tabIndex={0} role="region" aria-labelledby={`plans-${rel}`}>
                    <table class="table">
                      <caption class="visually-hidden">{m(rel)}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{m('number')}</th>
                          <th scope="col">{m('planTitle')}</th>
                          <th scope="col">{m('issuedOn')}</th>
                          <th scope="col">{m('unit')}</th>
                          <th scope="col">{m('targetsCount')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {items.map((p) => (
                          <tr key={p.id}>
                            <th scope="row">
                              <Link href={planHref(p.id)}>{p.number ?? `#${p.id}`}</Link>
                            </th>
                            <td>{p.title}</td>
                            <td>{formatDate(p.issuedOn)}</td>
                            <td>{p.unit.name}</td>
                            <td>{p.targets}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </section>
            );
          })}
        </>
      )}
    </Loaded>
  );
}

function PlanView({ id, saved }: { id: number; saved: 'new' | 'version' | null }) {
  const state = useApi<Plan>(plansApi.paths.plan(id));
  const work = useWorkUnit();
  // The implementing plan is drafted for the unit of work when the plan is another unit's (the
  // commune drafts its plan from the province programme), else for the plan's own unit.
  const draftUnit = (planUnit: string) => (work?.code && work.code !== planUnit ? work.code : planUnit);
  return (
    <Loaded state={state}>
      {(p) => (
        <>
          <p>
            <Link href="/ke-hoach">{m('back')}</Link>
          </p>
          {saved && (
            <div class="notice" role="status" id="plan-saved">
              {m(saved === 'version' ? 'reimportDone' : 'savedPlan')}
            </div>
          )}
          <h1>
            {p.number ? `${p.number}: ` : ''}
            {p.title}
          </h1>
          <dl class="facts">
            <dt>{m('number')}</dt>
            <dd>{p.number ?? '–'}</dd>
            <dt>{m('issuedOn')}</dt>
            <dd>{formatDate(p.issuedOn) || p.issuedOnText || '–'}</dd>
            <dt>{m('issuer')}</dt>
            <dd>{p.issuer ?? p.unit.name}</dd>
            <dt>{m('signer')}</dt>
            <dd>{[p.signerTitle, p.signer].filter(Boolean).join(' ') || '–'}</dd>
            {p.version > 1 && (
              <>
                <dt>{m('versionLabel')}</dt>
                <dd id="plan-version">{p.version}</dd>
              </>
            )}
            <dt>{m('implements')}</dt>
            <dd>
              {p.links.length === 0
                ? '–'
                : p.links.map((l, i) => (
                    <span key={i}>
                      {i > 0 && '; '}
                      {l.parentPlanId ? (
                        <Link href={planHref(l.parentPlanId)}>{l.parentNumber ?? l.parentReference}</Link>
                      ) : (
                        (l.parentNumber ?? l.parentReference)
                      )}
                    </span>
                  ))}
            </dd>
          </dl>
          <nav class="actions" aria-label={m('title')}>
            {p.links.some((l) => l.parentPlanId) && (
              <Link class="button button--secondary" href={planHref(p.id, 'doi-chieu')}>
                {m('cascade')}
              </Link>
            )}
            <a class="button button--secondary" href={plansApi.paths.draftDocx(p.id, draftUnit(p.unit.code))} download>
              {m('draft')}
            </a>
          </nav>
          <Targets targets={p.targets} />
          <Corrections list={p.corrections} />
          <Assignments plan={p} />
          <CoverageList id={p.id} />
        </>
      )}
    </Loaded>
  );
}

function Targets({ targets }: { targets: Target[] }) {
  const en = useLocale() === 'en';
  return (
    <section aria-labelledby="plan-targets">
      <h2 id="plan-targets">{m('targets')}</h2>
      <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="plan-targets">
        <table class="table">
          <caption class="visually-hidden">{m('targets')}</caption>
          <thead>
            <tr>
              <th scope="col">{m('indicator')}</th>
              <th scope="col">{m('comparator')}</th>
              <th scope="col">{m('value')}</th>
              <th scope="col">{m('year')}</th>
              <th scope="col">{m('source')}</th>
            </tr>
          </thead>
          <tbody>
            {targets.map((t) => (
              <tr key={t.id}>
                <th scope="row">
                  {(en ? t.nameEn : t.nameVi) ?? t.nameVi ?? t.indicatorCode}
                  {t.group && (
                    <>
                      {' '}
                      <span class="flag flag--group">{fillIn(m('groupFlag'), { group: t.group })}</span>
                    </>
                  )}
                </th>
                <td>{cmpWord(t.comparator)}</td>
                <td>{valueWithUnit(num(Number(t.value)), t.unit)}</td>
                <td>{t.year ?? '–'}</td>
                <td>
                  <small>{t.sourceText ?? ''}</small>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** What the officer changed on review: corrected, added and removed targets, by whom and when. */
function Corrections({ list }: { list: Correction[] }) {
  useLocale();
  if (!list || list.length === 0) return null;
  const show = (t: CorrTarget | null) =>
    t && t.indicatorCode
      ? `${t.indicatorName ?? t.indicatorCode}: ${cmpWord(t.comparator ?? '=')} ${valueWithUnit(num(Number(t.value)), t.unit ?? '')}${t.year ? ` (${t.year})` : ''}`
      : '–';
  return (
    <section aria-labelledby="plan-review">
      <h2 id="plan-review">{m('review')}</h2>
      <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="plan-review">
        <table class="table" id="corrections">
          <caption class="visually-hidden">{m('review')}</caption>
          <thead>
            <tr>
              <th scope="col">{m('reviewAction')}</th>
              <th scope="col">{m('before')}</th>
              <th scope="col">{m('after')}</th>
              <th scope="col">{m('by')}</th>
              <th scope="col">{m('at')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.id}>
                <th scope="row">{m('reviewActions')[c.action] ?? c.action}</th>
                <td>{show(c.before)}</td>
                <td>{show(c.after)}</td>
                <td>{c.displayName ?? c.username ?? '–'}</td>
                <td>{formatDateTime(c.correctedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Assignments({ plan }: { plan: Plan }) {
  const year = new Date().getFullYear();
  const st = useApi<{ items: AStatus[] }>(plansApi.paths.assignments(plan.unit.code, year));
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const byId = new Map((st.data?.items ?? []).map((a) => [a.id, a]));
  const set = async (a: Assignment, status: string) => {
    try {
      await plansApi.setAssignmentStatus(plan.id, a.id, { period: String(year), status: status as plansApi.SettableStatus }); // the select offers these only
      setMsg({ ok: true, text: m('saved') });
      st.reload();
    } catch (e) {
      if (e instanceof ApiError) setMsg({ ok: false, text: errorMessage(e) });
    }
  };
  if (plan.assignments.length === 0) return null;
  return (
    <section aria-labelledby="plan-assignments">
      <h2 id="plan-assignments">
        {m('assignments')} ({year})
      </h2>
      {msg && (
        <p class={`notice ${msg.ok ? 'notice--success' : 'notice--error'}`} role={msg.ok ? 'status' : 'alert'}>
          {msg.text}
        </p>
      )}
      <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="plan-assignments">
        <table class="table">
          <caption class="visually-hidden">{m('assignments')}</caption>
          <thead>
            <tr>
              <th scope="col">{m('agency')}</th>
              <th scope="col">{m('role')}</th>
              <th scope="col">{m('what')}</th>
              <th scope="col">{m('deadline')}</th>
              <th scope="col">{m('status')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.assignments.map((a) => {
              const s = byId.get(a.id);
              const status = s?.status ?? 'not_started';
              return (
                <tr key={a.id}>
                  <th scope="row">{a.agency}</th>
                  <td>{a.role === 'lead' ? m('lead') : m('coordinate')}</td>
                  <td>{a.what}</td>
                  <td>{formatDate(s?.deadline ?? a.dueDate) || '–'}</td>
                  <td>
                    {plan.canEdit ? (
                      <select
                        aria-label={`${m('setStatus')}: ${a.agency}`}
                        value={status === 'overdue' ? '' : status}
                        onChange={(e) => void set(a, (e.target as HTMLSelectElement).value)}
                      >
                        {status === 'overdue' && (
                          <option value="" disabled>
                            {m('statusNames').overdue}
                          </option>
                        )}
                        {['not_started', 'in_progress', 'done'].map((k) => (
                          <option key={k} value={k}>
                            {m('statusNames')[k]}
                          </option>
                        ))}
                      </select>
                    ) : (
                      (m('statusNames')[status] ?? status)
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const flagClass: Record<string, string> = {
  weaker: 'flag flag--bad',
  missing: 'flag flag--bad',
  year_mismatch: 'flag flag--warn',
  comparator_changed: 'flag flag--warn',
  extra: 'flag',
};

function CascadeView({ id }: { id: number }) {
  const state = useApi<Cascade>(plansApi.paths.cascade(id));
  return (
    <>
      <p>
        <Link href={planHref(id)}>{m('backPlan')}</Link>
      </p>
      <h1>{m('cascade')}</h1>
      <Loaded state={state}>
        {(c) => (
          <>
            <p>
              {m('childCol')}: <strong>{c.plan.number}</strong> · {m('parentCol')}:{' '}
              <Link href={planHref(c.parent.id)}>{c.parent.number ?? c.parent.title}</Link>
            </p>
            <p role="status">
              {m('summary')}: {m('flags').weaker} {c.summary.weaker} · {m('flags').missing} {c.summary.missing} · {m('flags').year_mismatch}{' '}
              {c.summary.yearMismatch} · {m('flags').comparator_changed} {c.summary.comparatorChanged}
            </p>
            <div class="table-wrap" tabIndex={0} role="region" aria-label={m('cascade')}>
              <table class="table" id="cascade">
                <caption>
                  {m('cascade')}: {c.plan.number} / {c.parent.number}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{m('indicator')}</th>
                    <th scope="col">{m('parentCol')}</th>
                    <th scope="col">{m('childCol')}</th>
                    <th scope="col">{m('flagsCol')}</th>
                    <th scope="col">{m('notes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.rows.map((r) => (
                    <tr key={r.indicatorCode} data-indicator={r.indicatorCode}>
                      <th scope="row">{r.indicatorName}</th>
                      <td>{describe(r.parent)}</td>
                      <td>{describe(r.child)}</td>
                      <td>
                        {r.flags.length === 0 ? (
                          <span class="flag flag--ok">{m('ok')}</span>
                        ) : (
                          r.flags.map((f) => (
                            <span key={f} class={flagClass[f] ?? 'flag'}>
                              {m('flags')[f] ?? f}
                            </span>
                          ))
                        )}
                      </td>
                      <td>
                        <small>{r.notes.join('; ')}</small>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <CoverageList id={c.parent.id} />
          </>
        )}
      </Loaded>
    </>
  );
}

/** The units under a plan and whether each issued its implementing plan (shown when there are any). */
export function CoverageList({ id }: { id: number }) {
  const state = useApi<Coverage>(plansApi.paths.coverage(id));
  if (!state.data || state.data.total === 0) return null;
  const c = state.data;
  return (
    <section aria-labelledby="plan-coverage">
      <h2 id="plan-coverage">
        {m('coverage')} ({c.issued}/{c.total})
      </h2>
      <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="plan-coverage">
        <table class="table">
          <caption class="visually-hidden">{m('coverage')}</caption>
          <thead>
            <tr>
              <th scope="col">{m('unit')}</th>
              <th scope="col">{m('number')}</th>
              <th scope="col">{m('status')}</th>
            </tr>
          </thead>
          <tbody>
            {c.items.map((i) => (
              <tr key={i.unit.code}>
                <th scope="row">{i.unit.name}</th>
                <td>{i.planId ? <Link href={planHref(i.planId)}>{i.number ?? `#${i.planId}`}</Link> : '–'}</td>
                <td>{i.issued ? <span class="flag flag--ok">{m('issued')}</span> : <span class="flag flag--bad">{m('notIssued')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
