// Browser test harness: starts the real server (`node bin/ansinh.js serve`) on a free port with
// a throw-away data folder, so the demo loads as on a first start, and drives Debian's Chromium
// through playwright-core (never a downloaded browser). It builds nothing: run
// `npm run build:web` first (CI does). Screenshots go to docs/screenshots/ for the user guide.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const root = new URL('../..', import.meta.url).pathname;
export const screenshotsDir = join(root, 'docs', 'screenshots');
export const chromiumPath = process.env.ANSINH_CHROMIUM ?? '/usr/bin/chromium';

/** The demo logins the access feature creates; the server's start-up banner overrides them. */
export const demoPasswords: Record<string, string> = {
  thulum: 'ThuLum@2026',
  chutich: 'ChuTich@2026',
  laichau: 'LaiChau@2026',
  giamsat: 'GiamSat@2026',
  admin: 'Admin@2026',
  hoangphu: 'HoangPhu@2026',
};

export interface RunningServer {
  readonly url: string;
  /** Demo logins printed by the server at start-up (username → password). */
  readonly logins: Record<string, string>;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `ansinh serve` with PORT=0 and waits for the address it prints. With
 * ANSINH_BROWSER_URL set, uses that already running server instead (e.g. `npm start`).
 */
export async function startServer(timeoutMs = 240_000): Promise<RunningServer> {
  const external = process.env.ANSINH_BROWSER_URL;
  if (external) return { url: external.replace(/\/$/, ''), logins: { ...demoPasswords }, output: () => '', stop: async () => {} };
  if (!existsSync(join(root, 'web', 'dist', 'index.html'))) {
    throw new Error('web/dist is missing: run "npm run build:web" before the browser tests');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'ansinh-browser-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', ANSINH_DATA_DIR: dataDir, DATABASE_URL: '' };
  delete env.NODE_ENV; // behave as a user's first `npm start`, not as a unit test
  env.ANSINH_STRICT_RESPONSES = '1'; // but an answer its response schema would cut is a 500 (src/kernel/contract.ts)
  const child = spawn(process.execPath, [join(root, 'bin', 'ansinh.js'), 'serve'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const check = () => {
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace('//localhost', '//127.0.0.1'));
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it was ready:\n${out}`));
    });
  });

  const logins = { ...demoPasswords };
  const banner = out.split(/demo logins:\n/)[1] ?? '';
  for (const line of banner.split('\n')) {
    const m = /^\s{2}(\S+)\s+(\S+)\s+\S/.exec(line);
    if (m) logins[m[1]!] = m[2]!;
  }
  return {
    url,
    logins,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(t);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser profile (no cookies, no localStorage) on the server, Vietnamese by default. */
export async function newPage(
  browser: Browser,
  server: RunningServer,
  opts: { width?: number; height?: number } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: server.url,
    locale: 'vi-VN',
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/**
 * Records what a visitor would see go wrong on a page: console errors and responses of 400 or
 * more (a 401 from asking the server who is signed in, when nobody is, counts).
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
  });
  page.on('requestfailed', (r) => problems.push(`failed ${r.method()} ${new URL(r.url()).pathname}: ${r.failure()?.errorText ?? ''}`));
  return problems;
}

/** Signs in through the form as a user would; returns when the sign-in page is gone. */
export async function signIn(page: Page, server: RunningServer, username: string, password = server.logins[username] ?? ''): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
}

/** Signs the admin in; enrols TOTP first when the account must (mustEnrollTotp). */
export async function signInAdmin(page: Page, server: RunningServer): Promise<boolean> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu', { exact: true }).fill(server.logins.admin!);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const asked = page.getByLabel('Mã xác thực');
  await Promise.race([asked.waitFor(), page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'))]);
  if (await asked.count()) {
    const secret = adminTotpSecret(server);
    if (!secret) return false;
    await asked.fill(await freshTotp(secret));
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
  }
  // An administrator without TOTP yet is asked to enrol first (issue 3: required for admins).
  await page.locator('main h1').waitFor();
  if (await page.getByText('Tài khoản của bạn phải bật xác thực hai bước').count()) {
    await page.goto('/tai-khoan');
    await page.getByRole('button', { name: 'Thiết lập xác thực hai bước' }).click();
    const secret = (await page.locator('#totp-secret').innerText()).trim();
    await page.getByLabel('Mã 6 chữ số từ ứng dụng').fill(await freshTotp(secret));
    await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
    await page.getByText('Đã bật xác thực hai bước.').waitFor();
  }
  return true;
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(screenshotsDir, { recursive: true });
  const path = join(screenshotsDir, name);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Form controls without an accessible label (should be none). */
export async function unlabelledControls(page: Page): Promise<string[]> {
  return page.$$eval('input:not([type=hidden]), select, textarea', (els) =>
    els
      .filter((el) => {
        const e = el as unknown as { labels?: ArrayLike<unknown> | null; getAttribute(n: string): string | null };
        return (e.labels?.length ?? 0) === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby');
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

/** The focused element (id, text, classes): what a keyboard user is on. */
export async function focused(page: Page): Promise<{ id: string; text: string; classes: string[] }> {
  // A string expression: the test code is type-checked without the DOM library.
  return page.evaluate(
    `(() => { const e = document.activeElement; return { id: e?.id ?? '', text: (e?.textContent ?? '').trim(), classes: [...(e?.classList ?? [])] }; })()`,
  );
}

/** The page's full width, to catch sideways scrolling on small screens. */
export async function scrollWidth(page: Page): Promise<number> {
  return page.evaluate('document.documentElement.scrollWidth');
}

/**
 * The demo administrator's TOTP secret, when known: ANSINH_ADMIN_TOTP_SECRET, or a base32
 * secret the server printed at start-up next to "admin" / "TOTP".
 */
export function adminTotpSecret(server: RunningServer): string | null {
  if (process.env.ANSINH_ADMIN_TOTP_SECRET) return process.env.ANSINH_ADMIN_TOTP_SECRET;
  const m = /(?:TOTP|otpauth)[^\n]*?(?:secret[=:]\s*|\s)([A-Z2-7]{16,})/i.exec(server.output());
  return m ? m[1]! : null;
}

/** Waits until a new 30-second TOTP step starts when `used` is the current code (no replay). */
export async function freshTotp(secret: string, used: string | null = null): Promise<string> {
  const { generateSync } = await import('otplib');
  let code = generateSync({ secret });
  while (code === used) {
    await new Promise((r) => setTimeout(r, 1000));
    code = generateSync({ secret });
  }
  return code;
}

/** The usual set-up of a browser test file: a fresh server with the demo, and Chromium. */
export async function openSuite(): Promise<{ server: RunningServer; browser: Browser }> {
  const server = await startServer();
  return { server, browser: await launchBrowser() };
}

export async function closeSuite(server: RunningServer | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await server?.stop();
}

/** The LibreOffice binary, when installed (CI installs it; tests skip with a reason otherwise). */
export function soffice(): string | null {
  for (const p of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice']) if (existsSync(p)) return p;
  return null;
}

/**
 * Converts `docx` to PDF beside it with LibreOffice, in a profile of its own (parallel runs do not
 * share and lock one profile); returns the PDF's path. Throws with LibreOffice's output on failure.
 */
export function docxToPdf(docx: string): string {
  const bin = soffice();
  if (!bin) throw new Error('LibreOffice (soffice) is not installed: apt-get install -y libreoffice-writer-nogui');
  const dir = join(docx, '..');
  const r = spawnSync(bin, [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  const pdf = docx.replace(/\.docx$/, '.pdf');
  if (r.status !== 0 || !existsSync(pdf)) throw new Error(`soffice failed (${r.status}): ${r.stderr}${r.stdout}`);
  return pdf;
}

/** Renders one page of a PDF to docs/screenshots/NAME.png for the user guide. */
export function pdfPageScreenshot(pdf: string, page: number, name: string, dpi = 80): void {
  mkdirSync(screenshotsDir, { recursive: true });
  const r = spawnSync(
    'pdftoppm',
    ['-f', String(page), '-l', String(page), '-r', String(dpi), '-png', '-singlefile', pdf, join(screenshotsDir, name.replace(/\.png$/, ''))],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
}
