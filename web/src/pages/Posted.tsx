// Niêm yết công khai (issue 14 item 3): the lists a commune posts before a decision, on the public
// page for their legal period (/niem-yet?xa=: the commune's lists on view; /niem-yet/:id: one
// list, only name, hamlet and group, with the comment form), and the officer's page
// (/niem-yet-xa?unit=: the lists with the comments received and the answer to each).
import { useState } from 'preact/hooks';
import '../i18n/vi/applications.ts';
import '../i18n/vi/posted.ts';
import '../i18n/vi/procedures.ts';
import { t, txt } from '../i18n/index.ts';
import { Loaded, useApi, formErrorsFrom } from '../components/data.tsx';
import { ErrorSummary, Field, Notice } from '../components/forms.tsx';
import type { FormError } from '../lib/problems.ts';
import { answerComment, commentOnList, postedPaths, type OfficerList, type OfficerLists, type PublicList, type PublicLists } from '../api/citizens.ts';
import type { PageProps } from '../routes.ts';

const viDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');
const period = (p: PublicList['list']['period']) =>
  t('posted.period', { from: viDate(p.postedOn), until: viDate(p.postedUntil), n: p.workingDays, basis: p.basis });

function Index({ commune }: { commune: string }) {
  const [code, setCode] = useState(commune);
  const state = useApi<PublicLists>(/^[0-9]{5}$/.test(commune) ? postedPaths.onView(commune) : null);
  return (
    <>
      <h1>{t('posted.title')}</h1>
      <p>{t('posted.intro')}</p>
      <form method="get" action="/niem-yet">
        <Field
          id="xa"
          label={t('applications.commune')}
          hint={t('applications.communeHint')}
          inputMode="numeric"
          maxLength={5}
          value={code}
          onValue={setCode}
        />
        <button type="submit" class="button">
          {t('posted.show')}
        </button>
      </form>
      {commune && (
        <Loaded state={state}>
          {(d) => (
            <>
              <h2>{d.commune}</h2>
              {d.items.length === 0 ? (
                <p>{t('posted.none')}</p>
              ) : (
                <ul class="card-list">
                  {d.items.map((l) => (
                    <li key={l.id} class="card">
                      <h3>
                        <a href={`/niem-yet/${l.id}`}>{l.title}</a>
                      </h3>
                      <p>{txt(l.kindName)}</p>
                      <p class="hint">{period(l.period)}</p>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </Loaded>
      )}
    </>
  );
}

const commentFields = { author: 'comment-author', contact: 'comment-contact', body: 'comment-body' };

function CommentForm({ id }: { id: string }) {
  const [v, setV] = useState({ author: '', contact: '', body: '' });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const err = (f: string) => errors.find((x) => x.field === f)?.message;
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      await commentOnList(id, { author: v.author.trim(), body: v.body.trim(), ...(v.contact.trim() ? { contact: v.contact.trim() } : {}) });
      setSent(true);
      setErrors([]);
    } catch (x) {
      setErrors(formErrorsFrom(x, commentFields, commentFields.body));
    } finally {
      setBusy(false);
    }
  }
  if (sent) return <Notice>{t('posted.sent')}</Notice>;
  const bodyError = err(commentFields.body);
  return (
    <form onSubmit={submit} noValidate>
      <h2>{t('posted.commentTitle')}</h2>
      <p>{t('posted.commentIntro')}</p>
      <ErrorSummary errors={errors} />
      <Field
        id={commentFields.author}
        label={t('posted.author')}
        maxLength={120}
        value={v.author}
        onValue={(x) => setV({ ...v, author: x })}
        error={err(commentFields.author)}
      />
      <Field
        id={commentFields.contact}
        label={t('posted.contact')}
        hint={t('posted.contactHint')}
        maxLength={120}
        value={v.contact}
        onValue={(x) => setV({ ...v, contact: x })}
        error={err(commentFields.contact)}
      />
      <div class={`field${bodyError ? ' field--error' : ''}`}>
        <label for={commentFields.body}>{t('posted.body')}</label>
        {bodyError && (
          <p class="field-error" id={`${commentFields.body}-error`}>
            <span class="visually-hidden">{t('errors.prefix')} </span>
            {bodyError}
          </p>
        )}
        <textarea
          class="input"
          id={commentFields.body}
          name={commentFields.body}
          rows={5}
          maxLength={2000}
          value={v.body}
          aria-describedby={bodyError ? `${commentFields.body}-error` : undefined}
          aria-invalid={bodyError ? 'true' : undefined}
          onInput={(e) => setV({ ...v, body: (e.target as HTMLTextAreaElement).value })}
        />
      </div>
      <button type="submit" class="button" disabled={busy}>
        {t('posted.send')}
      </button>
    </form>
  );
}

function One({ id }: { id: string }) {
  const state = useApi<PublicList>(postedPaths.list(id));
  return (
    <Loaded state={state}>
      {(d) => (
        <article>
          <p>
            <a href="/niem-yet">{t('posted.back')}</a>
          </p>
          <h1>{d.list.title}</h1>
          <p>
            {txt(d.list.kindName)} · {d.list.commune}
          </p>
          <p>
            {period(d.list.period)}
            {!d.list.period.verified && <span class="hint"> ({t('procedures.unverified')})</span>}
          </p>
          <p class="hint">{t('posted.fieldsNote')}</p>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('posted.position')}</th>
                <th scope="col">{t('applications.name')}</th>
                <th scope="col">{t('posted.hamlet')}</th>
                <th scope="col">{t('posted.group')}</th>
              </tr>
            </thead>
            <tbody>
              {d.entries.map((e) => (
                <tr key={e.position}>
                  <td>{e.position}</td>
                  <td>{e.fullName}</td>
                  <td>{e.hamlet}</td>
                  <td>{e.group}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <CommentForm id={id} />
        </article>
      )}
    </Loaded>
  );
}

function Answer({ list, id, onDone }: { list: number; id: number; onDone: () => void }) {
  const [answer, setAnswer] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const field = `answer-${id}`;
  async function submit(e: Event) {
    e.preventDefault();
    try {
      await answerComment(list, id, answer.trim());
      onDone();
    } catch (x) {
      setErrors(formErrorsFrom(x, { answer: field }, field));
    }
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} />
      <Field id={field} label={t('posted.answer')} value={answer} onValue={setAnswer} error={errors.find((x) => x.field === field)?.message} />
      <button type="submit" class="button">
        {t('posted.record')}
      </button>
    </form>
  );
}

function OfficerOne({ id }: { id: number }) {
  const [n, setN] = useState(0);
  const state = useApi<OfficerList>(`${postedPaths.officerList(id)}${n ? `?r=${n}` : ''}`);
  return (
    <Loaded state={state}>
      {(d) => (
        <section>
          <h2>{d.list.title}</h2>
          <p>
            {period(d.list.period)} · {d.list.decision ? t('posted.decided', { number: d.list.decision.number, date: viDate(d.list.decision.decidedOn) }) : ''}
          </p>
          <h3>{t('posted.comments', { n: d.comments.length })}</h3>
          <ul>
            {d.comments.map((c) => (
              <li key={c.id}>
                <p>
                  <strong>{c.author}</strong> {c.contact && <span class="hint">({c.contact})</span>} · {viDate(c.receivedOn)}
                </p>
                <p>{c.body}</p>
                {c.state === 'considered' ? (
                  <p class="hint">
                    {t('posted.answered')}: {c.answer}
                  </p>
                ) : (
                  <Answer list={id} id={c.id} onDone={() => setN(n + 1)} />
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Loaded>
  );
}

function Officer({ unit }: { unit: string }) {
  const state = useApi<OfficerLists>(unit ? postedPaths.ofUnit(unit) : null);
  return (
    <>
      <h1>{t('posted.workTitle')}</h1>
      <Loaded state={state}>
        {(d) =>
          d.items.length === 0 ? (
            <p>{t('posted.none')}</p>
          ) : (
            <>
              {d.items.map((l) => (
                <OfficerOne key={l.id} id={l.id} />
              ))}
            </>
          )
        }
      </Loaded>
    </>
  );
}

export default function Posted({ params, query }: PageProps) {
  if (params.id) return <One id={params.id} />;
  if (query.has('unit')) return <Officer unit={query.get('unit') ?? ''} />;
  return <Index commune={query.get('xa') ?? ''} />;
}
