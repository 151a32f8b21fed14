// Monitoring in the browser (issue 5 part 9): on a phone, the Thu Lũm officer opens the 2026
// report, types a numerator above its denominator and sees the message at the field, fixes it,
// keeps the draft across a reload and a dropped connection, fills the rest (last year's figures,
// the registry's figures already filled in) and submits; the Lai Châu approver approves it in the
// inbox; the province dashboard's 2026 health-insurance coverage becomes Σ numerators / Σ
// denominators of the approved communes, Thu Lũm's included (not the mean of their rates).
// The province's annual report converts to PDF in LibreOffice with its charts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { formatNumberVi } from '../../src/kernel/i18n.ts';
import {
  closeSuite,
  docxToPdf,
  newPage,
  openSuite,
  pdfPageScreenshot,
  screenshot,
  soffice,
  scrollWidth,
  signIn,
  unlabelledControls,
  type RunningServer,
} from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => ({ server, browser } = await openSuite()));
after(() => closeSuite(server, browser));

const BHYT = 'health_insurance_coverage';
const id = (code: string, field: string) => `#f-${code.replace(/[^a-z0-9]/gi, '-')}--${field}`;
/** Clicks "Lưu nháp" and waits for the server's answer to the save. */
async function saveDraft(page: Page): Promise<void> {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/form')),
    page.getByRole('button', { name: 'Lưu nháp' }).click(),
  ]);
}
/** Opens the form's area holding the indicator (one area is open at a time), as the officer clicks it. */
async function openArea(page: Page, form: FormJson, code: string): Promise<void> {
  const area = form.indicators.find((i) => i.code === code)!.area;
  const button = page.locator(`#area-${area} h2 button`);
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await page
    .locator(
      id(
        code,
        form.indicators.find((i) => i.code === code)!.aggregation === 'sum_ratio' || form.indicators.find((i) => i.code === code)!.kind === 'rate'
          ? 'numerator'
          : 'value',
      ),
    )
    .waitFor();
}
const getJson = <T>(page: Page, url: string): Promise<T> =>
  page.evaluate(`fetch(${JSON.stringify(url)}, { credentials: 'same-origin', headers: { accept: 'application/json' } }).then((r) => r.json())`) as Promise<T>;

interface Kids {
  rows: { code: string; name: string; cells: { value: number | null; numerator: number | null; denominator: number | null }[] }[];
}
interface FormJson {
  indicators: { code: string; aggregation: string; kind: string; source: string; area: string; unit: string; name: string }[];
  values: { indicatorCode: string; disaggregation: string }[];
  issues: { severity: string; indicatorCode: string }[];
}
interface Dvs {
  dataValues: { dataElement: string; value: string; categoryOptionCombo: string }[];
}

/** Σ numerators / Σ denominators of the communes that have a value, and the mean of their rates. */
function sums(k: Kids, except?: string) {
  const cells = k.rows
    .filter((r) => r.code !== except)
    .map((r) => r.cells[0]!)
    .filter((c) => c.numerator !== null && c.denominator);
  const n = cells.reduce((a, c) => a + c.numerator!, 0);
  const d = cells.reduce((a, c) => a + c.denominator!, 0);
  return { n, d, rate: (100 * n) / d, mean: cells.reduce((a, c) => a + (100 * c.numerator!) / c.denominator!, 0) / cells.length, count: cells.length };
}

test('enter on a phone → field error → draft kept → submit → approve → the province rate is Σnum/Σden', async () => {
  // The province before: the approved communes' 2026 figures, Thu Lũm not among them.
  const { context: pc, page: prov } = await newPage(browser, server);
  await signIn(prov, server, 'laichau');
  const kidsUrl = `/api/monitoring/units/12/children?year=2026&indicator=${BHYT}`;
  const before = sums(await getJson<Kids>(prov, kidsUrl));
  assert.ok(before.count >= 5, `approved communes in 2026: ${before.count}`);
  assert.equal((await getJson<Kids>(prov, kidsUrl)).rows.find((r) => r.code === '03439')!.cells[0]!.value, null);
  await prov.goto('/theo-doi?unit=12&year=2026');
  const provRow = prov.locator(`tr[data-indicator="${BHYT}"]`);
  assert.match(await provRow.locator('td').nth(3).innerText(), new RegExp(`^${formatNumberVi(before.rate).replace('.', '\\.')} \\(2026\\)`));

  // The officer, on a 375-pixel phone.
  const { context, page } = await newPage(browser, server, { width: 375, height: 812 });
  await signIn(page, server, 'thulum');
  await page.goto('/theo-doi');
  await page.getByRole('link', { name: 'Nhập số liệu' }).click();
  await page.getByRole('button', { name: 'Gửi báo cáo' }).waitFor();
  assert.match(await page.locator('form.narrow > p').first().innerText(), /Đang nhập.*Hạn báo cáo: 01\/12\/2026/);
  assert.ok((await scrollWidth(page)) <= 375, `no sideways scrolling at 375 px: ${await scrollWidth(page)}`);
  assert.deepEqual(await unlabelledControls(page), []);
  // The registry's figures are on the form already, marked with their source.
  const poor = page.locator('fieldset', { hasText: 'Tỷ lệ hộ nghèo (chuẩn nghèo đa chiều)' });
  assert.match(await poor.locator('.source-note').innerText(), /Từ cơ sở dữ liệu an sinh.*số liệu sổ hộ đến ngày \d{2}\/\d{2}\/2026/);
  assert.notEqual(await page.locator(id('poor_household_rate', 'numerator')).inputValue(), '');

  const form = await getJson<FormJson>(page, '/api/monitoring/units/03439/periods/2026/form');
  // Grouped by area, poverty first, with what is filled per area; units in Vietnamese.
  const summary = page.locator('#form-summary');
  assert.equal(await summary.locator('tbody tr').first().getAttribute('data-area'), 'poverty');
  assert.equal(await summary.locator('tbody tr').count(), new Set(form.indicators.map((i) => i.area)).size);
  assert.match(await summary.locator('tr[data-area="poverty"]').innerText(), /Giảm nghèo\s+đã nhập \d+\/\d+ chỉ tiêu/);
  const counted = form.indicators.find((i) => i.area === 'poverty' && i.unit === 'households');
  if (counted) assert.match(await page.locator('fieldset', { hasText: counted.name }).locator('legend').innerText(), /\(hộ\)$/);
  assert.doesNotMatch(await page.locator('form.narrow').innerText(), /\((households|persons|per_10000|level)\)/);
  await page.evaluate("document.getElementById('form-summary').scrollIntoView()");
  await screenshot(page, 'theo-doi-nhap-linh-vuc.png', false);
  await openArea(page, form, BHYT);
  assert.equal(await page.locator('#area-poverty fieldset').count(), 0, 'one area open at a time');
  const den = (form.values as unknown as { indicatorCode: string; disaggregation: string; denominator: number }[]).find(
    (v) => v.indicatorCode === BHYT && v.disaggregation === '',
  )!.denominator;
  // A numerator above the denominator: the message at the field and in the summary.
  await page.locator(id(BHYT, 'numerator')).fill(String(den + 204));
  await saveDraft(page);
  const fieldError = page.locator(`${id(BHYT, 'numerator')}-error`);
  await fieldError.waitFor();
  assert.match(
    await fieldError.innerText(),
    new RegExp(`tử số \\(${formatNumberVi(den + 204).replace('.', '\\.')}\\) không được lớn hơn mẫu số \\(${formatNumberVi(den).replace('.', '\\.')}\\)`),
  );
  assert.equal(await page.locator(id(BHYT, 'numerator')).getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('.error-summary').innerText(), /không được lớn hơn mẫu số/);
  await fieldError.scrollIntoViewIfNeeded();
  await screenshot(page, 'theo-doi-nhap-loi.png', false);

  // The fix, typed but not saved, survives a reload (kept on the device).
  const fixed = Math.round(den * 0.9);
  await page.locator(id(BHYT, 'numerator')).fill(String(fixed));
  await page.reload();
  await page.getByText('Đã khôi phục bản nháp chưa gửi được từ máy này.').waitFor();
  await openArea(page, form, BHYT);
  assert.equal(await page.locator(id(BHYT, 'numerator')).inputValue(), String(fixed));
  // Offline, saving keeps the draft and says so; back online, saving works.
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await page.getByText(/Mất kết nối: bản nháp được giữ trên máy này/).waitFor();
  await context.setOffline(false);
  await saveDraft(page);
  await page.getByText('Đã lưu.', { exact: true }).waitFor();
  assert.doesNotMatch(await page.locator('form.narrow').innerText(), /không được lớn hơn mẫu số/);
  assert.equal(await page.locator(id(BHYT, 'numerator')).getAttribute('aria-invalid'), null);

  // The rest of the form: last year's figures where the commune has them, a level, a survey rate.
  const dvs = await getJson<Dvs>(page, '/api/monitoring/dataValueSets?orgUnit=03439&period=2025&children=false');
  const last = new Map<string, Record<string, string>>();
  for (const d of dvs.dataValues.filter((x) => x.categoryOptionCombo === 'default')) {
    const [code, part] = d.dataElement.split('.') as [string, string | undefined];
    last.set(code, { ...(last.get(code) ?? {}), [part ?? 'value']: d.value });
  }
  const entered = new Set(form.values.filter((v) => v.disaggregation === '').map((v) => v.indicatorCode));
  for (const ind of form.indicators) {
    if (entered.has(ind.code) || ind.source === 'registry') continue;
    const rate = ind.aggregation === 'sum_ratio' || ind.kind === 'rate';
    const prev = last.get(ind.code) ?? (rate ? { numerator: String(Math.round(den * 0.6)), denominator: String(den) } : { value: '2' });
    await openArea(page, form, ind.code);
    for (const [f, v] of Object.entries(prev)) await page.locator(id(ind.code, f)).fill(v);
  }
  await saveDraft(page);
  // Warnings (a value far from earlier years) go with a comment.
  const saved = await getJson<FormJson>(page, '/api/monitoring/units/03439/periods/2026/form');
  assert.deepEqual(
    saved.issues.filter((i) => i.severity === 'error'),
    [],
  );
  for (const w of new Set(saved.issues.map((i) => i.indicatorCode))) {
    await openArea(page, form, w);
    await page.locator(id(w, 'comment')).fill('Đã kiểm tra lại theo biên bản rà soát năm 2026');
  }
  await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await page.getByText('Đã gửi, chờ duyệt', { exact: true }).waitFor();
  // Locked after submission: the state, not the warnings it was sent with.
  assert.equal(await page.locator('.error-summary').count(), 0);
  await page.getByText('Báo cáo đang chờ duyệt hoặc đã duyệt: không sửa được.').waitFor();
  await context.close();

  // The approver approves from the inbox.
  await prov.goto('/theo-doi');
  await prov.getByRole('link', { name: 'Duyệt báo cáo' }).click();
  const row = prov.locator('tbody tr', { hasText: 'Thu Lũm' });
  await row.getByRole('button', { name: 'Duyệt' }).waitFor();
  assert.match(await prov.locator('body').innerText(), /Hạn báo cáo: 01\/12\/2026/);
  await screenshot(prov, 'theo-doi-duyet.png');
  await row.getByRole('button', { name: 'Duyệt' }).click();
  await row.getByText('Đã duyệt').waitFor();

  // The province dashboard at once: Σ numerators / Σ denominators, Thu Lũm's included.
  const kids = await getJson<Kids>(prov, kidsUrl);
  const mine = kids.rows.find((r) => r.code === '03439')!.cells[0]!;
  assert.equal(mine.numerator, fixed);
  assert.equal(mine.denominator, den);
  const now = sums(kids);
  assert.equal(now.count, before.count + 1);
  assert.equal(now.n, before.n + fixed);
  assert.equal(now.d, before.d + den);
  const expected = (100 * (before.n + fixed)) / (before.d + den);
  assert.notEqual(formatNumberVi(expected), formatNumberVi(before.rate), 'the province value changed');
  assert.notEqual(formatNumberVi(expected), formatNumberVi(now.mean), "the sum of parts, not the mean of the communes' rates");
  await prov.goto('/theo-doi?unit=12&year=2026');
  await provRow.waitFor();
  assert.match(await provRow.locator('td').nth(3).innerText(), new RegExp(`^${formatNumberVi(expected).replace('.', '\\.')} \\(2026\\)`));
  await provRow.locator('button.link-button').click();
  // The chart is the annual report's picture (server SVG), its figures in words and as a table.
  const chart = prov.locator(`.chart[data-indicator="${BHYT}"]`);
  await chart.locator('img').waitFor();
  // The picture arrived and decoded (the test's tsconfig has no DOM types: the page's document is reached through globalThis).
  await prov.waitForFunction(() => {
    const imgs = [
      ...(
        globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<{ complete: boolean; naturalWidth: number }> } }
      ).document.querySelectorAll('.chart img'),
    ];
    return imgs.length >= 2 && imgs.every((i) => i.complete && i.naturalWidth > 0);
  });
  assert.match((await chart.locator('img').getAttribute('alt'))!, /^Diễn biến, dự báo và mục tiêu: .*Số liệu: 2021: \d+(,\d+)?/);
  await chart.getByText('Xem số liệu của biểu đồ dạng bảng').click();
  const years = await chart.locator('tbody th[scope=row]').allInnerTexts();
  assert.deepEqual(years, [...new Set(years)], 'one row a year');
  assert.ok(years.includes('2026') && years.includes('2030'), years.join(', '));
  assert.ok(
    (await chart.locator('tbody td').allInnerTexts()).every((x) => !/^-0$|\d\.\d/.test(x)),
    'decimal comma, no -0',
  );
  await screenshot(prov, 'theo-doi-tinh.png');
  await pc.close();
});

test('the province annual report (.docx) opens in LibreOffice with its charts', async (t) => {
  if (!soffice()) {
    t.skip('LibreOffice (soffice) is not installed: apt-get install -y libreoffice-writer-nogui');
    return;
  }
  const { context, page } = await newPage(browser, server);
  await signIn(page, server, 'laichau');
  await page.goto('/theo-doi?unit=12&year=2025');
  const link = page.getByRole('link', { name: 'Tải báo cáo năm (.docx)' });
  await link.waitFor();
  const href = (await link.getAttribute('href'))!;
  const b64 = (await page.evaluate(
    `fetch(${JSON.stringify(href)}, { credentials: 'same-origin' }).then((r) => r.arrayBuffer()).then((b) => { let s = ''; const u = new Uint8Array(b); for (let i = 0; i < u.length; i++) s += String.fromCharCode(u[i]); return btoa(s); })`,
  )) as string;
  await context.close();
  const dir = mkdtempSync(join(tmpdir(), 'ansinh-report-'));
  try {
    const docx = join(dir, 'bao-cao.docx');
    writeFileSync(docx, Buffer.from(b64, 'base64'));
    const pdf = docxToPdf(docx);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    assert.match(text, /III\. DIỄN BIẾN VÀ DỰ BÁO CÁC CHỈ TIÊU/);
    assert.match(text, /Biểu đồ 1\. /);
    // The page that carries "Biểu đồ 1", rendered for the user guide.
    const pages = text.split('\f');
    const at = pages.findIndex((p) => /Biểu đồ 1\. /.test(p)) + 1;
    assert.ok(at > 0);
    const images = execFileSync('pdfimages', ['-list', '-f', String(at), '-l', String(at), pdf], { encoding: 'utf8' });
    assert.ok(
      images
        .split('\n')
        .slice(2)
        .filter((l) => l.trim()).length >= 1,
      images,
    );
    pdfPageScreenshot(pdf, at, 'bao-cao-bieu-do', 70);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
