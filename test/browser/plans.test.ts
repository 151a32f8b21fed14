// Plans in the browser (issue 4 part 7): the Thu Lũm officer opens Kế hoạch, the commune's
// plan 152-KH/ĐU and its cascade view against Lai Châu's programme 53-CTr/TU, and sees the
// preschool target flagged: the commune wrote 99,5% where the province wrote 99,9% (demo
// plans, src/plans/demo.ts). The draft link answers a Word file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { closeSuite, newPage, openSuite, screenshot, signIn, unlabelledControls, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => ({ server, browser } = await openSuite()));
after(() => closeSuite(server, browser));

test('Thu Lũm opens 152-KH/ĐU and its cascade view flags the preschool target as weaker than the province', async () => {
  const { context, page } = await newPage(browser, server);
  await signIn(page, server, 'thulum');
  await page.getByRole('link', { name: 'Kế hoạch', exact: true }).first().click();
  await page.waitForURL((u) => u.pathname === '/ke-hoach');
  await page.getByRole('heading', { name: 'Kế hoạch của đơn vị' }).waitFor();
  await page.getByRole('link', { name: '152-KH/ĐU' }).click();
  await page.getByRole('heading', { name: 'Chỉ tiêu', exact: true }).waitFor();
  const facts = await page.locator('dl.facts').innerText();
  assert.match(facts, /\d{2}\/\d{2}\/\d{4}/, 'issue date as dd/mm/yyyy');
  assert.match(facts, /53-CTr\/TU/, 'implements the province programme');
  assert.deepEqual(await unlabelledControls(page), []);

  await page.getByRole('link', { name: 'Đối chiếu với cấp trên' }).click();
  const row = page.locator('#cascade tbody tr', { hasText: 'Tỷ lệ huy động học sinh mẫu giáo đến trường' });
  await row.waitFor();
  const text = await row.innerText();
  assert.match(text, /99,9/, text);
  assert.match(text, /99,5/, text);
  assert.match(text, /Thấp hơn cấp trên/, text);
  // The commune's cell is the third column, the province's the second.
  assert.match(await row.locator('td').nth(0).innerText(), /99,9/);
  assert.match(await row.locator('td').nth(1).innerText(), /99,5/);
  assert.match(await page.locator('caption').first().innerText(), /152-KH\/ĐU/);
  await screenshot(page, 'ke-hoach-doi-chieu.png');
  await context.close();
});

test('the draft link of 152-KH/ĐU answers a .docx file', async () => {
  const { context, page } = await newPage(browser, server);
  await signIn(page, server, 'thulum');
  await page.goto('/ke-hoach');
  await page.getByRole('link', { name: '152-KH/ĐU' }).click();
  const link = page.getByRole('link', { name: /Tải dự thảo kế hoạch/ });
  await link.waitFor();
  const href = await link.getAttribute('href');
  assert.ok(href && /\/draft\.docx/.test(href), String(href));
  const res = await page.evaluate(`fetch(${JSON.stringify(href)}, { credentials: 'same-origin' }).then(async (r) => ({ status: r.status, type: r.headers.get('content-type'), size: (await r.arrayBuffer()).byteLength }))`) as { status: number; type: string; size: number };
  assert.equal(res.status, 200);
  assert.match(res.type, /application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document/);
  assert.ok(res.size > 1000, `size ${res.size}`);
  await context.close();
});
