// The public pages' JavaScript budget (issue 14, "Done means"): a citizen's first load of any
// public page, on a fresh phone with nothing cached, downloads under 60 KiB of JavaScript gzipped.
// Measured in Chromium on the real build: every script response the page receives, gzipped at
// level 9 as scripts/bundle-size.mjs does (the server compresses what it sends). Prints each
// page's figure; fails naming the page over budget. A byte budget, not a timing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { closeSuite, newPage, openSuite, type RunningServer } from './harness.ts';
import { publicPaths, samplePostedList, sampleTrackingCode } from './public-pages.ts';

let server: RunningServer;
let browser: Browser;
let tracking: string;
let posted: number;
before(async () => {
  ({ server, browser } = await openSuite());
  tracking = await sampleTrackingCode(server);
  posted = await samplePostedList(server);
});
after(() => closeSuite(server, browser));

const PUBLIC_JS_BUDGET = 60 * 1024;

test('every public page loads under 60 KiB of JavaScript gzipped on a first visit', async () => {
  const over: string[] = [];
  for (const path of publicPaths(tracking, posted)) {
    const { context, page } = await newPage(browser, server, { width: 360, height: 740 });
    const bodies: Promise<number>[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') bodies.push(r.body().then((b) => gzipSync(b, { level: 9 }).length));
    });
    await page.goto(path);
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    const sizes = await Promise.all(bodies);
    const total = sizes.reduce((a, b) => a + b, 0);
    await context.close();
    console.log(`  ${path.padEnd(40)} ${(total / 1024).toFixed(1)} KiB gzipped in ${sizes.length} scripts`);
    assert.ok(sizes.length > 0, `${path}: no script was measured`);
    if (total > PUBLIC_JS_BUDGET) over.push(`${path}: ${(total / 1024).toFixed(1)} KiB`);
  }
  assert.deepEqual(over, [], 'public pages over the 60 KiB budget');
});
