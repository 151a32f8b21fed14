// SQL of the DCI registry API: persons matching a search plan (in the caller's transaction, so
// row-level security keeps the search inside the caller's units), persons by id for a status
// read, and the transactions table (dci_transactions, migration 280).
import { type ExpressionBuilder, type Expression, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { DciPersonRow, DciStatus, Filter, Sort } from './model.ts';

type Eb = ExpressionBuilder<DB & { p: DB['persons']; h: DB['households']; u: DB['units'] }, 'p' | 'h' | 'u'>;

function where(eb: Eb, f: Filter): Expression<SqlBool> {
  if (f.kind === 'not') return eb.not(where(eb, f.part));
  if (f.kind === 'units') return f.ids.length === 0 ? eb.lit(false) : eb('p.unit_id', 'in', [...f.ids]);
  if (f.kind !== 'cmp') return f.kind === 'and' ? eb.and(f.parts.map((x) => where(eb, x))) : eb.or(f.parts.map((x) => where(eb, x)));
  const v = f.value;
  switch (f.field) {
    case 'personal_id':
      return f.op === 'in' ? eb('p.personal_id', 'in', v as string[]) : eb('p.personal_id', '=', v as string);
    case 'date_of_birth':
      return eb('p.date_of_birth', f.op as '=', v as string);
    case 'sex':
      return eb('p.sex', '=', v as string);
    case 'province_code':
      return eb('p.province_code', '=', v as string);
    case 'unit_code':
      return eb('u.code', '=', v as string);
    case 'deceased':
      return v ? eb('p.death_date', 'is not', null) : eb('p.death_date', 'is', null);
  }
}

const SORT_COLUMN = { personal_id: 'p.personal_id', date_of_birth: 'p.date_of_birth', full_name: 'p.full_name' } as const;

function base(tx: Transaction<DB>) {
  return tx.selectFrom('persons as p').innerJoin('households as h', 'h.id', 'p.household_id').innerJoin('units as u', 'u.id', 'p.unit_id');
}

const COLUMNS = [
  'p.id',
  'p.unit_id',
  'p.personal_id',
  'p.full_name',
  'p.date_of_birth',
  'p.sex',
  'p.death_date',
  'p.disability',
  'h.code as household_code',
  'u.code as unit_code',
  'p.province_code',
] as const;

/** One page of the persons a plan matches, and how many match in all (within the caller's scope). */
export async function searchPersons(
  tx: Transaction<DB>,
  filter: Filter,
  sort: readonly Sort[],
  page: { size: number; number: number },
): Promise<{ rows: DciPersonRow[]; total: number }> {
  const counted = await base(tx)
    .where((eb) => where(eb as Eb, filter))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(counted.n);
  if (total === 0 || (page.number - 1) * page.size >= total) return { rows: [], total };
  let q = base(tx)
    .where((eb) => where(eb as Eb, filter))
    .select(COLUMNS);
  for (const s of sort) q = q.orderBy(SORT_COLUMN[s.field], s.desc ? 'desc' : 'asc');
  const rows = await q
    .orderBy('p.id')
    .limit(page.size)
    .offset((page.number - 1) * page.size)
    .execute();
  return { rows: rows as DciPersonRow[], total };
}

/** The persons with these ids that the caller's scope still covers, in the order given. */
export async function personsByIds(tx: Transaction<DB>, ids: readonly number[]): Promise<DciPersonRow[]> {
  if (ids.length === 0) return [];
  const rows = (await base(tx)
    .where('p.id', 'in', [...ids])
    .select(COLUMNS)
    .execute()) as DciPersonRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** What a transaction keeps per reference (dci_transactions.results). */
export interface StoredResult {
  readonly reference_id: string;
  readonly timestamp: string;
  readonly status: DciStatus;
  readonly status_reason_code?: string;
  readonly status_reason_message?: string;
  readonly person_ids: readonly number[];
  readonly total_count?: number;
  readonly page_size?: number;
  readonly page_number?: number;
  readonly locale?: string;
}

export interface TransactionRow {
  readonly correlation_id: string;
  readonly transaction_id: string;
  readonly sender_id: string;
  readonly message_id: string;
  readonly status: DciStatus;
  readonly results: readonly StoredResult[];
}

/** Has this caller already sent a message with this id from this sender? */
export async function messageSeen(tx: Transaction<DB>, userId: number, senderId: string, messageId: string): Promise<boolean> {
  const r = await tx
    .selectFrom('dci_transactions')
    .select('id')
    .where('user_id', '=', userId)
    .where('sender_id', '=', senderId)
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  return r !== undefined;
}

export async function insertTransaction(
  tx: Transaction<DB>,
  t: {
    correlationId: string;
    userId: number;
    tokenId: number | null;
    senderId: string;
    messageId: string;
    transactionId: string;
    mode: 'sync' | 'async';
    status: DciStatus;
    statusReasonCode: string | null;
    results: readonly StoredResult[];
    at: Date;
  },
): Promise<void> {
  await tx
    .insertInto('dci_transactions')
    .values({
      correlation_id: t.correlationId,
      user_id: t.userId,
      token_id: t.tokenId,
      sender_id: t.senderId,
      message_id: t.messageId,
      transaction_id: t.transactionId,
      mode: t.mode,
      status: t.status,
      status_reason_code: t.statusReasonCode,
      results: JSON.stringify(t.results),
      created_at: t.at,
      completed_at: t.status === 'succ' || t.status === 'rjct' ? t.at : null,
    })
    .execute();
}

/** The caller's latest transaction found by transaction id or correlation id (row-level security: own rows only). */
export async function findTransaction(
  tx: Transaction<DB>,
  userId: number,
  by: { transactionId: string } | { correlationId: string },
): Promise<TransactionRow | null> {
  let q = tx
    .selectFrom('dci_transactions')
    .select(['correlation_id', 'transaction_id', 'sender_id', 'message_id', 'status', 'results'])
    .where('user_id', '=', userId);
  // A repeated message (rejected as a duplicate) does not shadow the transaction it repeats.
  q =
    'transactionId' in by
      ? q
          .where('transaction_id', '=', by.transactionId)
          .where((eb) => eb.or([eb('status_reason_code', 'is', null), eb('status_reason_code', '!=', 'rjct.message_id.duplicate')]))
      : q.where('correlation_id', '=', by.correlationId);
  const r = await q.orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!r) return null;
  const results = (typeof r.results === 'string' ? JSON.parse(r.results) : r.results) as StoredResult[];
  return { ...r, status: r.status as DciStatus, results };
}

/** The caller's latest transaction holding one of these reference ids. */
export async function findByReferences(tx: Transaction<DB>, userId: number, refs: readonly string[]): Promise<TransactionRow | null> {
  for (const ref of refs) {
    const r = await tx
      .selectFrom('dci_transactions')
      .select(['correlation_id'])
      .where('user_id', '=', userId)
      .where((eb) => eb('results', '@>', JSON.stringify([{ reference_id: ref }]) as never))
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (r) return findTransaction(tx, userId, { correlationId: r.correlation_id });
  }
  return null;
}
