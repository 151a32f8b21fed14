// SQL for the indicator catalogue: upsert from the code, list and read.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Db } from '../db/connection.ts';
import { catalogue } from './catalogue.ts';
import { arr } from '../units/store.ts';

declare module '../db/schema.ts' {
  interface DB {
    indicators: {
      code: string;
      name_vi: string;
      name_en: string;
      unit: string;
      kind: string;
      direction: string;
      aggregation: string;
      factor: number;
      numerator_vi: string | null;
      numerator_en: string | null;
      denominator_vi: string | null;
      denominator_en: string | null;
      disaggregations: string[];
      source: string;
      area: string;
      synonyms: string[];
    };
  }
}

/** Writes the catalogue into the table (insert or update each code). Idempotent. */
export async function loadIndicatorsReference(db: Db, log: (l: string) => void): Promise<void> {
  const k: Kysely<DB> = db.k;
  const before = await sql<{ n: number }>`select count(*)::int as n from indicators`.execute(k);
  await k.transaction().execute(async (tx) => {
    for (const i of catalogue) {
      const row = {
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
      await tx
        .insertInto('indicators')
        .values(row as never)
        .onConflict((oc) => oc.column('code').doUpdateSet(row as never))
        .execute();
    }
  });
  if ((before.rows[0]?.n ?? 0) !== catalogue.length) log(`danh mục chỉ tiêu: ${catalogue.length} chỉ tiêu`);
}
