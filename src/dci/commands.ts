// The DCI registry API's commands, each one transaction under the caller's scope (row-level
// security) with its audit entry: a search message (sync or async: the work is bounded by
// dciLimits, so an async search is answered with an ACK once done and its result is read by
// transaction status), and a transaction status read, which presents the matched persons again
// from the registry under the caller's scope of that moment (no copy of records is kept).
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../access/model.ts';
import { withActor } from '../access/scope.ts';
import { audit, auditRead } from '../audit/store.ts';
import { SENSITIVE_PERSON_FIELDS } from '../registry/presenters.ts';
import {
  DCI_RECEIVER_ID,
  DCI_VERSION,
  checkHeader,
  isTimestamp,
  planSearch,
  srPerson,
  type DciDisclosure,
  type DciErrorCode,
  type DciPersonRow,
  type HeaderReasonCode,
} from './model.ts';
import { disclosureFor, scopePlan } from './policy.ts';
import type { SearchEnvelope, SearchResponse, SearchResponseItem, SyncSearchAnswer, SyncTxnStatusAnswer, TxnStatusEnvelope } from './schemas.ts';
import * as store from './store.ts';
import { auditActor } from '../audit/actor.ts';

export interface Caller {
  readonly actor: Actor;
  readonly tokenId: number | null;
  readonly ip: string | null;
}

/** A refusal of the communication layer: answered as an ack with ack_status ERR. */
export class DciRefusal extends Error {
  constructor(
    readonly code: DciErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function callbackHeader(
  h: { message_id: string; sender_id: string },
  action: string,
  at: Date,
  status: 'succ' | 'rjct',
  counts: { total: number; completed: number },
  reason?: { code: HeaderReasonCode; message: string },
): SyncSearchAnswer['header'] {
  return {
    version: DCI_VERSION,
    message_id: randomUUID(),
    message_ts: at.toISOString(),
    action,
    status,
    ...(reason ? { status_reason_code: reason.code, status_reason_message: reason.message.slice(0, 999) } : {}),
    total_count: counts.total,
    completed_count: counts.completed,
    sender_id: DCI_RECEIVER_ID,
    receiver_id: h.sender_id,
    is_msg_encrypted: false,
  };
}

function present(rows: readonly DciPersonRow[], actor: Actor) {
  const disclosed: number[] = [];
  const records = rows.map((r) => {
    const d: DciDisclosure = disclosureFor(actor, r.unit_id);
    if (d.personalId) disclosed.push(r.id);
    return srPerson(r, d);
  });
  return { records, disclosed };
}

/** The answer item of a stored result, with its persons as the caller may see them now. */
function responseItem(r: store.StoredResult, rows: readonly DciPersonRow[], actor: Actor): { item: SearchResponseItem; disclosed: number[] } {
  const base = {
    reference_id: r.reference_id,
    timestamp: r.timestamp,
    status: r.status,
    ...(r.status_reason_code ? { status_reason_code: r.status_reason_code as SearchResponseItem['status_reason_code'] } : {}),
    ...(r.status_reason_message ? { status_reason_message: r.status_reason_message } : {}),
    ...(r.locale ? { locale: r.locale } : {}),
  };
  if (r.status !== 'succ') return { item: base, disclosed: [] };
  const { records, disclosed } = present(rows, actor);
  return {
    item: {
      ...base,
      data: { version: DCI_VERSION, reg_records: records },
      pagination: { page_size: r.page_size ?? records.length, page_number: r.page_number ?? 1, total_count: r.total_count ?? records.length },
    },
    disclosed,
  };
}

function isEncrypted(m: unknown): boolean {
  return typeof m === 'object' && m !== null && 'ciphertext' in m;
}

/**
 * One search message: the header checked (a rejected header answers rjct with the reason, no
 * search is run), each request planned and run in the caller's scope, the transaction stored,
 * and one audit entry naming the caller, the token, the purposes and the persons returned (a
 * full read of ID numbers is also logged as person_search.read_full with those persons).
 */
export async function searchMessage(
  db: Db,
  caller: Caller,
  env: SearchEnvelope,
  mode: 'sync' | 'async',
  at: Date,
): Promise<{ answer: SyncSearchAnswer; correlationId: string }> {
  const h = env.header;
  if (isEncrypted(env.message) || h.is_msg_encrypted === true)
    throw new DciRefusal('err.encryption.invalid', 'Encrypted messages are not supported by this registry');
  const msg = env.message as Extract<SearchEnvelope['message'], { search_request: unknown }>;
  const verdict = checkHeader(h, 'search', msg.search_request.length);
  if (!verdict.ok && 'error' in verdict) throw new DciRefusal(verdict.error, verdict.message);
  const correlationId = randomUUID();
  const actor = caller.actor;
  return withActor(db, actor, async (tx) => {
    let reason: { code: HeaderReasonCode; message: string } | undefined;
    if (!verdict.ok && 'reason' in verdict) reason = { code: verdict.reason, message: verdict.message };
    else if (await store.messageSeen(tx, actor.userId, h.sender_id, h.message_id))
      reason = { code: 'rjct.message_id.duplicate', message: `message_id ${h.message_id} was already received from ${h.sender_id}` };

    const stored: store.StoredResult[] = [];
    const items: SearchResponseItem[] = [];
    const disclosed = new Set<number>();
    const purposes = new Set<string>();
    const audited: { referenceId: string; status: string; reason?: string; personIds: number[] }[] = [];
    if (!reason) {
      const seen = new Set<string>();
      for (const req of msg.search_request) {
        const ts = isTimestamp(req.timestamp) ? new Date(req.timestamp).toISOString() : at.toISOString();
        // The locale is echoed when it is the spec's ISO 639-3 code (the examples send "EN/GB").
        const common = { reference_id: req.reference_id, timestamp: ts, ...(req.locale && /^[a-z]{3}$/.test(req.locale) ? { locale: req.locale } : {}) };
        let result: store.StoredResult;
        let rows: DciPersonRow[] = [];
        const rejected = (code: string, message: string): store.StoredResult => ({
          ...common,
          status: 'rjct',
          status_reason_code: code,
          status_reason_message: message,
          person_ids: [],
        });
        if (req.reference_id !== '' && seen.has(req.reference_id))
          result = rejected('rjct.reference_id.duplicate', `reference_id ${req.reference_id} appears twice in the message`);
        else if (!isTimestamp(req.timestamp)) result = rejected('rjct.timestamp.invalid', 'timestamp is not an ISO 8601 date-time');
        else {
          const asked = planSearch(req.search_criteria, at);
          const planned = asked.ok ? scopePlan(actor, asked.plan) : asked;
          if (!planned.ok) result = rejected(planned.reason, planned.message);
          else {
            const p = planned.plan;
            purposes.add(p.purpose);
            const found = await store.searchPersons(tx, p.filter, p.sort, { size: p.pageSize, number: p.pageNumber });
            rows = found.rows;
            result = {
              ...common,
              status: 'succ',
              person_ids: rows.map((r) => r.id),
              total_count: found.total,
              page_size: p.pageSize,
              page_number: p.pageNumber,
            };
          }
        }
        seen.add(req.reference_id);
        stored.push(result);
        const { item, disclosed: full } = responseItem(result, rows, actor);
        for (const id of full) disclosed.add(id);
        items.push(item);
        audited.push({
          referenceId: result.reference_id,
          status: result.status,
          ...(result.status_reason_code ? { reason: result.status_reason_code } : {}),
          personIds: [...result.person_ids],
        });
      }
    }
    const status = reason ? 'rjct' : 'succ';
    await store.insertTransaction(tx, {
      correlationId,
      userId: actor.userId,
      tokenId: caller.tokenId,
      senderId: h.sender_id,
      messageId: reason?.code === 'rjct.message_id.duplicate' ? `${h.message_id}#dup-${correlationId}` : h.message_id,
      transactionId: msg.transaction_id,
      mode,
      status,
      statusReasonCode: reason?.code ?? null,
      results: stored,
      at,
    });
    const personIds = [...new Set(audited.flatMap((a) => a.personIds))];
    await audit(tx, {
      actor: auditActor(actor),
      action: 'dci.search',
      entity: 'dci_transaction',
      entityId: correlationId,
      after: {
        mode,
        tokenId: caller.tokenId,
        senderId: h.sender_id,
        messageId: h.message_id,
        transactionId: msg.transaction_id,
        status,
        ...(reason ? { reason: reason.code } : {}),
        purposes: [...purposes],
        references: audited,
        personIds,
        fullPersonIds: [...disclosed],
      },
      ip: caller.ip,
      at,
    });
    if (disclosed.size > 0)
      await auditRead(tx, {
        actor: auditActor(actor),
        entity: 'person_search',
        entityId: correlationId,
        fields: SENSITIVE_PERSON_FIELDS,
        personIds: [...disclosed],
        detail: { via: 'dci', purposes: [...purposes] },
        ip: caller.ip,
        at,
      });
    const completed = items.length;
    const message: SearchResponse | undefined = reason
      ? undefined
      : { transaction_id: msg.transaction_id, correlation_id: correlationId, search_response: items };
    return {
      correlationId,
      answer: {
        header: callbackHeader(h, 'on-search', at, status, { total: msg.search_request.length, completed }, reason),
        ...(message ? { message } : {}),
      },
    };
  });
}

/**
 * A transaction status read (txn_type search): the caller's own transaction, found by
 * transaction id, correlation id or reference ids, answered with its SearchResponse, the persons
 * presented again under the caller's present scope and permissions (a person moved out of
 * scope since is left out). Audited as dci.txn_status with the persons returned.
 */
export async function txnStatus(db: Db, caller: Caller, env: TxnStatusEnvelope, at: Date): Promise<SyncTxnStatusAnswer> {
  const h = env.header;
  if (isEncrypted(env.message) || h.is_msg_encrypted === true)
    throw new DciRefusal('err.encryption.invalid', 'Encrypted messages are not supported by this registry');
  const msg = env.message as Extract<TxnStatusEnvelope['message'], { txnstatus_request: unknown }>;
  const verdict = checkHeader(h, 'txn-status', 1);
  if (!verdict.ok && 'error' in verdict) throw new DciRefusal(verdict.error, verdict.message);
  const actor = caller.actor;
  return withActor(db, actor, async (tx) => {
    const r = msg.txnstatus_request;
    let reason: { code: HeaderReasonCode; message: string } | undefined =
      !verdict.ok && 'reason' in verdict ? { code: verdict.reason, message: verdict.message } : undefined;
    if (!reason && r.txn_type !== 'search')
      reason = { code: 'rjct.action.not_supported', message: `txn_type ${r.txn_type}: only search transactions are kept` };
    let found: store.TransactionRow | null = null;
    if (!reason) {
      const v = r.attribute_value;
      if (r.attribute_type === 'transaction_id' && typeof v === 'string') found = await store.findTransaction(tx, actor.userId, { transactionId: v });
      else if (r.attribute_type === 'correlation_id' && typeof v === 'string') found = await store.findTransaction(tx, actor.userId, { correlationId: v });
      else if (r.attribute_type === 'reference_id_list' && Array.isArray(v) && v.length <= 100) found = await store.findByReferences(tx, actor.userId, v);
      else reason = { code: 'rjct.action.invalid', message: 'attribute_type is transaction_id or correlation_id (a text) or reference_id_list (up to 100)' };
    }
    const items: SearchResponseItem[] = [];
    const disclosed = new Set<number>();
    const returned: number[] = [];
    if (found) {
      const wanted = r.attribute_type === 'reference_id_list' && Array.isArray(r.attribute_value) ? new Set(r.attribute_value) : null;
      for (const res of found.results) {
        if (wanted && !wanted.has(res.reference_id)) continue;
        const rows = await store.personsByIds(tx, res.person_ids);
        returned.push(...rows.map((x) => x.id));
        const { item, disclosed: full } = responseItem(res, rows, actor);
        for (const id of full) disclosed.add(id);
        items.push(item);
      }
    }
    await audit(tx, {
      actor: auditActor(actor),
      action: 'dci.txn_status',
      entity: 'dci_transaction',
      entityId: found?.correlation_id ?? null,
      after: {
        tokenId: caller.tokenId,
        senderId: h.sender_id,
        messageId: h.message_id,
        attributeType: r.attribute_type,
        found: found !== null,
        ...(reason ? { reason: reason.code } : {}),
        personIds: [...new Set(returned)],
        fullPersonIds: [...disclosed],
      },
      ip: caller.ip,
      at,
    });
    if (disclosed.size > 0)
      await auditRead(tx, {
        actor: auditActor(actor),
        entity: 'person_search',
        entityId: found!.correlation_id,
        fields: SENSITIVE_PERSON_FIELDS,
        personIds: [...disclosed],
        detail: { via: 'dci.txn_status' },
        ip: caller.ip,
        at,
      });
    if (!reason && !found) {
      const header = callbackHeader(h, 'txn-on-status', at, 'rjct', { total: 1, completed: 0 });
      return { header: { ...header, status_reason_message: 'No transaction of this caller matches the request' } };
    }
    const header = callbackHeader(h, 'txn-on-status', at, reason ? 'rjct' : 'succ', { total: 1, completed: reason ? 0 : 1 }, reason);
    if (reason) return { header };
    const correlation = found?.correlation_id ?? '';
    return {
      header,
      message: {
        transaction_id: msg.transaction_id,
        correlation_id: correlation,
        txnstatus_response: {
          txn_type: 'search',
          txn_status: { transaction_id: found?.transaction_id ?? msg.transaction_id, correlation_id: correlation, search_response: items },
        },
      },
    };
  });
}

/**
 * A message refused before it was read (not an envelope, encrypted, another version): audited
 * too, with the code given and the header's ids when there are any. No record was read.
 */
export async function auditRefusal(
  db: Db,
  caller: Caller,
  action: 'dci.search' | 'dci.txn_status',
  refusal: DciRefusal,
  body: unknown,
  at: Date,
): Promise<void> {
  const header = typeof body === 'object' && body !== null ? (body as { header?: unknown }).header : undefined;
  const field = (k: string) => {
    const v = typeof header === 'object' && header !== null ? (header as Record<string, unknown>)[k] : undefined;
    return typeof v === 'string' ? v.slice(0, 200) : null;
  };
  await withActor(db, caller.actor, (tx) =>
    audit(tx, {
      actor: auditActor(caller.actor),
      action,
      entity: 'dci_transaction',
      after: {
        refused: refusal.code,
        message: refusal.message.slice(0, 300),
        tokenId: caller.tokenId,
        senderId: field('sender_id'),
        messageId: field('message_id'),
        personIds: [],
      },
      ip: caller.ip,
      at,
    }),
  );
}
