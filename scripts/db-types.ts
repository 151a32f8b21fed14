// `npm run db:types`: migrates a fresh in-memory PGlite (or the empty PostgreSQL database named
// by DATABASE_URL) and writes src/db/generated.ts from its schema.
import { writeFileSync } from 'node:fs';
import { openDb } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { dbTypesSource, GENERATED_FILE } from './db-types-source.ts';

const db = await openDb(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {});
try {
  await migrate(db);
  writeFileSync(GENERATED_FILE, await dbTypesSource(db.k));
  console.log(`wrote ${GENERATED_FILE.pathname}`);
} finally {
  await db.close();
}
