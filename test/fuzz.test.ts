// Property-based fuzzing of every route (issue 18, "What to build" 3): requests generated with
// fast-check from each route's own schemas (params, query string, JSON body), mixed with hostile
// values (NUL, unpaired surrogates, 1e400, integers beyond int8, impossible dates, a 9,000- and
// a 1,000,000-character string, JSON nested 5,000 deep, wrong types), sent as anonymous, as a
// commune officer and as an administrator. The property: no response is a 5xx, and every 4xx is
// a problem+json document (the DCI registry API's: its standard's error forms with an err.* code).
//
// Seeded, so a run is reproducible: FUZZ_SEED (default 18) and FUZZ_RUNS (requests per route and
// actor, default 8). FUZZ_ROUTE="POST /api/plans" limits the run to one route; a failure prints
// the seed, the route, the actor and the request. See docs/developer.md, "Fuzzing".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { testApp } from './helpers/app.ts';
import { createTestUser, sessionHeaders } from '../src/access/testing.ts';
import { formData } from './helpers/form.ts';
import { loadActor } from '../src/access/store.ts';
import { withActor } from '../src/access/scope.ts';
import * as reg from '../src/registry/store.ts';
import * as pay from '../src/payments/store.ts';
import { createDecision } from '../src/payments/decisions.ts';
import { registryMember } from './helpers/registry.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 18);
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const ONLY = process.env.FUZZ_ROUTE ?? null;
const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

let t: Awaited<ReturnType<typeof testApp>>;
const userIds: Record<string, number> = {};

before(async () => {
  t = await testApp();
  userIds.officer = await createTestUser(t.db, { username: 'fuzz-officer', role: 'officer', unitCode: '03439' });
  userIds.admin = await createTestUser(t.db, { username: 'fuzz-admin', role: 'admin', unitCode: null, totpSecret: TOTP });
  await seedRecords();
});

/** A few records (households, a benefit decision, a payroll, a plan), so that small ids reach real rows. */
async function seedRecords(): Promise<void> {
  const commune = (await reg.communeByCode(t.db.k, '03439'))!;
  const person = (fullName: string, o: Record<string, unknown> = {}) =>
    registryMember({ fullName, dateOfBirth: '1938-01-01', ...o }) as unknown as Parameters<typeof reg.registerHousehold>[3][number];
  const home = (code: string) => ({
    code,
    villageId: null,
    address: 'Bản Thu Lũm',
    area: 'rural' as const,
    incomePerMonth: 900_000,
    deprivations: { water: true },
    disadvantagedArea: true,
    merit: false,
  });
  const meta = { by: 'fuzz', reason: 'dữ liệu thử' };
  const a = await reg.registerHousehold(
    t.db.k,
    commune,
    home('FZ-1'),
    [person('Lò Văn Một'), person('=HYPERLINK("http://x")', { relation: 'spouse', sex: 'F', dateOfBirth: '1940-02-29' })],
    meta,
  );
  await reg.registerHousehold(t.db.k, commune, home('FZ-2'), [person('Tòng Thị Hai', { sex: 'F' })], meta);
  await createDecision(
    t.db.k,
    {
      personId: a.personIds[0]!,
      number: '1/QĐ-UBND',
      decidedOn: '2026-01-05',
      signer: 'Chủ tịch',
      kind: 'start',
      startMonth: 202601,
      channel: 'bank',
      account: '0011223344',
    },
    'fuzz',
  );
  const officer = (await loadActor(t.db.k, userIds.officer!))!;
  await withActor(t.db, officer, (tx) => pay.generatePayroll(tx, commune.id, 202602, 'fuzz-officer'));
  const plan = await t.app.inject({
    method: 'POST',
    url: '/api/plans',
    headers: await sessionHeaders(t.db, userIds.officer!),
    payload: {
      unitCode: '03439',
      kind: 'plan',
      number: '12/KH-UBND',
      issuer: 'UBND xã Thu Lũm',
      place: null,
      issuedOn: '2026-01-10',
      issuedOnText: null,
      title: 'Kế hoạch giảm nghèo năm 2026',
      signer: null,
      signerTitle: null,
      implements: [],
      sections: [],
      targets: [{ indicatorCode: 'poor_household_rate', comparator: '<=', value: 20, unit: '%', year: 2026, sourceText: null }],
      tasks: [],
      assignments: [
        { agency: 'Công chức văn hóa - xã hội', role: 'lead', what: 'Rà soát hộ nghèo', dueDate: '2026-06-30', recurrence: null, sourceText: null },
      ],
      recipients: [],
      sourceText: null,
      sourceFile: null,
    },
  });
  assert.equal(plan.statusCode, 201, plan.body);
}
after(async () => {
  await t.close();
});

type Schema = Record<string, unknown>;

// Sentinels replaced in the JSON text after serialising: JSON.stringify cannot write them.
const INF = '\u0001fuzz:1e400\u0001';
const DEEP = '\u0001fuzz:deep\u0001';
const LONG = 'x'.repeat(1_000_000);

const hostileString = fc.constantFrom(
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\udfff\ud800',
  '2025-02-30',
  '2025-13-01',
  '0000-00-00',
  '9999-99-99T99:99:99Z',
  '',
  ' ',
  'x'.repeat(9_000),
  '%00',
  '../../etc/passwd',
  "'; select pg_sleep(1); --",
  '=HYPERLINK("http://x")',
  '-1',
  '1e400',
  'NaN',
  'null',
  '😀'.repeat(3),
  'Ṽ̶̢iệt',
);
const hostileNumber = fc.constantFrom(INF, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 9.3e18, -1, 0, 0.5, -0.0001, 1e308);
const hostileOther = fc.constantFrom<unknown>(null, [], {}, true, [null], { a: 1 }, DEEP);
const hostile = fc.oneof(hostileString, hostileNumber, hostileOther);

/** Values that fit the schema (most of the time), so requests reach the handlers. */
function valid(s: Schema | undefined, name = ''): fc.Arbitrary<unknown> {
  if (!s || typeof s !== 'object') return fc.jsonValue({ maxDepth: 2 });
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const alts = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (Array.isArray(alts) && alts.length > 0) return fc.oneof(...alts.map((a) => valid(a, name)));
  if (Array.isArray(s.allOf) && s.allOf.length > 0) return valid(s.allOf[0] as Schema, name);
  const type = Array.isArray(s.type) ? (s.type as string[])[0] : (s.type as string | undefined);
  switch (type) {
    case 'string': {
      if (/code$/i.test(name) || name === 'unit' || name === 'orgUnit') return fc.constantFrom('03439', '12', '15889', '01', '14', '00000');
      if (s.format === 'date')
        return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      if (s.format === 'date-time')
        return fc.date({ min: new Date('1970-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
      if (s.format === 'email') return fc.emailAddress();
      if (s.format === 'uuid') return fc.uuid();
      if (typeof s.pattern === 'string') {
        try {
          return fc.stringMatching(new RegExp(s.pattern as string)).filter((x) => x.length <= Number(s.maxLength ?? 200));
        } catch {
          /* a pattern fast-check cannot read: fall through to plain strings */
        }
      }
      const min = Number(s.minLength ?? 0);
      return fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.max(min, Math.min(Number(s.maxLength ?? 40), 40)) });
    }
    case 'integer': {
      if (/id$/i.test(name)) return fc.integer({ min: 1, max: 12 });
      const min = typeof s.minimum === 'number' ? s.minimum : -1000;
      const max = typeof s.maximum === 'number' ? s.maximum : Math.max(min, 0) + 1000;
      return fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) });
    }
    case 'number':
      return fc.double({
        min: typeof s.minimum === 'number' ? s.minimum : -1e6,
        max: typeof s.maximum === 'number' ? s.maximum : 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valid(s.items as Schema | undefined, name), {
        minLength: Math.min(Number(s.minItems ?? 0), 3),
        maxLength: Math.max(Math.min(Number(s.minItems ?? 0), 3), Math.min(Number(s.maxItems ?? 3), 3)),
      });
    case 'object':
    case undefined: {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const keys = Object.keys(props);
      if (keys.length === 0)
        return type === 'object' ? fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }) : fc.jsonValue({ maxDepth: 2 });
      const required = (Array.isArray(s.required) ? s.required : []) as string[];
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const k of keys) model[k] = valid(props[k], k);
      return fc.record(model, { requiredKeys: required.filter((k) => k in model) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A value for the schema: valid, with now and then a hostile value in place of a nested one. */
function value(s: Schema | undefined, name = ''): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 12, arbitrary: valid(s, name) }, { weight: 1, arbitrary: hostile });
}

/** Every place in a value (the value itself, each array item and property), as paths. */
function places(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(v)) v.forEach((x, i) => places(x, [...path, i], out));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) places((v as Record<string, unknown>)[k], [...path, k], out);
  return out;
}

/** `v` with the place number `pick` (modulo their count) replaced by `h`. */
function mutate(v: unknown, pick: number, h: unknown): unknown {
  const all = places(v);
  const path = all[pick % all.length]!;
  if (path.length === 0) return h;
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = h;
  return copy;
}

/** A valid value, or (one time in three) a valid value with exactly one place made hostile. */
function probe(s: Schema | undefined, name = ''): fc.Arbitrary<unknown> {
  return fc.tuple(valid(s, name), fc.option(fc.tuple(fc.nat(), hostile), { freq: 2 })).map(([v, m]) => (m ? mutate(v, m[0], m[1]) : v));
}

/** JSON text of a body, with the sentinels written as the raw JSON they stand for. */
function jsonText(v: unknown): string {
  return JSON.stringify(v)
    .replaceAll(JSON.stringify(INF), '1e400')
    .replaceAll(JSON.stringify(DEEP), '['.repeat(5000) + ']'.repeat(5000));
}

/** Text of a URL part: lone surrogates as the UTF-8 bytes of a surrogate (not valid UTF-8). */
function urlText(v: unknown): string {
  const s = v === INF ? '1e400' : v === DEEP ? '[[[[' : typeof v === 'string' ? v : v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c >= 0xd800 && c <= 0xdfff ? '%ED%A0%80' : encodeURIComponent(ch);
  }
  return out;
}

function bodySchema(route: { schema?: Record<string, unknown> | undefined }): Schema | null | 'multipart' {
  const b = route.schema?.body as Schema | undefined;
  if (!b) return null;
  const content = b.content as Record<string, { schema: Schema }> | undefined;
  if (content) return content['application/json']?.schema ?? 'multipart';
  return b;
}

interface Upload {
  filename: string;
  content: string;
  fields: Record<string, string>;
}

interface Req {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  raw: string | null;
  upload?: Upload | undefined;
}

/** A multipart body: a file (field "file") with a name and content that may be hostile, and text fields. */
const uploadArbitrary: fc.Arbitrary<Upload> = fc.record({
  filename: fc.oneof(
    fc.constantFrom('ho-gia-dinh.csv', 'ke-hoach.docx', 'bao-cao.xlsx', 'minh-chung.pdf', 'a.txt', 'x.exe'),
    fc.string({ maxLength: 20 }),
    hostileString,
  ),
  content: fc.oneof(
    fc.constantFrom('Mã hộ,Họ và tên,Ngày sinh\r\nTL-1,Lò Văn A,1980-02-30\r\n', 'PK\u0003\u0004garbage', '\u0000\u0000', '', 'Kế hoạch số 12/KH-UBND'),
    fc.string({ maxLength: 200 }),
  ),
  fields: fc.dictionary(fc.constantFrom('text', 'name', 'unit', 'note', 'kind'), fc.oneof(fc.string({ maxLength: 40 }), hostileString), { maxKeys: 2 }),
});

function requestArbitrary(route: { method: string; url: string; schema?: Record<string, unknown> | undefined }): fc.Arbitrary<Req> {
  const names = [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
  const paramsSchema = (route.schema?.params ?? {}) as Schema;
  const pathProps = (paramsSchema.properties ?? {}) as Record<string, Schema>;
  const pathModel: Record<string, fc.Arbitrary<unknown>> = {};
  const b = bodySchema(route);
  for (const n of names) pathModel[n] = value(pathProps[n] ?? { type: 'string' }, n);
  const isUpload = b === 'multipart' || (route.method === 'POST' && route.url === '/api/plans/extract');
  const querySchema = route.schema?.querystring as Schema | undefined;
  const noBody = route.method === 'GET' || route.method === 'DELETE' || b === null;
  // A whole body that is not what any route expects, now and then.
  const rawBody = fc.constantFrom(
    '1e400',
    '"\\u0000"',
    '"\\ud800"',
    '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}',
    '{',
    '[]',
    'null',
    '{"__proto__":{"x":1}}',
  );
  const longOk = !(route.method === 'POST' && route.url === '/api/plans/extract'); // bounded extraction is another task's
  type Body = { body: unknown; raw: string | null; upload?: Upload };
  const body: fc.Arbitrary<Body> =
    noBody || b === 'multipart'
      ? isUpload
        ? uploadArbitrary.map((u): Body => ({ body: undefined, raw: null, upload: u }))
        : fc.constant({ body: undefined, raw: null })
      : fc.oneof(
          { weight: 8, arbitrary: probe(b).map((v): Body => ({ body: v, raw: null })) },
          { weight: isUpload ? 3 : 0, arbitrary: uploadArbitrary.map((u): Body => ({ body: undefined, raw: null, upload: u })) },
          { weight: 1, arbitrary: rawBody.map((r) => ({ body: undefined, raw: r })) },
          { weight: longOk ? 1 : 0, arbitrary: fc.constant({ body: undefined, raw: JSON.stringify({ text: LONG, name: LONG, code: LONG, username: LONG }) }) },
        );
  return fc
    .record({
      path: fc.record(pathModel),
      query: querySchema
        ? (probe(querySchema) as fc.Arbitrary<Record<string, unknown>>).map((q) => (q && typeof q === 'object' && !Array.isArray(q) ? q : {}))
        : fc.constant({}),
      b: body,
    })
    .map(({ path, query, b: bd }) => ({ path, query, body: bd.body, raw: bd.raw, upload: bd.upload }));
}

async function toInject(route: { method: string; url: string }, r: Req) {
  const url = route.url.replace(/:([A-Za-z0-9_]+)/g, (_m, n: string) => urlText(r.path[n]) || 'x').replace(/\*$/, 'x');
  const qs = Object.entries(r.query)
    .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as const) : [[k, v] as const]))
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${urlText(v)}`)
    .join('&');
  if (r.upload) {
    const form = await formData({ ...r.upload.fields, file: { name: r.upload.filename, content: r.upload.content } });
    return { method: route.method as 'GET', url: qs ? `${url}?${qs}` : url, payload: form.payload, headers: { 'content-type': form.contentType } };
  }
  const payload = r.raw ?? (r.body === undefined ? undefined : jsonText(r.body));
  return {
    method: route.method as 'GET',
    url: qs ? `${url}?${qs}` : url,
    ...(payload !== undefined ? { payload, headers: { 'content-type': 'application/json' } } : {}),
  };
}

/** A stable 32-bit seed per route and actor, so one route can be replayed alone. */
function seedOf(key: string): number {
  let h = SEED >>> 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619) >>> 0;
  return h | 0;
}

const printable = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 });
/** Forged credentials (tokens, session cookies, CSRF headers that match nothing) and languages. */
const extraHeaders = fc.record({
  forged: fc.oneof(
    fc.constant<Record<string, string>>({}),
    printable.map((x) => ({ authorization: `Bearer ${x}` })),
    fc.stringMatching(/^[0-9a-f]{8,64}$/).map((x) => ({ authorization: `Bearer ansinh_${x}` })),
    printable.map((x) => ({ cookie: `ansinh_session=${encodeURIComponent(x)}`, 'x-csrf-token': x })),
    fc.constant({ authorization: 'Basic YWRtaW46YWRtaW4=' }),
  ),
  lang: fc.option(fc.oneof(fc.constantFrom('en', 'vi-VN,vi;q=0.9', 'en;q=abc', '*', 'xx;q=2'), printable)),
});

// Routes that end the caller's own session or rights run last, so the others keep their actor.
const selfHarm = (url: string) => /^\/api\/(session|me|users|tokens)/.test(url);

test(
  `no request generated from the route schemas answers 5xx, every 4xx is problem+json (seed ${SEED}, ${RUNS} runs per route and actor)`,
  { timeout: 600_000 },
  async () => {
    const routes = t.app.routeTable
      .filter((r) => !r.url.startsWith('/api/docs') && r.url.startsWith('/api/'))
      .filter((r) => ONLY === null || `${r.method} ${r.url}` === ONLY)
      .sort((a, b) => Number(selfHarm(a.url)) - Number(selfHarm(b.url)));
    assert.ok(routes.length > 0, 'no route to fuzz');
    const failures: string[] = [];
    let cases = 0;
    let forged = 0;
    const statuses = new Map<string, number>();
    for (const actor of ['anonymous', 'officer', 'admin'] as const) {
      for (const route of routes) {
        const key = `${actor} ${route.method} ${route.url}`;
        const seed = seedOf(key);
        try {
          await fc.assert(
            fc.asyncProperty(requestArbitrary(route), extraHeaders, async (r, extra) => {
              const req = await toInject(route, r);
              // Anonymous requests sometimes carry forged credentials; everyone a random language.
              const own = actor === 'anonymous' ? extra.forged : await sessionHeaders(t.db, userIds[actor]!);
              if (actor === 'anonymous' && Object.keys(extra.forged).length > 0) forged++;
              const headers = { ...own, ...(extra.lang ? { 'accept-language': extra.lang } : {}), ...(req.headers ?? {}) };
              const res = await t.app.inject({ ...req, headers });
              cases++;
              const cls = `${String(res.statusCode)[0]}xx`;
              statuses.set(cls, (statuses.get(cls) ?? 0) + 1);
              // The DCI registry API (src/dci) answers errors in its standard's forms, not problem+json:
              // the ack with an err.* code, or HttpErrorResponse { errors: [{ code: err.* }] }.
              if (res.statusCode >= 400 && res.statusCode < 500 && route.url.startsWith('/api/dci/')) {
                const b = JSON.parse(res.body) as { message?: { error?: { code?: string } }; errors?: { code?: string }[] };
                const code = b.message?.error?.code ?? b.errors?.[0]?.code ?? '';
                if (!/^application\/json/.test(String(res.headers['content-type'])) || !/^err\./.test(code))
                  throw new Error(`${res.statusCode} without a DCI error code for ${req.method} ${req.url}: ${res.body.slice(0, 300)}`);
              } else if (res.statusCode >= 400 && res.statusCode < 500 && !/^application\/problem\+json/.test(String(res.headers['content-type']))) {
                throw new Error(
                  `${res.statusCode} without problem+json (${String(res.headers['content-type'])}) for ${req.method} ${req.url.slice(0, 300)}: ${res.body.slice(0, 300)}`,
                );
              }
              if (res.statusCode >= 500) {
                throw new Error(
                  `${res.statusCode} for ${req.method} ${req.url.slice(0, 300)} body ${String(req.payload ?? '')
                    .slice(0, 300)
                    .replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}: ${res.body.slice(0, 300)}`,
                );
              }
            }),
            { seed, numRuns: RUNS, endOnFailure: true },
          );
        } catch (e) {
          const cause = (e as Error).cause as Error | undefined;
          failures.push(`${key} (FUZZ_SEED=${SEED}, seed ${seed}): ${cause?.message ?? (e as Error).message.slice(0, 600)}`);
        }
      }
    }
    const by = [...statuses]
      .sort()
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    console.log(
      `fuzz: ${cases} requests on ${routes.length} routes × 3 actors (seed ${SEED}; ${by}; ${forged} with forged credentials), ${failures.length} routes answered 5xx`,
    );
    assert.deepEqual(failures, []);
  },
);
