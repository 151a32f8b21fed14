// The indicators table in the Kysely schema (the catalogue in catalogue.ts is the source; the
// table lets SQL join and aggregate by indicator). The loader is in reference.ts.
import type { Selectable } from 'kysely';
import type { Indicators } from '../db/schema.ts';

export type IndicatorRow = Selectable<Indicators>;
