// Hồ sơ: the public status page of an application by its tracking code (/ho-so/:code: each step
// with its legal deadline, the decision; the name masked), and the commune's work list
// (/ho-so-xa?unit=: applications by working days left, late first; complaints by days left).
import { t, txt } from '../i18n/index.ts';
import { Loaded, useApi } from '../components/data.tsx';
import { applicationPaths, type ApplicationStatus, type ApplicationWorkList, type ComplaintList } from '../api/citizens.ts';
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

function WorkList({ unit }: { unit: string }) {
  const apps = useApi<ApplicationWorkList>(applicationPaths.workList(unit));
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
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
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
