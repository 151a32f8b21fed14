// Theo dõi chỉ tiêu: one page with three views chosen by ?view= (dashboard, form, inbox) for
// the unit of work (or ?unit=CODE) and a year (?year=). The dashboard opens on the last full
// year; the form and the inbox on the year being reported (due "trước ngày 01/12" of that
// year). Route: { path: '/theo-doi', ... }.
import type { PageProps } from '../../routes.ts';
import { useLocale } from '../../i18n/index.ts';
import { Link, navigate, queryString } from '../../lib/router.tsx';
import { useWorkUnit, useSession } from '../../lib/session.ts';
import { hasPermission } from '../../lib/scope.ts';
import { m } from './strings.ts';
import Dashboard from './Dashboard.tsx';
import Form from './Form.tsx';
import Inbox from './Inbox.tsx';

export default function Monitoring({ query }: PageProps) {
  useLocale();
  const work = useWorkUnit();
  const { user } = useSession();
  const unit = query.get('unit') ?? work?.code ?? null;
  const view = query.get('view') ?? 'dashboard';
  const current = new Date().getFullYear();
  const year = Number(query.get('year') ?? (view === 'dashboard' ? current - 1 : current));
  const link = (v: string, extra: Record<string, string | number> = {}) => `/theo-doi${queryString({ view: v, unit: unit ?? undefined, year, ...extra })}`;
  const years = Array.from({ length: current - 2019 }, (_, i) => current - i);
  return (
    <>
      <h1>{m('title')}</h1>
      <nav class="actions" aria-label={m('title')}>
        <Link href={link('dashboard')} aria-current={view === 'dashboard' ? 'page' : undefined}>
          {m('dashboard')}
        </Link>
        {hasPermission(user, 'monitoring.enter') && (
          <Link href={link('form', { year: current })} aria-current={view === 'form' ? 'page' : undefined}>
            {m('form')}
          </Link>
        )}
        {hasPermission(user, 'monitoring.approve') && (
          <Link href={link('inbox', { year: current })} aria-current={view === 'inbox' ? 'page' : undefined}>
            {m('inbox')}
          </Link>
        )}
      </nav>
      <p class="field">
        <label for="monitoring-year">{m('chooseYear')}</label>{' '}
        <select
          id="monitoring-year"
          class="input input--short"
          value={String(year)}
          onChange={(e) => navigate(link(view, { year: (e.target as HTMLSelectElement).value }))}
        >
          {years.map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </select>
      </p>
      {unit === null ? (
        <p>{m('noTargets')}</p>
      ) : view === 'form' ? (
        <Form unit={unit} period={String(year)} />
      ) : view === 'inbox' ? (
        <Inbox unit={unit} period={String(year)} />
      ) : (
        <Dashboard unit={unit} year={year} link={link} />
      )}
    </>
  );
}
