// The database's table types. Each feature adds its own tables to `DB` by declaration merging
// in its store.ts (`declare module '../db/schema.ts' { interface DB { ... } }`), so that one
// place per feature owns the shape of its tables.
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface DB {
  schema_migrations: { version: number; name: string; applied_at: Date };
}
