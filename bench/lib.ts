// What the benchmarks share: options from the command line, a free port, time formatting, the
// median, and the fresh PostgreSQL and PGlite databases the comparing benches run on.
import { createServer } from 'node:net';
import pg from 'pg';
import { openDb, openPGlite, type Db } from '../src/db/connection.ts';

/** `--name=value` from the command line, or the default. */
export const arg = (name: string, def: string): string => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? def;
/** Whether `--name` was given. */
export const flag = (name: string): boolean => process.argv.includes(`--${name}`);
/** Milliseconds as seconds with one decimal: "2.4 s". */
export const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A TCP port nobody listens on now (for a server the benchmark starts). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address() as { port: number };
      s.close(() => resolve(a.port));
    });
  });
}

/**
 * Runs `body` on a fresh PostgreSQL database `name` (dropped and created on DATABASE_URL's server,
 * or the local one) unless --no-pg, then on an in-memory PGlite unless --no-pglite. A PostgreSQL
 * that cannot be reached is reported and skipped. The one setup of the benches that compare the two.
 */
export async function onBothBackends(
  name: string,
  body: (db: Db, backend: 'PostgreSQL' | 'PGlite') => Promise<void>,
  opts: { poolSize?: number; dropAfter?: boolean } = {},
): Promise<void> {
  if (!flag('no-pg')) {
    const admin = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
    const c = new pg.Client({ connectionString: admin });
    try {
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.query(`create database ${name}`);
      const u = new URL(admin);
      u.pathname = `/${name}`;
      const db = await openDb({ databaseUrl: u.toString(), poolSize: opts.poolSize ?? 4 });
      try {
        await body(db, 'PostgreSQL');
      } finally {
        await db.close();
      }
      if (opts.dropAfter) await c.query(`drop database if exists ${name} with (force)`);
    } catch (e) {
      console.log(`  PostgreSQL not available: ${(e as Error).message}`);
    } finally {
      await c.end().catch(() => {});
    }
  }
  if (!flag('no-pglite')) {
    const db = await openPGlite(null);
    try {
      await body(db, 'PGlite');
    } finally {
      await db.close();
    }
  }
}
