// Long jobs kept in PostgreSQL (table jobs, 060_registry.sql): a job works in chunks, each
// chunk commits its staged results together with its cursor and progress, so that a restart
// resumes where it stopped; the results are applied in one transaction at the end, so nobody
// ever sees half a result.
import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { DB } from '../db/schema.ts';

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface Job {
  readonly id: number;
  readonly kind: string;
  readonly params: Record<string, unknown>;
  readonly unitId: number | null;
  readonly state: JobState;
  readonly progress: number;
  readonly total: number | null;
  readonly cursor: unknown;
  readonly result: unknown;
  readonly error: string | null;
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
}

export const jobHandlers = new Map<string, JobHandler>();

function fromRow(r: Record<string, unknown>): Job {
  return {
    id: Number(r.id), kind: r.kind as string, params: (r.params ?? {}) as Record<string, unknown>, unitId: (r.unit_id as number | null) ?? null,
    state: r.state as JobState, progress: r.progress as number, total: (r.total as number | null) ?? null, cursor: r.cursor ?? null,
    result: r.result ?? null, error: (r.error as string | null) ?? null,
  };
}

export async function enqueueJob(q: Db['k'] | Transaction<DB>, kind: string, params: Record<string, unknown>, o: { unitId?: number | null; by?: string | null } = {}): Promise<number> {
  const r = await sql<{ id: number }>`insert into jobs (kind, params, unit_id, created_by) values (${kind}, ${JSON.stringify(params)}::jsonb, ${o.unitId ?? null}, ${o.by ?? null}) returning id`.execute(q);
  return Number(r.rows[0]!.id);
}

export async function getJob(q: Db['k'] | Transaction<DB>, id: number): Promise<Job | null> {
  const r = await sql<Record<string, unknown>>`select * from jobs where id = ${id}`.execute(q);
  return r.rows[0] ? fromRow(r.rows[0]) : null;
}

async function* stagedPayloads(tx: Transaction<DB>, jobId: number): AsyncIterable<unknown> {
  let after = 0;
  for (;;) {
    const r = await sql<{ seq: number; payload: unknown }>`select seq, payload from job_staging where job_id = ${jobId} and seq > ${after} order by seq limit 50`.execute(tx);
    for (const row of r.rows) yield row.payload;
    if (r.rows.length < 50) return;
    after = Number(r.rows.at(-1)!.seq);
  }
}

/**
 * Runs a job to the end from wherever it stopped. `stopAfterChunks` interrupts it (tests of
 * resumption); `onProgress` feeds a progress bar.
 */
export async function runJob(db: Db, id: number, o: { stopAfterChunks?: number; onProgress?: (job: Job) => void } = {}): Promise<Job> {
  let job = await getJob(db.k, id);
  if (!job) throw new Error(`no job ${id}`);
  const handler = jobHandlers.get(job.kind);
  if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
  if (job.state === 'done' || job.state === 'failed') return job;
  await sql`update jobs set state = 'running', started_at = coalesce(started_at, now()), heartbeat_at = now() where id = ${id}`.execute(db.k);
  let chunks = 0;
  try {
    for (;;) {
      job = (await getJob(db.k, id))!;
      if (job.cursor !== null && (job.cursor as { done?: boolean }).done) break;
      if (o.stopAfterChunks !== undefined && chunks >= o.stopAfterChunks) return job;
      const current = job;
      await db.k.transaction().execute(async (tx) => {
        const c = await handler.chunk(tx, current);
        if (c.staged !== undefined) await sql`insert into job_staging (job_id, payload) values (${id}, ${JSON.stringify(c.staged)}::jsonb)`.execute(tx);
        const cursor = c.done ? { done: true, last: c.cursor } : c.cursor;
        await sql`update jobs set cursor = ${JSON.stringify(cursor)}::jsonb, progress = ${c.progress}, total = coalesce(${c.total ?? null}::int, total), heartbeat_at = now() where id = ${id}`.execute(tx);
      });
      chunks++;
      o.onProgress?.((await getJob(db.k, id))!);
    }
    const final = job;
    await db.k.transaction().execute(async (tx) => {
      const result = await handler.apply(tx, final, stagedPayloads(tx, id));
      await sql`delete from job_staging where job_id = ${id}`.execute(tx);
      await sql`update jobs set state = 'done', result = ${JSON.stringify(result ?? null)}::jsonb, finished_at = now() where id = ${id}`.execute(tx);
    });
  } catch (e) {
    await sql`update jobs set state = 'failed', error = ${(e as Error).message} , finished_at = now() where id = ${id}`.execute(db.k);
    throw e;
  }
  return (await getJob(db.k, id))!;
}

/** Resumes every job left queued or running (at start-up, after a restart). */
export async function resumeJobs(db: Db, log: (l: string) => void = () => {}): Promise<number> {
  const r = await sql<{ id: number }>`select id from jobs where state in ('queued', 'running') order by id`.execute(db.k);
  for (const { id } of r.rows) {
    log(`tiếp tục công việc #${id}`);
    await runJob(db, Number(id)).catch((e: Error) => log(`công việc #${id} lỗi: ${e.message}`));
  }
  return r.rows.length;
}

/** A text progress bar for the CLI: "[██████░░░░] 60% 600/1000". */
export function progressBar(progress: number, total: number | null, width = 24): string {
  if (!total) return `${progress}`;
  const f = Math.min(1, progress / total);
  const n = Math.round(f * width);
  return `[${'█'.repeat(n)}${'░'.repeat(width - n)}] ${Math.round(f * 100)}% ${progress}/${total}`;
}
