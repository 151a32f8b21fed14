// Route pattern matching for the client-side router: "/don-vi/:code" against a path. Pure,
// tested in test/web/router.test.ts.
export type Params = Record<string, string>;

/** Params when `path` matches `pattern` (":name" segments, trailing slash ignored), else null. */
export function matchPath(pattern: string, path: string): Params | null {
  const split = (s: string) =>
    s
      .replace(/\/+$/, '')
      .split('/')
      .filter((x, i) => i === 0 || x !== '');
  const ps = split(pattern);
  const xs = split(path);
  if (ps.length !== xs.length) return null;
  const params: Params = {};
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i]!;
    const x = xs[i]!;
    if (p.startsWith(':')) {
      if (x === '') return null;
      try {
        params[p.slice(1)] = decodeURIComponent(x);
      } catch {
        return null;
      }
    } else if (p !== x) return null;
  }
  return params;
}

/** The first route whose pattern matches, with its params. */
export function findRoute<R extends { path: string }>(routes: readonly R[], path: string): { route: R; params: Params } | null {
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}
