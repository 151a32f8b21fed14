#!/usr/bin/env node
// Prints the size of what a browser downloads before the first page shows: the entry script,
// the scripts it preloads, and the stylesheet, raw and gzipped (level 9). Run after
// `npm run build:web`; the README quotes the gzipped JavaScript total.
//   node scripts/bundle-size.mjs [--json]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../web/dist/', import.meta.url).pathname;
if (!existsSync(join(dist, 'index.html'))) {
  console.error('bundle-size: web/dist/index.html is missing; run "npm run build:web" first');
  process.exit(1);
}
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const attr = (re) => [...html.matchAll(re)].map((m) => m[1].replace(/^\//, ''));
const initialJs = [...attr(/<script[^>]*type="module"[^>]*src="([^"]+)"/g), ...attr(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)];
const initialCss = attr(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g);

const measure = (rel) => {
  const buf = readFileSync(join(dist, rel));
  return { file: rel, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
};
const sum = (xs, k) => xs.reduce((a, x) => a + x[k], 0);
const js = initialJs.map(measure);
const css = initialCss.map(measure);
const lazy = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js') && !initialJs.includes(`assets/${f}`))
  .map((f) => measure(`assets/${f}`));

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const result = {
  initialJs: { bytes: sum(js, 'bytes'), gzip: sum(js, 'gzip'), files: js },
  initialCss: { bytes: sum(css, 'bytes'), gzip: sum(css, 'gzip'), files: css },
  lazyJs: { bytes: sum(lazy, 'bytes'), gzip: sum(lazy, 'gzip'), files: lazy.length },
};
if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
else {
  for (const f of [...js, ...css]) console.log(`  ${f.file.padEnd(40)} ${kb(f.bytes).padStart(10)} ${kb(f.gzip).padStart(10)} gzip`);
  console.log(`Initial JavaScript: ${kb(result.initialJs.gzip)} gzipped (${kb(result.initialJs.bytes)} raw, ${js.length} files)`);
  console.log(`Initial CSS:        ${kb(result.initialCss.gzip)} gzipped (${kb(result.initialCss.bytes)} raw)`);
  console.log(`Pages loaded on demand: ${lazy.length} files, ${kb(result.lazyJs.gzip)} gzipped in all`);
}
