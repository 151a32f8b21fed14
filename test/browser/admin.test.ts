// Administration in the browser (issue 3 parts 4 and 6): the administrator signs in with
// password and TOTP, creates a user with a role scoped to Xã Thu Lũm (03439), resets the
// password, disables the account, and finds the changes in the audit log.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { closeSuite, newPage, openSuite, screenshot, signInAdmin, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => ({ server, browser } = await openSuite()));
after(() => closeSuite(server, browser));

test('the administrator manages a user and sees it in the audit log', async (t) => {
  const { context, page } = await newPage(browser, server);
  if (!(await signInAdmin(page, server))) {
    t.skip('the demo admin asks for TOTP and its secret is not known (set ANSINH_ADMIN_TOTP_SECRET)');
    await context.close();
    return;
  }
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await nav.getByRole('link', { name: 'Quản trị' }).click();
  await page.getByRole('link', { name: 'Người dùng' }).click();
  await page.getByRole('heading', { level: 1, name: 'Người dùng' }).waitFor();

  const create = page.locator('#create-user');
  await create.locator('summary').click();
  await create.getByLabel('Tên đăng nhập', { exact: true }).fill('canbo-thulum-2');
  await create.getByLabel('Họ và tên', { exact: true }).fill('Cán bộ thử nghiệm');
  await create.getByLabel('Mật khẩu ban đầu', { exact: true }).fill('Thu-Lum-Moi-2026');
  await create.getByLabel('Vai trò', { exact: true }).selectOption('officer');
  await create.getByLabel('Mã đơn vị phạm vi', { exact: true }).fill('03439');
  await create.getByRole('button', { name: 'Tạo người dùng' }).click();
  await page.getByText('Đã tạo người dùng canbo-thulum-2.').waitFor();
  const row = page.locator('li.result[data-username="canbo-thulum-2"]');
  await row.waitFor();
  assert.match(await row.innerText(), /03439/);

  await row.locator('details.panel summary').click();
  await row.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
  await page
    .locator('.notice')
    .filter({ hasText: /mật khẩu/i })
    .waitFor();
  await row.getByRole('button', { name: 'Khóa tài khoản' }).click();
  await row.getByText('Đã khóa').waitFor();
  await screenshot(page, 'quan-tri-nguoi-dung.png');

  await page.goto('/quan-tri/nhat-ky?actor=admin');
  await page.locator('table.table tbody tr').first().waitFor();
  assert.ok((await page.locator('table.table tbody tr').count()) >= 1);
  // Events and record kinds in words (the code stays beside them for searching).
  await page.locator('table.table tbody td', { hasText: 'Đăng nhập' }).first().waitFor();
  await page.locator('table.table tbody td', { hasText: 'Tài khoản' }).first().waitFor();
  await screenshot(page, 'quan-tri-nhat-ky.png');
  await context.close();
});
