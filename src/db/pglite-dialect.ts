// A Kysely dialect for PGlite (PostgreSQL compiled to WASM, embedded in this process).
// PGlite has one connection, so queries and transactions are serialized by a small mutex.
import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

class Mutex {
  #tail: Promise<void> = Promise.resolve();
  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const prev = this.#tail;
    this.#tail = prev.then(() => next);
    return prev.then(() => release);
  }
}

/**
 * How long a run of queries may keep the event loop before it lets it turn. PGlite executes in
 * this thread and its promises resolve without I/O in between, so a long chain of queries (the
 * apply of a 200,000-row import: one query a household) would otherwise starve the loop: no
 * connection accepted, no /api/health answered, no SIGTERM handled, for minutes (issue 18
 * finding 11). Between queries, at most every YIELD_MS, the chain waits one turn (setImmediate).
 */
export const YIELD_MS = 50;
let lastTurn = performance.now();

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pg: PGlite) {}
  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    if (performance.now() - lastTurn > YIELD_MS) {
      await new Promise<void>((r) => setImmediate(r));
      lastTurn = performance.now();
    }
    // Without parameters use the simple protocol, which also runs multi-statement scripts
    // (migrations); its last result is the answer.
    const res =
      q.parameters.length === 0
        ? ((await this.pg.exec(q.sql)).at(-1) ?? { rows: [], fields: [], affectedRows: 0 })
        : await this.pg.query<R>(q.sql, q.parameters as unknown[]);
    const affected = res.affectedRows;
    return {
      rows: res.rows as R[],
      ...(affected !== undefined && res.fields.length === 0 ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }
  async *streamQuery<R>(q: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    yield await this.executeQuery<R>(q);
  }
}

class PGliteDriver implements Driver {
  readonly #mutex = new Mutex();
  readonly #conn: PGliteConnection;
  #release: (() => void) | null = null;
  constructor(private readonly pg: PGlite) {
    this.#conn = new PGliteConnection(pg);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    this.#release = await this.#mutex.lock();
    return this.#conn;
  }
  async beginTransaction(c: DatabaseConnection, s: TransactionSettings): Promise<void> {
    const iso = s.isolationLevel ? ` isolation level ${s.isolationLevel}` : '';
    await c.executeQuery(CompiledQuery.raw(`begin${iso}`));
  }
  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(): Promise<void> {
    const r = this.#release;
    this.#release = null;
    r?.();
  }
  async destroy(): Promise<void> {
    await this.pg.close();
  }
}

export class PGliteDialect implements Dialect {
  constructor(private readonly pg: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pg);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
}
