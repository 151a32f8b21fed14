// The database's table types: generated from the migrated schema into generated.ts
// (`npm run db:types`); features import `DB` and the row types from here.
export type { DB } from './generated.ts';
