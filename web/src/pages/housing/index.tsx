// Nhà ở: housing cases of the unit of work (or ?unit=CODE): the summary by stage, by commune and
// by funding source with the late cases, the list of cases by stage (late ones only on demand),
// a form that opens a case from a survey, and the survey list import with its row-level report.
// Route: { path: '/nha-o', ... }; a case opens at /nha-o/ho-so/:id (Case.tsx).
import '../../i18n/vi/housing.ts';
import { useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import { codeLabel, formatDate, parseDate, t, useLocale } from '../../i18n/index.ts';
import { useSession, useWorkUnit } from '../../lib/session.ts';
import { hasPermission } from '../../lib/scope.ts';
import { InScope } from '../../components/InScope.tsx';
import { Loaded, formErrorsFrom, useApi } from '../../components/data.tsx';
import { ErrorSummary, Field, Notice, SelectField } from '../../components/forms.tsx';
import type { FormError } from '../../lib/problems.ts';
import {
  findHousehold,
  importSurvey,
  openCase,
  paths,
  type CaseListView,
  type ImportReportView,
  type NewCaseBody,
  type SummaryView,
} from '../../api/housing.ts';
import { GROUPS as HOUSING_GROUPS, PROGRAMMES as HOUSING_PROGRAMMES, STAGES as HOUSING_STAGES, SUPPORT_TYPES as HOUSING_SUPPORT_TYPES } from './vocab.ts';
import { vnd } from './format.ts';

export default function Housing(props: PageProps) {
  const work = useWorkUnit();
  const unit = props.query.get('unit') ?? work?.code ?? null;
  useLocale();
  if (!unit || !/^\d{2,5}$/.test(unit))
    return (
      <>
        <h1>{t('housing.title')}</h1>
        <p>{t('housing.noUnit')}</p>
      </>
    );
  if (unit === work?.code) return <HousingOfUnit code={unit} />;
  return <InScope code={unit}>{() => <HousingOfUnit code={unit} />}</InScope>;
}

function HousingOfUnit({ code }: { code: string }) {
  const { user } = useSession();
  const writer = hasPermission(user, 'registry.write');
  const [stage, setStage] = useState('');
  const [late, setLate] = useState(false);
  const [page, setPage] = useState(1);
  const summary = useApi<SummaryView>(paths.summary(code));
  const cases = useApi<CaseListView>(paths.cases(code, { stage: stage || null, late, page }));
  const reload = () => {
    summary.reload();
    cases.reload();
  };
  return (
    <>
      <h1>{t('housing.title')}</h1>
      <p>{t('housing.intro')}</p>
      <Loaded state={summary}>{(s) => <Summary s={s} />}</Loaded>
      <section class="housing-cases" aria-labelledby="housing-cases">
        <h2 id="housing-cases">{t('housing.cases')}</h2>
        <div class="filters">
          <SelectField
            id="housing-stage"
            label={t('housing.filterStage')}
            value={stage}
            options={[{ value: '', label: t('housing.allStages') }, ...HOUSING_STAGES.map((s) => ({ value: s, label: codeLabel('housing.stage', s) }))]}
            onValue={(v) => {
              setStage(v);
              setPage(1);
            }}
          />
          <div class="checkbox">
            <input
              type="checkbox"
              id="housing-late"
              checked={late}
              onChange={(e) => {
                setLate((e.target as HTMLInputElement).checked);
                setPage(1);
              }}
            />
            <label for="housing-late">{t('housing.lateOnly')}</label>
          </div>
        </div>
        <Loaded state={cases}>{(d) => <CaseTable d={d} page={page} setPage={setPage} />}</Loaded>
      </section>
      {writer && <NewCase unit={code} done={reload} />}
      {writer && <SurveyImport unit={code} done={reload} />}
    </>
  );
}

function Summary({ s }: { s: SummaryView }) {
  return (
    <section class="housing-summary" aria-labelledby="housing-summary">
      <h2 id="housing-summary">{t('housing.summary')}</h2>
      <p>
        {t('housing.total')}: {s.total}
        {s.late > 0 && (
          <>
            {' · '}
            <strong class="late">{t('housing.lateCount', { n: s.late })}</strong>
          </>
        )}
      </p>
      <div class="table-wrap">
        <table class="table" id="housing-by-commune">
          <caption>{t('housing.byCommune')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('housing.commune')}</th>
              {HOUSING_STAGES.map((st) => (
                <th scope="col" key={st}>
                  {codeLabel('housing.stage', st)}
                </th>
              ))}
              <th scope="col">{t('housing.total')}</th>
              <th scope="col">{t('housing.late')}</th>
            </tr>
          </thead>
          <tbody>
            {s.communes.map((c) => (
              <tr key={c.code}>
                <th scope="row">{c.name}</th>
                {HOUSING_STAGES.map((st) => (
                  <td key={st}>{c.stages[st] ?? 0}</td>
                ))}
                <td>{c.total}</td>
                <td>{c.late}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="table-wrap">
        <table class="table" id="housing-money">
          <caption>{t('housing.money')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('housing.source')}</th>
              <th scope="col">{t('housing.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {s.money.map((m) => (
              <tr key={m.source}>
                <th scope="row">{codeLabel('housing.source', m.source)}</th>
                <td>{vnd(m.amount)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('housing.moneyTotal')}</th>
              <td>{vnd(s.moneyTotal)}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

function CaseTable({ d, page, setPage }: { d: CaseListView; page: number; setPage: (p: number) => void }) {
  if (d.items.length === 0) return <p class="muted">{t('housing.noCases')}</p>;
  const pages = Math.ceil(d.total / 50);
  return (
    <>
      <p class="results-count">{t('housing.count', { n: d.total })}</p>
      <div class="table-wrap">
        <table class="table" id="housing-case-list">
          <thead>
            <tr>
              <th scope="col">{t('housing.household')}</th>
              <th scope="col">{t('housing.head')}</th>
              <th scope="col">{t('housing.group')}</th>
              <th scope="col">{t('housing.supportType')}</th>
              <th scope="col">{t('housing.level')}</th>
              <th scope="col">{t('housing.stage')}</th>
              <th scope="col">{t('housing.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {d.items.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <a href={`/nha-o/ho-so/${c.id}`}>{c.household.code}</a>
                </th>
                <td>{c.household.headName ?? ''}</td>
                <td>{codeLabel('housing.group', c.group)}</td>
                <td>{codeLabel('housing.type', c.supportType)}</td>
                <td>{c.level.amount === null ? '—' : vnd(c.level.amount)}</td>
                <td>{codeLabel('housing.stage', c.stage)}</td>
                <td>
                  {formatDate(c.deadline)}
                  {c.late && <strong class="late"> · {t('housing.lateMark')}</strong>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <p>
          {page > 1 && (
            <button type="button" class="button button--secondary" onClick={() => setPage(page - 1)}>
              {t('housing.prev')}
            </button>
          )}{' '}
          {page < pages && (
            <button type="button" class="button button--secondary" onClick={() => setPage(page + 1)}>
              {t('housing.next')}
            </button>
          )}
        </p>
      )}
    </>
  );
}

function NewCase({ unit, done }: { unit: string; done: () => void }) {
  const empty = { householdCode: '', group: 'merit', programme: 'qd21', supportType: 'new', condition: '', surveyDate: '' };
  const [v, setV] = useState(empty);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [ok, setOk] = useState(false);
  const fields = { householdId: 'case-household', householdCode: 'case-household', surveyDate: 'case-date', condition: 'case-condition' };
  const submit = async (e: Event) => {
    e.preventDefault();
    setOk(false);
    try {
      const hh = await findHousehold(unit, v.householdCode.trim() || '-');
      await openCase({
        householdId: hh.id,
        // Choices of the selects; the server checks them.
        group: v.group as NewCaseBody['group'],
        programme: v.programme as NewCaseBody['programme'],
        supportType: v.supportType as NewCaseBody['supportType'],
        condition: v.condition,
        surveyDate: parseDate(v.surveyDate) ?? v.surveyDate,
      });
      setErrors([]);
      setOk(true);
      setV(empty);
      done();
    } catch (err) {
      setErrors(formErrorsFrom(err, fields, 'case-household'));
    }
  };
  const err = (k: string) => errors.find((x) => x.field === k)?.message;
  const set = (k: keyof typeof empty) => (x: string) => setV({ ...v, [k]: x });
  return (
    <form onSubmit={submit} class="housing-new-form" aria-labelledby="housing-new">
      <h2 id="housing-new">{t('housing.new')}</h2>
      <ErrorSummary errors={errors} />
      {ok && <Notice>{t('housing.created')}</Notice>}
      <Field
        id="case-household"
        label={t('housing.householdCode')}
        hint={t('housing.householdHint')}
        value={v.householdCode}
        error={err('case-household')}
        onValue={set('householdCode')}
      />
      <SelectField
        id="case-group"
        label={t('housing.group')}
        value={v.group}
        options={HOUSING_GROUPS.map((g) => ({ value: g, label: codeLabel('housing.group', g) }))}
        onValue={set('group')}
      />
      <SelectField
        id="case-programme"
        label={t('housing.programme')}
        value={v.programme}
        options={HOUSING_PROGRAMMES.map((g) => ({ value: g, label: codeLabel('housing.programme', g) }))}
        onValue={set('programme')}
      />
      <SelectField
        id="case-type"
        label={t('housing.supportType')}
        value={v.supportType}
        options={HOUSING_SUPPORT_TYPES.map((g) => ({ value: g, label: codeLabel('housing.type', g) }))}
        onValue={set('supportType')}
      />
      <Field id="case-condition" label={t('housing.condition')} value={v.condition} error={err('case-condition')} onValue={set('condition')} />
      <Field id="case-date" label={t('housing.surveyDate')} hint="dd/mm/yyyy" value={v.surveyDate} error={err('case-date')} onValue={set('surveyDate')} />
      <button type="submit" class="button">
        {t('housing.new')}
      </button>
    </form>
  );
}

function SurveyImport({ unit, done }: { unit: string; done: () => void }) {
  const [report, setReport] = useState<ImportReportView | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const dryRun = form.get('dryRun') === 'on';
    form.delete('dryRun');
    try {
      setReport(await importSurvey(unit, form, dryRun));
      setErrors([]);
      done();
    } catch (err) {
      setReport(null);
      setErrors(formErrorsFrom(err, { file: 'survey-file' }, 'survey-file'));
    }
  };
  return (
    <form onSubmit={submit} class="housing-import-form" aria-labelledby="housing-import">
      <h2 id="housing-import">{t('housing.import')}</h2>
      <p class="hint">{t('housing.importHint')}</p>
      <ErrorSummary errors={errors} />
      <div class="field">
        <label for="survey-file">{t('housing.file')}</label>
        <input class="input" id="survey-file" name="file" type="file" accept=".csv,.xlsx" />
      </div>
      <div class="checkbox">
        <input type="checkbox" id="survey-dry" name="dryRun" />
        <label for="survey-dry">{t('housing.dryRun')}</label>
      </div>
      <button type="submit" class="button">
        {t('housing.importButton')}
      </button>
      {report && <ImportResult r={report} />}
    </form>
  );
}

function ImportResult({ r }: { r: ImportReportView }) {
  const msg = r.written
    ? t('housing.importWritten', { created: r.created, exists: r.exists })
    : r.errors > 0
      ? t('housing.importRefused', { errors: r.errors })
      : t('housing.importChecked', { created: r.created, exists: r.exists, errors: r.errors });
  return (
    <div class="housing-import-result" role="status">
      <Notice kind={r.errors > 0 ? 'warning' : 'success'}>{msg}</Notice>
      <div class="table-wrap">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('housing.row')}</th>
              <th scope="col">{t('housing.householdCode')}</th>
              <th scope="col">{t('housing.outcome')}</th>
              <th scope="col">{t('housing.errors')}</th>
            </tr>
          </thead>
          <tbody>
            {r.rows.map((row) => (
              <tr key={row.row} class={row.outcome === 'error' ? 'row--error' : undefined}>
                <th scope="row">{row.row}</th>
                <td>{row.caseId ? <a href={`/nha-o/ho-so/${row.caseId}`}>{row.householdCode}</a> : row.householdCode}</td>
                <td>{codeLabel('housing.outcome', row.outcome)}</td>
                <td>{row.errors.map((e) => (useLocale() === 'en' ? e.message.en : e.message.vi)).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
