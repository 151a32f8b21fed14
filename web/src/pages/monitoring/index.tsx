// Theo dõi chỉ tiêu: one page with three views chosen by ?view= (dashboard, form, inbox) for
// the unit of work (or ?unit=CODE) and a year (?year=). Route: { path: '/theo-doi', ... }.
import type { PageProps } from '../../routes.ts';
import { useLocale } from '../../i18n/index.ts';
import { Link, queryString } from '../../lib/router.tsx';
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
  const year = Number(query.get('year') ?? new Date().getFullYear() - 1);
  const view = query.get('view') ?? 'dashboard';
  const link = (v: string, extra: Record<string, string | number> = {}) => `/theo-doi${queryString({ view: v, unit: unit ?? undefined, year, ...extra })}`;
  return (
    <>
      <h1>{m('title')}</h1>
      <nav class="actions" aria-label={m('title')}>
        <Link href={link('dashboard')} aria-current={view === 'dashboard' ? 'page' : undefined}>{m('dashboard')}</Link>
        {hasPermission(user, 'monitoring.enter') && <Link href={link('form', { year: year + 1 })} aria-current={view === 'form' ? 'page' : undefined}>{m('form')}</Link>}
        {hasPermission(user, 'monitoring.approve') && <Link href={link('inbox')} aria-current={view === 'inbox' ? 'page' : undefined}>{m('inbox')}</Link>}
      </nav>
      {unit === null ? <p>{m('noTargets')}</p>
        : view === 'form' ? <Form unit={unit} period={String(year)} />
        : view === 'inbox' ? <Inbox unit={unit} period={String(year)} />
        : <Dashboard unit={unit} year={year} link={link} />}
    </>
  );
}
