// SQL for the audit log: append an entry to the hash chain in the caller's transaction, log
// full reads of sensitive fields, page through the log, and stream it for verification.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AuditAction, AuditEntity, FullReadEntity } from './actions.ts';
import type { AuditLog, DB } from '../db/schema.ts';
import { GENESIS, hashEntry, toJsonValue, type AuditEntry, type StoredAuditEntry } from './model.ts';
import type { Executor as Q } from '../db/executor.ts';

export interface AuditInput {
  /** Who: the actor (or { userId, username }); null for the system or an anonymous caller. */
  readonly actor: { readonly userId: number | null; readonly username: string | null } | null;
  /** What happened (src/audit/actions.ts names each one). */
  readonly action: AuditAction;
  readonly entity: AuditEntity;
  readonly entityId?: string | number | null;
  /** The unit the record belongs to (row-level security of the log uses it). */
  readonly unitId?: number | null;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly ip?: string | null;
  /** Defaults to now (tests inject a clock). */
  readonly at?: Date;
}

/**
 * Appends a hash-chained entry in the caller's transaction: it commits or rolls back with the
 * change it records. Appends are serialized by a transaction-level lock on the chain head.
 * @example await withActor(db, actor, async (tx) => { ...; await audit(tx, { actor, action: 'plan.update', entity: 'plan', entityId: id, before, after }) })
 */
export async function audit(tx: Transaction<DB>, e: AuditInput): Promise<StoredAuditEntry> {
  const head = await sql<{ head_seq: number | null; head_hash: string | null }>`select head_seq, head_hash from ansinh_audit_head()`.execute(tx);
  const prev = head.rows[0];
  const entry: AuditEntry = {
    seq: (prev?.head_seq ?? 0) + 1,
    at: (e.at ?? new Date()).toISOString(),
    actorUserId: e.actor?.userId ?? null,
    actorUsername: e.actor?.username ?? null,
    ip: e.ip ?? null,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
    unitId: e.unitId ?? null,
    before: toJsonValue(e.before),
    after: toJsonValue(e.after),
    prevHash: prev?.head_hash ?? GENESIS,
  };
  const hash = hashEntry(entry);
  const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
  await sql`insert into audit_log (seq, at, actor_user_id, actor_username, ip, action, entity, entity_id, unit_id, before, after, prev_hash, hash)
    values (${entry.seq}, ${entry.at}::timestamptz, ${entry.actorUserId}, ${entry.actorUsername}, ${entry.ip}, ${entry.action}, ${entry.entity},
            ${entry.entityId}, ${entry.unitId}, ${json(entry.before)}::jsonb, ${json(entry.after)}::jsonb, ${entry.prevHash}, ${hash})`.execute(tx);
  return { ...entry, hash };
}

/**
 * Logs a full read of sensitive personal fields (ID number, health, disability, ethnicity):
 * which fields of which record, by whom. Call it wherever unmasked values leave the server.
 * A read of many records at once (a search page, an export) names the persons it showed in
 * `personIds`, so that the log answers "who saw this person's record in full".
 */
export async function auditRead(
  tx: Transaction<DB>,
  e: {
    actor: AuditInput['actor'];
    entity: FullReadEntity;
    entityId: string | number;
    unitId?: number | null;
    fields: readonly string[];
    personIds?: readonly number[];
    detail?: Record<string, unknown>;
    ip?: string | null;
    at?: Date;
  },
): Promise<StoredAuditEntry> {
  const after = { fields: [...e.fields], ...(e.personIds ? { personIds: [...e.personIds] } : {}), ...(e.detail ?? {}) };
  return audit(tx, {
    actor: e.actor,
    action: `${e.entity}.read_full` as const,
    entity: e.entity,
    entityId: e.entityId,
    unitId: e.unitId ?? null,
    after,
    ip: e.ip ?? null,
    ...(e.at ? { at: e.at } : {}),
  });
}

/** A stored entry as a driver returns it (PGlite and pg differ on timestamps in raw queries). */
type Row = Omit<Selectable<AuditLog>, 'at'> & { at: Date | string };

function fromRow(r: Row): StoredAuditEntry {
  return {
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    actorUserId: r.actor_user_id,
    actorUsername: r.actor_username,
    ip: r.ip,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    unitId: r.unit_id,
    before: r.before ?? null,
    after: r.after ?? null,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** The whole log in seq order, in batches (keyset paging), for `ansinh audit verify`. */
export async function* allEntries(q: Q, batch = 2000): AsyncGenerator<StoredAuditEntry> {
  let after = -1;
  for (;;) {
    const r = await sql<Row>`select * from audit_log where seq > ${after} order by seq limit ${batch}`.execute(q);
    for (const row of r.rows) yield fromRow(row);
    if (r.rows.length < batch) return;
    after = Number(r.rows.at(-1)!.seq);
  }
}

export interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

/** A page of the log, newest first (row-level security limits it to the actor's units). */
export async function listEntries(q: Q, f: AuditFilter): Promise<{ items: StoredAuditEntry[]; total: number }> {
  const where = sql`where (${f.entity ?? null}::text is null or entity = ${f.entity ?? null})
      and (${f.entityId ?? null}::text is null or entity_id = ${f.entityId ?? null})
      and (${f.actor ?? null}::text is null or lower(actor_username) = lower(${f.actor ?? null}))
      and (${f.from ?? null}::timestamptz is null or at >= ${f.from ?? null}::timestamptz)
      and (${f.to ?? null}::timestamptz is null or at < ${f.to ?? null}::timestamptz)`;
  const total = await sql<{ n: number }>`select count(*)::int as n from audit_log ${where}`.execute(q);
  const r = await sql<Row>`select * from audit_log ${where} order by seq desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`.execute(q);
  return { items: r.rows.map(fromRow), total: total.rows[0]!.n };
}
