// The web shell before sign-in: the Vietnamese public home page, the public unit directory
// (issue 2 part 3: "Thu Lum" and "Hoàng Kim" find the units and tell their merger history),
// the English switch (remembered, and sent to the server as Accept-Language), a 360 px screen.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { closeSuite, focused, newPage, openSuite, screenshot, scrollWidth, unlabelledControls, watchProblems, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => ({ server, browser } = await openSuite()));
after(() => closeSuite(server, browser));

test('home page before sign-in is Vietnamese, with the public directories and a skip link', async () => {
  const { context, page } = await newPage(browser, server);
  await page.goto('/');
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  await page.getByRole('heading', { level: 1, name: 'Chính sách xã hội, từ kế hoạch đến người dân' }).waitFor();
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  for (const label of ['Trang chủ', 'Đơn vị hành chính', 'Danh mục chỉ tiêu']) await nav.getByRole('link', { name: label }).waitFor();
  // Pages for signed-in users are not offered to a visitor.
  assert.equal(await nav.getByRole('link', { name: 'Kế hoạch' }).count(), 0);
  assert.equal(await nav.getByRole('link', { name: 'Quản trị' }).count(), 0);
  await page.getByText('Kế hoạch · Theo dõi chỉ tiêu · Chi trả chính sách xã hội').waitFor();
  // Keyboard: the first Tab lands on the skip link, which moves focus to the main content.
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).text, 'Bỏ qua, đến nội dung chính');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'main');
  await screenshot(page, 'trang-chu-cong-khai.png');
  await context.close();
});

test('a page for signed-in users sends a visitor to sign in and remembers where to return', async () => {
  const { context, page } = await newPage(browser, server);
  await page.goto('/ke-hoach');
  await page.waitForURL(/\/dang-nhap\?next=%2Fke-hoach$/);
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  assert.deepEqual(await unlabelledControls(page), []);
  await context.close();
});

test('unit directory without sign-in: "Thu Lum" finds Xã Thu Lũm (03439) and its history', async () => {
  const { context, page } = await newPage(browser, server);
  await page.goto('/don-vi');
  await page.getByLabel('Tên hoặc mã đơn vị').fill('Thu Lum');
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();
  await page.waitForURL(/\/don-vi\?q=Thu\+Lum/);
  const current = page.locator('li.result[data-code="03439"]').filter({ hasText: 'Xã Thu Lũm' }).first();
  await current.waitFor();
  assert.match(await current.innerText(), /Đang hiệu lực/);
  // The pre-2025 Xã Thu Lũm (03436) was merged into the new Xã Thu Lũm (lineage-2025.csv).
  const old = page.locator('li.result[data-code="03436"]');
  await old.waitFor();
  assert.match(await old.innerText(), /Đã sáp nhập vào\s+Xã Thu Lũm/);
  assert.deepEqual(await unlabelledControls(page), []);
  await context.close();
});

test('unit directory: "Hoàng Kim" (a common misspelling) finds Xã Hoằng Kim, merged into Xã Hoằng Phú', async () => {
  const { context, page } = await newPage(browser, server);
  await page.goto('/don-vi?q=Ho%C3%A0ng%20Kim');
  const hit = page.locator('li.result').filter({ hasText: 'Xã Hoằng Kim' }).first();
  await hit.waitFor();
  assert.match(await hit.innerText(), /Đã sáp nhập vào\s+Xã Hoằng Phú/);
  await screenshot(page, 'don-vi-hanh-chinh.png', false);
  // The unit page of the successor lists what it was formed from.
  await hit.getByRole('link', { name: 'Xã Hoằng Phú' }).click();
  await page.getByRole('heading', { level: 1, name: 'Xã Hoằng Phú' }).waitFor();
  assert.match(await page.locator('main').innerText(), /Hình thành từ[^\n]*Xã Hoằng Kim/);
  await screenshot(page, 'don-vi-hoang-phu.png');
  await context.close();
});

test('indicator catalogue without sign-in: every indicator listed, in words, with a filter that ignores accents', async () => {
  const { context, page } = await newPage(browser, server);
  await page.goto('/chi-tieu');
  await page.getByRole('heading', { level: 1, name: 'Danh mục chỉ tiêu' }).waitFor();
  const rows = page.locator('table.table tbody tr');
  await rows.first().waitFor();
  const all = await rows.count();
  // The catalogue the server publishes (GET /api/indicators), all of it on the page.
  const api = (await (await page.request.get('/api/indicators')).json()) as { items: { code: string }[] };
  assert.equal(all, api.items.length);
  assert.ok(all >= 60, `only ${all} indicators`);
  await page.getByLabel('Lọc theo tên hoặc mã').fill('ho ngheo');
  const some = await rows.count();
  assert.ok(some > 0 && some < all, `${some} of ${all} after filtering`);
  for (const text of await rows.locator('td:nth-child(1)').allInnerTexts()) assert.match(text, /hộ nghèo/i);
  assert.deepEqual(await unlabelledControls(page), []);
  await page.getByLabel('Lọc theo tên hoặc mã').fill('');
  await screenshot(page, 'chi-tieu.png', false);
  await context.close();
});

test('English switch: the page, <html lang> and Accept-Language change, and the choice is remembered', async () => {
  const { context, page } = await newPage(browser, server);
  await page.goto('/don-vi');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Administrative units' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Administrative units' }).waitFor();
  // The server is asked in English too (a page that reads the API: the indicator catalogue).
  const sent = page.waitForRequest((r) => r.url().includes('/api/'));
  await page.goto('/chi-tieu');
  assert.equal((await sent).headers()['accept-language'], 'en');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Indicator catalogue' }).waitFor();
  await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
  await page.getByRole('heading', { level: 1, name: 'Danh mục chỉ tiêu' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  await context.close();
});

test('a 360 px wide phone: no sideways scrolling on the home page and the directory', async () => {
  const { context, page } = await newPage(browser, server, { width: 360, height: 740 });
  for (const path of ['/', '/don-vi?q=Thu%20Lum', '/dang-nhap']) {
    await page.goto(path);
    await page.locator('main h1').waitFor();
    await page.waitForLoadState('networkidle');
    const width = await scrollWidth(page);
    assert.ok(width <= 360, `${path} is ${width} px wide`);
  }
  await page.goto('/');
  await screenshot(page, 'trang-chu-dien-thoai.png');
  await context.close();
});

test('a visitor who is not signed in meets no console error and no failed request on the public pages', async () => {
  const { context, page } = await newPage(browser, server);
  const problems = watchProblems(page);
  for (const path of ['/', '/don-vi', '/don-vi/03439', '/chi-tieu', '/dang-nhap']) {
    await page.goto(path);
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
  }
  assert.deepEqual(problems, []);
  await context.close();
});
