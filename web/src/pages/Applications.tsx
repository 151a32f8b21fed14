// Hồ sơ: the public status page of an application by its tracking code (/ho-so/:code: each step
// with its legal deadline, the decision; the name masked), and the commune's work list
// (/ho-so-xa?unit=: applications by working days left, late first; complaints by days left).
import '../i18n/vi/applications.ts';
import { useState } from 'preact/hooks';
import { t, txt } from '../i18n/index.ts';
import { Loaded, useApi, formErrorsFrom } from '../components/data.tsx';
import { ErrorSummary, Field, SelectField } from '../components/forms.tsx';
import type { FormError } from '../lib/problems.ts';
import {
  applicationPaths,
  applicationProcedures,
  decideApplication,
  fileApplication,
  type ApplicationStatus,
  type ApplicationWorkList,
  type ComplaintList,
  type Filed,
} from '../api/citizens.ts';
import type { PageProps } from '../routes.ts';

const viDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

function Status({ code }: { code: string }) {
  const state = useApi<ApplicationStatus>(applicationPaths.status(code));
  return (
    <Loaded state={state}>
      {(a) => (
        <article>
          <h1>{t('applications.statusTitle')}</h1>
          <p>
            {t('applications.code')}: <strong>{a.trackingCode}</strong> · {txt(a.procedureName)} · {a.commune} · {a.applicant}
          </p>
          <ol class="steps">
            {a.steps.map((s) => (
              <li key={s.key}>
                <strong>{txt(s.name)}</strong>: {s.state === 'done' ? t('applications.done') : t('applications.open')}
                {s.due && (
                  <>
                    {' '}
                    · {t('applications.due')} {viDate(s.due)}
                  </>
                )}
                {s.late && <strong class="tag tag--late"> {t('home.work.late')}</strong>}
                {s.basis && <span class="hint"> ({s.basis})</span>}
              </li>
            ))}
          </ol>
          {a.decision && (
            <p role="status">
              {a.decision.outcome === 'granted' ? t('applications.granted') : t('applications.refused')} ({viDate(a.decision.decidedOn)}
              {a.decision.number ? `, ${a.decision.number}` : ''}){a.decision.reasons ? `: ${a.decision.reasons}` : ''}
            </p>
          )}
        </article>
      )}
    </Loaded>
  );
}

const formFields = {
  procedure: 'app-procedure',
  communeCode: 'app-commune',
  applicantName: 'app-name',
  personalId: 'app-id',
  birthDate: 'app-birth',
  phone: 'app-phone',
  documents: 'app-documents',
};

/** dd/mm/yyyy → yyyy-mm-dd (or the text as typed, for the server to refuse with its message). */
const isoOf = (s: string) => {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s.trim());
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : s.trim();
};

export function Apply({ query }: Partial<PageProps>) {
  const asked = query?.get('thu-tuc') ?? '';
  const [v, setV] = useState<Record<string, string>>({
    procedure: (applicationProcedures as readonly string[]).includes(asked) ? asked : 'tro-cap-xa-hoi-hang-thang',
  });
  const [files, setFiles] = useState<FileList | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [filed, setFiled] = useState<Filed | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: string) => (x: string) => setV({ ...v, [k]: x });
  const err = (id: string) => errors.find((x) => x.field === id)?.message;
  async function submit(e: Event) {
    e.preventDefault();
    const f = new FormData();
    for (const [k, x] of Object.entries(v)) if (x.trim()) f.append(k, k === 'birthDate' ? isoOf(x) : x.trim());
    for (const file of Array.from(files ?? [])) f.append('documents', file, file.name);
    setBusy(true);
    try {
      setFiled(await fileApplication(f));
      setErrors([]);
    } catch (x) {
      setErrors(formErrorsFrom(x, formFields, formFields.applicantName));
    } finally {
      setBusy(false);
    }
  }
  if (filed)
    return (
      <article>
        <h1>{t('applications.filedTitle')}</h1>
        <p role="status">
          {t('applications.code')}: <strong id="tracking-code">{filed.trackingCode}</strong>
        </p>
        <p>{t('applications.keepCode')}</p>
        <p>
          <a href={filed.statusUrl}>{t('applications.followLink')}</a>
        </p>
      </article>
    );
  return (
    <>
      <h1>{t('applications.applyTitle')}</h1>
      <p>{t('applications.applyIntro')}</p>
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <SelectField
          id={formFields.procedure}
          label={t('applications.procedure')}
          value={v.procedure ?? ''}
          onValue={set('procedure')}
          options={[
            { value: 'tro-cap-xa-hoi-hang-thang', label: t('applications.p.assistance') },
            { value: 'tro-cap-huu-tri-xa-hoi', label: t('applications.p.pension') },
            { value: 'ho-tro-mai-tang', label: t('applications.p.funeral') },
          ]}
        />
        <Field
          id={formFields.communeCode}
          label={t('applications.commune')}
          hint={t('applications.communeHint')}
          inputMode="numeric"
          maxLength={5}
          value={v.communeCode ?? ''}
          onValue={set('communeCode')}
          error={err(formFields.communeCode)}
        />
        <Field
          id={formFields.applicantName}
          label={t('applications.name')}
          value={v.applicantName ?? ''}
          onValue={set('applicantName')}
          error={err(formFields.applicantName)}
        />
        <Field
          id={formFields.personalId}
          label={t('applications.personalId')}
          inputMode="numeric"
          maxLength={12}
          value={v.personalId ?? ''}
          onValue={set('personalId')}
          error={err(formFields.personalId)}
        />
        <Field
          id={formFields.birthDate}
          label={t('applications.birthDate')}
          hint="dd/mm/yyyy"
          maxLength={10}
          value={v.birthDate ?? ''}
          onValue={set('birthDate')}
          error={err(formFields.birthDate)}
        />
        <Field
          id={formFields.phone}
          label={t('applications.phone')}
          inputMode="numeric"
          maxLength={11}
          value={v.phone ?? ''}
          onValue={set('phone')}
          error={err(formFields.phone)}
        />
        <div class="field">
          <label for={formFields.documents}>{t('applications.documents')}</label>
          <p class="hint">{t('applications.documentsHint')}</p>
          <input
            id={formFields.documents}
            type="file"
            multiple
            accept="application/pdf,image/jpeg,image/png"
            onChange={(e) => setFiles((e.target as HTMLInputElement).files)}
          />
        </div>
        <button type="submit" class="button" disabled={busy}>
          {t('applications.submit')}
        </button>
      </form>
    </>
  );
}

function Decide({ id, onDone }: { id: number; onDone: () => void }) {
  // The day in Vietnam (UTC+7), as the server counts it.
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const [outcome, setOutcome] = useState('granted');
  const [number, setNumber] = useState('');
  const [signer, setSigner] = useState('');
  const [reasons, setReasons] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const fields = { number: 'dec-number', signer: 'dec-signer', reasons: 'dec-reasons', personId: 'dec-number', decidedOn: 'dec-number' };
  const err = (k: string) => errors.find((x) => x.field === k)?.message;
  async function submit(e: Event) {
    e.preventDefault();
    try {
      await decideApplication(id, {
        outcome: outcome as 'granted',
        decidedOn: today,
        signer,
        ...(number.trim() ? { number } : {}),
        ...(reasons.trim() ? { reasons } : {}),
      });
      onDone();
    } catch (x) {
      setErrors(formErrorsFrom(x, fields, fields.number));
    }
  }
  return (
    <form onSubmit={submit} noValidate class="card">
      <h2>{t('applications.decideTitle')}</h2>
      <ErrorSummary errors={errors} />
      <SelectField
        id="dec-outcome"
        label={t('applications.outcome')}
        value={outcome}
        onValue={setOutcome}
        options={[
          { value: 'granted', label: t('applications.granted') },
          { value: 'refused', label: t('applications.refused') },
        ]}
      />
      <Field id={fields.number} label={t('applications.decisionNumber')} value={number} onValue={setNumber} error={err(fields.number)} />
      <Field id={fields.signer} label={t('applications.signer')} value={signer} onValue={setSigner} error={err(fields.signer)} />
      <Field id={fields.reasons} label={t('applications.reasons')} value={reasons} onValue={setReasons} error={err(fields.reasons)} />
      <button type="submit" class="button">
        {t('applications.record')}
      </button>
    </form>
  );
}

function WorkList({ unit }: { unit: string }) {
  const [deciding, setDeciding] = useState<number | null>(null);
  const apps = useApi<ApplicationWorkList>(applicationPaths.workList(unit, true));
  const complaints = useApi<ComplaintList>(applicationPaths.complaints(unit));
  return (
    <>
      <h1>{t('applications.workTitle')}</h1>
      <Loaded state={apps}>
        {(l) => (
          <table>
            <caption>{t('applications.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('applications.code')}</th>
                <th scope="col">{t('applications.applicant')}</th>
                <th scope="col">{t('applications.procedure')}</th>
                <th scope="col">{t('applications.received')}</th>
                <th scope="col">{t('applications.due')}</th>
                <th scope="col">{t('applications.daysLeft')}</th>
                <th scope="col">{t('applications.action')}</th>
              </tr>
            </thead>
            <tbody>
              {l.items.map((i) => (
                <tr key={i.id} class={i.late ? 'row--late' : ''}>
                  <td>{i.trackingCode}</td>
                  <td>{i.applicantName}</td>
                  <td>{txt(i.procedureName)}</td>
                  <td>{viDate(i.receivedOn)}</td>
                  <td>{viDate(i.due)}</td>
                  <td>{i.daysLeft ?? ''}</td>
                  <td>
                    {i.state === 'received' ? (
                      <button type="button" class="button button--secondary" onClick={() => setDeciding(i.id)}>
                        {t('applications.decide')}
                      </button>
                    ) : i.state === 'granted' ? (
                      t('applications.granted')
                    ) : (
                      t('applications.refused')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
      {deciding !== null && (
        <Decide
          id={deciding}
          onDone={() => {
            setDeciding(null);
            apps.reload();
          }}
        />
      )}
      <Loaded state={complaints}>
        {(l) => (
          <table>
            <caption>{t('applications.complaintsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('applications.kind')}</th>
                <th scope="col">{t('applications.applicant')}</th>
                <th scope="col">{t('applications.received')}</th>
                <th scope="col">{t('applications.due')}</th>
                <th scope="col">{t('applications.daysLeft')}</th>
              </tr>
            </thead>
            <tbody>
              {l.items.map((c) => (
                <tr key={c.id} class={c.late ? 'row--late' : ''}>
                  <td>{txt(c.kindName)}</td>
                  <td>{c.complainant}</td>
                  <td>{viDate(c.receivedOn)}</td>
                  <td>{viDate(c.due)}</td>
                  <td>{c.daysLeft ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </>
  );
}

export default function Applications({ params, query }: PageProps) {
  if (params.code) return <Status code={params.code} />;
  return <WorkList unit={query.get('unit') ?? ''} />;
}
