// A house from survey to handover (issue 13 item 4): the Thu Lũm officer imports the commune's
// survey list; a file with a wrong row (an unknown household, 31/02) is refused with its row-level
// report and writes nothing; the corrected file opens three cases. One case goes surveyed →
// approved (with its decision number; level 60,000,000 VND from Decision 21/2024/QĐ-TTg) →
// started → completed → handed over, a move backwards is not offered, and the money from the
// central budget is recorded. The Lai Châu province officer then sees the summary by commune,
// stage and source, and the late cases, on a phone-sized screen.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { closeSuite, newPage, openSuite, root, screenshot, screenshotsDir, signIn, unlabelledControls, watchProblems, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => ({ server, browser } = await openSuite()));
after(() => closeSuite(server, browser));

async function move(page: Page, stage: string, date: string, decision?: string) {
  const form = page.locator('.housing-stage-form');
  await form.getByLabel('Bước mới').selectOption({ label: stage });
  await form.getByLabel('Ngày', { exact: true }).fill(date);
  if (decision) await form.getByLabel('Số quyết định phê duyệt').fill(decision);
  await form.getByRole('button', { name: 'Chuyển sang bước tiếp' }).click();
  await page.locator('.housing-stages li', { hasText: stage }).waitFor();
}

test('a house from survey to handover, and the province summary', async () => {
  const { page } = await newPage(browser, server, { height: 1500 });
  await signIn(page, server, 'thulum');
  await page.goto('/nha-o');
  await page.getByRole('heading', { name: 'Hỗ trợ nhà ở', level: 1 }).waitFor();
  const problems = watchProblems(page);
  const form = page.locator('.housing-import-form');
  await form.getByLabel('Tệp danh sách khảo sát').setInputFiles(join(root, 'test/fixtures/housing/khao-sat-loi.csv'));
  await form.getByRole('button', { name: 'Nhập danh sách' }).click();
  const result = form.locator('.housing-import-result');
  await result.waitFor();
  assert.match(await result.innerText(), /Không ghi gì: 1 dòng lỗi/);
  assert.match(await result.innerText(), /4\s+TL-09999\s+Lỗi\s+.*Không có hộ “TL-09999” trong sổ của xã/);
  assert.match(await result.innerText(), /Ngày khảo sát không hợp lệ: “31\/02\/2025”/);
  await page.getByText('Chưa có hồ sơ nào.').waitFor();
  await form.screenshot({ path: join(screenshotsDir, 'nha-o-nhap-khao-sat.png') });

  await form.getByLabel('Tệp danh sách khảo sát').setInputFiles(join(root, 'test/fixtures/housing/khao-sat.csv'));
  await form.getByRole('button', { name: 'Nhập danh sách' }).click();
  await result.getByText('Đã nhập: 3 hồ sơ mới, 0 hồ sơ đã có.').waitFor();
  await page.getByText('3 hồ sơ', { exact: true }).waitFor();
  assert.deepEqual(await unlabelledControls(page), []);

  await page.locator('#housing-case-list').getByRole('link', { name: 'TL-00001' }).click();
  await page.getByRole('heading', { name: 'Hồ sơ nhà ở hộ TL-00001' }).waitFor();
  assert.match(await page.locator('#housing-case-facts').innerText(), /Mức hỗ trợ\s+60\.000\.000 đ/);
  // Approval asks for the decision number: refused without it, nothing moves.
  const stageForm = page.locator('.housing-stage-form');
  await stageForm.getByLabel('Ngày', { exact: true }).fill('20/02/2025');
  await stageForm.getByRole('button', { name: 'Chuyển sang bước tiếp' }).click();
  await stageForm.locator('.error-summary, .field-error').first().waitFor();
  assert.match(problems.splice(0).join('\n'), /400 POST \/api\/housing\/cases\/\d+\/stages/, 'the refusal, and nothing else so far');
  await move(page, 'Đã phê duyệt', '20/02/2025', '125/QĐ-UBND');
  await move(page, 'Đã khởi công', '01/03/2025');
  await move(page, 'Đã hoàn thành', '30/05/2025');
  const options = await stageForm.getByLabel('Bước mới').locator('option').allInnerTexts();
  assert.deepEqual(options, ['Đã bàn giao'], 'only later stages are offered');
  const funding = page.locator('.housing-funding-form');
  await funding.getByLabel('Nguồn').selectOption({ label: 'Ngân sách trung ương' });
  await funding.getByLabel('Số tiền (đồng)').fill('60.000.000');
  await funding.getByLabel('Ngày', { exact: true }).fill('05/03/2025');
  await funding.getByRole('button', { name: 'Ghi kinh phí' }).click();
  await page.locator('.housing-funding li', { hasText: '60.000.000 đ' }).waitFor();
  await move(page, 'Đã bàn giao', '10/06/2025');
  await page.getByText('Hồ sơ đã bàn giao: không còn bước nào.').waitFor();
  assert.match(await page.locator('.housing-stages').innerText(), /Đã phê duyệt · 20\/02\/2025 · Người xác nhận: thulum/);
  assert.match(await page.locator('#housing-case-facts').innerText(), /125\/QĐ-UBND, 20\/02\/2025/);
  assert.deepEqual(await unlabelledControls(page), []);
  await screenshot(page, 'nha-o-ho-so.png');
  assert.deepEqual(problems, []);

  const province = await newPage(browser, server, { width: 390, height: 1200 });
  await signIn(province.page, server, 'laichau');
  await province.page.goto('/nha-o');
  const byCommune = province.page.locator('#housing-by-commune');
  await byCommune.waitFor();
  const row = byCommune.locator('tr', { hasText: 'Thu Lũm' });
  // surveyed, approved, started, completed, handed over, total, late
  assert.deepEqual(
    (await row.locator('td').allInnerTexts()).map((s) => s.trim()),
    ['2', '0', '0', '0', '1', '3', '2'],
  );
  assert.match(await province.page.locator('#housing-money').innerText(), /Ngân sách trung ương\s+60\.000\.000 đ/);
  await province.page.getByLabel('Chỉ hồ sơ quá hạn').check();
  await province.page.getByText('2 hồ sơ', { exact: true }).waitFor();
  await screenshot(province.page, 'nha-o-tong-hop.png');
});
