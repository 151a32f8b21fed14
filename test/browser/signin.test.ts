// Sign-in and unit scope in the browser (issue 2 part 8, issue 3 "Browser test"): the commune
// officer of Xã Thu Lũm signs in and sees the Vietnamese home page of the unit; a wrong
// password shows the error summary; another commune's workspace (Xã Hoằng Phú, 15889) is
// not reachable; administration is hidden and refused.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { closeSuite, focused, newPage, openSuite, screenshot, signIn, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => ({ server, browser } = await openSuite()));
after(() => closeSuite(server, browser));

test('an empty form shows the error summary, whose links move focus to the fields', async () => {
  const { context, page } = await newPage(browser, server);
  await page.goto('/dang-nhap');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  assert.ok((await focused(page)).classes.includes('error-summary'));
  assert.deepEqual(await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['#username', '#password']);
  await summary.getByRole('link', { name: 'Nhập mật khẩu' }).click();
  assert.equal((await focused(page)).id, 'password');
  await context.close();
});

test('a wrong password shows the server’s Vietnamese message in the error summary', async () => {
  const { context, page } = await newPage(browser, server);
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill('thulum');
  await page.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-sai');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  assert.match(await summary.innerText(), /Có lỗi cần sửa/);
  const link = summary.locator('a[href="#password"]');
  await link.waitFor();
  const message = (await link.innerText()).trim();
  assert.ok(message.length > 0);
  assert.match(message, /[ăâđêôơưáàảãạếềểễệíìỉĩịóòỏõọúùủũụýỳỷỹỵ]/i, `not Vietnamese: ${message}`);
  // The same message sits beside the field, and the field is marked invalid.
  assert.equal(await page.getAttribute('#password', 'aria-invalid'), 'true');
  assert.equal(new URL(page.url()).pathname, '/dang-nhap');
  await screenshot(page, 'dang-nhap-loi.png');
  await context.close();
});

test('the Thu Lũm commune officer signs in and sees the Vietnamese home page of Xã Thu Lũm', async () => {
  const { context, page } = await newPage(browser, server);
  await page.goto('/dang-nhap');
  await screenshot(page, 'dang-nhap.png');
  await signIn(page, server, 'thulum');
  assert.equal(new URL(page.url()).pathname, '/');
  await page.getByRole('heading', { level: 1, name: /Thu Lũm/ }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  const picker = page.getByLabel('Đơn vị làm việc');
  assert.equal(await picker.inputValue(), '03439');
  assert.match(await picker.locator('option:checked').innerText(), /Thu Lũm/);
  // A card per area of work, each leading on (empty states until the features fill them).
  for (const [card, link] of [
    ['Kế hoạch', 'Đến trang Kế hoạch'],
    ['Theo dõi chỉ tiêu', 'Đến trang Theo dõi chỉ tiêu'],
    ['Đối tượng & chi trả', 'Đến trang Đối tượng & chi trả'],
  ]) {
    await page.getByRole('region', { name: card! }).getByRole('link', { name: link! }).waitFor();
  }
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  for (const label of ['Kế hoạch', 'Theo dõi chỉ tiêu', 'Đối tượng & chi trả']) await nav.getByRole('link', { name: label }).waitFor();
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'trang-chu.png');

  // A reload keeps the session and the unit of work.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: /Thu Lũm/ }).waitFor();

  // Sign out from the user menu.
  await page.locator('.user-menu summary').click();
  await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
  await page.getByText('Bạn đã đăng xuất.').waitFor();
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Chính sách xã hội, từ kế hoạch đến người dân' }).waitFor();
  await context.close();
});

test('the Thu Lũm officer cannot open another commune’s workspace (Xã Hoằng Phú) nor administration', async () => {
  const { context, page } = await newPage(browser, server);
  await signIn(page, server, 'thulum');
  await page.getByLabel('Đơn vị làm việc').waitFor();
  const options = await page
    .getByLabel('Đơn vị làm việc')
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value));
  assert.ok(!options.includes('15889'), `picker offers ${options.join(', ')}`);

  await page.goto('/tong-quan/15889');
  await page.locator('[data-scope="denied"]').waitFor();
  assert.match(await page.locator('main').innerText(), /ngoài phạm vi được giao/);
  assert.equal(await page.locator('.overview[data-unit="15889"]').count(), 0);
  // Its own workspace by address works.
  await page.goto('/tong-quan/03439');
  await page.locator('.overview[data-unit="03439"]').waitFor();

  // Administration: not in the navigation, refused by the page and by the API.
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  assert.equal(await nav.getByRole('link', { name: 'Quản trị' }).count(), 0);
  await page.goto('/quan-tri/nguoi-dung');
  await page.getByText('Bạn không có quyền xem trang này.').waitFor();
  const status = await page.evaluate(async () => (await fetch('/api/users')).status);
  assert.ok(status === 403 || status === 404, `GET /api/users answered ${status}`);
  await context.close();
});

test('the Lai Châu province approver can work on Xã Thu Lũm, within the province, but not on Xã Hoằng Phú', async () => {
  const { context, page } = await newPage(browser, server);
  await signIn(page, server, 'laichau');
  const picker = page.getByLabel('Đơn vị làm việc');
  assert.equal(await picker.inputValue(), '12');
  await page.getByRole('heading', { level: 1, name: /Lai Châu/ }).waitFor();
  // The province overview lists its communes; Thu Lũm's workspace is open to the province.
  const within = page.getByRole('region', { name: /Đơn vị trực thuộc/ });
  await within.getByRole('link', { name: 'Xã Thu Lũm' }).click();
  await page.locator('.overview[data-unit="03439"]').waitFor();
  await page.getByRole('button', { name: 'Làm việc với đơn vị này' }).click();
  assert.equal(await picker.inputValue(), '03439');
  await page.reload();
  assert.equal(await page.getByLabel('Đơn vị làm việc').inputValue(), '03439');
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: /Thu Lũm/ }).waitFor();

  await page.goto('/tong-quan/15889');
  await page.locator('[data-scope="denied"]').waitFor();
  await context.close();
});
