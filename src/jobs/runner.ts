// Long jobs kept in PostgreSQL (table jobs, 060_registry.sql and 065_jobs_resume.sql). A job works
// in chunks; each chunk commits its staged results together with its cursor, progress and chunk
// number in one transaction, so a process killed at any instant leaves either the whole chunk or
// none of it, and a restart resumes after the last committed chunk. Results are applied in one
// transaction at the end, so nobody ever sees half a result. A job whose handler asks for review
// (imports) stops in state 'ready' until the officer confirms it.
//
// Only one runner works on a job at a time: inside a process a set of running ids; across
// processes (several servers, or a server and `ansinh jobs resume`) a PostgreSQL session
// advisory lock held on a dedicated connection, which the server releases when the process dies;
// and every chunk checks in its transaction that the job is still at the chunk it read. A server's
// worker looks for work when a route enqueues a job, at start, and every JOB_POLL_MS: a job
// queued by a command or left by a runner that died is picked up without a restart.
//
// Every job that finishes (state 'done') writes its audit entry in its apply transaction, as its
// owner: whoever confirmed it, else whoever queued it. A job finished by another process (a
// server resuming it after a crash, `ansinh jobs resume`) is thus audited exactly once, as the
// person who asked for it, never as "nobody" and never twice.
import { sql, type Transaction } from 'kysely';
import { now as sqlNow } from '../db/functions.ts';
import { audit } from '../audit/store.ts';
import type { Db } from '../db/connection.ts';
import type { DB } from '../db/schema.ts';
import type { AuditAction, AuditEntity } from '../audit/actions.ts';
import type { Executor as Q } from '../db/executor.ts';
import { auditActor } from '../audit/actor.ts';

export const JOB_STATES = ['queued', 'running', 'ready', 'confirmed', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface Job {
  readonly id: number;
  readonly kind: string;
  readonly params: Record<string, unknown>;
  readonly unitId: number | null;
  readonly state: JobState;
  readonly progress: number;
  readonly total: number | null;
  /** Chunks committed so far: the checkpoint a restart resumes from. */
  readonly chunks: number;
  readonly cursor: unknown;
  readonly result: unknown;
  readonly error: string | null;
  readonly createdBy: string | null;
  readonly createdAt: string | null;
  readonly finishedAt: string | null;
}

export interface ChunkResult {
  /** Staged results of this chunk (kept in job_staging until apply). */
  readonly staged?: unknown;
  readonly cursor: unknown;
  readonly progress: number;
  readonly total?: number | null;
  readonly done: boolean;
}

export interface JobHandler {
  /** Does the next piece of work after job.cursor, in the chunk's transaction. */
  chunk(tx: Transaction<DB>, job: Job): Promise<ChunkResult>;
  /** Applies every staged result at once (one transaction); returns the job's result summary. */
  apply(tx: Transaction<DB>, job: Job, staged: AsyncIterable<unknown>): Promise<unknown>;
  /**
   * When present, the job stops after its last chunk in state 'ready' with this summary as its
   * result, and applies only once confirmed (confirmJob). Reads only.
   */
  review?(tx: Transaction<DB>, job: Job, staged: AsyncIterable<unknown>): Promise<unknown>;
  /** Called when a job is cancelled or applied, to drop what it kept besides staging. */
  cleanup?(tx: Transaction<DB>, job: Job): Promise<void>;
  /**
   * The audit entry of the finished job (written in the apply transaction, as the job's owner);
   * null writes none (nothing changed). Without it the entry is `job.<kind>` with the result.
   */
  audit?(job: Job, result: unknown): JobAudit | null;
}

/** What a finished job records in the audit log; the runner adds who (the owner) and when. */
export interface JobAudit {
  readonly action: AuditAction;
  readonly entity: AuditEntity;
  readonly entityId?: string | number | null;
  readonly unitId?: number | null;
  readonly after?: unknown;
}

/** Who a job acts for, kept in its params: the confirmer (confirmJob), else the asker at enqueue. */
export interface JobOwner {
  readonly userId: number | null;
  readonly username: string | null;
  readonly ip?: string | null;
}

export const jobHandlers = new Map<string, JobHandler>();

/** Another runner moved the job on: this one stops without writing. */
export class JobTakenError extends Error {
  override name = 'JobTakenError';
}

function fromRow(r: Record<string, unknown>): Job {
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  return {
    id: Number(r.id),
    kind: r.kind as string,
    params: (r.params ?? {}) as Record<string, unknown>,
    unitId: (r.unit_id as number | null) ?? null,
    state: r.state as JobState,
    progress: r.progress as number,
    total: (r.total as number | null) ?? null,
    chunks: Number(r.chunks ?? 0),
    cursor: r.cursor ?? null,
    result: r.result ?? null,
    error: (r.error as string | null) ?? null,
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: iso(r.created_at),
    finishedAt: iso(r.finished_at),
  };
}

/**
 * Queues a job. `owner` (the signed-in asker, with the request's address) is kept in its params
 * under `owner` for the audit entry of its end; `by` alone names the owner by username.
 */
export async function enqueueJob(
  q: Q,
  kind: string,
  params: Record<string, unknown>,
  o: { unitId?: number | null; by?: string | null; owner?: JobOwner | null } = {},
): Promise<number> {
  const by = o.by ?? o.owner?.username ?? null;
  const withOwner = o.owner ? { ...params, owner: { userId: o.owner.userId, username: o.owner.username, ip: o.owner.ip ?? null } } : params;
  const r = await sql<{
    id: number;
  }>`insert into jobs (kind, params, unit_id, created_by) values (${kind}, ${JSON.stringify(withOwner)}::jsonb, ${o.unitId ?? null}, ${by}) returning id`.execute(
    q,
  );
  return Number(r.rows[0]!.id);
}

/**
 * The person a job's audit entry names: who confirmed it, else the owner kept at enqueue, else
 * the user named by created_by (looked up), else nobody (a job of the system).
 */
async function ownerOf(tx: Transaction<DB>, job: Job): Promise<JobOwner | null> {
  const p = job.params as { confirmedBy?: JobOwner; owner?: JobOwner; actor?: JobOwner; ip?: string | null };
  const kept = p.confirmedBy ?? p.owner ?? (p.actor ? { ...p.actor, ip: p.ip ?? null } : undefined);
  if (kept) return kept;
  if (!job.createdBy) return null;
  const createdBy = job.createdBy;
  const u = await tx
    .selectFrom('users')
    .select(['id', 'username'])
    .where((eb) => eb(eb.fn('lower', ['username']), '=', eb.fn('lower', [eb.val(createdBy)])))
    .executeTakeFirst();
  return { userId: u?.id ?? null, username: u?.username ?? createdBy, ip: null };
}

async function auditFinished(tx: Transaction<DB>, handler: JobHandler, job: Job, result: unknown): Promise<void> {
  const entry = handler.audit
    ? handler.audit(job, result)
    : { action: `job.${job.kind}` as AuditAction, entity: 'job' as const, entityId: job.id, unitId: job.unitId, after: { kind: job.kind, result } };
  if (!entry) return;
  const owner = await ownerOf(tx, job);
  await audit(tx, {
    actor: auditActor(owner),
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    unitId: entry.unitId ?? job.unitId,
    after: entry.after ?? null,
    ip: owner?.ip ?? null,
  });
}

export async function getJob(q: Q, id: number): Promise<Job | null> {
  const r = await q.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? fromRow(r) : null;
}

/** The jobs of a unit, newest first (the job list of the web app). */
export async function jobsOfUnit(q: Q, unitId: number, limit = 20): Promise<Job[]> {
  const r = await sql<Record<string, unknown>>`select id, kind, params, unit_id, state, progress, total, chunks, null as cursor,
      case when kind = 'registry_import' then result - 'rows' else result end as result, error, created_by, created_at, finished_at
    from jobs where unit_id = ${unitId} order by id desc limit ${limit}`.execute(q);
  return r.rows.map(fromRow);
}

async function* stagedPayloads(tx: Transaction<DB>, jobId: number): AsyncIterable<unknown> {
  let after = 0;
  for (;;) {
    const rows = await tx
      .selectFrom('job_staging')
      .select(['seq', 'payload'])
      .where('job_id', '=', jobId)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(50)
      .execute();
    for (const row of rows) yield row.payload;
    if (rows.length < 50) return;
    after = Number(rows.at(-1)!.seq);
  }
}

/** Locks the job row for this transaction and checks it is where the runner left it. */
async function lockAt(tx: Transaction<DB>, id: number, expect: { chunks?: number; states: JobState[] }): Promise<Job> {
  const r = await tx.selectFrom('jobs').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  const j = r ? fromRow(r) : null;
  if (!j || !expect.states.includes(j.state) || (expect.chunks !== undefined && j.chunks !== expect.chunks))
    throw new JobTakenError(`job ${id} was moved on by another runner`);
  return j;
}

const running = new Set<number>();

/** The ids of the jobs this process is running now (/api/health). */
export function runningJobs(): number[] {
  return [...running].sort((a, b) => a - b);
}
/** The advisory-lock class of jobs ('ans'); the job id is the lock's second key. */
export const JOB_LOCK_CLASS = 0x616e73;

/**
 * Holds the job for this runner while `fn` runs: null when another runner holds it. On
 * PostgreSQL a session advisory lock on a dedicated connection (released by the server if this
 * process dies); PGlite is one process with one connection, where the in-process set suffices.
 */
async function holding<T>(db: Db, id: number, fn: () => Promise<T>): Promise<T | null> {
  if (running.has(id)) return null;
  running.add(id);
  try {
    if (db.kind !== 'postgres') return await fn();
    return await db.k.connection().execute(async (c) => {
      const got = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${JOB_LOCK_CLASS}::int, ${id}::int) as ok`.execute(c);
      if (!got.rows[0]!.ok) return null;
      try {
        return await fn();
      } finally {
        await sql`select pg_advisory_unlock(${JOB_LOCK_CLASS}::int, ${id}::int)`.execute(c);
      }
    });
  } finally {
    running.delete(id);
  }
}

export interface RunOptions {
  /** Stops after this many chunks of this run (tests of resumption). */
  readonly stopAfterChunks?: number;
  /** Called after every committed chunk: feeds a progress bar. */
  readonly onProgress?: (job: Job) => void;
  /** Asked between chunks: true stops the run there (server shutdown); the job stays resumable. */
  readonly shouldStop?: () => boolean;
  /** Called when this runner holds the job and starts on it (not when another runner holds it). */
  readonly onStart?: (job: Job) => void;
}

/**
 * Runs a job from wherever it stopped to its end (or to 'ready' for a job that waits for
 * confirmation). Returns the job as it is afterwards; when another runner holds it, returns it
 * as it is now without touching it.
 */
export async function runJob(db: Db, id: number, o: RunOptions = {}): Promise<Job> {
  const first = await getJob(db.k, id);
  if (!first) throw new Error(`no job ${id}`);
  const handler = jobHandlers.get(first.kind);
  if (!handler) throw new Error(`no handler for job kind ${first.kind}`);
  if (!['queued', 'running', 'confirmed'].includes(first.state)) return first;
  const out = await holding(db, id, async () => {
    let job = (await getJob(db.k, id))!;
    if (!['queued', 'running', 'confirmed'].includes(job.state)) return job;
    o.onStart?.(job);
    try {
      if (job.state === 'queued') {
        await db.k
          .updateTable('jobs')
          .set((eb) => ({ state: 'running', started_at: eb.fn.coalesce('started_at', sqlNow()), heartbeat_at: sqlNow() }))
          .where('id', '=', id)
          .where('state', '=', 'queued')
          .execute();
        job = (await getJob(db.k, id))!;
      }
      let chunks = 0;
      while (job.state === 'running' && !(job.cursor as { done?: boolean } | null)?.done) {
        if ((o.stopAfterChunks !== undefined && chunks >= o.stopAfterChunks) || o.shouldStop?.()) return job;
        const at = job;
        await db.k.transaction().execute(async (tx) => {
          await lockAt(tx, id, { chunks: at.chunks, states: ['running'] });
          const c = await handler.chunk(tx, at);
          if (c.staged !== undefined) await sql`insert into job_staging (job_id, payload) values (${id}, ${JSON.stringify(c.staged)}::jsonb)`.execute(tx);
          const cursor = c.done ? { done: true, last: c.cursor } : c.cursor;
          await sql`update jobs set cursor = ${JSON.stringify(cursor)}::jsonb, progress = ${c.progress}, total = coalesce(${c.total ?? null}::int, total),
            chunks = chunks + 1, heartbeat_at = now() where id = ${id}`.execute(tx);
        });
        chunks++;
        job = (await getJob(db.k, id))!;
        o.onProgress?.(job);
      }
      if (job.state === 'running' && handler.review) {
        const at = job;
        await db.k.transaction().execute(async (tx) => {
          await lockAt(tx, id, { chunks: at.chunks, states: ['running'] });
          const summary = await handler.review!(tx, at, stagedPayloads(tx, id));
          await sql`update jobs set state = 'ready', result = ${JSON.stringify(summary ?? null)}::jsonb, heartbeat_at = now() where id = ${id}`.execute(tx);
        });
        return (await getJob(db.k, id))!;
      }
      const at = job;
      await db.k.transaction().execute(async (tx) => {
        const locked = await lockAt(tx, id, { chunks: at.chunks, states: ['running', 'confirmed'] });
        const result = await handler.apply(tx, at, stagedPayloads(tx, id));
        await auditFinished(tx, handler, locked, result);
        await tx.deleteFrom('job_staging').where('job_id', '=', id).execute();
        await handler.cleanup?.(tx, at);
        await sql`update jobs set state = 'done', result = ${JSON.stringify(result ?? null)}::jsonb, finished_at = now() where id = ${id}`.execute(tx);
      });
    } catch (e) {
      if (e instanceof JobTakenError) return (await getJob(db.k, id))!;
      // Nothing of the failed step was committed; the staged chunks are dropped with the job.
      await db.k.transaction().execute(async (tx) => {
        await tx.deleteFrom('job_staging').where('job_id', '=', id).execute();
        await tx
          .updateTable('jobs')
          .set({ state: 'failed', error: (e as Error).message, finished_at: sqlNow() })
          .where('id', '=', id)
          .execute();
      });
      throw e;
    }
    return (await getJob(db.k, id))!;
  });
  return out ?? (await getJob(db.k, id))!;
}

/**
 * The officer's confirmation of a 'ready' job: it is applied (one transaction) by runJob, and
 * audited as `by` (kept in the job: the apply may finish in another process after a crash).
 */
export async function confirmJob(q: Q, id: number, by: JobOwner | null = null): Promise<boolean> {
  const kept = by ? JSON.stringify({ confirmedBy: { userId: by.userId, username: by.username, ip: by.ip ?? null } }) : '{}';
  const r = await sql`update jobs set state = 'confirmed', params = params || ${kept}::jsonb where id = ${id} and state = 'ready'`.execute(q);
  return Number(r.numAffectedRows ?? 0) === 1;
}

/** Cancels a job that has applied nothing yet: its staged results and file are dropped. */
export async function cancelJob(q: Transaction<DB>, id: number): Promise<boolean> {
  const j = await getJob(q, id);
  if (!j || !['queued', 'running', 'ready'].includes(j.state)) return false;
  await q.deleteFrom('job_staging').where('job_id', '=', id).execute();
  await jobHandlers.get(j.kind)?.cleanup?.(q, j);
  await q.updateTable('jobs').set({ state: 'cancelled', finished_at: sqlNow() }).where('id', '=', id).execute();
  return true;
}

/**
 * Resumes every job left queued, running or confirmed (at start-up, after a restart, at each
 * poll of a server's worker). A job another live runner holds is passed over without a word.
 */
export async function resumeJobs(db: Db, log: (l: string) => void = () => {}, o: RunOptions = {}): Promise<number> {
  const rows = await db.k.selectFrom('jobs').select('id').where('state', 'in', ['queued', 'running', 'confirmed']).orderBy('id').execute();
  for (const { id } of rows) {
    if (o.shouldStop?.()) break;
    let started = false;
    const onStart = (j: Job) => {
      started = true;
      log(`tiếp tục công việc #${id} (${j.kind}) từ phần ${j.chunks}`);
    };
    await runJob(db, Number(id), { ...o, onStart })
      .then((j) => started && log(`công việc #${id}: ${j.state === 'done' ? 'xong' : j.state === 'ready' ? 'chờ xác nhận' : j.state}`))
      .catch((e: Error) => log(`công việc #${id} lỗi: ${e.message}`));
  }
  return rows.length;
}

/**
 * How often a server's worker looks for jobs nobody told it about: queued by an `ansinh` command,
 * or left unfinished by a process that died (on PostgreSQL its advisory lock is then released).
 */
export const JOB_POLL_MS = 30_000;

/**
 * The job worker of a server: at start it resumes what a previous process left unfinished, then
 * runs the jobs the routes enqueue (kick), one at a time, in the background, and looks again
 * every poll interval (start) for jobs queued elsewhere or whose runner died.
 */
export class JobWorker {
  #busy: Promise<void> = Promise.resolve();
  #pending = false;
  #stopped = false;
  #timer: ReturnType<typeof setInterval> | null = null;
  #looks = 0;
  #started = false;
  constructor(
    private readonly db: Db,
    private readonly log: (l: string) => void = () => {},
    private readonly pollMs: number = JOB_POLL_MS,
  ) {}

  /** Looks for work now and then every poll interval until stop(); the timer never keeps the process alive. */
  start(): void {
    if (this.#stopped || this.#timer) return;
    this.#started = true;
    this.kick();
    this.#timer = setInterval(() => this.kick(), this.pollMs);
    this.#timer.unref();
  }

  /** Looks for work now (after an enqueue, and at start). */
  kick(): void {
    if (this.#stopped || this.#pending) return;
    this.#pending = true;
    this.#busy = this.#busy.then(async () => {
      this.#pending = false;
      if (this.#stopped) return;
      await resumeJobs(this.db, this.log, { shouldStop: () => this.#stopped }).catch((e: Error) => this.log(`công việc: ${e.message}`));
      this.#looks++;
    });
  }

  /** True from start() until its first look for work (resuming what a previous process left) has finished. */
  get recovering(): boolean {
    return this.#started && this.#looks === 0 && !this.#stopped;
  }

  /** How many looks for work have finished (tests follow the poll by it). */
  get looks(): number {
    return this.#looks;
  }

  /** Resolves when the jobs found so far are finished (tests; shutdown). */
  idle(): Promise<void> {
    return this.#busy;
  }

  /** Stops polling, and stops after the chunk under way (the job resumes at the next start). */
  stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    return this.#busy;
  }
}

const workers = new WeakMap<Db, JobWorker>();

/** The worker of a database (one per server process). */
export function jobWorker(db: Db, log?: (l: string) => void): JobWorker {
  let w = workers.get(db);
  if (!w) workers.set(db, (w = new JobWorker(db, log)));
  return w;
}

/** A text progress bar for the CLI: "[██████░░░░] 60% 600/1000". */
export function progressBar(progress: number, total: number | null, width = 24): string {
  if (!total) return `${progress}`;
  const f = Math.min(1, progress / total);
  const n = Math.round(f * width);
  return `[${'█'.repeat(n)}${'░'.repeat(width - n)}] ${Math.round(f * 100)}% ${progress}/${total}`;
}
