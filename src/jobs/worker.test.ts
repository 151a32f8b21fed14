// A running server's job worker polls (issue 6): a job nobody kicked — queued straight into the
// database by a command, or left 'running' by a runner that died after a chunk — is picked up
// and finished without a restart; on PostgreSQL a job whose advisory lock another live process
// holds is passed over at every look and taken up once that lock is released (the process died).
// No timing thresholds: the poll interval is injected, and the test waits for states and for
// the worker's count of looks, bounded only by the test runner's timeout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { sql } from 'kysely';
import { backend, testDb } from '../../test/helpers/db.ts';
import type { Db } from '../db/connection.ts';
import { enqueueJob, getJob, jobHandlers, JobWorker, JOB_LOCK_CLASS, runJob, type Job } from './runner.ts';

let db: Db;
const log: string[] = [];
let worker: JobWorker | null = null;

// A job of a few chunks: each counts one step; the apply reports how many were staged.
jobHandlers.set('poll_test', {
  async chunk(_tx, job) {
    const n = ((job.cursor as { n?: number } | null)?.n ?? 0) + 1;
    const steps = (job.params as { steps: number }).steps;
    return { staged: { n }, cursor: { n }, progress: n, total: steps, done: n >= steps };
  },
  async apply(_tx, _job, staged) {
    let n = 0;
    for await (const _ of staged) n++;
    return { staged: n };
  },
});

const pause = () => new Promise((r) => setTimeout(r, 5));
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    await pause();
  }
}
const settled = async (id: number): Promise<Job> =>
  (await until(
    () => getJob(db.k, id),
    (j) => !!j && ['done', 'failed'].includes(j.state),
  ))!;

before(async () => {
  db = await testDb();
});
after(async () => {
  await worker?.stop();
  await db.close();
});

test('a job queued in the database without a kick, and one left running after a chunk, are finished by the polling worker', async () => {
  // Left by a runner that stopped after its first chunk (as a process killed there leaves it).
  const left = await enqueueJob(db.k, 'poll_test', { steps: 3 });
  const part = await runJob(db, left, { stopAfterChunks: 1 });
  assert.deepEqual([part.state, part.chunks], ['running', 1]);
  worker = new JobWorker(db, (l) => log.push(l), 5);
  worker.start();
  const a = await settled(left);
  assert.deepEqual([a.state, a.chunks, a.result], ['done', 3, { staged: 3 }], 'resumed from its checkpoint, not redone');
  // Queued later, straight into the table (as `ansinh` commands do): nobody calls kick().
  const [queued] = (await sql<{ id: number }>`insert into jobs (kind, params) values ('poll_test', '{"steps": 2}'::jsonb) returning id`.execute(db.k)).rows;
  const b = await settled(Number(queued!.id));
  assert.deepEqual([b.state, b.result], ['done', { staged: 2 }]);
  assert.ok(
    log.some((l) => l.startsWith(`tiếp tục công việc #${left} (poll_test) từ phần 1`)),
    log.join('\n'),
  );
  await worker.stop();
  const after = worker.looks;
  const c = await enqueueJob(db.k, 'poll_test', { steps: 1 });
  worker.kick();
  await worker.idle();
  assert.equal(worker.looks, after, 'a stopped worker looks no more');
  assert.equal((await getJob(db.k, c))!.state, 'queued');
  await sql`delete from jobs where id = ${c}`.execute(db.k);
  worker = null;
});

test(
  'a job held by another live process is passed over quietly, and finished once that process lets go (PostgreSQL)',
  { skip: backend !== 'postgres' && 'advisory locks are held across processes on PostgreSQL only' },
  async () => {
    const id = await enqueueJob(db.k, 'poll_test', { steps: 2 });
    // "Another process": its own connection holding the job's advisory lock.
    const other = new pg.Client({ connectionString: db.location });
    await other.connect();
    await other.query('select pg_advisory_lock($1::int, $2::int)', [JOB_LOCK_CLASS, id]);
    const seen = log.length;
    worker = new JobWorker(db, (l) => log.push(l), 5);
    worker.start();
    await until(
      async () => worker!.looks,
      (n) => n >= 3,
    );
    assert.equal((await getJob(db.k, id))!.state, 'queued', 'not touched while held');
    assert.deepEqual(log.slice(seen), [], 'nothing logged for a job held elsewhere');
    await other.end(); // the process dies: its session's lock goes with it
    const j = await settled(id);
    assert.deepEqual([j.state, j.result], ['done', { staged: 2 }]);
    await worker.stop();
    worker = null;
  },
);
