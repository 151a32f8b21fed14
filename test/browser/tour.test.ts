// Every page as every demo role (issue 15 item 8): no console error, no uncaught error and no
// failed request that the page did not expect, and no action offered that the role may not take.
// Out-of-scope pages answer "not found" without a console error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { closeSuite, newPage, openSuite, signIn, signInAdmin, watchProblems, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => ({ server, browser } = await openSuite()));
after(() => closeSuite(server, browser));

/** The pages of web/src/routes.ts with their views, for a role whose unit of work is `unit`. */
function pagesFor(unit: string): string[] {
  return [
    '/',
    `/tong-quan/${unit}`,
    '/ke-hoach',
    '/ke-hoach?view=nhap',
    `/theo-doi?unit=${unit}`,
    `/theo-doi?view=form&unit=${unit}`,
    `/theo-doi?view=inbox&unit=${unit}`,
    `/doi-tuong-chi-tra?unit=${unit}`,
    '/don-vi',
    `/don-vi/${unit}`,
    '/chi-tieu',
    '/thu-tuc',
    '/quy',
    '/thu-tuc/tro-cap-xa-hoi-hang-thang',
    '/thu-tuc/kiem-tra',
    '/tai-khoan',
    '/quan-tri',
    '/quan-tri/nguoi-dung',
    '/quan-tri/nhat-ky',
    '/khong-co-trang-nay',
  ];
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('main').waitFor();
}

async function tour(page: Page, unit: string, problems: string[]): Promise<string[]> {
  const found: string[] = [];
  const visit = async (path: string) => {
    problems.length = 0;
    await page.goto(path);
    await settle(page);
    // A request cut short by the next navigation is the browser's doing, not the page's.
    const real = problems.filter((p) => !/net::ERR_ABORTED/.test(p));
    if (real.length) found.push(`${path}: ${real.join('; ')}`);
  };
  for (const path of pagesFor(unit)) await visit(path);
  // A plan of the unit, and its comparison with the plan above.
  await page.goto('/ke-hoach');
  await settle(page);
  const first = page.locator('main a[href^="/ke-hoach?id="]').first();
  if (await first.count()) {
    await visit((await first.getAttribute('href'))!);
    // The comparison is offered only for a plan linked to the plan above.
    const cascade = page.locator('main a[href*="view=doi-chieu"]').first();
    if (await cascade.count()) await visit((await cascade.getAttribute('href'))!);
  }
  return found;
}

const roles: { user: string; unit: string }[] = [
  { user: 'thulum', unit: '03439' },
  { user: 'chutich', unit: '03439' },
  { user: 'laichau', unit: '12' },
  { user: 'giamsat', unit: '12' },
  { user: 'hoangphu', unit: '15889' },
];

for (const { user, unit } of roles) {
  test(`${user}: every page without a console error or an unexpected failed request`, async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, server, user);
    const problems = watchProblems(page);
    const found = await tour(page, unit, problems);
    await context.close();
    assert.deepEqual(found, []);
  });
}

test('admin: every page without a console error or an unexpected failed request', async (t) => {
  const { context, page } = await newPage(browser, server);
  if (!(await signInAdmin(page, server))) {
    t.skip('the demo admin TOTP secret is not known');
    await context.close();
    return;
  }
  const problems = watchProblems(page);
  const found = await tour(page, '03439', problems);
  await context.close();
  assert.deepEqual(found, []);
});

test('another commune’s pages: a clear message, no action buttons, no uncaught error', async () => {
  const { context, page } = await newPage(browser, server);
  await signIn(page, server, 'thulum');
  const problems = watchProblems(page);
  const found: string[] = [];
  for (const path of ['/tong-quan/15889', '/ke-hoach?unit=15889', '/theo-doi?unit=15889', '/theo-doi?view=form&unit=15889', '/doi-tuong-chi-tra?unit=15889']) {
    problems.length = 0;
    await page.goto(path);
    await settle(page);
    // The refusal itself (403/404 from the API, which Chromium also logs) is expected; nothing else is.
    const other = problems.filter(
      (p) =>
        !/^(403|404) GET \/api\//.test(p) && !/Failed to load resource: the server responded with a status of (403|404)/.test(p) && !/net::ERR_ABORTED/.test(p),
    );
    if (other.length) found.push(`${path}: ${other.join('; ')}`);
    const main = await page.locator('main').innerText();
    if (!/Không tìm thấy|ngoài phạm vi/.test(main)) found.push(`${path}: no message (${main.slice(0, 120).replace(/\s+/g, ' ')})`);
    for (const action of ['Nhập kế hoạch', 'Lưu nháp', 'Gửi báo cáo', 'Nhập danh sách', 'Lập danh sách chi trả', 'Phê duyệt']) {
      if (
        await page
          .getByRole('button', { name: action })
          .or(page.getByRole('link', { name: action }))
          .count()
      )
        found.push(`${path}: offers “${action}”`);
    }
  }
  await context.close();
  assert.deepEqual(found, []);
});

test('the supervisor (read only) is offered no action on the commune’s pages', async () => {
  const { context, page } = await newPage(browser, server);
  await signIn(page, server, 'giamsat');
  const found: string[] = [];
  for (const path of ['/ke-hoach?unit=03439', '/theo-doi?unit=03439', '/doi-tuong-chi-tra?unit=03439']) {
    await page.goto(path);
    await settle(page);
    assert.doesNotMatch(await page.locator('main').innerText(), /Không tìm thấy trang làm việc/, `${path} is in the province's scope`);
    for (const action of [
      'Nhập kế hoạch',
      'Nhập số liệu',
      'Duyệt báo cáo',
      'Lưu nháp',
      'Gửi báo cáo',
      'Lập danh sách chi trả',
      'Phê duyệt',
      'Rà soát',
      'Quyết định hưởng',
    ]) {
      const offered = page.getByRole('button', { name: action }).or(page.getByRole('link', { name: action }));
      if (await offered.count()) found.push(`${path}: offers “${action}”`);
    }
    if (await page.locator('main input[type=file]').count()) found.push(`${path}: offers a file upload`);
  }
  await context.close();
  assert.deepEqual(found, []);
});
