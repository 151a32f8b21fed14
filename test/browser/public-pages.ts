// The pages anyone may open, read from the route table (web/src/routes.ts, access 'public'), with
// sample addresses for those with parameters. The accessibility and JavaScript-budget tests walk
// them all, so a public page added later is checked without editing those tests (a public route
// with a parameter and no sample fails test/browser/a11y.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, type RunningServer } from './harness.ts';

/** Sample addresses for public routes with parameters (a unit, a procedure, a fund ledger). */
export const samples: Record<string, readonly string[]> = {
  '/don-vi/:code': ['/don-vi/03439'],
  '/thu-tuc/:code': ['/thu-tuc/tro-cap-xa-hoi-hang-thang', '/thu-tuc/kiem-tra'],
  '/so-quy/:code': ['/so-quy/03439'],
  '/ho-so/:code': ['/ho-so/{tracking}'],
};

/** The public paths of the route table, read from its source (it imports the pages, so it is not loaded here). */
export function publicRoutes(): string[] {
  const text = readFileSync(join(root, 'web/src/routes.ts'), 'utf8');
  const out: string[] = [];
  for (const entry of text.split(/\n\s*\{/)) {
    const path = /path: '([^']+)'/.exec(entry)?.[1];
    if (path && /access: 'public'/.test(entry)) out.push(path);
  }
  return out;
}

/** Every public address to visit: each route, or its samples ({tracking}: an application's tracking code). */
export function publicPaths(tracking: string): string[] {
  return publicRoutes()
    .flatMap((route) => samples[route] ?? (route.includes(':') ? [] : [route]))
    .map((p) => p.replace('{tracking}', tracking));
}

/** Files one application online through the public API (as a citizen would) for the status page's sample: its tracking code. */
export async function sampleTrackingCode(server: RunningServer): Promise<string> {
  const form = new FormData();
  for (const [k, v] of Object.entries({
    procedure: 'tro-cap-huu-tri-xa-hoi',
    communeCode: '03439',
    applicantName: 'Lò Thị Mai',
    personalId: '011146001235',
    birthDate: '1946-11-20',
  }))
    form.set(k, v);
  const pdf = '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n';
  form.append('documents', new Blob([pdf], { type: 'application/pdf' }), 'to-khai-mau-01.pdf');
  const r = await fetch(`${server.url}/api/public/applications`, { method: 'POST', body: form });
  if (r.status !== 201) throw new Error(`filing the sample application answered ${r.status}: ${await r.text()}`);
  return ((await r.json()) as { trackingCode: string }).trackingCode;
}
