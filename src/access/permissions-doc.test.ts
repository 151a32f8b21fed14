// docs/guide/phan-quyen.md is the permission matrix of permissions.ts, word for word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DOC_PATH, permissionMatrixMarkdown } from './permissions-doc.ts';

test('the documented permission matrix matches the code (regenerate with permissions-doc.ts --write)', () => {
  assert.equal(readFileSync(DOC_PATH, 'utf8'), permissionMatrixMarkdown());
});
