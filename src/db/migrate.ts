// Applies the numbered SQL migrations in src/db/migrations, each in its own transaction, and
// refuses to run code against a database that a newer version of ansinh has migrated.
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Db } from './connection.ts';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function loadMigrations(dir: URL = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const seen = new Map<number, string>();
  return files.map((file) => {
    const m = /^(\d{3})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!m) throw new MigrationError(`migration file name must look like 001_name.sql: ${file}`);
    const version = Number(m[1]);
    if (seen.has(version)) throw new MigrationError(`two migrations share number ${m[1]}: ${seen.get(version)} and ${file}`);
    seen.set(version, file);
    return { version, name: m[2]!, sql: readFileSync(new URL(file, dir), 'utf8') };
  });
}

export interface MigrateResult {
  readonly applied: readonly Migration[];
  readonly current: number;
}

export async function migrate(db: Db, migrations: readonly Migration[] = loadMigrations()): Promise<MigrateResult> {
  await sql`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now())`.execute(db.k);
  const latestKnown = migrations.reduce((m, x) => Math.max(m, x.version), 0);
  const applied: Migration[] = [];
  // The usual start: everything is applied already. One read answers that, instead of a
  // transaction per migration (a few hundred round trips on PGlite).
  const have = await sql<{ version: number }>`select version from schema_migrations`.execute(db.k);
  const haveSet = new Set(have.rows.map((r) => r.version));
  const newestHave = have.rows.reduce((m, r) => Math.max(m, r.version), 0);
  if (newestHave > latestKnown) {
    throw new MigrationError(`the database is at migration ${newestHave}, newer than this version of ansinh knows (${latestKnown}); upgrade ansinh`);
  }
  for (const mig of migrations) {
    if (haveSet.has(mig.version)) continue;
    const done = await db.k.transaction().execute(async (tx) => {
      // Serialize concurrent starts against one PostgreSQL server.
      if (db.kind === 'postgres') await sql`select pg_advisory_xact_lock(7152001)`.execute(tx);
      const newest = await sql<{ v: number | null }>`select max(version) as v from schema_migrations`.execute(tx);
      const v = newest.rows[0]?.v ?? 0;
      if (v > latestKnown) {
        throw new MigrationError(`the database is at migration ${v}, newer than this version of ansinh knows (${latestKnown}); upgrade ansinh`);
      }
      const exists = await sql`select 1 from schema_migrations where version = ${mig.version}`.execute(tx);
      if (exists.rows.length > 0) return false;
      // One sequence: a new migration numbered below one already applied would run after it on
      // this database and before it on a fresh one, so the two would differ. Refuse it.
      if (mig.version < v) {
        throw new MigrationError(
          `migration ${String(mig.version).padStart(3, '0')}_${mig.name} is numbered below ${String(v).padStart(3, '0')}, already applied; a new migration takes the next number after the newest`,
        );
      }
      await sql.raw(mig.sql).execute(tx);
      await sql`insert into schema_migrations (version, name) values (${mig.version}, ${mig.name})`.execute(tx);
      return true;
    });
    if (done) applied.push(mig);
  }
  if (migrations.length === 0) {
    const newest = await sql<{ v: number | null }>`select max(version) as v from schema_migrations`.execute(db.k);
    if ((newest.rows[0]?.v ?? 0) > 0) throw new MigrationError('the database has migrations but this ansinh has none');
  }
  return { applied, current: latestKnown };
}
