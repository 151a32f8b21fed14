// Anchors of the audit log's hash chain (issue 18 item 6): the head (seq, hash, time) written
// outside the database, to an append-only file in the operator's chosen place, so that what the
// chain alone cannot show is detected: entries deleted from the end (the head falls below an
// anchored seq) and the chain rewritten from an entry onwards with recomputed hashes (the entry
// at an anchored seq no longer has the anchored hash). Each anchor is also recorded in the
// database (audit_anchors) for the audit page; verification trusts only the file.
import { appendFileSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Executor as Q } from '../db/executor.ts';

/** The file an anchor directory holds (JSON Lines, one anchor a line, appended only). */
export const ANCHOR_FILE = 'ansinh-audit-anchors.jsonl';

/** How often a server with ANSINH_AUDIT_ANCHOR_DIR anchors the chain (and once at start). */
export const ANCHOR_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface Anchor {
  /** The seq of the chain's head when anchored (0: an empty log). */
  readonly seq: number;
  readonly hash: string;
  /** When it was anchored (ISO). */
  readonly at: string;
}

export class AnchorError extends Error {
  override name = 'AnchorError';
}

/** The anchor file of a place: a directory (existing, or written with a trailing slash) holds ANCHOR_FILE; anything else is the file. */
export function anchorFileOf(place: string): string {
  if (place.endsWith('/') || (existsSync(place) && statSync(place).isDirectory())) return join(place, ANCHOR_FILE);
  return place;
}

/** The anchors of a file, oldest first; a malformed line is an error naming it (the file is evidence). */
export function parseAnchors(text: string, file = 'anchor file'): Anchor[] {
  const out: Anchor[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let a: Partial<Anchor>;
    try {
      a = JSON.parse(line) as Partial<Anchor>;
    } catch {
      throw new AnchorError(`${file}, line ${i + 1}: not an anchor (JSON)`);
    }
    if (!Number.isInteger(a.seq) || (a.seq as number) < 0 || typeof a.hash !== 'string' || typeof a.at !== 'string')
      throw new AnchorError(`${file}, line ${i + 1}: an anchor needs seq, hash and at`);
    out.push({ seq: a.seq as number, hash: a.hash, at: a.at });
  }
  return out;
}

export function readAnchors(file: string): Anchor[] {
  if (!existsSync(file)) throw new AnchorError(`no anchor file at ${file}`);
  return parseAnchors(readFileSync(file, 'utf8'), file);
}

/** What an anchor check found, in the words `ansinh audit verify` prints. */
export type AnchorProblem =
  | { readonly kind: 'truncated'; readonly anchor: Anchor; readonly headSeq: number }
  | { readonly kind: 'rewritten'; readonly anchor: Anchor; readonly hash: string };

/**
 * Checks the chain's entries (fed in seq order, as ChainVerifier) against anchors: each anchored
 * seq must still be there with the anchored hash, and the head must not fall below the newest anchor.
 */
export class AnchorCheck {
  readonly #bySeq = new Map<number, Anchor[]>();
  readonly #max: Anchor | null;
  #head = 0;
  problem: AnchorProblem | null = null;
  constructor(readonly anchors: readonly Anchor[]) {
    for (const a of anchors) (this.#bySeq.get(a.seq) ?? this.#bySeq.set(a.seq, []).get(a.seq)!).push(a);
    this.#max = anchors.reduce<Anchor | null>((m, a) => (!m || a.seq > m.seq ? a : m), null);
  }
  push(e: { seq: number; hash: string }): boolean {
    if (this.problem) return false;
    this.#head = e.seq;
    const bad = this.#bySeq.get(e.seq)?.find((a) => a.hash !== e.hash);
    if (bad) this.problem = { kind: 'rewritten', anchor: bad, hash: e.hash };
    return !this.problem;
  }
  /** Call after the last entry: the truncation check. */
  finish(): AnchorProblem | null {
    if (!this.problem && this.#max && this.#max.seq > this.#head) this.problem = { kind: 'truncated', anchor: this.#max, headSeq: this.#head };
    return this.problem;
  }
}

/** A problem in one line, Vietnamese first. */
export function describeAnchorProblem(p: AnchorProblem): string {
  const when = p.anchor.at;
  return p.kind === 'truncated'
    ? `nhật ký chỉ còn đến mục #${p.headSeq} nhưng mốc neo lúc ${when} đã ghi mục #${p.anchor.seq}: các mục cuối đã bị xóa / the log ends at entry #${p.headSeq} but the anchor of ${when} recorded entry #${p.anchor.seq}: entries were cut from the end`
    : `mục #${p.anchor.seq} có mã băm khác với mốc neo lúc ${when}: chuỗi đã bị viết lại từ mục này hoặc trước đó / entry #${p.anchor.seq} no longer has the hash anchored at ${when}: the chain was rewritten from there or before`;
}

/** The chain's head as stored (seq 0 and the genesis hash for an empty log). */
export async function chainHead(q: Q): Promise<{ seq: number; hash: string }> {
  const r = await q.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const { GENESIS } = await import('./model.ts');
  return r ? { seq: Number(r.seq), hash: r.hash } : { seq: 0, hash: GENESIS };
}

/**
 * Anchors the head now: checks it against the anchors the file already holds (a head below the
 * newest anchor, or an anchored entry whose hash changed, is refused: anchoring it would bless the
 * tampering), appends the line with an fsync, and records it in audit_anchors.
 */
export async function anchorChain(db: Kysely<DB>, place: string, now: Date = new Date()): Promise<Anchor & { file: string }> {
  const file = anchorFileOf(place);
  if (place.endsWith('/')) mkdirSync(place, { recursive: true });
  const head = await chainHead(db);
  if (existsSync(file)) {
    const check = new AnchorCheck(readAnchors(file));
    const seqs = [...new Set(check.anchors.map((a) => a.seq))].filter((s) => s <= head.seq && s > 0);
    const r = seqs.length
      ? await sql<{ seq: number; hash: string }>`select seq, hash from audit_log where seq = any(${`{${seqs.join(',')}}`}::bigint[]) order by seq`.execute(db)
      : { rows: [] };
    for (const e of r.rows) check.push({ seq: Number(e.seq), hash: e.hash });
    check.push(head);
    const p = check.finish();
    if (p) throw new AnchorError(describeAnchorProblem(p));
  }
  const anchor: Anchor = { seq: head.seq, hash: head.hash, at: now.toISOString() };
  const fd = openSync(file, 'a', 0o640);
  try {
    appendFileSync(fd, JSON.stringify(anchor) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  await db.insertInto('audit_anchors').values({ seq: anchor.seq, hash: anchor.hash, anchored_at: anchor.at, place: file }).execute();
  return { ...anchor, file };
}

/** The newest anchor recorded in the database (the audit page), or null. */
export async function latestAnchor(q: Q): Promise<(Anchor & { place: string }) | null> {
  const a = await q.selectFrom('audit_anchors').select(['seq', 'hash', 'anchored_at', 'place']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return a ? { seq: Number(a.seq), hash: a.hash, at: new Date(a.anchored_at).toISOString(), place: a.place } : null;
}

/**
 * The server's anchoring: once at start and every ANCHOR_INTERVAL_MS, into `dir`. A failure
 * (the place unwritable, or tampering found) is logged, and tried again at the next interval.
 * Returns a function that stops it; the timer never keeps the process alive.
 */
export function startAnchoring(db: Kysely<DB>, dir: string, log: (l: string) => void, intervalMs = ANCHOR_INTERVAL_MS): () => void {
  const place = dir.endsWith('/') ? dir : `${dir}/`;
  const once = () =>
    anchorChain(db, place).then(
      (a) => log(`neo nhật ký kiểm toán / audit anchor: #${a.seq} ${a.hash} → ${a.file}`),
      (e: Error) => log(`neo nhật ký kiểm toán thất bại / audit anchor failed: ${e.message}`),
    );
  void once();
  const timer = setInterval(() => void once(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
