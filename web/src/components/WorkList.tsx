// Việc cần làm: the signed-in user's work list (GET /api/home), one line per kind of work
// waiting in a unit of one of the user's roles, with its count and date (dd/mm/yyyy), each
// linking to the page where the work is done. Late items come first (the server orders them).
import type { WorkItem, WorkList as WorkListData } from '../../../src/home/schemas.ts';
import { formatDate, formatMonth, t, useLocale, type MessageKey } from '../i18n/index.ts';
import { Link, queryString } from '../lib/router.tsx';
import { Loaded, useApi } from './data.tsx';
import * as homeApi from '../api/home.ts';

/** Where each kind of work is done. */
export function workHref(i: WorkItem): string {
  const unit = i.unit.code;
  switch (i.kind) {
    case 'report_due':
    case 'report_returned':
      return `/theo-doi${queryString({ view: 'form', unit, year: i.year ?? undefined })}`;
    case 'reports_to_review':
    case 'reports_late':
      return `/theo-doi${queryString({ view: 'inbox', unit, year: i.year ?? undefined })}`;
    case 'targets_off_track':
      return `/theo-doi${queryString({ unit, year: i.year ?? undefined })}`;
    case 'funds_to_publish':
      return '/quy';
    case 'assignments_overdue':
      return i.planId ? `/ke-hoach${queryString({ id: i.planId })}` : `/ke-hoach${queryString({ unit })}`;
    case 'applications_due':
    case 'complaints_due':
    case 'deadlines_soon':
      return `/ho-so-xa${queryString({ unit })}`;
    case 'posted_comments':
      return `/niem-yet-xa${queryString({ unit })}`;
    default:
      return `/doi-tuong-chi-tra${queryString({ unit })}`;
  }
}

/** The sentence that says what waits, and the words of its link. */
function describe(i: WorkItem): { text: string; action: string } {
  const params = { count: i.count, year: i.year ?? '', date: formatDate(i.date), month: i.month ? formatMonth(i.month) : '', reason: i.detail ?? '' };
  const key = (i.kind === 'report_due' && i.late ? 'home.work.report_due_late' : `home.work.${i.kind}`) as MessageKey;
  return { text: t(key, params), action: t(`home.work.${i.kind}.action` as MessageKey) };
}

function Item({ item }: { item: WorkItem }) {
  const d = describe(item);
  return (
    <li class={`work-item${item.late ? ' work-item--late' : ''}`} data-kind={item.kind}>
      <p class="work-item__text">
        {item.late && <strong class="tag tag--late">{t('home.work.late')}</strong>} {d.text}
      </p>
      <p class="work-item__meta">
        <Link href={workHref(item)}>{d.action}</Link>
        <span class="muted"> · {item.unit.name}</span>
      </p>
    </li>
  );
}

/** The work list of the signed-in user (a role over the whole country has none of its own). */
export function WorkList() {
  useLocale();
  const state = useApi<WorkListData>(homeApi.paths.workList);
  return (
    <section class="work" aria-labelledby="work-title">
      <h2 id="work-title">{t('home.work.title')}</h2>
      <Loaded state={state}>
        {(l) =>
          l.items.length === 0 ? (
            <p id="work-empty">{l.scopes.some((s) => s.unit) ? t('home.work.none') : t('home.work.noScope')}</p>
          ) : (
            <ul class="work-list" id="work-list">
              {l.items.map((i) => (
                <Item key={`${i.role}-${i.unit.code}-${i.kind}`} item={i} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
