// SQL functions the typed builder has no name for, shared by every store.
import { sql, type RawBuilder } from 'kysely';

/** The transaction's time, `now()` (the same instant for every statement of a transaction). */
export const now = (): RawBuilder<Date> => sql<Date>`now()`;
