// A housing case (/nha-o/ho-so/:id): the household, group, programme, support type and the level
// from law data with its basis, the dated stages with who confirmed each, a form that moves the
// case to a later stage (never backwards; approval asks for the decision number), and the
// funding by source with a form to record money, and the photos and documents of each stage
// reached (PDF, JPEG, PNG; the server reads the type from the bytes) with an upload form.
import '../../i18n/vi/housing.ts';
import { useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import { codeLabel, formatDate, parseDate, t, useLocale } from '../../i18n/index.ts';
import { Loaded, formErrorsFrom, useApi } from '../../components/data.tsx';
import { ErrorSummary, Field, Notice, SelectField } from '../../components/forms.tsx';
import type { FormError } from '../../lib/problems.ts';
import { useSession } from '../../lib/session.ts';
import { hasPermission } from '../../lib/scope.ts';
import { addFunding, moveStage, paths, uploadCaseDocument, type CaseDetailView, type FundingBody, type StageBody } from '../../api/housing.ts';
import { FUNDING_SOURCES, STAGES } from './vocab.ts';
import { vnd } from './format.ts';

export default function HousingCase({ params }: PageProps) {
  useLocale();
  const id = Number(params.id);
  const state = useApi<CaseDetailView>(Number.isInteger(id) && id > 0 ? paths.case(id) : null);
  return (
    <>
      <p>
        <a href="/nha-o">{t('housing.back')}</a>
      </p>
      <Loaded state={state}>{(d) => <CaseBody d={d} reload={state.reload} />}</Loaded>
    </>
  );
}

function CaseBody({ d, reload }: { d: CaseDetailView; reload: () => void }) {
  const c = d.case;
  const writer = hasPermission(useSession().user, 'registry.write');
  return (
    <>
      <h1>{t('housing.caseTitle', { code: c.household.code })}</h1>
      <dl class="facts" id="housing-case-facts">
        <div>
          <dt>{t('housing.head')}</dt>
          <dd>{c.household.headName ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('housing.commune')}</dt>
          <dd>{c.unit.name}</dd>
        </div>
        <div>
          <dt>{t('housing.group')}</dt>
          <dd>{codeLabel('housing.group', c.group)}</dd>
        </div>
        <div>
          <dt>{t('housing.programme')}</dt>
          <dd>{codeLabel('housing.programme', c.programme)}</dd>
        </div>
        <div>
          <dt>{t('housing.supportType')}</dt>
          <dd>{codeLabel('housing.type', c.supportType)}</dd>
        </div>
        <div>
          <dt>{t('housing.condition')}</dt>
          <dd>{c.condition || '—'}</dd>
        </div>
        <div>
          <dt>{t('housing.level')}</dt>
          <dd>
            {c.level.amount === null ? '—' : vnd(c.level.amount)} ({codeLabel('housing.levelStatus', c.level.status)})
            {c.level.basis && (
              <>
                <br />
                <span class="muted">
                  {t('housing.basis')}: {c.level.basis}
                </span>
              </>
            )}
          </dd>
        </div>
        {c.decision && (
          <>
            <div>
              <dt>{t('housing.decision')}</dt>
              <dd>
                {c.decision.number}, {formatDate(c.decision.date)}
              </dd>
            </div>
          </>
        )}
        <div>
          <dt>{t('housing.stage')}</dt>
          <dd>{codeLabel('housing.stage', c.stage)}</dd>
        </div>
        <div>
          <dt>{t('housing.deadline')}</dt>
          <dd>
            {formatDate(c.deadline) || '—'}
            {c.late && <strong class="late"> · {t('housing.lateMark')}</strong>}
          </dd>
        </div>
        <div>
          <dt>{t('housing.funded')}</dt>
          <dd>{vnd(c.funded)}</dd>
        </div>
      </dl>
      <section aria-labelledby="housing-stages">
        <h2 id="housing-stages">{t('housing.stages')}</h2>
        <ol class="housing-stages">
          {d.stages.map((s) => (
            <li key={s.stage}>
              <strong>{codeLabel('housing.stage', s.stage)}</strong> · {formatDate(s.date)} · {t('housing.confirmedBy')}: {s.confirmedBy}
              {s.note && ` · ${s.note}`}
            </li>
          ))}
        </ol>
        {writer && <MoveStage d={d} done={reload} />}
      </section>
      <section aria-labelledby="housing-funding">
        <h2 id="housing-funding">{t('housing.funding')}</h2>
        {d.funding.length === 0 ? (
          <p class="muted">{t('housing.noFunding')}</p>
        ) : (
          <ul class="housing-funding results">
            {d.funding.map((f) => (
              <li key={f.id}>
                {codeLabel('housing.source', f.source)} · {vnd(f.amount)} · {formatDate(f.date)} · {t('housing.recordedBy')}: {f.recordedBy}
                {f.note && ` · ${f.note}`}
              </li>
            ))}
          </ul>
        )}
        {writer && <AddFunding id={c.id} done={reload} />}
      </section>
      <section aria-labelledby="housing-documents">
        <h2 id="housing-documents">{t('housing.documents')}</h2>
        {d.documents.length === 0 ? (
          <p class="muted">{t('housing.noDocuments')}</p>
        ) : (
          <ul class="housing-documents results">
            {d.documents.map((x) => (
              <li key={x.id}>
                <strong>{codeLabel('housing.stage', x.stage)}</strong> ·{' '}
                <a href={paths.caseDocument(c.id, x.id)} target="_blank" rel="noopener">
                  {x.fileName}
                </a>{' '}
                · {Math.max(1, Math.round(x.size / 1024))} KB · {formatDate(x.uploadedAt.slice(0, 10))} · {x.uploadedBy}
              </li>
            ))}
          </ul>
        )}
        {writer && <UploadDocument d={d} done={reload} />}
      </section>
    </>
  );
}

function UploadDocument({ d, done }: { d: CaseDetailView; done: () => void }) {
  const reached = STAGES.slice(0, STAGES.indexOf(d.case.stage) + 1);
  const [stage, setStage] = useState<string>(d.case.stage);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [ok, setOk] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setOk(false);
    const formEl = e.target as HTMLFormElement;
    const form = new FormData(formEl);
    form.set('stage', stage);
    try {
      await uploadCaseDocument(d.case.id, form);
      setErrors([]);
      setOk(true);
      formEl.reset();
      done();
    } catch (err) {
      setErrors(formErrorsFrom(err, { file: 'document-file', stage: 'document-stage' }, 'document-file'));
    }
  };
  return (
    <form onSubmit={submit} class="housing-document-form">
      <ErrorSummary errors={errors} />
      {ok && <Notice>{t('housing.documentUploaded')}</Notice>}
      <SelectField
        id="document-stage"
        label={t('housing.documentStage')}
        value={stage}
        error={errors.find((x) => x.field === 'document-stage')?.message}
        options={reached.map((s) => ({ value: s, label: codeLabel('housing.stage', s) }))}
        onValue={setStage}
      />
      <div class={`field${errors.some((x) => x.field === 'document-file') ? ' field--error' : ''}`}>
        <label for="document-file">{t('housing.documentFile')}</label>
        <p class="hint" id="document-file-hint">
          {t('housing.documentHint')}
        </p>
        <input class="input" id="document-file" name="file" type="file" accept=".pdf,.jpg,.jpeg,.png" aria-describedby="document-file-hint" />
      </div>
      <button type="submit" class="button button--secondary">
        {t('housing.documentUpload')}
      </button>
    </form>
  );
}

function MoveStage({ d, done }: { d: CaseDetailView; done: () => void }) {
  const later = STAGES.slice(STAGES.indexOf(d.case.stage) + 1);
  const [v, setV] = useState<{ stage: string; date: string; decision: string; note: string }>({ stage: later[0] ?? '', date: '', decision: '', note: '' });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [ok, setOk] = useState(false);
  if (later.length === 0) return <p class="muted">{t('housing.done')}</p>;
  const stage = later.includes(v.stage as (typeof later)[number]) ? v.stage : later[0]!;
  const submit = async (e: Event) => {
    e.preventDefault();
    setOk(false);
    const body: StageBody = {
      stage: stage as StageBody['stage'], // a choice of the select; the server checks it
      date: parseDate(v.date) ?? v.date,
      ...(v.note.trim() ? { note: v.note.trim() } : {}),
      ...(v.decision.trim() ? { decision: { number: v.decision.trim() } } : {}),
    };
    try {
      await moveStage(d.case.id, body);
      setErrors([]);
      setOk(true);
      setV({ stage: '', date: '', decision: '', note: '' });
      done();
    } catch (err) {
      setErrors(formErrorsFrom(err, { stage: 'stage-stage', date: 'stage-date', decision: 'stage-decision' }, 'stage-stage'));
    }
  };
  const err = (k: string) => errors.find((x) => x.field === k)?.message;
  return (
    <form onSubmit={submit} class="housing-stage-form">
      <h3>{t('housing.move')}</h3>
      <ErrorSummary errors={errors} />
      {ok && <Notice>{t('housing.moved')}</Notice>}
      <SelectField
        id="stage-stage"
        label={t('housing.nextStage')}
        value={stage}
        error={err('stage-stage')}
        options={later.map((s) => ({ value: s, label: codeLabel('housing.stage', s) }))}
        onValue={(x) => setV({ ...v, stage: x })}
      />
      <Field id="stage-date" label={t('housing.date')} hint="dd/mm/yyyy" value={v.date} error={err('stage-date')} onValue={(x) => setV({ ...v, date: x })} />
      {stage === 'approved' && (
        <Field
          id="stage-decision"
          label={t('housing.decisionNumber')}
          hint={t('housing.decisionHint')}
          value={v.decision}
          error={err('stage-decision')}
          onValue={(x) => setV({ ...v, decision: x })}
        />
      )}
      <Field id="stage-note" label={t('housing.note')} value={v.note} onValue={(x) => setV({ ...v, note: x })} />
      <button type="submit" class="button">
        {t('housing.move')}
      </button>
    </form>
  );
}

function AddFunding({ id, done }: { id: number; done: () => void }) {
  const empty = { source: 'central', amount: '', date: '', note: '' };
  const [v, setV] = useState(empty);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [ok, setOk] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setOk(false);
    try {
      await addFunding(id, {
        source: v.source as FundingBody['source'], // a choice of the select; the server checks it
        amount: Number(v.amount.replace(/\D/g, '') || 0) * (v.amount.trim().startsWith('-') ? -1 : 1),
        date: parseDate(v.date) ?? v.date,
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
      });
      setErrors([]);
      setOk(true);
      setV(empty);
      done();
    } catch (err) {
      setErrors(formErrorsFrom(err, { amount: 'fund-amount', date: 'fund-date', source: 'fund-source' }, 'fund-amount'));
    }
  };
  const err = (k: string) => errors.find((x) => x.field === k)?.message;
  return (
    <form onSubmit={submit} class="housing-funding-form">
      <h3>{t('housing.addFunding')}</h3>
      <ErrorSummary errors={errors} />
      {ok && <Notice>{t('housing.fundingAdded')}</Notice>}
      <SelectField
        id="fund-source"
        label={t('housing.source')}
        value={v.source}
        options={FUNDING_SOURCES.map((s) => ({ value: s, label: codeLabel('housing.source', s) }))}
        onValue={(x) => setV({ ...v, source: x })}
      />
      <Field
        id="fund-amount"
        label={t('housing.amount')}
        inputMode="numeric"
        value={v.amount}
        error={err('fund-amount')}
        onValue={(x) => setV({ ...v, amount: x })}
      />
      <Field id="fund-date" label={t('housing.date')} hint="dd/mm/yyyy" value={v.date} error={err('fund-date')} onValue={(x) => setV({ ...v, date: x })} />
      <Field id="fund-note" label={t('housing.note')} value={v.note} onValue={(x) => setV({ ...v, note: x })} />
      <button type="submit" class="button">
        {t('housing.addFunding')}
      </button>
    </form>
  );
}
