// The plan worker's caps (issue 18 What to build 1): a task over its heap or its time fails
// with a LimitError naming the cap (413 at the route), and the process goes on; within the caps
// the worker answers what extractPlan answers in the process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AppError, LimitError } from '../kernel/errors.ts';
import { MAX_RUNNING, MAX_WAITING } from '../kernel/worker.ts';
import { extractPlan } from './extract/index.ts';
import { readPlan } from './read.ts';

const thuLum = readFileSync(new URL('../../reference/plans/thu-lum-commune-2026-152-KH-DU.txt', import.meta.url), 'utf8');

test('the worker answers the same extraction as the process', async () => {
  const r = await readPlan({ text: thuLum }, '/body/text');
  assert.ok(r.ok);
  assert.deepEqual(r.extraction, extractPlan(thuLum));
});

test('a task over its time cap is terminated: LimitError "worker_time" on the field', async () => {
  await assert.rejects(readPlan({ text: thuLum.repeat(20) }, '/body/text', { maxMemoryMb: 256, timeoutMs: 5 }), (e: unknown) => {
    assert.ok(e instanceof LimitError);
    assert.equal(e.limit, 'worker_time');
    assert.equal(e.errors[0]!.path, '/body/text');
    return true;
  });
});

test('a task over its heap cap is stopped: LimitError "worker_memory"; the process is unharmed', async () => {
  // 40 copies of the plan (730,000 characters) need far more than a 12 MB heap.
  await assert.rejects(readPlan({ text: thuLum.repeat(40) }, '/body/file', { maxMemoryMb: 12, timeoutMs: 120_000 }), (e: unknown) => {
    assert.ok(e instanceof LimitError, String(e));
    assert.equal(e.limit, 'worker_memory');
    assert.match(e.detail!.vi, /vượt giới hạn 12 MB/);
    return true;
  });
  const r = await readPlan({ text: thuLum }, '/body/text');
  assert.ok(r.ok);
});

test('past the running workers and MAX_WAITING waiting tasks, a task is refused (429), not held', async () => {
  const n = MAX_RUNNING + MAX_WAITING + 2;
  const all = await Promise.allSettled(Array.from({ length: n }, () => readPlan({ text: thuLum }, '/body/text')));
  const refused = all.filter((r) => r.status === 'rejected');
  assert.equal(refused.length, 2);
  for (const r of refused) {
    const e = (r as PromiseRejectedResult).reason;
    assert.ok(e instanceof AppError);
    assert.equal(e.kind.status, 429);
  }
  assert.equal(all.filter((r) => r.status === 'fulfilled' && r.value.ok).length, n - 2);
});
