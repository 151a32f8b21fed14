// "Tài khoản của tôi" (issue 3 part 6): a user turns on two-step verification from the
// otpauth address and secret shown as text, then signs in with password and TOTP code; the
// sign-in page asks for the code only when the server says totpRequired.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { closeSuite, freshTotp, newPage, openSuite, screenshot, signIn, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => ({ server, browser } = await openSuite()));
after(() => closeSuite(server, browser));

test('the supervisor turns on TOTP in “Tài khoản của tôi”, then needs the code to sign in', async () => {
  const { context, page } = await newPage(browser, server);
  await signIn(page, server, 'giamsat');
  await page.locator('.user-menu summary').click();
  await page.getByRole('link', { name: 'Tài khoản của tôi' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
  assert.match(await page.locator('main').innerText(), /giamsat/);

  await page.getByRole('button', { name: 'Thiết lập xác thực hai bước' }).click();
  const url = (await page.locator('#totp-url').innerText()).trim();
  assert.match(url, /^otpauth:\/\/totp\//);
  const secretShown = await page.locator('#totp-secret').count();
  const secret = secretShown ? (await page.locator('#totp-secret').innerText()).trim() : new URL(url).searchParams.get('secret')!;
  assert.match(secret, /^[A-Z2-7]+=*$/);
  assert.equal(new URL(url).searchParams.get('secret'), secret);
  await screenshot(page, 'tai-khoan-totp.png');

  // A wrong code is refused with an error linked to the field.
  await page.getByLabel('Mã 6 chữ số từ ứng dụng').fill('12345');
  await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
  await page.locator('.error-summary a[href="#totp-code"]').waitFor();

  const code = await freshTotp(secret);
  await page.getByLabel('Mã 6 chữ số từ ứng dụng').fill(code);
  await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
  await page.getByText('Đã bật xác thực hai bước.').waitFor();
  await page.getByText('Xác thực hai bước đang bật.').waitFor();

  // Sign out, sign in again: the code is asked for after the password.
  await page.locator('.user-menu summary').click();
  await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
  await page.getByLabel('Tên đăng nhập').fill('giamsat');
  await page.getByLabel('Mật khẩu', { exact: true }).fill(server.logins.giamsat!);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const totp = page.getByLabel('Mã xác thực');
  await totp.waitFor();
  // Focus moves to the code field once it is shown (after the render: wait for it, it fails if it never comes).
  await page.waitForFunction("document.activeElement?.id === 'totp'", undefined, { timeout: 5000 }).catch(async () => {
    assert.equal((await page.evaluate('document.activeElement?.id')) as string, 'totp');
  });
  await screenshot(page, 'dang-nhap-totp.png');
  await totp.fill(await freshTotp(secret, code));
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page
    .waitForURL((u) => u.pathname === '/')
    .catch(async (e) => {
      throw new Error(`${(e as Error).message}\n${await page.locator('main').innerText()}`);
    });
  await page.locator('.user-menu').waitFor();
  await context.close();
});

test('the commune officer creates an API token with one permission, sees it once, uses it and revokes it', async () => {
  const { context, page } = await newPage(browser, server, { height: 1400 });
  await signIn(page, server, 'thulum');
  await page.goto('/tai-khoan');
  const section = page.locator('#api-tokens');
  await section.getByRole('heading', { name: 'Mã API' }).waitFor();
  await section.getByText('Bạn chưa có mã API nào.').waitFor();

  // Nothing chosen and a date that does not exist: both errors, nothing created.
  await section.getByLabel('Hết hạn sau ngày (ngày/tháng/năm)').fill('31/02/2027');
  await section.getByRole('button', { name: 'Tạo mã API' }).click();
  const summary = section.locator('.error-summary');
  await summary.waitFor();
  assert.match(await summary.innerText(), /Nhập tên mã[\s\S]*Chọn ít nhất một quyền[\s\S]*ngày\/tháng\/năm/);

  // Only the officer's own permissions are offered; administration is not.
  assert.equal(await section.getByLabel('Quản lý người dùng và phân quyền').count(), 0);
  await section.getByLabel('Tên mã').fill('Đồng bộ DHIS2 của xã');
  await section.getByLabel('Xem số liệu theo dõi chỉ tiêu').check();
  await section.getByLabel('Hết hạn sau ngày (ngày/tháng/năm)').fill('31/12/2030');
  await section.getByRole('button', { name: 'Tạo mã API' }).click();
  const value = (await section.locator('#token-value').innerText()).trim();
  assert.ok(value.length >= 20, 'the token is shown once');
  const row = section.locator('#token-list tbody tr', { hasText: 'Đồng bộ DHIS2 của xã' });
  assert.match(await row.innerText(), /Xem số liệu theo dõi chỉ tiêu[\s\S]*31\/12\/2030[\s\S]*Chưa dùng/);
  await screenshot(page, 'tai-khoan-ma-api.png', false);

  // The token works for a program (its one permission) and stops working once revoked.
  const call = (path: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${value}` } });
  assert.equal((await call('/api/tokens')).status, 403, 'a token holding only monitoring.read cannot list tokens');
  const dashboard = '/api/monitoring/units/03439/dashboard';
  const ok = await call(dashboard);
  assert.equal(ok.status, 200, await ok.text());
  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: 'Thu hồi Đồng bộ DHIS2 của xã' }).click();
  await section.getByText('Bạn chưa có mã API nào.').waitFor();
  assert.equal((await call(dashboard)).status, 401);
  await context.close();
});
