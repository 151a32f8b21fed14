// Named prepared statements for PostgreSQL (issue 18, load goal). Kysely sends each query as
// text with parameters, and the server parses, analyses and plans it anew every time: for the
// short queries of a page (the session, the unit, the scope, the page's own reads) that is a
// large share of the database's CPU. This client gives every parameterised query text a stable
// name, so node-postgres prepares it once per connection and afterwards only binds and executes.
// PostgreSQL re-plans a prepared statement when a table it uses changes and when row-level
// security depends on the role, so a statement stays correct across migrations and scopes; the
// one error it can raise ("cached plan must not change result type", after a column change) is
// answered by dropping the statement and running the query once unnamed.
import { createHash } from 'node:crypto';
import pg from 'pg';

/** At most this many distinct texts get a name (each connection keeps the ones it ran). */
export const MAX_NAMED = 2000;
/** Longer texts (bulk statements, generated lists) are rare and would only fill the cache. */
const MAX_TEXT = 8000;

const names = new Map<string, string>();

/** The statement name of a query text, or undefined when it is not to be prepared. */
export function statementName(text: string): string | undefined {
  const known = names.get(text);
  if (known) return known;
  if (text.length > MAX_TEXT || names.size >= MAX_NAMED) return undefined;
  const name = `a_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  names.set(text, name);
  return name;
}

export class PreparingClient extends pg.Client {
  // node-postgres's overloads are many; Kysely calls query(text, values) and query(cursor).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config !== 'string' || !Array.isArray(values) || values.length === 0 || typeof callback === 'function') {
      return super.query(config, values, callback);
    }
    const name = statementName(config);
    if (!name) return super.query(config, values);
    const run = super.query.bind(this) as (c: pg.QueryConfig) => Promise<pg.QueryResult>;
    return run({ name, text: config, values }).catch(async (e: Error & { code?: string }) => {
      if (e.code !== '0A000' || !/cached plan/.test(e.message)) throw e;
      // Drop the stale statement and answer this once unnamed; inside a transaction the error has
      // already aborted it, and the caller gets the original error (the next use, after the
      // rollback, drops the statement then).
      try {
        await run({ text: `deallocate "${name}"` });
        delete (this as unknown as { connection: { parsedStatements: Record<string, string> } }).connection.parsedStatements[name];
        return await run({ text: config, values });
      } catch {
        throw e;
      }
    });
  }
}
