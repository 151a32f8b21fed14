// The Content-Security-Policy (issue 18, "What to build" 8) in a real browser: the built web app
// and Swagger UI run under it without one refused script, style, image or connection, on the
// pages an officer opens (charts included), and the app refuses to be framed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { closeSuite, newPage, openSuite, signIn, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => ({ server, browser } = await openSuite()));
after(() => closeSuite(server, browser));

/** Collects the CSP violations a page reports (console messages and securitypolicyviolation events). */
function watch(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text());
  });
  void page.addInitScript({
    content:
      "document.addEventListener('securitypolicyviolation', (e) => console.error('Refused to load (CSP): ' + e.violatedDirective + ' ' + e.blockedURI));",
  });
  return seen;
}

test('the web app runs under the CSP: sign-in, plans, monitoring dashboard with charts, units, account', async () => {
  const { context, page } = await newPage(browser, server);
  const violations = watch(page);
  await signIn(page, server, 'thulum');
  for (const path of ['/', '/ke-hoach', '/theo-doi', '/don-vi/03439', '/tong-quan/03439', '/chi-tieu', '/tai-khoan']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  const res = await page.goto('/');
  assert.match(res!.headers()['content-security-policy'] ?? '', /frame-ancestors 'none'/);
  assert.equal(res!.headers()['x-frame-options'], 'DENY');
  await context.close();
  assert.deepEqual(violations, []);
});

test('Swagger UI at /api/docs renders under its own policy', async () => {
  const { context, page } = await newPage(browser, server);
  const violations = watch(page);
  await page.goto('/api/docs');
  await page.locator('.swagger-ui .info').waitFor();
  await context.close();
  assert.deepEqual(violations, []);
});
