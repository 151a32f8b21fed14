// The home work list: for each of the actor's role assignments, the kinds of work its policy
// gives (policy.ts), read through each feature's own store functions inside the actor's scoped
// transaction (row-level security), so a list never holds another unit's records.
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor, Role } from '../access/index.ts';
import type { Locale } from '../kernel/i18n.ts';
import { findUnit, getSubmission, deadlineFor, completeness, type UnitRef } from '../monitoring/store.ts';
import { dashboard } from '../monitoring/dashboard.ts';
import { communeByCode, type Commune } from '../registry/store.ts';
import { listProposals } from '../registry/events.ts';
import { listFlags } from '../registry/integrity.ts';
import { payrollsOf } from '../payments/store.ts';
import { jobsOfUnit } from '../jobs/runner.ts';
import { assignmentsOf } from '../plans/store.ts';
import { dueSoon, openWork, postedComments } from '../citizens/work.ts';
import { fundsWithEntriesIn } from '../funds/store.ts';
import { workFor } from './policy.ts';
import type { WorkItem, WorkKind, WorkList } from './schemas.ts';

type Tx = Transaction<DB>;

/** A date or timestamp as the day in Vietnam (UTC+7), yyyy-mm-dd. */
export const vietnamDay = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
const day = (v: unknown): string | null => (v instanceof Date ? vietnamDay(v) : typeof v === 'string' && v ? v.slice(0, 10) : null);

/** The oldest of some dates (yyyy-mm-dd), or null. */
const oldest = (dates: readonly unknown[]): string | null =>
  dates
    .map(day)
    .filter((d): d is string => d !== null)
    .sort()[0] ?? null;

interface Ctx {
  readonly tx: Tx;
  readonly role: Role;
  readonly unit: UnitRef;
  readonly today: string;
  /** The year of `today`: the reporting year whose report is due. */
  readonly year: number;
  readonly locale: Locale;
  /** The commune of the unit (registry and payments), loaded once. */
  commune(): Promise<Commune | null>;
  /** The completeness of the year's reports at and below the unit, read once for the kinds that need it. */
  completeness(): ReturnType<typeof completeness>;
}

/** What a reader found: the count, and what the item shows and links to. */
interface Found {
  count: number;
  date?: string | null;
  late?: boolean;
  year?: number | null;
  month?: number | null;
  planId?: number | null;
  detail?: string | null;
}

/** Each kind of work: what waits in the unit (nothing when the count is 0). */
const readers: Record<WorkKind, (c: Ctx) => Promise<Found | null>> = {
  // The year's report: due by the deadline of the unit's plans (default 01/12), or returned.
  async report_due(c) {
    const year = c.year;
    const s = await getSubmission(c.tx, c.unit.id, String(year));
    if (s && s.status !== 'draft') return null;
    const d = await deadlineFor(c.tx, c.unit, String(year));
    return { count: 1, date: d.date, late: c.today > d.date, year };
  },
  async report_returned(c) {
    const year = c.year;
    const found: Found[] = [];
    for (const y of [year, year - 1]) {
      const s = await getSubmission(c.tx, c.unit.id, String(y));
      if (s?.status !== 'returned') continue;
      const d = await deadlineFor(c.tx, c.unit, String(y));
      found.push({ count: 1, date: d.date, late: c.today > d.date, year: y, detail: s.returnReason });
    }
    return found[0] ?? null;
  },
  async import_ready(c) {
    const commune = await c.commune();
    if (!commune) return null;
    const ready = (await jobsOfUnit(c.tx, commune.id, 50)).filter((j) => j.kind === 'registry_import' && j.state === 'ready');
    return { count: ready.length, date: oldest(ready.map((j) => j.createdAt)) };
  },
  async proposals_waiting(c) {
    return proposals(c);
  },
  async decisions_to_sign(c) {
    return proposals(c);
  },
  async assignments_overdue(c) {
    const year = c.year;
    const overdue = (await assignmentsOf(c.tx, c.unit.id, year, c.today)).filter((a) => a.status === 'overdue');
    const plans = [...new Set(overdue.map((a) => a.planId))];
    return {
      count: overdue.length,
      date: oldest(overdue.map((a) => a.deadline)),
      late: overdue.length > 0,
      year,
      planId: plans.length === 1 ? plans[0]! : null,
    };
  },
  // This month's payment list, not yet drawn up.
  async payroll_to_prepare(c) {
    const commune = await c.commune();
    if (!commune) return null;
    const month = c.year * 100 + Number(c.today.slice(5, 7));
    const has = (await payrollsOf(c.tx, commune.id)).some((p) => p.month === month);
    return has ? null : { count: 1, month };
  },
  async payroll_to_approve(c) {
    const commune = await c.commune();
    if (!commune) return null;
    const drafts = (await payrollsOf(c.tx, commune.id)).filter((p) => p.state === 'draft');
    return { count: drafts.length, month: drafts.map((p) => p.month).sort((a, b) => a - b)[0] ?? null };
  },
  async integrity_open(c) {
    const commune = await c.commune();
    if (!commune) return null;
    const open = await listFlags(c.tx, commune.id, { state: 'open' });
    return { count: open.length, date: oldest(open.map((f) => f.detected_at as unknown)) };
  },
  // The communes' reports of the year at and below the unit.
  async reports_to_review(c) {
    const r = await c.completeness();
    return { count: r.reports.filter((x) => x.status === 'submitted').length, date: r.deadline, year: c.year };
  },
  async reports_late(c) {
    const r = await c.completeness();
    if (c.today <= r.deadline) return null;
    return { count: r.reports.filter((x) => x.status !== 'submitted' && x.status !== 'approved').length, date: r.deadline, late: true, year: c.year };
  },
  // Applications waiting for the chair's decision, by the legal deadline (working days, Decree 147/2025 Art. 5).
  async applications_due(c) {
    const commune = await c.commune();
    if (!commune) return null;
    const w = await openWork(c.tx, commune.id, c.today);
    return { count: w.applications.count, date: w.applications.due, late: w.applications.late };
  },
  // Complaints, denunciations and petitions not settled, by the deadline of their current step.
  async complaints_due(c) {
    const commune = await c.commune();
    if (!commune) return null;
    const w = await openWork(c.tx, commune.id, c.today);
    return { count: w.complaints.count, date: w.complaints.due, late: w.complaints.late };
  },
  // Applications and complaints whose deadline falls within 3 working days: the alert before it passes.
  async deadlines_soon(c) {
    const commune = await c.commune();
    if (!commune) return null;
    const s = await dueSoon(c.tx, commune.id, c.today);
    return { count: s.count, date: s.due };
  },
  // Citizens' comments on the commune's posted lists not yet considered (issue 14 item 3).
  async posted_comments(c) {
    const commune = await c.commune();
    if (!commune) return null;
    const n = await postedComments(c.tx, commune.id);
    return { count: n.count, date: n.oldest };
  },
  // Targets off track or at risk as of the last full year (the dashboard's default year).
  async targets_off_track(c) {
    const year = c.year - 1;
    const d = await dashboard(c.tx, c.unit, year, c.locale);
    return { count: d.counts.off_track + d.counts.at_risk, year };
  },
  // Decree 03/2026/NĐ-CP: a fund publishes the receipts and spending of a year by 31/3 of the
  // next. From 1 January to 31 March, the unit's funds with entries in the year just ended.
  // A fund whose year the officer marked published (POST /api/funds/:id/publications) is not counted.
  async funds_to_publish(c) {
    const deadline = `${c.year}-03-31`;
    if (c.today > deadline) return null;
    return { count: await fundsWithEntriesIn(c.tx, c.unit.id, c.year - 1), date: deadline, year: c.year - 1 };
  },
};

async function proposals(c: Ctx): Promise<Found | null> {
  const commune = await c.commune();
  if (!commune) return null;
  const open = await listProposals(c.tx, commune.id, 'open');
  return { count: open.length, date: oldest(open.map((p) => p.event_date as unknown)) };
}

/** Late first, then by date (oldest first), then in the policy's order. */
function ordered(items: readonly WorkItem[]): WorkItem[] {
  return items
    .map((it, i) => ({ it, i }))
    .sort((a, b) => Number(b.it.late) - Number(a.it.late) || (a.it.date ?? '9999').localeCompare(b.it.date ?? '9999') || a.i - b.i)
    .map((x) => x.it);
}

/** The work list of an actor on a day (yyyy-mm-dd), read in the actor's scoped transaction. */
export async function workList(tx: Tx, actor: Actor, today: string, locale: Locale): Promise<WorkList> {
  const items: WorkItem[] = [];
  const scopes: WorkList['scopes'] = [];
  for (const r of actor.roles) {
    const unit = r.unitCode ? await findUnit(tx, r.unitCode) : null;
    scopes.push({ role: r.role, unit: unit ? { code: unit.code, name: unit.name } : null });
    if (!unit) continue;
    const year = Number(today.slice(0, 4));
    let commune: Promise<Commune | null> | null = null;
    let reports: ReturnType<typeof completeness> | null = null;
    const ctx: Ctx = {
      tx,
      role: r.role,
      unit,
      today,
      year,
      locale,
      commune: () => (commune ??= unit.level === 'commune' ? communeByCode(tx, unit.code) : Promise.resolve(null)),
      completeness: () => (reports ??= completeness(tx, unit, String(year))),
    };
    for (const kind of workFor(actor, r.role, unit.id)) {
      const got = await readers[kind](ctx);
      if (!got || got.count === 0) continue;
      items.push({
        kind,
        role: r.role,
        unit: { code: unit.code, name: unit.name },
        count: got.count,
        date: got.date ?? null,
        late: got.late ?? false,
        year: got.year ?? null,
        month: got.month ?? null,
        planId: got.planId ?? null,
        detail: got.detail ?? null,
      });
    }
  }
  return { today, scopes, items: ordered(items) };
}
