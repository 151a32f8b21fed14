// People with meritorious service in the browser (issue 12 item 7, first part): the Thu Lũm
// officer opens the demo household TL-NCC-01 and sees each member's profile with the recognition
// decision and this month's allowance with its annex row: the relative of two martyrs gets the
// amount of Decree 77/2024 Annex I row 3.2 (read here from src/law, not written down); the war
// invalid's amount tells the injury rate, so it stays hidden without a full read.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { paramAt } from '../../src/law/parameters.ts';
import { closeSuite, newPage, openSuite, screenshotsDir, signIn, unlabelledControls, watchProblems, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => ({ server, browser } = await openSuite()));
after(() => closeSuite(server, browser));

test('household page: merit profiles with the decision, the allowance and its legal basis; health amounts masked', async () => {
  const { page } = await newPage(browser, server, { height: 1200 });
  await signIn(page, server, 'thulum');
  await page.goto('/doi-tuong-chi-tra?unit=03439');
  await page.getByRole('textbox', { name: 'Tìm nhân khẩu (họ tên, số định danh, mã hộ)' }).waitFor();
  // Watched from here: the requests of the home page, cut short by the navigation, are not problems.
  const problems = watchProblems(page);
  await page.getByRole('textbox', { name: 'Tìm nhân khẩu (họ tên, số định danh, mã hộ)' }).fill('TL-NCC-01');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await page.locator('#person-results').waitFor();
  await page.getByRole('button', { name: 'Xem hộ TL-NCC-01' }).first().click();
  const section = page.locator('#merit-profiles');
  await section.waitFor();
  const now = new Date();
  const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-01`;
  const twoMartyrs = paramAt('merit.martyr.relatives.2', month)!;
  assert.ok(twoMartyrs.value, 'a verified level for this month');
  const lan = section.locator('.merit-person', { hasText: 'Hoàng Thị Lan' });
  assert.equal((await lan.locator('.merit-amount').innerText()).trim(), `${twoMartyrs.value.toLocaleString('vi-VN')} đ`);
  const reasons = await lan.locator('.merit-reasons').innerText();
  assert.match(reasons, /Thân nhân của 02 liệt sĩ/);
  assert.ok(reasons.includes(`${twoMartyrs.basis.document}, Phụ lục I, mục 3.2`), reasons);
  assert.match(await lan.innerText(), /125\/QĐ-LĐTBXH, 20\/06\/2021/);
  const minh = section.locator('.merit-person', { hasText: 'Lò Văn Minh' });
  assert.match(await minh.locator('.merit-amount').innerText(), /không hiển thị/);
  assert.doesNotMatch(await minh.innerText(), /61%/);
  assert.deepEqual(await unlabelledControls(page), []);
  await section.screenshot({ path: join(screenshotsDir, 'nguoi-co-cong-ho.png') });
  assert.deepEqual(problems, []);
});
