// Applications (issue 14 item 2) in the browser: a citizen on a phone files an application for
// the social pension online with a scanned form, gets a tracking code; the commune chair sees it
// on the commune's list with its legal deadline and grants it; the public status page then shows
// the decision. Screenshots for docs/guide/ho-so.md.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { closeSuite, newPage, openSuite, screenshot, scrollWidth, signIn, unlabelledControls, watchProblems, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => ({ server, browser } = await openSuite()));
after(() => closeSuite(server, browser));

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

test('a citizen files online, the commune chair grants, the status page shows the decision', async () => {
  const { context, page } = await newPage(browser, server, { width: 360, height: 740 });
  const problems = watchProblems(page);
  await page.goto('/ho-so/nop');
  await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ trực tuyến' }).waitFor();
  assert.deepEqual(await unlabelledControls(page), []);
  await page.getByLabel('Thủ tục').selectOption('tro-cap-huu-tri-xa-hoi');
  await page.getByLabel('Mã xã, phường nơi cư trú').fill('03439');
  await page.getByLabel('Họ và tên').fill('Lò Văn Pền');
  await page.getByLabel('Số định danh cá nhân').fill('011046001234');
  await page.getByLabel('Ngày sinh').fill('20/11/1946');
  await page.getByLabel('Giấy tờ kèm theo').setInputFiles({ name: 'to-khai-mau-01.pdf', mimeType: 'application/pdf', buffer: PDF });
  assert.ok((await scrollWidth(page)) <= 360, 'no horizontal scroll on a phone');
  await screenshot(page, 'ho-so-nop.png');
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await page.getByRole('heading', { level: 1, name: 'Đã nhận hồ sơ' }).waitFor();
  const code = (await page.locator('#tracking-code').innerText()).trim();
  assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await page.getByRole('link', { name: 'Xem tình trạng hồ sơ' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tình trạng hồ sơ' }).waitFor();
  const before = await page.locator('main').innerText();
  assert.match(before, /Quyết định của Chủ tịch UBND xã/);
  assert.match(before, /L\. V\. Pền/);
  assert.ok(!before.includes('011046001234'), 'no ID number on the public page');
  await screenshot(page, 'ho-so-trang-thai.png');
  assert.deepEqual(problems, []);
  await context.close();

  const chair = await newPage(browser, server);
  await signIn(chair.page, server, 'chutich');
  await chair.page.goto('/ho-so-xa?unit=03439');
  await chair.page.getByRole('heading', { level: 1, name: 'Hồ sơ và đơn thư của xã' }).waitFor();
  const row = chair.page.getByRole('row').filter({ hasText: code });
  await row.waitFor();
  await screenshot(chair.page, 'ho-so-xa.png');
  await row.getByRole('button', { name: 'Quyết định' }).click();
  await chair.page.getByLabel('Số quyết định').fill('12/QĐ-UBND');
  await chair.page.getByLabel('Người ký').fill('Vàng A Sử');
  await chair.page.getByRole('button', { name: 'Ghi quyết định' }).click();
  await row.getByText('Đã chấp thuận').waitFor();
  await chair.context.close();

  const again = await newPage(browser, server, { width: 360, height: 740 });
  await again.page.goto(`/ho-so/${code}`);
  await again.page
    .getByRole('status')
    .getByText(/Đã chấp thuận/)
    .waitFor();
  assert.match(await again.page.getByRole('status').innerText(), /12\/QĐ-UBND/);
  await screenshot(again.page, 'ho-so-quyet-dinh.png');
  await again.context.close();
});
