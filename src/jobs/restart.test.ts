// Jobs survive a restart (issue 6 part 10): a process running an import job is killed with
// SIGKILL right after a chunk commits; the registry is untouched and the job keeps its
// checkpoint; `ansinh serve` started on the same database resumes it from that chunk by itself,
// and the result equals an uninterrupted run of the same file. Runs on PGlite (a data folder on
// disk) and on PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { backend, testDb } from '../../test/helpers/db.ts';
import { openPGlite, openDb, type Db } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';
import { loadReferenceData } from '../reference.ts';
import { seedDemoVillages } from '../units/demo.ts';
import { communeByCode } from '../registry/store.ts';
import { startImport } from '../registry/import-job.ts';
import type { ImportReport } from '../registry/import.ts';
import { confirmJob, getJob, runJob } from './runner.ts';
import { registerJobHandlers } from '../job-handlers.ts';
import { allEntries } from '../audit/store.ts';
import { verifyChain } from '../audit/model.ts';

const root = new URL('../..', import.meta.url).pathname;
const file = join(root, 'test/fixtures/registry/thu-lum-import.csv');
const CHUNK = 2; // 6 rows: 3 chunks
registerJobHandlers(); // this process runs jobs on a database it opens itself, not testDb

let spec: string;
let pgDb: Db | null = null;
let dir: string | null = null;

before(async () => {
  if (backend === 'postgres') {
    pgDb = await testDb();
    await seedDemoVillages(pgDb, () => {});
    spec = pgDb.location;
  } else {
    dir = mkdtempSync(join(tmpdir(), 'ansinh-restart-'));
    const tpl = process.env.ANSINH_TEST_TEMPLATE;
    const db = await openPGlite(dir, tpl ? new Blob([readFileSync(tpl)]) : undefined);
    if (!tpl) {
      await migrate(db);
      await loadReferenceData(db);
    }
    await seedDemoVillages(db, () => {});
    await db.close();
    spec = dir;
  }
});
after(async () => {
  await pgDb?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The database as another process sees it; closed before a child process opens a PGlite folder. */
const open = () => (backend === 'postgres' ? openDb({ databaseUrl: spec, poolSize: 2 }) : openPGlite(spec));

interface Child {
  /** Everything the process printed so far. */
  out(): string;
  /** Resolves when the output matches (rejects if the process ends first). */
  until(re: RegExp): Promise<void>;
  /** Resolves with how the process ended. */
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
}

function start(args: string[], env: NodeJS.ProcessEnv = {}): Child {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const waiters: (() => void)[] = [];
  const onData = (d: string) => {
    out += d;
    for (const w of waiters) w();
  };
  child.stdout.setEncoding('utf8').on('data', onData);
  child.stderr.setEncoding('utf8').on('data', onData);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    out: () => out,
    exit,
    kill: (s) => child.kill(s),
    until: (re) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (re.test(out)) resolve();
        };
        waiters.push(check);
        check();
        void exit.then(({ code, signal }) => reject(new Error(`ended (${code ?? signal}) before printing ${re}:\n${out}`)));
      }),
  };
}

test('an import killed with SIGKILL after a chunk resumes at server start from that chunk; the result equals an uninterrupted run', async () => {
  // 1. A process runs the import and is killed right after its first chunk commits.
  const killed = start([join(root, 'bin/run-ts.js'), join(root, 'test/fixtures/jobs/import-until-killed.ts'), spec, file, String(CHUNK), '1']);
  assert.equal((await killed.exit).signal, 'SIGKILL', killed.out());
  const id = Number(/job (\d+)/.exec(killed.out())![1]);

  let db = await open();
  let j = (await getJob(db.k, id))!;
  assert.equal(j.state, 'running', 'left as it was when the process died');
  assert.equal(j.chunks, 1, 'the checkpoint: one chunk committed');
  assert.equal(j.progress, CHUNK);
  const staged = await sql<{ n: number }>`select count(*)::int as n from job_staging where job_id = ${id}`.execute(db.k);
  assert.equal(staged.rows[0]!.n, 1, 'exactly the committed chunk is staged');
  const persons = await sql<{ n: number }>`select count(*)::int as n from persons`.execute(db.k);
  assert.equal(persons.rows[0]!.n, 0, 'nothing of the import reached the registry');
  await db.close();

  // 2. The server starts on the same database and resumes the job by itself.
  const server = start([join(root, 'bin/ansinh.js'), 'serve', '--no-demo'], {
    PORT: '0',
    HOST: '127.0.0.1',
    ...(backend === 'postgres' ? { DATABASE_URL: spec } : { DATABASE_URL: '', ANSINH_DATA_DIR: spec }),
  });
  try {
    await server.until(new RegExp(`công việc #${id}: chờ xác nhận`));
  } finally {
    server.kill('SIGTERM');
    await server.exit;
  }
  assert.match(server.out(), new RegExp(`tiếp tục công việc #${id} \\(registry_import\\) từ phần 1`));

  db = await open();
  try {
    j = (await getJob(db.k, id))!;
    assert.equal(j.state, 'ready', 'checked, waiting for the officer');
    assert.equal(j.chunks, 3, 'chunks 2 and 3 only were added: chunk 1 was not done again');
    // 3. The same file run without interruption gives the same report.
    const commune = (await communeByCode(db.k, '03439'))!;
    const other = await db.k
      .transaction()
      .execute((tx) =>
        startImport(tx, commune, { name: 'thu-lum-import.csv', content: readFileSync(file) }, { by: 'test', today: '2026-11-01', chunkSize: CHUNK }),
      );
    const straight = await runJob(db, other);
    assert.deepEqual(j.result, straight.result);
    const report = j.result as ImportReport;
    assert.deepEqual(report.counts, { new: 2, unchanged: 0, changed: 0, rejected: 4 });
    // 4. Confirmed, it applies the valid household in one go.
    assert.ok(await confirmJob(db.k, id));
    const done = await runJob(db, id);
    assert.equal(done.state, 'done');
    const p = await sql<{ n: number }>`select count(*)::int as n from persons`.execute(db.k);
    assert.equal(p.rows[0]!.n, 2);
    const left = await sql<{ n: number }>`select count(*)::int as n from job_staging where job_id = ${id}`.execute(db.k);
    assert.equal(left.rows[0]!.n, 0, 'staging emptied with the apply');
  } finally {
    await db.close();
  }
});

test('the CLI: `jobs resume` finishes an interrupted job with a progress bar; `registry import` shows one and writes nothing without --confirm', async () => {
  const env = backend === 'postgres' ? { DATABASE_URL: spec } : { DATABASE_URL: '', ANSINH_DATA_DIR: spec };
  const killed = start([join(root, 'bin/run-ts.js'), join(root, 'test/fixtures/jobs/import-until-killed.ts'), spec, file, String(CHUNK), '2']);
  assert.equal((await killed.exit).signal, 'SIGKILL', killed.out());
  const id = Number(/job (\d+)/.exec(killed.out())![1]);
  const resume = start([join(root, 'bin/ansinh.js'), 'jobs', 'resume'], env);
  assert.equal((await resume.exit).code, 0, resume.out());
  assert.match(resume.out(), new RegExp(`tiếp tục công việc #${id} \\(registry_import\\) từ phần 2`));
  assert.match(resume.out(), new RegExp(`#${id} \\[█+\\] 100% 6/6`), 'a progress bar on stderr');
  assert.match(resume.out(), new RegExp(`công việc #${id}: chờ xác nhận`));

  const dir2 = mkdtempSync(join(tmpdir(), 'ansinh-cli-import-'));
  try {
    const other = join(dir2, 'ho-moi.csv');
    writeFileSync(
      other,
      readFileSync(file, 'utf8')
        .replace(/TL-00/g, 'TC-0')
        .replace(/000(\d{3}),/g, '009$1,'),
    );
    const imp = start([join(root, 'bin/ansinh.js'), 'registry', 'import', other, '--commune', '03439'], env);
    assert.equal((await imp.exit).code, 3, 'rejected rows: exit code 3');
    assert.match(imp.out(), /\[█+\] 100% 6\/6/);
    assert.match(imp.out(), /Chạy thử \(chưa ghi\): 2 mới, 0 thay đổi, 0 không đổi, 4 bị từ chối/);
    assert.match(imp.out(), /dòng 5 \(TC-02, Lò Thị Ún\): Ngày sinh: Ngày sinh không hợp lệ/);
  } finally {
    rmSync(dir2, { recursive: true, force: true });
  }
  const db = await open();
  try {
    const p = await sql<{
      n: number;
    }>`select count(*)::int as n from persons where unit_id = (select id from units where code = '03439' and level = 'commune' order by valid_to is null desc limit 1)`.execute(
      db.k,
    );
    assert.equal(p.rows[0]!.n, 2, 'only the household confirmed in the first test');
  } finally {
    await db.close();
  }
});

test('an import confirmed and killed with SIGKILL inside its apply is applied by the restarted server and audited once, as its owner (issue 18 finding 9)', async () => {
  // Other households than the tests above imported (a file already imported changes nothing).
  const dir2 = mkdtempSync(join(tmpdir(), 'ansinh-apply-killed-'));
  const other = join(dir2, 'ho-khac.csv');
  writeFileSync(
    other,
    readFileSync(file, 'utf8')
      .replace(/TL-00/g, 'TK-0')
      .replace(/000(\d{3}),/g, '008$1,'),
  );
  const killed = start([join(root, 'bin/run-ts.js'), join(root, 'test/fixtures/jobs/import-killed-in-apply.ts'), spec, other, String(CHUNK)]);
  await killed.exit.finally(() => rmSync(dir2, { recursive: true, force: true }));
  assert.equal((await killed.exit).signal, 'SIGKILL', killed.out());
  const [, jobId, username, userId] = /job (\d+) owner (\S+) (\d+)/.exec(killed.out())!;
  const id = Number(jobId);
  const imported = sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'registry.import' and entity_id = ${String(id)}`;

  let db = await open();
  try {
    const j = (await getJob(db.k, id))!;
    assert.equal(j.state, 'confirmed', 'the apply did not commit');
    assert.equal((await imported.execute(db.k)).rows[0]!.n, 0);
  } finally {
    await db.close();
  }

  const server = start([join(root, 'bin/ansinh.js'), 'serve', '--no-demo'], {
    PORT: '0',
    HOST: '127.0.0.1',
    ...(backend === 'postgres' ? { DATABASE_URL: spec } : { DATABASE_URL: '', ANSINH_DATA_DIR: spec }),
  });
  try {
    await server.until(new RegExp(`công việc #${id}: xong`));
  } finally {
    server.kill('SIGTERM');
    await server.exit;
  }

  db = await open();
  try {
    assert.equal((await getJob(db.k, id))!.state, 'done');
    const entries = await sql<{
      actor_username: string;
      actor_user_id: number;
      ip: string;
      after: { counts: { new: number } };
    }>`select actor_username, actor_user_id, ip, after from audit_log
      where action = 'registry.import' and entity_id = ${String(id)}`.execute(db.k);
    assert.equal(entries.rows.length, 1, 'one entry for the import finished after the crash');
    assert.equal(entries.rows[0]!.actor_username, username, 'audited as the officer who confirmed it, not as the system');
    assert.equal(Number(entries.rows[0]!.actor_user_id), Number(userId));
    assert.equal(entries.rows[0]!.ip, '10.0.0.7', 'with the address of the confirmation');
    assert.ok(entries.rows[0]!.after.counts.new > 0);
    const chain = [];
    for await (const e of allEntries(db.k)) chain.push(e);
    assert.equal(verifyChain(chain).ok, true, 'the chain is intact');
  } finally {
    await db.close();
  }
});
