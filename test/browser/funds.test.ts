// A donation from bank statement to the public page (issue 13 item 4): the Thu Lũm officer opens
// the commune's Gratitude Fund, records a receipt from Nguyễn Văn An, imports the Vietcombank
// statement (test/fixtures/funds/vietcombank-sao-ke.csv): his line matches his receipt by name,
// the other money-in lines become receipts, the money-out line is listed as unmatched. Then a
// visitor without login finds the donation on the public ledger by typing the name without
// accents, on a phone-sized screen. The money-out line, recorded as a spending after the import,
// is linked to it by hand, and the public ledger then reconciles with the bank.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { closeSuite, newPage, openSuite, root, screenshot, screenshotsDir, signIn, unlabelledControls, watchProblems, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => ({ server, browser } = await openSuite()));
after(() => closeSuite(server, browser));

test('a donation from bank statement to the public page', async () => {
  const { page } = await newPage(browser, server, { height: 1400 });
  await signIn(page, server, 'thulum');
  await page.goto('/quy');
  await page.getByRole('heading', { name: 'Quỹ: thu, chi và sao kê ngân hàng' }).waitFor();
  const problems = watchProblems(page);
  await page.getByLabel('Mã đơn vị (xã, tỉnh)').fill('03439');
  await page.getByLabel('Tên quỹ').fill('Quỹ Đền ơn đáp nghĩa xã Thu Lũm');
  await page.getByRole('button', { name: 'Mở quỹ' }).click();
  const fund = page.locator('section.fund', { hasText: 'Quỹ Đền ơn đáp nghĩa xã Thu Lũm' });
  await fund.waitFor();
  const receipt = fund.locator('.fund-receipt-form');
  await receipt.getByLabel('Người, đơn vị ủng hộ').fill('Nguyễn Văn An');
  await receipt.getByLabel('Số tiền (đồng)').fill('5.000.000');
  await receipt.getByLabel('Ngày').fill('02/08/2024');
  await receipt.getByRole('button', { name: 'Ghi khoản thu' }).click();
  await receipt.getByText('Đã ghi khoản thu.').waitFor();
  await fund.getByLabel('Tệp sao kê').setInputFiles(join(root, 'test/fixtures/funds/vietcombank-sao-ke.csv'));
  await fund.getByLabel('Tạo khoản thu cho tiền vào chưa khớp').check();
  await fund.getByRole('button', { name: 'Nhập sao kê' }).click();
  const result = fund.locator('.fund-import-result');
  await result.waitFor();
  assert.match(await result.innerText(), /Đã nhập sao kê: 4 giao dịch, 1 khớp, 2 khoản thu mới/);
  assert.match(await result.innerText(), /-3\.000\.000 đ · Chi ho tro sua nha/);
  assert.deepEqual(await unlabelledControls(page), []);
  await fund.screenshot({ path: join(screenshotsDir, 'quy-nhap-sao-ke.png') });
  // The house repair of Lò Văn Pao, allocated and paid out: on the public page as name and hamlet.
  const allocation = fund.locator('.fund-allocation-form');
  await allocation.getByLabel('Nội dung hỗ trợ').fill('Hỗ trợ sửa nhà');
  await allocation.getByLabel('Họ tên người nhận').fill('Lò Văn Pao');
  await allocation.getByLabel('Thôn, bản').fill('Bản Thu Lũm');
  await allocation.getByLabel('Số tiền phân bổ (đồng)').fill('3.000.000');
  await allocation.getByLabel('Ngày quyết định').fill('07/08/2024');
  await allocation.getByLabel('Đã chi ngay số tiền này').check();
  await allocation.getByRole('button', { name: 'Phân bổ cho trường hợp' }).click();
  await allocation.getByText('Đã phân bổ.').waitFor();
  // The money-out line the import could not match (no spending then) is linked by hand to the spending just recorded.
  const unmatched = fund.locator('.fund-unmatched');
  const pick = unmatched.getByLabel('Khoản trong sổ cùng số tiền');
  await pick.waitFor();
  assert.match(await pick.locator('option').first().innerText(), /Khoản chi · Hỗ trợ sửa nhà · 3\.000\.000 đ · 07\/08\/2024/);
  assert.deepEqual(await unlabelledControls(page), []);
  await unmatched.screenshot({ path: join(screenshotsDir, 'quy-ghep-tay.png') });
  await unmatched.getByRole('button', { name: 'Ghép với khoản này' }).click();
  await unmatched.waitFor({ state: 'detached' });
  assert.deepEqual(problems, []);

  const visitor = await newPage(browser, server, { width: 390, height: 1100 });
  await visitor.page.goto('/so-quy/03439');
  await visitor.page.getByRole('heading', { name: 'Sổ quỹ công khai' }).waitFor();
  await visitor.page.locator('.fund-spendings li').first().waitFor();
  assert.match(
    await visitor.page.locator('.fund-spendings').innerText(),
    /Hỗ trợ sửa nhà · 3\.000\.000 đ · 07\/08\/2024 · Người nhận: Lò Văn Pao, Bản Thu Lũm/,
  );
  await visitor.page.getByLabel('Tìm theo tên người ủng hộ hoặc nội dung chi').fill('nguyen van an');
  await visitor.page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await visitor.page.getByText('Tổng: 1 khoản, 5.000.000 đ').waitFor();
  const list = visitor.page.locator('.fund-receipts');
  assert.match(await list.innerText(), /Nguyễn Văn An · 5\.000\.000 đ · 02\/08\/2024/);
  assert.match(await visitor.page.locator('#fund-ledger').innerText(), /Khớp với sao kê ngân hàng/, 'every bank line is in the books');
  await screenshot(visitor.page, 'quy-so-cong-khai.png');
});
