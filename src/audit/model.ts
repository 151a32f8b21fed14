// The audit log's hash chain, pure: the canonical form of an entry, its hash, and the check
// that finds the first broken link (an edited, deleted, inserted or reordered entry).
import { createHash } from 'node:crypto';

/** The genesis value: the prev_hash of the first entry. */
export const GENESIS = '0'.repeat(64);

/** The fields of an entry that the hash covers (everything but the hash itself). */
export interface AuditEntry {
  readonly seq: number;
  /** ISO 8601 with milliseconds, UTC. */
  readonly at: string;
  readonly actorUserId: number | null;
  readonly actorUsername: string | null;
  readonly ip: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly unitId: number | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly prevHash: string;
}

export interface StoredAuditEntry extends AuditEntry {
  readonly hash: string;
}

/**
 * JSON with object keys sorted at every level, so that the same value always gives the same
 * text (PostgreSQL's jsonb reorders keys; the hash must not depend on that).
 */
export function canonicalJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map((x) => canonicalJson(x === undefined ? null : x)).join(',')}]`;
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return 'null';
  return JSON.stringify(v);
}

/** A value as it comes back from jsonb: plain JSON (dates as strings, no undefined). */
export function toJsonValue(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v) ?? 'null');
}

/** sha256 over the previous hash and the canonical JSON of the entry. */
export function hashEntry(e: AuditEntry): string {
  const body = canonicalJson({
    seq: e.seq,
    at: e.at,
    actorUserId: e.actorUserId,
    actorUsername: e.actorUsername,
    ip: e.ip,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    unitId: e.unitId,
    before: e.before,
    after: e.after,
  });
  return createHash('sha256').update(e.prevHash).update('\n').update(body).digest('hex');
}

export type ChainBreak = { readonly kind: 'edited'; readonly seq: number } | { readonly kind: 'link'; readonly seq: number; readonly expectedSeq: number };

/**
 * Walks the entries in seq order, carrying the state between batches. Returns the first break:
 * `edited` when an entry's content no longer matches its hash; `link` when its prev_hash or
 * its number does not follow the previous entry (an entry was deleted, inserted or moved).
 */
export class ChainVerifier {
  count = 0;
  head = GENESIS;
  private nextSeq = 1;
  broken: ChainBreak | null = null;

  /** Feeds the next entry; returns false once the chain is broken. */
  push(e: StoredAuditEntry): boolean {
    if (this.broken) return false;
    if (e.prevHash !== this.head || e.seq !== this.nextSeq) {
      // An edited entry also fails the link of its successor; name the edit when that is it.
      this.broken = hashEntry(e) !== e.hash ? { kind: 'edited', seq: e.seq } : { kind: 'link', seq: e.seq, expectedSeq: this.nextSeq };
      return false;
    }
    if (hashEntry(e) !== e.hash) {
      this.broken = { kind: 'edited', seq: e.seq };
      return false;
    }
    this.count++;
    this.head = e.hash;
    this.nextSeq = e.seq + 1;
    return true;
  }
}

export function verifyChain(entries: Iterable<StoredAuditEntry>): { ok: boolean; count: number; head: string; broken: ChainBreak | null } {
  const v = new ChainVerifier();
  for (const e of entries) if (!v.push(e)) break;
  return { ok: v.broken === null, count: v.count, head: v.head, broken: v.broken };
}
