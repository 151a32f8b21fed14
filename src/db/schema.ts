// The database's table types: generated from the migrated schema into generated.ts
// (`npm run db:types`). Features import `DB` and the table interfaces (`Users`, `Persons`, ...)
// from here, and take a row as kysely's `Selectable<Users>`.
export type * from './generated.ts';
