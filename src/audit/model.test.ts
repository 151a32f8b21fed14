// The hash chain, pure (issue 3, part 4): canonical JSON, and the first break named by kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalJson, GENESIS, hashEntry, verifyChain, type AuditEntry, type StoredAuditEntry } from './model.ts';

function chain(n: number): StoredAuditEntry[] {
  const out: StoredAuditEntry[] = [];
  let prev = GENESIS;
  for (let i = 1; i <= n; i++) {
    const e: AuditEntry = {
      seq: i,
      at: `2026-01-0${i}T00:00:00.000Z`,
      actorUserId: 1,
      actorUsername: 'thulum',
      ip: '10.0.0.1',
      action: 'household.update',
      entity: 'household',
      entityId: String(i),
      unitId: 395,
      before: { members: i },
      after: { members: i + 1, head: 'Lò Văn Pọm' },
      prevHash: prev,
    };
    const hash = hashEntry(e);
    out.push({ ...e, hash });
    prev = hash;
  }
  return out;
}

test('canonical JSON sorts keys at every level, so jsonb key order does not change the hash', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } }), '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  assert.equal(canonicalJson({ a: undefined, b: 'Thu Lũm' }), '{"b":"Thu Lũm"}');
  const e = chain(1)[0]!;
  assert.equal(hashEntry({ ...e, after: { head: 'Lò Văn Pọm', members: 2 } }), e.hash);
});

test('an intact chain verifies with its count and head', () => {
  const c = chain(5);
  assert.deepEqual(verifyChain(c), { ok: true, count: 5, head: c[4]!.hash, broken: null });
});

test('an edited entry is named; a deletion, an insertion and a swap break the link', () => {
  const c = chain(5);
  assert.deepEqual(verifyChain(c.map((e) => (e.seq === 3 ? { ...e, after: { members: 0 } } : e))).broken, { kind: 'edited', seq: 3 });
  assert.deepEqual(verifyChain(c.filter((e) => e.seq !== 3)).broken, { kind: 'link', seq: 4, expectedSeq: 3 });
  const swapped = [c[0]!, c[2]!, c[1]!, c[3]!, c[4]!];
  assert.equal(verifyChain(swapped).broken?.seq, 3);
  const renumbered = [c[0]!, { ...c[2]!, seq: 2 }, { ...c[1]!, seq: 3 }];
  assert.deepEqual(verifyChain(renumbered).broken, { kind: 'edited', seq: 2 });
  const recomputed = { ...c[1]!, after: { members: 99 } };
  const forged = [c[0]!, { ...recomputed, hash: hashEntry(recomputed) }, ...c.slice(2)];
  assert.deepEqual(verifyChain(forged).broken, { kind: 'link', seq: 3, expectedSeq: 3 }, 'a rewritten entry with a fresh hash breaks its successor');
});
