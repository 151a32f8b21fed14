// Opens the database: embedded PGlite in a folder by default, or a PostgreSQL server by URL.
// Both give the same Kysely interface and the same type conversions, so that features and
// tests never ask which one they run on.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';
import { PreparingClient } from './prepared.ts';
import type { DB } from './schema.ts';

export const DB_KINDS = ['pglite', 'postgres'] as const;
export type DbKind = (typeof DB_KINDS)[number];

export interface Db {
  readonly kind: DbKind;
  readonly k: Kysely<DB>;
  /** Where the data lives, without credentials (for logs and /api/health). */
  readonly location: string;
  /** The PGlite instance when embedded (for dumps in tests and backups). */
  readonly pglite: PGlite | null;
  close(): Promise<void>;
}

// Same conversions on both backends: bigint and numeric as JS numbers (VND amounts and counts
// stay far below 2^53), dates as 'YYYY-MM-DD' strings (no time-zone shifts).
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const toNumber = (v: string) => Number(v);
const keepString = (v: string) => v;

export const pgliteExtensions = { btree_gin, btree_gist, pg_trgm, unaccent };

export interface OpenOptions {
  databaseUrl?: string | null;
  dataDir?: string | null;
  /** Embedded only: start from this data-directory dump (tests). */
  loadDataDir?: Blob | File;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

export async function openDb(opts: OpenOptions): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPGlite(opts.dataDir ?? null, opts.loadDataDir);
}

export async function openPGlite(dataDir: string | null, loadDataDir?: Blob | File): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: pgliteExtensions,
    parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: keepString },
    serializers: {},
  });
  const k = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    kind: 'pglite',
    k,
    location: dataDir ?? 'memory://',
    pglite,
    close: () => k.destroy(),
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(invalid url)';
  }
}

export async function openPostgres(url: string, poolSize = 10): Promise<Db> {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8 || oid === NUMERIC) return toNumber;
      if (oid === DATE) return keepString;
      return pg.types.getTypeParser(oid, format);
    },
  };
  // ANSINH_PREPARE=off sends every query unnamed (to compare; see src/db/prepared.ts).
  const prepare = process.env.ANSINH_PREPARE !== 'off';
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: types as pg.CustomTypesConfig, ...(prepare ? { Client: PreparingClient } : {}) });
  // An idle connection the server ends (restart, database dropped) must not crash the process:
  // the pool drops it and opens a new one for the next query.
  pool.on('error', (e) => {
    if (process.env.NODE_ENV !== 'test') console.error(`PostgreSQL: idle connection lost: ${e.message}`);
  });
  const k = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  // Fail now with a clear message rather than at the first request.
  try {
    await sql`select 1`.execute(k);
  } catch (e) {
    await k.destroy();
    throw new Error(`cannot connect to PostgreSQL at ${redactUrl(url)}: ${(e as Error).message}`);
  }
  return { kind: 'postgres', k, location: redactUrl(url), pglite: null, close: () => k.destroy() };
}
