// The pages anyone may open, read from the route table (web/src/routes.ts, access 'public'), with
// sample addresses for those with parameters. The accessibility and JavaScript-budget tests walk
// them all, so a public page added later is checked without editing those tests (a public route
// with a parameter and no sample fails test/browser/a11y.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoPasswords, root, type RunningServer } from './harness.ts';

/** Sample addresses for public routes with parameters (a unit, a procedure, a fund ledger). */
export const samples: Record<string, readonly string[]> = {
  '/don-vi/:code': ['/don-vi/03439'],
  '/thu-tuc/:code': ['/thu-tuc/tro-cap-xa-hoi-hang-thang', '/thu-tuc/kiem-tra'],
  '/so-quy/:code': ['/so-quy/03439'],
  '/ho-so/:code': ['/ho-so/{tracking}'],
  '/niem-yet/:id': ['/niem-yet/{posted}'],
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

/** Every public address to visit: each route, or its samples ({tracking}: an application's tracking code; {posted}: a posted list). */
export function publicPaths(tracking: string, posted = 0): string[] {
  return publicRoutes()
    .flatMap((route) => samples[route] ?? (route.includes(':') ? [] : [route]))
    .map((p) => p.replace('{tracking}', tracking).replace('{posted}', String(posted)));
}

/** Posts one list publicly as the demo officer of 03439 (the posted list page's sample): its id. */
export async function samplePostedList(server: RunningServer): Promise<number> {
  const s = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'thulum', password: server.logins.thulum ?? demoPasswords.thulum }),
  });
  if (s.status !== 200) throw new Error(`signing the demo officer in answered ${s.status}`);
  const cookie = s.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await s.json()) as { csrfToken: string };
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const r = await fetch(`${server.url}/api/citizens/units/03439/posted-lists`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({
      kind: 'poverty-review',
      title: 'Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2026',
      postedOn: today,
      entries: [
        { fullName: 'Lò Văn Hùng', hamlet: 'Bản Pa Thắng', group: 'Hộ nghèo' },
        { fullName: 'Tẩn Thị Dung', hamlet: 'Bản Mới', group: 'Hộ cận nghèo' },
      ],
    }),
  });
  if (r.status !== 201) throw new Error(`posting the sample list answered ${r.status}: ${await r.text()}`);
  return ((await r.json()) as { id: number }).id;
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
