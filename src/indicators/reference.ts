// Reference loader of the indicator catalogue: writes src/indicators/catalogue.ts into the
// `indicators` table at start-up and into every test database. An upsert, so a new version of
// the code updates names, synonyms and definitions; running it twice changes nothing.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Db } from '../db/connection.ts';
import { catalogue } from './catalogue.ts';
import type { Indicator } from './model.ts';
import { arr } from '../db/arrays.ts';
import './store.ts';

/** The table row of one indicator (pure; arrays are written as text[]). */
export function indicatorRow(i: Indicator) {
  return {
    code: i.code,
    name_vi: i.name.vi,
    name_en: i.name.en,
    unit: i.unit,
    kind: i.kind,
    direction: i.direction,
    aggregation: i.aggregation,
    factor: i.factor,
    numerator_vi: i.numerator?.vi ?? null,
    numerator_en: i.numerator?.en ?? null,
    denominator_vi: i.denominator?.vi ?? null,
    denominator_en: i.denominator?.en ?? null,
    disaggregations: sql<string[]>`${arr(i.disaggregations)}::text[]`,
    source: i.source,
    area: i.area,
    synonyms: sql<string[]>`${arr(i.synonyms)}::text[]`,
  };
}

/** Writes the catalogue into the table (insert or update each code). Idempotent. */
export async function loadIndicatorsReference(db: Db, log: (l: string) => void, list: readonly Indicator[] = catalogue): Promise<void> {
  const k: Kysely<DB> = db.k;
  const before = await sql<{ n: number }>`select count(*)::int as n from indicators`.execute(k);
  if (list.length > 0) {
    // One statement for the whole catalogue (it runs at every start).
    const rows = list.map(indicatorRow);
    const columns = Object.keys(rows[0]!).filter((c) => c !== 'code');
    await k
      .insertInto('indicators')
      .values(rows as never)
      .onConflict((oc) => oc.column('code').doUpdateSet(Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)])) as never))
      .execute();
  }
  if ((before.rows[0]?.n ?? 0) !== list.length) log(`danh mục chỉ tiêu: ${list.length} chỉ tiêu`);
}
