// The pages anyone may open, read from the route table (web/src/routes.ts, access 'public'), with
// sample addresses for those with parameters. The accessibility and JavaScript-budget tests walk
// them all, so a public page added later is checked without editing those tests (a public route
// with a parameter and no sample fails test/browser/a11y.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './harness.ts';

/** Sample addresses for public routes with parameters (a unit, a procedure, a fund ledger). */
export const samples: Record<string, readonly string[]> = {
  '/don-vi/:code': ['/don-vi/03439'],
  '/thu-tuc/:code': ['/thu-tuc/tro-cap-xa-hoi-hang-thang', '/thu-tuc/kiem-tra'],
  '/so-quy/:code': ['/so-quy/03439'],
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

/** Every public address to visit: each route, or its samples. */
export function publicPaths(): string[] {
  return publicRoutes().flatMap((route) => samples[route] ?? (route.includes(':') ? [] : [route]));
}
