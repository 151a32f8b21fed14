// Anchors of the audit chain (issue 18 item 6 and its Low finding): the chain alone does not show
// that its last entries were deleted, nor that it was rewritten from an entry onwards with every
// hash recomputed; against an anchor written outside the database, `ansinh audit verify` does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { testDb } from '../../test/helpers/db.ts';
import type { Db } from '../db/connection.ts';
import { readConfig } from '../kernel/config.ts';
import type { CliContext } from '../kernel/cli.ts';
import { allEntries, audit } from './store.ts';
import { hashEntry, type StoredAuditEntry } from './model.ts';
import { auditAnchorCommand, auditVerifyCommand } from './commands.ts';
import { ANCHOR_FILE, latestAnchor, parseAnchors } from './anchor.ts';
import type { AuditAction, AuditEntity } from './actions.ts';

let db: Db;
let dir: string;

before(async () => {
  db = await testDb();
  dir = mkdtempSync(join(tmpdir(), 'ansinh-anchor-'));
  for (let i = 1; i <= 6; i++)
    await db.k
      .transaction()
      .execute((tx) =>
        audit(tx, { actor: { userId: null, username: 'cli' }, action: 'test.step' as AuditAction, entity: 'test' as AuditEntity, entityId: i, after: { i } }),
      );
});
after(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(
  cmd: typeof auditVerifyCommand,
  values: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void) =>
    new Writable({
      write(c, _e, cb) {
        f(String(c));
        cb();
      },
    });
  const ctx: CliContext = {
    config: readConfig({ ...process.env, DATABASE_URL: '', ANSINH_AUDIT_ANCHOR_DIR: '', ...env }),
    db: async () => db,
    stdout: sink((s) => (out += s)),
    stderr: sink((s) => (err += s)),
  };
  try {
    const code = (await cmd.run({ positionals: [], values }, ctx)) ?? 0;
    return { code, out, err };
  } catch (e) {
    return { code: 1, out, err: err + (e as Error).message };
  }
}

/** Runs SQL as the superuser with the append-only trigger switched off, as an intruder would. */
async function tamper(statement: string): Promise<void> {
  await db.k.transaction().execute(async (tx) => {
    await sql.raw('alter table audit_log disable trigger audit_log_append_only').execute(tx);
    await sql.raw(statement).execute(tx);
    await sql.raw('alter table audit_log enable trigger audit_log_append_only').execute(tx);
  });
}

async function entries(): Promise<StoredAuditEntry[]> {
  const xs: StoredAuditEntry[] = [];
  for await (const e of allEntries(db.k)) xs.push(e);
  return xs;
}

test('`audit anchor` appends the head to the file of the chosen directory and records it; verify checks against it', async () => {
  const a = await cli(auditAnchorCommand, { to: `${dir}/` });
  assert.equal(a.code, 0, a.err);
  assert.match(a.out, /#6/);
  const file = join(dir, ANCHOR_FILE);
  const anchors = parseAnchors(readFileSync(file, 'utf8'));
  assert.equal(anchors.length, 1);
  const head = (await entries()).at(-1)!;
  assert.deepEqual([anchors[0]!.seq, anchors[0]!.hash], [6, head.hash]);
  assert.deepEqual(await latestAnchor(db.k).then((x) => x && [x.seq, x.hash, x.place]), [6, head.hash, file], 'recorded for the audit page');

  // The place from ANSINH_AUDIT_ANCHOR_DIR; a second anchor is appended, the first kept.
  await db.k.transaction().execute((tx) => audit(tx, { actor: null, action: 'test.step' as AuditAction, entity: 'test' as AuditEntity, entityId: 7 }));
  assert.equal((await cli(auditAnchorCommand, {}, { ANSINH_AUDIT_ANCHOR_DIR: dir })).code, 0);
  assert.deepEqual(
    parseAnchors(readFileSync(file, 'utf8')).map((x) => x.seq),
    [6, 7],
  );

  const v = await cli(auditVerifyCommand, { anchor: dir });
  assert.equal(v.code, 0, v.err);
  assert.match(v.out, /2 mốc neo khớp/);
  assert.equal((await cli(auditAnchorCommand, {})).code, 1, 'no place: refused');
});

test('deleting the last entry passes the chain check but fails against the anchor', async () => {
  const last = (await sql<Record<string, unknown>>`select * from audit_log where seq = 7`.execute(db.k)).rows[0]!;
  await tamper('delete from audit_log where seq = 7');
  try {
    assert.equal((await cli(auditVerifyCommand, {})).code, 0, 'the chain alone cannot tell');
    const v = await cli(auditVerifyCommand, { anchor: join(dir, ANCHOR_FILE) });
    assert.equal(v.code, 1);
    assert.match(v.err, /chỉ còn đến mục #6 .* đã ghi mục #7: các mục cuối đã bị xóa/);
    assert.equal((await cli(auditVerifyCommand, {}, { ANSINH_AUDIT_ANCHOR_DIR: dir })).code, 1, 'the configured place is checked by default');
    const refused = await cli(auditAnchorCommand, { to: dir });
    assert.equal(refused.code, 1, 'a truncated chain is not anchored');
    assert.match(refused.err, /không neo/);
  } finally {
    await db.k
      .insertInto('audit_log')
      .values(last as never)
      .execute();
  }
  assert.equal((await cli(auditVerifyCommand, { anchor: dir })).code, 0);
});

test('rewriting the chain from an entry onwards with recomputed hashes fails against the anchor', async () => {
  const before = await entries();
  // Entry 4 changed, and 4..7 re-chained so that the chain itself verifies.
  let prev = before[2]!.hash;
  const forged = before.slice(3).map((e) => {
    const f = { ...e, prevHash: prev, after: e.seq === 4 ? { i: 400 } : e.after };
    const hash = hashEntry(f);
    prev = hash;
    return { ...f, hash };
  });
  const write = (xs: StoredAuditEntry[]) =>
    tamper(
      xs
        .map(
          (e) =>
            `update audit_log set after = ${e.after === null ? 'null' : `'${JSON.stringify(e.after)}'::jsonb`}, prev_hash = '${e.prevHash}', hash = '${e.hash}' where seq = ${e.seq};`,
        )
        .join('\n'),
    );
  await write(forged);
  try {
    assert.equal((await cli(auditVerifyCommand, {})).code, 0, 'the rewritten chain is consistent in itself');
    const v = await cli(auditVerifyCommand, { anchor: dir });
    assert.equal(v.code, 1);
    assert.match(v.err, /mục #6 có mã băm khác với mốc neo .*: chuỗi đã bị viết lại/);
  } finally {
    await write(before.slice(3));
  }
  assert.equal((await cli(auditVerifyCommand, { anchor: dir })).code, 0);
});
