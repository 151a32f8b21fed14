// The home as a work list (issue 15 item 1), signed in as each demo role: what each has to do,
// with its count and a dd/mm/yyyy date, each item linking to the page where the work is done,
// without a console error or a failed request. Screenshots for docs/guide/trang-chu.md.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { closeSuite, newPage, openSuite, screenshot, signIn, signInAdmin, watchProblems, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => ({ server, browser } = await openSuite()));
after(() => closeSuite(server, browser));

const dmy = /\b\d{2}\/\d{2}\/\d{4}\b/;

async function home(page: Page): Promise<Record<string, { text: string; href: string }>> {
  await page.goto('/');
  await page.locator('#work-title').waitFor();
  await page.locator('#work-list, #work-empty').first().waitFor();
  const items: Record<string, { text: string; href: string }> = {};
  for (const li of await page.locator('#work-list > li').all()) {
    items[(await li.getAttribute('data-kind'))!] = { text: await li.innerText(), href: (await li.locator('a').first().getAttribute('href'))! };
  }
  return items;
}

/** Follows an item's link as a user would and waits for the page it opens. */
async function follow(page: Page, kind: string, path: RegExp, heading: string): Promise<void> {
  await page.goto('/');
  await page.locator(`#work-list > li[data-kind="${kind}"] a`).first().click();
  await page.waitForURL((u) => path.test(u.pathname + u.search));
  await page.locator('main h1', { hasText: heading }).waitFor();
}

const roles = [
  {
    user: 'thulum',
    role: 'officer',
    shot: 'trang-chu-officer.png',
    expect: { report_due: /Báo cáo kết quả năm \d{4} chưa gửi/ } as Record<string, RegExp>,
    follow: ['report_due', /^\/theo-doi\?view=form&unit=03439&year=\d{4}$/, 'Theo dõi chỉ tiêu'] as const,
    absent: ['decisions_to_sign', 'payroll_to_approve', 'reports_to_review'],
  },
  {
    user: 'chutich',
    role: 'leader',
    shot: 'trang-chu-leader.png',
    expect: {
      decisions_to_sign: /đề xuất hưởng, điều chỉnh, thôi hưởng trợ cấp chờ bạn quyết định/,
      payroll_to_approve: /danh sách chi trả chờ bạn duyệt \(tháng 11\/2026\)/,
    } as Record<string, RegExp>,
    follow: ['payroll_to_approve', /^\/doi-tuong-chi-tra\?unit=03439$/, 'Đối tượng & chi trả'] as const,
    absent: ['report_due', 'import_ready', 'reports_to_review'],
  },
  {
    user: 'laichau',
    role: 'approver',
    shot: 'trang-chu-approver.png',
    expect: { reports_to_review: /báo cáo năm \d{4} của các xã đã gửi, chờ bạn xem xét/ } as Record<string, RegExp>,
    follow: ['reports_to_review', /^\/theo-doi\?view=inbox&unit=12&year=\d{4}$/, 'Theo dõi chỉ tiêu'] as const,
    absent: ['decisions_to_sign', 'report_due'],
  },
  {
    user: 'giamsat',
    role: 'supervisor',
    shot: 'trang-chu-supervisor.png',
    expect: { targets_off_track: /chỉ tiêu chậm tiến độ hoặc có nguy cơ không đạt mục tiêu/ } as Record<string, RegExp>,
    follow: ['targets_off_track', /^\/theo-doi\?unit=12&year=\d{4}$/, 'Theo dõi chỉ tiêu'] as const,
    absent: ['reports_to_review', 'decisions_to_sign', 'report_due', 'payroll_to_approve'],
  },
];

for (const r of roles) {
  test(`${r.user} (${r.role}): the home lists the role's work, each item linking to where it is done`, async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, server, r.user);
    const problems = watchProblems(page);
    const items = await home(page);
    for (const [kind, text] of Object.entries(r.expect)) {
      assert.ok(items[kind], `${kind} on ${r.user}'s home: ${JSON.stringify(items)}`);
      assert.match(items[kind]!.text, text);
    }
    for (const kind of r.absent) assert.equal(items[kind], undefined, `${kind} is not ${r.user}'s work`);
    // Counts and dates as people write them.
    for (const [kind, it] of Object.entries(items)) {
      assert.doesNotMatch(it.text, /\d{4}-\d{2}-\d{2}|undefined|NaN|\{/, `${kind}: ${it.text}`);
      if (/hạn|từ|sớm nhất/.test(it.text)) assert.match(it.text, dmy, `${kind}: ${it.text}`);
    }
    // The overview's cards give the unit's figures, not "nothing yet" (the demo has plans, values and a registry).
    const card = (key: string) => page.locator(`section[aria-labelledby="card-${key}"]`);
    await card('plans')
      .getByText(/\d+ kế hoạch của đơn vị với \d+ chỉ tiêu/)
      .waitFor();
    await card('monitoring')
      .getByText(/Năm \d{4}, \d+ chỉ tiêu: \d+ đã đạt/)
      .waitFor();
    await card('registry')
      .getByText(r.role === 'officer' || r.role === 'leader' ? /Tỷ lệ hộ nghèo: \d+(,\d)?%/ : /do từng xã quản lý/)
      .waitFor();
    assert.equal(await page.getByText(/Chưa có kế hoạch nào|Chưa có số liệu chỉ tiêu|Chưa có dữ liệu đối tượng/).count(), 0);
    await screenshot(page, r.shot, false);
    const [kind, path, heading] = r.follow;
    await follow(page, kind, path, heading);
    await context.close();
    assert.deepEqual(
      problems.filter((p) => !/net::ERR_ABORTED/.test(p)),
      [],
    );
  });
}

test('the administrator of the whole country is told to pick a unit, with no work list of his own', async () => {
  const { context, page } = await newPage(browser, server);
  assert.ok(await signInAdmin(page, server));
  const problems = watchProblems(page);
  assert.deepEqual(await home(page), {});
  await page.getByText('Vai trò của bạn ở phạm vi toàn quốc nên không có danh sách việc riêng').waitFor();
  await context.close();
  assert.deepEqual(problems, []);
});
