// The indicators table in the Kysely schema (the catalogue in catalogue.ts is the source; the
// table lets SQL join and aggregate by indicator). The loader is in reference.ts.
import type { DB as _DB } from '../db/schema.ts';

export type IndicatorRow = _DB['indicators'];

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
