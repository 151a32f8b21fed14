// Upload bombs against a real server of one checkout (issue 18): starts `ansinh serve` of ROOT on
// PORT with a throw-away data folder, signs in an officer of Thu Lũm, sends each bomb and reports
// its answer, the server's RSS before and at peak (sampled every 100 ms) and the latency of
// /api/health polled every 100 ms during the attack (p50/p95/max, failures; 5 s timeout).
//   node bench/upload-attack.mjs ROOT PORT bomb...
//   bombs: docx2m zeros1g digits200k digits1m text1m csv1m   (csv1m: 1,000,001 rows, 38 MB)
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
const [root, port, ...bombs] = process.argv.slice(2);
const require = createRequire(root + '/package.json');
const JSZip = require('jszip');
const data = `/tmp/uploads-attack-${port}`;
rmSync(data, { recursive: true, force: true });
mkdirSync(data);
const env = { ...process.env, ANSINH_DATA_DIR: data, PORT: port, NODE_ENV: 'production' };
execFileSync(
  process.execPath,
  [root + '/bin/ansinh.js', 'users', 'create', '--username', 'bom', '--password', 'Bom@2026-Thu-Lum', '--role', 'officer', '--unit', '03439'],
  { env, stdio: 'ignore' },
);
const srv = spawn(process.execPath, [root + '/bin/ansinh.js', 'serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
srv.stderr.on('data', (d) => {
  stderr += d;
});
const base = `http://127.0.0.1:${port}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
for (let i = 0; ; i++) {
  try {
    if ((await fetch(base + '/api/health')).ok) break;
  } catch {}
  if (i > 600) throw new Error('no server');
  await sleep(200);
}
const s = await fetch(base + '/api/session', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'bom', password: 'Bom@2026-Thu-Lum' }),
});
const cookie = s.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
const csrf = (await s.json()).csrfToken;
const rss = () => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${srv.pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return NaN;
  }
};
const docx = async (doc, extra = {}) => {
  const z = new JSZip();
  z.file('[Content_Types].xml', '<Types/>');
  z.file('word/document.xml', doc);
  for (const [k, v] of Object.entries(extra)) z.file(k, v);
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
};
const W = (b) => `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${b}</w:body></w:document>`;
const makers = {
  docx2m: async () => ({ file: await docx(W('<w:p><w:r><w:t>a</w:t></w:r></w:p>'.repeat(2_000_000))), name: 'bom.docx', url: '/api/plans/extract?unit=03439' }),
  zeros1g: async () => ({
    file: await docx(W('<w:p/>'), { 'word/media/zeros.bin': new Uint8Array(1024 * 1024 * 1024) }),
    name: 'zeros.docx',
    url: '/api/plans/extract?unit=03439',
  }),
  text1m: async () => ({
    json: {
      text:
        'KẾ HOẠCH\n\nII. MỤC TIÊU\n\n' +
        '- Tỷ lệ hộ nghèo giảm bình quân trên 3%/năm; trên 95% dân số tham gia BHYT; 100% trẻ em dưới 6 tuổi được cấp thẻ BHYT.\n'
          .repeat(8000)
          .slice(0, 999_000),
    },
    url: '/api/plans/extract?unit=03439',
  }),
  digits200k: async () => ({ json: { text: '1234567890'.repeat(20_000) }, url: '/api/plans/extract?unit=03439' }),
  digits1m: async () => ({ json: { text: '1234567890'.repeat(99_990) }, url: '/api/plans/extract?unit=03439' }),
  csv1m: async () => ({
    file: Buffer.from('Mã hộ,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Quan hệ với chủ hộ,Địa chỉ\n' + 'H1,A,01/01/1990,Nam,Kinh,Chủ hộ,x\n'.repeat(1_000_001)),
    name: 'lon.csv',
    url: '/api/registry/units/03439/imports',
  }),
};
const q = (xs, p) => {
  const a = [...xs].sort((x, y) => x - y);
  return a.length ? a[Math.min(a.length - 1, Math.floor(p * a.length))] : NaN;
};
for (const b of bombs) {
  const m = await makers[b]();
  const before = rss();
  let peak = before;
  let running = true;
  const lat = [];
  let fails = 0;
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, rss() || 0);
      await sleep(100);
    }
  })();
  const prober = (async () => {
    while (running) {
      const t0 = performance.now();
      try {
        const r = await fetch(base + '/api/health', { signal: AbortSignal.timeout(5000) });
        if (!r.ok) fails++;
        await r.arrayBuffer();
        lat.push(performance.now() - t0);
      } catch {
        fails++;
        lat.push(5000);
      }
      await sleep(100);
    }
  })();
  const t0 = performance.now();
  let status, body;
  try {
    let init;
    if (m.json) init = { method: 'POST', headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' }, body: JSON.stringify(m.json) };
    else {
      const fd = new FormData();
      fd.append('file', new Blob([m.file]), m.name);
      init = { method: 'POST', headers: { cookie, 'x-csrf-token': csrf }, body: fd };
    }
    const r = await fetch(base + m.url, { ...init, signal: AbortSignal.timeout(600_000) });
    status = r.status;
    body = (await r.text()).slice(0, 220);
  } catch (e) {
    status = 'ERR';
    body = String(e.cause?.code ?? e.message);
  }
  const ms = performance.now() - t0;
  await sleep(500);
  running = false;
  await sampler;
  await prober;
  const alive = srv.exitCode === null;
  console.log(
    JSON.stringify({
      bomb: b,
      size: m.file ? m.file.length : JSON.stringify(m.json).length,
      status,
      seconds: +(ms / 1000).toFixed(1),
      rssBeforeMb: Math.round(before),
      rssPeakMb: Math.round(peak),
      health: { n: lat.length, p50: Math.round(q(lat, 0.5)), p95: Math.round(q(lat, 0.95)), max: Math.round(Math.max(...lat)), failed: fails },
      serverAlive: alive,
      body,
    }),
  );
  if (!alive) {
    console.log('server died:', stderr.slice(-300));
    break;
  }
}
srv.kill('SIGTERM');
