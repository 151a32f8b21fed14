// The registry in the browser (issue 6 part 13): import → classify → enrol → payroll. The Thu
// Lũm officer imports a small households/persons file, sees the row-level report with a rejected
// row and its reason (and downloads it), confirms; runs the 2026 poverty review and opens the
// household classified poor with its reasons; the Lai Châu approver enrols its 86-year-old head
// by a decision (Decree 20/2021 Art. 5 cl. 5c: aged 80+ without a pension); the officer
// generates the month's payroll, sees him with the amount the law parameters give (standard
// level × coefficient, computed here from src/law, not written down), and downloads the bank file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { paramAt } from '../../src/law/parameters.ts';
import { templateHeader } from '../../src/registry/import.ts';
import { join } from 'node:path';
import { closeSuite, newPage, openSuite, screenshot, screenshotsDir, signIn, unlabelledControls, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => ({ server, browser } = await openSuite()));
after(() => closeSuite(server, browser));

/** The import file: household BT-001 (poor: rural, 1.000.000 đ/person, 4 deprivations), BT-002 with an impossible date. */
function importFile(): Buffer {
  const header = templateHeader();
  const row = (cells: Record<string, string>) => header.map((h) => cells[h] ?? '');
  const poor = {
    'Mã hộ': 'BT-001',
    'Bản/thôn': 'Pa Thắng',
    'Địa chỉ': 'Bản Pa Thắng',
    'Khu vực': 'Nông thôn',
    'Thu nhập bình quân (đồng/người/tháng)': '1.000.000',
    'Xã đặc biệt khó khăn': 'x',
    ...Object.fromEntries(
      header
        .filter((h) => h.startsWith('Thiếu hụt:'))
        .slice(0, 4)
        .map((h) => [h, 'x']),
    ),
  };
  const rows = [
    row({ ...poor, 'Họ và tên': 'Giàng A Tủa', 'Ngày sinh': '10/03/1940', 'Giới tính': 'Nam', 'Dân tộc': 'Mông', 'Quan hệ với chủ hộ': 'Chủ hộ', BHYT: 'x' }),
    row({ ...poor, 'Họ và tên': 'Lý Thị Dế', 'Ngày sinh': '05/07/1955', 'Giới tính': 'Nữ', 'Dân tộc': 'Mông', 'Quan hệ với chủ hộ': 'Vợ/chồng', BHYT: 'x' }),
    row({
      'Mã hộ': 'BT-002',
      'Bản/thôn': 'Pa Thắng',
      'Khu vực': 'Nông thôn',
      'Thu nhập bình quân (đồng/người/tháng)': '2.000.000',
      'Họ và tên': 'Vàng Thị Sua',
      'Ngày sinh': '31/02/1980',
      'Giới tính': 'Nữ',
      'Dân tộc': 'Mông',
      'Quan hệ với chủ hộ': 'Chủ hộ',
    }),
  ];
  const esc = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from([header, ...rows].map((r) => r.map(esc).join(',')).join('\n') + '\n', 'utf8');
}

const now = new Date();
const month = now.getFullYear() * 100 + now.getMonth() + 1;
const mmyyyy = `${String(month % 100).padStart(2, '0')}/${Math.floor(month / 100)}`;
// Decree 20/2021 Art. 5 cl. 5c, Art. 6: standard level × coefficient (tenths), in force this month.
const monthStart = `${Math.floor(month / 100)}-${String(month % 100).padStart(2, '0')}-01`;
const expected = ((paramAt('assistance.standard', monthStart)!.value ?? NaN) * (paramAt('assistance.coef.5.5c', monthStart)!.value ?? NaN)) / 10;
const vnd = (n: number) => n.toLocaleString('vi-VN');

async function findHousehold(page: Page, code: string) {
  await page.getByRole('textbox', { name: 'Tìm nhân khẩu (họ tên, số định danh, mã hộ)' }).fill(code);
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await page.locator('#person-results').waitFor();
  await page
    .getByRole('button', { name: `Xem hộ ${code}` })
    .first()
    .click();
  await page.locator('#household-panel').waitFor();
}

test('import → classify → enrol → payroll', async () => {
  const officer = await newPage(browser, server, { height: 1000 });
  const page = officer.page;
  await signIn(page, server, 'thulum');
  await page.goto('/doi-tuong-chi-tra?unit=03439');
  await page.getByRole('heading', { name: 'Nhập hộ gia đình và nhân khẩu từ tệp' }).waitFor();

  // Import: the rows are checked as a job; the report shows the rejected row and why.
  await page.setInputFiles('#import-file', { name: 'ho-moi.csv', mimeType: 'text/csv', buffer: importFile() });
  await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
  const report = page.locator('#import-report');
  await report.waitFor();
  assert.match(await report.innerText(), /Mới: 2 · Thay đổi: 0 · Không đổi: 0 · Bị từ chối: 1/);
  const rejected = report.locator('tr.row--rejected');
  assert.equal(await rejected.count(), 1);
  assert.match(await rejected.innerText(), /Vàng Thị Sua[\s\S]*Ngày sinh: Ngày sinh không hợp lệ/);
  assert.deepEqual(await unlabelledControls(page), []);
  await screenshot(page, 'doi-tuong-nhap-ket-qua.png');
  const [dl] = await Promise.all([page.waitForEvent('download'), report.getByRole('link', { name: 'Tải kết quả (.csv)' }).click()]);
  const reportCsv = readFileSync((await dl.path())!, 'utf8');
  assert.match(reportCsv, /4,BT-002,Vàng Thị Sua,Bị từ chối,Ngày sinh: Ngày sinh không hợp lệ/, 'the downloaded report names the row and the reason');
  await page.getByRole('button', { name: 'Xác nhận nhập các dòng hợp lệ' }).click();
  await page.getByText('Đã nhập vào sổ: 2 mới').waitFor();

  // Classification: the 2026 poverty review as a job, then the household with its reasons.
  const year = new Date().getFullYear();
  await page.getByRole('button', { name: `Rà soát hộ nghèo năm ${year}` }).click();
  await page.getByText(`Đã rà soát năm ${year}`).waitFor({ timeout: 120_000 });
  const jobs = await page.locator('#job-list').innerText();
  assert.match(jobs, /Rà soát hộ nghèo\s+Xong/);
  assert.match(jobs, /Nhập danh sách hộ\s+Xong/);
  await page.evaluate("document.getElementById('reg-jobs').scrollIntoView()");
  await screenshot(page, 'doi-tuong-cong-viec.png', false);
  await findHousehold(page, 'BT-001');
  assert.equal(await page.locator('#household-class').innerText(), 'Hộ nghèo');
  const reasons = await page.locator('#household-reasons').innerText();
  assert.match(reasons, /Nghị định \d+\/20\d\d\/NĐ-CP/, reasons);
  const threshold = paramAt('poverty.income.rural', '2026-07-01')!.value ?? NaN;
  assert.ok(
    (await page.locator('#household-panel').innerText()).includes(`Thu nhập bình quân: 1.000.000 đ · Chuẩn thu nhập: ${vnd(threshold)} đ`),
    'income against the 2026 rural threshold',
  );
  await page.locator('#household-panel').screenshot({ path: join(screenshotsDir, 'doi-tuong-ho-ngheo.png') });

  // Enrolment: the commune chair records the decision (Decree 147/2025/NĐ-CP Art. 5); the
  // amount comes from the law engine.
  const approver = await newPage(browser, server, { height: 1000 });
  await signIn(approver.page, server, 'chutich');
  await approver.page.goto('/doi-tuong-chi-tra?unit=03439');
  await findHousehold(approver.page, 'BT-001');
  await approver.page.getByText('Quyết định hưởng trợ cấp: Giàng A Tủa').click();
  const form = approver.page.locator('details[open]');
  await form.getByLabel('Số quyết định').fill('15/2026/QĐ-UBND');
  await form.getByLabel('Người ký').fill('Chủ tịch UBND xã Thu Lũm');
  assert.equal(await form.getByLabel('Hưởng từ tháng (MM/YYYY)').inputValue(), mmyyyy);
  // Dates are typed and shown dd/mm/yyyy whatever the browser's language (no native date input).
  assert.match(await form.getByLabel('Ngày quyết định (ngày/tháng/năm)').inputValue(), /^\d{2}\/\d{2}\/\d{4}$/);
  await form.getByLabel('Số tài khoản / ví (nếu có)').fill('0123456789');
  await form.getByRole('button', { name: 'Ghi quyết định' }).click();
  await form.locator('.decision-amount, .error-summary').first().waitFor();
  assert.equal(await form.locator('.error-summary').count(), 0, await form.innerText());
  assert.equal(await form.locator('.decision-amount').innerText(), vnd(expected));
  assert.match(await form.innerText(), /5\.5c/);
  assert.match(await form.innerText(), /Hệ số\s+1,0/);
  await form.screenshot({ path: join(screenshotsDir, 'doi-tuong-quyet-dinh.png') });

  // A life-event proposal (a beneficiary's death in the demo) confirmed by recording its decision.
  const death = approver.page
    .locator('#proposal-list tbody tr')
    .filter({ has: approver.page.locator('td:nth-child(2)', { hasText: /^Mất$/ }) })
    .first();
  const deceased = await death.locator('td').first().innerText();
  assert.match(await death.innerText(), /Thôi hưởng\s+11\/2026/, 'stop from the month after an October death');
  await death.getByRole('button', { name: `Xác nhận và ra quyết định: ${deceased}` }).click();
  const pf = approver.page.locator('#proposal-form');
  await pf.getByLabel('Số quyết định').fill('16/2026/QĐ-UBND');
  await pf.getByLabel('Người ký').fill('Chủ tịch UBND xã Thu Lũm');
  await approver.page.evaluate("document.getElementById('reg-proposals').scrollIntoView()");
  await screenshot(approver.page, 'doi-tuong-de-xuat.png', false);
  await pf.getByRole('button', { name: 'Xác nhận và ra quyết định' }).click();
  assert.equal(await approver.page.locator('#proposal-result').innerText(), `${deceased}: Đã ra quyết định 16/2026/QĐ-UBND`);
  await approver.context.close();

  // Payroll: the officer generates this month's list and finds him with the amount.
  await page.reload();
  assert.equal(await page.getByLabel('Tháng chi trả (MM/YYYY)').inputValue(), mmyyyy);
  await page.getByRole('button', { name: 'Lập danh sách chi trả', exact: true }).click();
  const line = page.locator('#payroll-lines tr', { hasText: 'Giàng A Tủa' });
  await line.waitFor();
  assert.equal(await line.locator('.amount-current').innerText(), vnd(expected));
  assert.equal(await line.locator('.amount-total').innerText(), vnd(expected), 'no arrears: enrolled from this month');
  await page.evaluate("document.getElementById('reg-pay').scrollIntoView()");
  await screenshot(page, 'doi-tuong-chi-tra.png', false);
  const row = page.locator(`#payroll-list tr[data-month="${month}"]`);
  const [bank] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'Tệp ngân hàng (.csv)' }).click()]);
  const csv = readFileSync((await bank.path())!, 'utf8');
  assert.match(csv, new RegExp(`0123456789,Giàng A Tủa,${expected}`), 'the bank file pays him to his account');
  // The list ends with its totals; the share paid cashless is this month's.
  await page.locator('#payroll-grand-total').waitFor();
  assert.match(await page.locator('#payroll-lines tfoot').innerText(), /Cộng \(\d+ người\)/);
  assert.match(await page.locator('#cashless-share').innerText(), new RegExp(`Chi trả không dùng tiền mặt tháng ${mmyyyy.replace('/', '\\/')}: `));
  await officer.context.close();

  // The commune chair sees the totals (and any account shared by several persons) before approving.
  const boss = await newPage(browser, server, { height: 1000 });
  await signIn(boss.page, server, 'chutich');
  await boss.page.goto('/doi-tuong-chi-tra?unit=03439');
  await boss.page.locator(`#payroll-list tr[data-month="${month}"]`).getByRole('button', { name: 'Phê duyệt' }).click();
  const confirm = boss.page.locator('#payroll-approve');
  await confirm.waitFor();
  assert.match(await confirm.innerText(), new RegExp(`Phê duyệt danh sách chi trả tháng ${mmyyyy.replace('/', '\\/')}: \\d+ người, tổng [\\d.]+ đồng\\?`));
  await confirm.scrollIntoViewIfNeeded(); // the guide shows the question, wherever the page has scrolled
  await screenshot(boss.page, 'doi-tuong-phe-duyet-chi-tra.png', false);
  await confirm.getByRole('button', { name: /Phê duyệt danh sách|Đã kiểm tra, vẫn phê duyệt/ }).click();
  await boss.page.locator('#payroll-approved').waitFor();
  // The list is read again after the approval: wait for its row to say so (it raced the check before).
  await boss.page
    .locator(`#payroll-list tr[data-month="${month}"]`)
    .filter({ hasText: 'Đã duyệt' })
    .waitFor({ timeout: 15_000 })
    .catch(() => undefined);
  assert.match(await boss.page.locator(`#payroll-list tr[data-month="${month}"]`).innerText(), /Đã duyệt/);
  await boss.context.close();
});
