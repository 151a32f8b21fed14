// Quản trị › Nhật ký hệ thống: the audit log (GET /api/audit) with filters kept in the address,
// so a filtered view can be bookmarked. Dates are typed dd/mm/yyyy and sent as ISO dates.
import '../i18n/vi/admin.ts';
import { useEffect, useState } from 'preact/hooks';
import type { PageProps } from '../routes.ts';
import { formatDate, formatDateTime, num, parseDate, t } from '../i18n/index.ts';
import type { AuditPage } from '../../../src/audit/schemas.ts';
import { Link, navigate, queryString } from '../lib/router.tsx';
import { errorFor, type FormError } from '../lib/problems.ts';
import { ErrorSummary, Field } from '../components/forms.tsx';
import { Loaded, useApi } from '../components/data.tsx';
import * as auditApi from '../api/audit.ts';

// GET /api/audit filters (src/audit/routes.ts); pages of 50, newest first.
const keys = ['actor', 'entity', 'entityId', 'from', 'to'] as const;
type Filters = Record<(typeof keys)[number], string>;

/** GET /api/audit/anchor: the chain head now and the latest anchor written outside the database. */
type AnchorState = auditApi.AuditAnchorView;

/** The latest anchor of the hash chain (issue 18 item 6): so that cutting or rewriting the log shows. */
function AnchorPanel() {
  const state = useApi<AnchorState>(auditApi.paths.anchor);
  return (
    <section class="panel" aria-labelledby="audit-anchor-title">
      <h2 id="audit-anchor-title">{t('audit.anchor.title')}</h2>
      <Loaded state={state}>
        {(a) => (
          <>
            {a.latest ? (
              <dl class="facts">
                <dt>{t('audit.anchor.latest', { seq: num(a.latest.seq), at: formatDateTime(a.latest.at) })}</dt>
                <dd>
                  {t('audit.anchor.hash')}: <code class="hash">{a.latest.hash}</code>
                </dd>
                <dd>
                  {t('audit.anchor.place')}: <code>{a.latest.place}</code>
                </dd>
              </dl>
            ) : (
              <p>{t('audit.anchor.none')}</p>
            )}
            {a.head && <p>{t('audit.anchor.head', { n: num(a.head.seq) })}</p>}
            <p class="muted">{t('audit.anchor.why')}</p>
          </>
        )}
      </Loaded>
    </section>
  );
}

export default function Audit({ query }: PageProps) {
  const fromQuery = (): Filters => ({
    actor: query.get('actor') ?? '',
    entity: query.get('entity') ?? '',
    entityId: query.get('entityId') ?? '',
    from: formatDate(query.get('from')),
    to: formatDate(query.get('to')),
  });
  const [f, setF] = useState<Filters>(fromQuery);
  const [errors, setErrors] = useState<FormError[]>([]);
  const qs = query.toString();
  useEffect(() => setF(fromQuery()), [qs]);
  const pageNo = Math.max(1, Number(query.get('page') ?? 1) || 1);
  const api = Object.fromEntries(keys.map((k) => [k, query.get(k) ?? undefined]));
  const state = useApi<AuditPage>(auditApi.paths.page({ ...api, page: pageNo > 1 ? pageNo : undefined }));
  const set = (k: keyof Filters) => (v: string) => setF({ ...f, [k]: v });

  const submit = (e: Event) => {
    e.preventDefault();
    const local: FormError[] = [];
    const iso: Record<string, string | undefined> = {};
    for (const k of ['from', 'to'] as const) {
      if (f[k].trim() === '') continue;
      const d = parseDate(f[k]);
      if (!d) local.push({ field: `audit-${k}`, message: t('audit.dateInvalid') });
      else iso[k] = d;
    }
    setErrors(local);
    if (local.length) return;
    navigate(`/quan-tri/nhat-ky${queryString({ actor: f.actor.trim(), entity: f.entity.trim(), entityId: f.entityId.trim(), ...iso })}`);
  };
  const page = (n: number) => `/quan-tri/nhat-ky${queryString({ ...api, page: n > 1 ? n : undefined })}`;

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <AnchorPanel />
      <ErrorSummary errors={errors} />
      <form class="filters" onSubmit={submit} noValidate>
        <Field id="audit-actor" label={t('audit.actor')} value={f.actor} onValue={set('actor')} />
        <Field id="audit-entity" label={t('audit.entity')} hint={t('audit.entityHint')} value={f.entity} onValue={set('entity')} />
        <Field id="audit-entity-id" label={t('audit.entityId')} value={f.entityId} onValue={set('entityId')} />
        <Field
          id="audit-from"
          label={t('audit.from')}
          hint={t('audit.dateHint')}
          inputMode="numeric"
          value={f.from}
          onValue={set('from')}
          error={errorFor(errors, 'audit-from')}
        />
        <Field
          id="audit-to"
          label={t('audit.to')}
          hint={t('audit.dateHint')}
          inputMode="numeric"
          value={f.to}
          onValue={set('to')}
          error={errorFor(errors, 'audit-to')}
        />
        <p class="actions">
          <button type="submit" class="button">
            {t('common.filter')}
          </button>
          <Link href="/quan-tri/nhat-ky">{t('common.clear')}</Link>
        </p>
      </form>
      <Loaded state={state}>
        {(data) => {
          const rows = data.items;
          const total = data.total;
          const size = data.pageSize;
          if (rows.length === 0) return <p>{t('audit.empty')}</p>;
          return (
            <>
              <p class="results-count" role="status">
                {t('audit.count', { n: num(total), from: num((pageNo - 1) * size + 1), to: num((pageNo - 1) * size + rows.length) })}
              </p>
              <div class="table-wrap" tabIndex={0} role="region" aria-label={t('audit.title')}>
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('audit.at')}</th>
                      <th scope="col">{t('audit.actor')}</th>
                      <th scope="col">{t('audit.action')}</th>
                      <th scope="col">{t('audit.entity')}</th>
                      <th scope="col">{t('audit.ip')}</th>
                      <th scope="col">{t('audit.details')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((e) => {
                      const detail = e.before != null || e.after != null ? { before: e.before ?? null, after: e.after ?? null } : undefined;
                      return (
                        <tr key={e.seq}>
                          <td>{formatDateTime(e.at)}</td>
                          <td>{e.actorUsername ?? t('audit.system')}</td>
                          <td>
                            {e.actionLabel}
                            <br />
                            <code class="muted">{e.action}</code>
                          </td>
                          <td>
                            {e.entityLabel} {e.entityId != null && <code>{e.entityId}</code>}
                            {e.unitName && (
                              <>
                                <br />
                                <span class="muted">{e.unitName}</span>
                              </>
                            )}
                          </td>
                          <td>{e.ip}</td>
                          <td>
                            {detail !== undefined && (
                              <details>
                                <summary>{t('audit.details')}</summary>
                                <pre>{JSON.stringify(detail, null, 2)}</pre>
                              </details>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <nav class="pager" aria-label={t('audit.title')}>
                {pageNo > 1 && <Link href={page(pageNo - 1)}>{t('common.previous')}</Link>}
                {pageNo * size < total && <Link href={page(pageNo + 1)}>{t('common.next')}</Link>}
              </nav>
            </>
          );
        }}
      </Loaded>
    </>
  );
}
