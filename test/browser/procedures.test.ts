// Public procedure pages (issue 14 item 1) as a citizen on a phone sees them, without signing in:
// the list, one procedure with its deadlines and amount in force, and the eligibility check
// with an error for a missing year and an answer for a person of 80 or more.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { closeSuite, newPage, openSuite, screenshot, scrollWidth, unlabelledControls, watchProblems, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => ({ server, browser } = await openSuite()));
after(() => closeSuite(server, browser));

test('a visitor on a 360 px phone reads the procedures, opens monthly social assistance and checks eligibility', async () => {
  const { context, page } = await newPage(browser, server, { width: 360, height: 740 });
  const problems = watchProblems(page);
  await page.goto('/thu-tuc');
  await page.getByRole('heading', { level: 1, name: 'Thủ tục chính sách xã hội' }).waitFor();
  await page.getByRole('link', { name: 'Trợ cấp hưu trí xã hội' }).waitFor();
  assert.ok((await scrollWidth(page)) <= 360, 'no horizontal scroll on a phone');
  await screenshot(page, 'thu-tuc.png');

  await page.getByRole('link', { name: 'Trợ cấp xã hội hằng tháng' }).click();
  await page.getByRole('heading', { level: 1, name: 'Trợ cấp xã hội hằng tháng' }).waitFor();
  await page.getByRole('heading', { name: 'Thời hạn giải quyết' }).waitFor();
  const text = await page.locator('main').innerText();
  assert.match(text, /10 ngày làm việc/);
  assert.match(text, /Nghị định 147\/2025\/NĐ-CP, Điều 5/);
  assert.match(text, /Mức chuẩn trợ giúp xã hội: 500\.000 đ\/tháng/);
  await screenshot(page, 'thu-tuc-tro-cap-xa-hoi.png');
  // The procedure's page links to the application form with the procedure chosen.
  const apply = page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến cho thủ tục này' });
  assert.equal(await apply.getAttribute('href'), '/ho-so/nop?thu-tuc=tro-cap-xa-hoi-hang-thang');
  await apply.click();
  await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ trực tuyến' }).waitFor();
  assert.equal(await page.getByLabel('Thủ tục').inputValue(), 'tro-cap-xa-hoi-hang-thang');
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Trợ cấp xã hội hằng tháng' }).waitFor();

  await page.getByRole('link', { name: 'Tôi có thuộc diện được hưởng không?' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Tôi có thuộc diện được hưởng không?' }).waitFor();
  assert.deepEqual(await unlabelledControls(page), []);
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await page.getByRole('alert').getByText('Nhập năm sinh gồm 4 chữ số, ví dụ 1950').first().waitFor();
  await page.getByLabel('Năm sinh').fill('1940');
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await page.getByRole('heading', { name: 'Kết quả' }).waitFor();
  const result = await page.locator('section.result').innerText();
  assert.match(result, /có thể thuộc diện được hưởng/);
  assert.match(result, /Câu trả lời của bạn không được lưu lại/);
  await screenshot(page, 'thu-tuc-kiem-tra.png');
  assert.deepEqual(problems, []);
  await context.close();
});
