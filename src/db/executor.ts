import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

/** Where a store runs its statements: the connection or an open transaction (one definition for every feature). */
export type Executor = Kysely<DB> | Transaction<DB>;
