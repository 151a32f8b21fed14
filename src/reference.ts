// Reference data every installation needs (not demo data): the administrative units and the
// indicator catalogue. Loaded at first start and into every test database.
import type { Db } from './db/connection.ts';
import { loadUnitsReference } from './units/reference.ts';
import { loadIndicatorsReference } from './indicators/reference.ts';

export type ReferenceLoader = (db: Db, log: (line: string) => void) => Promise<void>;

/** Loaders in dependency order; each is idempotent (does nothing when its data is present). */
export const referenceLoaders: { name: string; load: ReferenceLoader }[] = [
  { name: 'units', load: loadUnitsReference },
  { name: 'indicators', load: loadIndicatorsReference },
];

export async function loadReferenceData(db: Db, log: (line: string) => void = () => {}): Promise<void> {
  for (const l of referenceLoaders) await l.load(db, log);
}
