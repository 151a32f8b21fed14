// Accessibility of the public pages (issue 14 item 6: WCAG 2.1 AA): axe-core runs over every page
// the route table opens to anyone (web/src/routes.ts, access 'public'), on a phone and on a
// desktop, and over the public forms with their errors shown. Any violation fails, naming the
// rule, the element and the page. A public route added later without a sample below fails the
// first test, so no public page escapes the check. The commune officer's pages are checked too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { closeSuite, newPage, openSuite, signIn, type RunningServer } from './harness.ts';
import { publicPaths, publicRoutes, samplePostedList, sampleTrackingCode, samples } from './public-pages.ts';

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

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/** Runs axe (WCAG 2.0/2.1 A and AA rules) on the page as it is now. */
async function violations(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (script-src 'self') does not block it.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: String(v.id),
      impact: v.impact ?? null,
      help: String(v.help),
      targets: (v.nodes as { target: unknown[] }[]).slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
}

function describe(where: string, found: readonly Violation[]): string {
  return found.map((v) => `${where}: ${v.id} (${v.impact}) ${v.help}: ${v.targets.join(', ')}`).join('\n');
}

async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
}

test('every public route has a sample address', () => {
  const routes = publicRoutes();
  assert.ok(routes.includes('/thu-tuc'), 'the route table was read');
  const missing = routes.filter((p) => p.includes(':') && !samples[p]);
  assert.deepEqual(missing, [], 'add a sample address for each public route with a parameter');
});

for (const viewport of [
  { name: 'phone', width: 360, height: 740 },
  { name: 'desktop', width: 1280, height: 800 },
]) {
  test(`axe finds no WCAG 2.1 AA violation on the public pages (${viewport.name})`, async () => {
    const { context, page } = await newPage(browser, server, viewport);
    const report: string[] = [];
    for (const path of publicPaths(tracking, posted)) {
      await page.goto(path);
      await settle(page);
      const found = await violations(page);
      if (found.length) report.push(describe(path, found));
    }
    await context.close();
    assert.equal(report.join('\n'), '', 'axe violations');
  });
}

test('axe finds no violation on the public forms with their errors shown', async () => {
  const { context, page } = await newPage(browser, server, { width: 360, height: 740 });
  const report: string[] = [];

  await page.goto('/dang-nhap');
  await settle(page);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('alert').first().waitFor();
  report.push(describe('/dang-nhap (errors)', await violations(page)));

  await page.goto('/ho-so/nop');
  await settle(page);
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await page.getByRole('alert').first().waitFor();
  report.push(describe('/ho-so/nop (errors)', await violations(page)));

  await page.goto('/thu-tuc/kiem-tra');
  await settle(page);
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await page.getByRole('alert').first().waitFor();
  report.push(describe('/thu-tuc/kiem-tra (errors)', await violations(page)));
  await page.getByLabel('Năm sinh').fill('1940');
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await page.getByRole('heading', { name: 'Kết quả' }).waitFor();
  report.push(describe('/thu-tuc/kiem-tra (answer)', await violations(page)));

  await context.close();
  assert.equal(report.filter(Boolean).join('\n'), '', 'axe violations');
});

test("axe finds no violation on the commune officer's pages", async () => {
  const { context, page } = await newPage(browser, server);
  await signIn(page, server, 'thulum');
  const unit = '03439';
  const report: string[] = [];
  for (const path of [
    '/',
    `/tong-quan/${unit}`,
    '/ke-hoach',
    '/ke-hoach?view=nhap',
    `/theo-doi?unit=${unit}`,
    `/theo-doi?view=form&unit=${unit}`,
    `/theo-doi?view=inbox&unit=${unit}`,
    `/doi-tuong-chi-tra?unit=${unit}`,
    '/quy',
    '/tai-khoan',
  ]) {
    await page.goto(path);
    await settle(page);
    const found = await violations(page);
    if (found.length) report.push(describe(path, found));
  }
  await context.close();
  assert.equal(report.join('\n'), '', 'axe violations');
});

test('the check fails on a page with an image without text and an unlabelled field', async () => {
  const { context, page } = await newPage(browser, server);
  await page.goto('/thu-tuc');
  await settle(page);
  await page.evaluate(`document.querySelector('main').insertAdjacentHTML('beforeend', '<img src="/favicon.ico"><input type="text">')`);
  const ids = (await violations(page)).map((v) => v.id).sort();
  await context.close();
  assert.ok(ids.includes('image-alt'), `image-alt in ${ids.join(', ')}`);
  assert.ok(ids.includes('label'), `label in ${ids.join(', ')}`);
});
