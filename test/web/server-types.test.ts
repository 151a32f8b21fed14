// Shapes the web reads that no route schema checks (a job's result): the type the web imports
// from src/registry/schemas.ts must equal what src/registry/import.ts builds. `npm run typecheck`
// fails when they drift; the test below only records it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ImportReport as Built } from '../../src/registry/import.ts';
import type { ImportReport as Sent } from '../../src/registry/schemas.ts';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const importReport: Same<Built, Sent> = true;

test('the registry import report the web reads is the one the import builds', () => {
  assert.equal(importReport, true);
});
