#!/usr/bin/env node
// Entry point of the `ansinh` command: runs the compiled JavaScript in dist/ (built once by
// `npm ci` through `prepare`, or by `npm run build`). A checkout whose sources changed after the
// build, or that was never built, runs from the TypeScript sources through tsx and says so once:
// that is the developer's loop, not the product's start.
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', 'BUILD');

/** The newest modification time of the sources the build compiles or copies. */
function newestSource(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newestSource(p));
    else if (e.name.endsWith('.ts') || e.name.endsWith('.sql')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

const built = existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource(join(root, 'src'));
if (built) {
  await import('../dist/cli.js');
} else {
  if (process.env.NODE_ENV !== 'test') {
    process.stderr.write(
      `ansinh: ${existsSync(stamp) ? 'src/ changed after the build' : 'no build in dist/'}; running from the TypeScript sources (run "npm run build" for a fast start)\n`,
    );
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
