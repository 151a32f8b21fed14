// Vietnamese order of names in SQL: `order by ${viOrder('u.name')}`. The key function is
// migration 090 (ansinh_vi_key); its byte order is ICU's Vietnamese collation on both backends.
import { sql, type RawBuilder } from 'kysely';

/** An ORDER BY term sorting the column (a trusted SQL reference, never user input) in Vietnamese order. */
export function viOrder(column: string): RawBuilder<unknown> {
  if (!/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/.test(column)) throw new Error(`viOrder: not a column reference: ${column}`);
  return sql.raw(`ansinh_vi_key(${column}) collate "C"`);
}
