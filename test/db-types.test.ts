// The table types in src/db/generated.ts are generated from the migrations (issue 16 item 5):
// a migration that changes a table without `npm run db:types` fails here, on PGlite and on
// PostgreSQL alike (both give the same file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { testDb } from './helpers/db.ts';
import { dbTypesSource, GENERATED_FILE } from '../scripts/db-types-source.ts';

test('src/db/generated.ts is what the migrated schema gives (run `npm run db:types` after a migration)', async () => {
  const db = await testDb();
  try {
    const fresh = await dbTypesSource(db.k);
    const committed = readFileSync(GENERATED_FILE, 'utf8');
    if (fresh !== committed) {
      const a = committed.split('\n');
      const b = fresh.split('\n');
      const i = a.findIndex((line, n) => line !== b[n]);
      assert.fail(
        `src/db/generated.ts differs from the migrated schema from line ${i + 1}:\n  committed: ${a[i]}\n  migrated:  ${b[i]}\nrun \`npm run db:types\``,
      );
    }
  } finally {
    await db.close();
  }
});
