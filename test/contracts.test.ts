// The contract rule (issue 16 item 1, docs/developer.md "Contracts"): every JSON route declares
// the shape of its success answer, so the OpenAPI document describes it and the serializer lets
// out only the fields it names. Built from app.routeTable, so a route added later without a
// response schema fails here. Only routes that do not answer JSON are listed below, each with
// the reason.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from './helpers/app.ts';
import { droppedFields, vagueSchema } from '../src/kernel/contract.ts';
import { Type } from 'typebox';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const notJson: Record<string, string> = {
  'GET /api/openapi.json': 'the OpenAPI document itself',
  'GET /api/citizens/applications/:id/documents/:documentId': "an application's document as uploaded (PDF, JPEG, PNG)",
  'GET /api/plans/:id/draft.docx': 'a Word file',
  'GET /api/monitoring/units/:unitCode/periods/:period/attachments/:attachmentId': 'the attached file as uploaded',
  'GET /api/monitoring/units/:unitCode/dashboard.xlsx': 'an Excel file',
  'GET /api/monitoring/units/:unitCode/report.docx': 'a Word file',
  'GET /api/monitoring/units/:unitCode/indicators/:indicatorCode/chart.svg': "an SVG picture (its figures are in the indicator's JSON)",
  'GET /api/monitoring/units/:unitCode/children.svg': 'an SVG picture (its figures are in .../children)',
  'GET /api/registry/imports/:id/report': 'a CSV or Excel file',
  'GET /api/payments/payrolls/:id/export': 'a CSV or Excel file',
  'GET /api/relief/events/:id/signatures.csv': 'a CSV file',
  'GET /api/merit/units/:code/lists/:list/export': 'a CSV or Excel file',
  'GET /api/relief/events/:id/bank.csv': 'a CSV file (the bank transfer batch)',
  'GET /api/housing/cases/:id/documents/:documentId': "a housing case's photo or document as uploaded (PDF, JPEG, PNG)",
};

let t: Awaited<ReturnType<typeof testApp>>;
before(async () => {
  t = await testApp();
});
after(async () => {
  await t.close();
});

test('every JSON route declares a response schema for its success status, and it describes the answer', () => {
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const r of t.app.routeTable) {
    const key = `${r.method} ${r.url}`;
    if (r.url.startsWith('/api/docs') || r.url === '/*') continue; // Swagger UI and the web app's static files
    if (key in notJson) {
      listed.add(key);
      continue;
    }
    const responses = (r.schema?.response ?? {}) as Record<string, unknown>;
    const ok = Object.keys(responses).filter((s) => /^2/.test(s));
    if (ok.length === 0) {
      problems.push(`${key}: no response schema for a 2xx status`);
      continue;
    }
    for (const s of ok) {
      const why = vagueSchema(responses[s]);
      if (why) problems.push(`${key}: the ${s} schema is ${why}`);
    }
  }
  for (const k of Object.keys(notJson)) if (!listed.has(k)) problems.push(`${k}: listed as not JSON but no such route`);
  assert.deepEqual(problems, []);
});

test('the OpenAPI document has a success response with a schema for every JSON route', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  const doc = res.json() as { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>> };
  const missing: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const url = path.replace(/\{([^}]+)\}/g, ':$1');
      if (`${method.toUpperCase()} ${url}` in notJson) continue;
      const ok = Object.entries(op.responses ?? {}).filter(([s]) => /^2/.test(s));
      const described = ok.some(([s, r]) => s === '204' || Object.values(r.content ?? {}).some((c) => c.schema !== undefined));
      if (!described) missing.push(`${method.toUpperCase()} ${url}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('droppedFields names what a too-narrow schema would lose, and nothing when it fits', () => {
  const S = Type.Object({
    id: Type.Integer(),
    items: Type.Array(Type.Object({ a: Type.String() })),
    n: Type.Union([Type.Object({ x: Type.Integer() }), Type.Null()]),
  });
  assert.deepEqual(droppedFields({ id: 1, items: [{ a: 'x' }], n: null }, S), []);
  assert.deepEqual(droppedFields({ id: 1, secret: 's', items: [{ a: 'x', b: 2 }], n: { x: 1, y: 2 } }, S), ['/secret', '/items/0/b', '/n/y']);
  assert.deepEqual(droppedFields({ k: { z: 1 } }, Type.Record(Type.String(), Type.Object({ z: Type.Integer() }))), []);
  assert.equal(vagueSchema(Type.Unknown()), 'any value');
  assert.equal(vagueSchema(Type.Object({}, { additionalProperties: true })), 'an object without properties');
  assert.equal(vagueSchema(S), null);
});

test("route files declare no schema of their own: each feature's contract is in its schemas.ts", () => {
  const src = new URL('../src/', import.meta.url).pathname;
  const found: string[] = [];
  for (const feature of readdirSync(src, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const f of readdirSync(join(src, feature.name)).filter((n) => /routes?\.ts$|-route\.ts$/.test(n) && !n.endsWith('.test.ts'))) {
      const lines = readFileSync(join(src, feature.name, f), 'utf8').split('\n');
      lines.forEach((l, i) => {
        if (/\bType\.[A-Z]/.test(l)) found.push(`src/${feature.name}/${f}:${i + 1}`);
      });
    }
  }
  assert.deepEqual(found, []);
});
