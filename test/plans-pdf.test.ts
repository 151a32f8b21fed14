// Plans from PDFs and scans (issue 11 What to build 6): a text PDF gives the targets of the same
// document as text; a scanned PDF (no text layer) is read by tesseract and gives them within the
// OCR's errors; bad PDFs (a binary renamed .pdf, an empty file, a password, a page count or a
// stream that would take the server down) get a clear Vietnamese problem and save nothing.
// Fixtures: test/fixtures/pdf, made by scripts/make-plan-pdfs.ts from DEV-half corpus documents.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { testApp } from './helpers/app.ts';
import { formData } from './helpers/form.ts';
import { blankPdf, imagePdf } from './helpers/image-pdf.ts';
import { createTestUser, sessionHeaders } from '../src/access/testing.ts';
import { extractPlan } from '../src/plans/extract/index.ts';
import { readPlan } from '../src/plans/read.ts';
import { LimitError } from '../src/kernel/errors.ts';
import { ocrAvailable, OCR_LIMITS } from '../src/kernel/ocr.ts';
import { parseCorpusText } from '../scripts/plan-score.ts';

const fixture = (f: string) => readFileSync(new URL(`./fixtures/pdf/${f}`, import.meta.url));
const corpusText = (f: string) => parseCorpusText(readFileSync(new URL(`./fixtures/corpus/${f}.txt`, import.meta.url), 'utf8')).text;
const key = (t: { indicatorCode: string | null; indicatorName: string; comparator: string; value: number; year: number | null }) =>
  `${t.indicatorCode ?? t.indicatorName}|${t.comparator}|${t.value}|${t.year}`;
/** Same number, comparator and year, and the same catalogue indicator (an unmapped one is matched on its figures only: OCR misreads a letter of a name). */
const figures = (t: Parameters<typeof key>[0]) => `${t.indicatorCode ?? '?'}|${t.comparator}|${t.value}|${t.year}`;

// Dev half only (test/fixtures/corpus/split.json), and the Thu Lũm shared plan.
const DOCS = [
  'plan/cam-ranh-city-elderly-health-plan-2030',
  'plan/tam-phuoc-commune-socioeconomic-plan-2022',
  'resolution/nhu-xuan-district-party-congress-2020',
  'resolution/phu-tho-province-hdnd-socioeconomic-2023',
  'programme/national-first-1000-days-nutrition-programme-2025-2030',
];

const hasOcr = await ocrAvailable();
let t: Awaited<ReturnType<typeof testApp>>;
let officer: Record<string, string>;

async function upload(name: string, content: Uint8Array, type = 'application/pdf') {
  const f = await formData({ file: { name, content, type } });
  return t.app.inject({ method: 'POST', url: '/api/plans/extract?unit=03439', headers: { ...officer, 'content-type': f.contentType }, payload: f.payload });
}
const countPlans = async () =>
  Number(
    (
      await t.db.k
        .selectFrom('plans')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

before(async () => {
  t = await testApp();
  officer = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'can-bo-pdf', role: 'officer', unitCode: '03439' }));
});
after(async () => {
  await t.close();
});

test('a text PDF gives exactly the targets and particulars of the same document as text (5 dev-half documents and Thu Lũm)', async () => {
  const docs = [
    ...DOCS.map((d) => ({ name: d.split('/')[1]!, text: corpusText(d) })),
    { name: 'thu-lum-commune-2026-152-KH-DU', text: readFileSync(new URL('../reference/plans/thu-lum-commune-2026-152-KH-DU.txt', import.meta.url), 'utf8') },
  ];
  for (const d of docs) {
    const r = await readPlan({ bytes: fixture(`${d.name}.pdf`), fileName: `${d.name}.pdf` }, '/body/file');
    assert.ok(r.ok, d.name);
    assert.equal(r.reading.method, 'pdf');
    const fromText = extractPlan(d.text);
    assert.deepEqual(r.extraction.targets.map(key).sort(), fromText.targets.map(key).sort(), d.name);
    // The document's particulars too (152-KH/ĐU: number, date 05/06/2026, kind, title).
    for (const f of ['kind', 'number', 'date', 'title'] as const) assert.equal(r.extraction.plan[f], fromText.plan[f], `${d.name} ${f}`);
    for (const x of r.extraction.targets) assert.equal(r.text.slice(x.start, x.end), x.sourceText);
  }
});

test(
  "a scanned PDF is read by OCR: the same targets as the text within the OCR's errors (Cam Ranh 14/14, Phú Thọ 20/20 figures)",
  { skip: !hasOcr && 'tesseract-ocr with tesseract-ocr-vie is not installed' },
  async () => {
    for (const d of ['plan/cam-ranh-city-elderly-health-plan-2030', 'resolution/phu-tho-province-hdnd-socioeconomic-2023']) {
      const name = d.split('/')[1]!;
      const r = await readPlan({ bytes: fixture(`${name}.scan.pdf`), fileName: `${name}.scan.pdf` }, '/body/file');
      assert.ok(r.ok, name);
      assert.equal(r.reading.method, 'ocr');
      assert.equal(r.reading.method === 'ocr' && r.reading.pages, 1);
      const want = extractPlan(corpusText(d)).targets.map(figures).sort();
      const got = r.extraction.targets.map(figures).sort();
      // Every figure of the text is found in the scan, and nothing else.
      assert.deepEqual(got, want, name);
    }
  },
);

test('scans are read one at a time: two read at once take as long as one after the other', { skip: !hasOcr && 'no tesseract' }, async () => {
  const bytes = fixture('tam-phuoc-commune-socioeconomic-plan-2022.scan.pdf');
  const t0 = performance.now();
  const [a, b] = await Promise.all([readPlan({ bytes, fileName: 'a.pdf' }, '/body/file'), readPlan({ bytes, fileName: 'b.pdf' }, '/body/file')]);
  const wall = performance.now() - t0;
  assert.ok(a.ok && b.ok && a.reading.method === 'ocr' && b.reading.method === 'ocr');
  // Each one's own reading time (not its wait) adds up: they did not run side by side.
  assert.ok(wall >= a.reading.ms + b.reading.ms - 100, `wall ${Math.round(wall)} ms, readings ${a.reading.ms} + ${b.reading.ms} ms`);
});

test('POST /api/plans/extract takes a PDF (reading "pdf" with its pages) and a scan (reading "ocr"); nothing is saved', async () => {
  const before = await countPlans();
  const r = await upload('ke-hoach-tam-phuoc.pdf', fixture('tam-phuoc-commune-socioeconomic-plan-2022.pdf'));
  assert.equal(r.statusCode, 200, r.body);
  assert.deepEqual(r.json().reading, { method: 'pdf', pages: 1 });
  assert.equal(r.json().targets.length, extractPlan(corpusText('plan/tam-phuoc-commune-socioeconomic-plan-2022')).targets.length);
  if (hasOcr) {
    const s = await upload('ke-hoach-tam-phuoc-quet.pdf', fixture('tam-phuoc-commune-socioeconomic-plan-2022.scan.pdf'));
    assert.equal(s.statusCode, 200, s.body);
    assert.equal(s.json().reading.method, 'ocr');
    assert.ok(s.json().targets.length >= 15, String(s.json().targets.length));
  }
  assert.equal(await countPlans(), before);
});

test('bad PDFs: a binary renamed .pdf 415, an empty file 415, a password-protected PDF 422, each with a Vietnamese message on /body/file', async () => {
  const before = await countPlans();
  const exe = await upload('ke-hoach.pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00 this program cannot be run in DOS mode', 'latin1'));
  assert.equal(exe.statusCode, 415, exe.body);
  assert.match(exe.json().errors[0].message, /không phải tệp PDF/);
  assert.equal(exe.json().errors[0].path, '/body/file');
  const empty = await upload('trong.pdf', new Uint8Array(0));
  assert.ok([400, 415].includes(empty.statusCode), empty.body);
  const locked = await upload('mat-khau.pdf', fixture('mat-khau.pdf'));
  assert.equal(locked.statusCode, 422, locked.body);
  assert.equal(locked.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.match(locked.json().detail, /có mật khẩu/);
  assert.equal(locked.json().errors[0].path, '/body/file');
  const png = await upload('anh.png', Buffer.from('not an image'), 'image/png');
  assert.equal(png.statusCode, 415, png.body);
  assert.equal(await countPlans(), before);
});

test('a PDF of 501 pages is refused at once (413 "pdf_pages"), before any page is read', async () => {
  const t0 = performance.now();
  const r = await upload('qua-nhieu-trang.pdf', blankPdf(501));
  assert.equal(r.statusCode, 413, r.body);
  assert.equal(r.json().limit, 'pdf_pages');
  assert.match(r.json().detail, /501 trang, tối đa 500 trang/);
  assert.ok(performance.now() - t0 < 10_000);
});

test('a PDF whose content stream inflates to 100 MB (from 100 KB) is refused before pdf.js sees it (413 "pdf_stream_size"); the next file is read', async () => {
  const stream = deflateSync(Buffer.alloc(100 * 1024 * 1024, 0x20), { level: 9 });
  const head = `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Count 1 /Kids [3 0 R] >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj\n4 0 obj << /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`;
  const pdf = Buffer.concat([Buffer.from(head, 'latin1'), stream, Buffer.from('\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1')]);
  const t0 = performance.now();
  const r = await upload('bom.pdf', pdf);
  assert.equal(r.statusCode, 413, r.body);
  assert.equal(r.json().limit, 'pdf_stream_size');
  assert.match(r.json().detail, /giải nén quá lớn: hơn 64 MB/);
  assert.ok(performance.now() - t0 < 10_000);
  const ok = await readPlan({ bytes: fixture('tam-phuoc-commune-socioeconomic-plan-2022.pdf'), fileName: 'x.pdf' }, '/body/file');
  assert.ok(ok.ok);
});

test(
  `a scan of more than ${OCR_LIMITS.maxPages} pages is refused before OCR (413 "ocr_pages"); an image claiming 100,000 × 100,000 pixels 413 "image_pixels"`,
  { skip: !hasOcr && 'no tesseract' },
  async () => {
    const scan = fixture('tam-phuoc-commune-socioeconomic-plan-2022.scan.pdf');
    const i = scan.indexOf(Buffer.from([0xff, 0xd8, 0xff]));
    const jpeg = scan.subarray(i, scan.indexOf(Buffer.from('\nendstream'), i));
    const t0 = performance.now();
    await assert.rejects(
      readPlan({ bytes: imagePdf(Array(OCR_LIMITS.maxPages + 1).fill(jpeg)), fileName: 'quet.pdf' }, '/body/file'),
      (e: unknown) => e instanceof LimitError && e.limit === 'ocr_pages',
    );
    assert.ok(performance.now() - t0 < 10_000);
    // A PNG header (IHDR) of 100,000 × 100,000 pixels: refused from the header, tesseract never runs.
    const png = Buffer.alloc(64);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(png);
    png.writeUInt32BE(100_000, 16);
    png.writeUInt32BE(100_000, 20);
    const r = await upload('anh-quet.png', png, 'image/png');
    assert.equal(r.statusCode, 413, r.body);
    assert.equal(r.json().limit, 'image_pixels');
  },
);

test('without tesseract, a scan gets 422 "ocr-unavailable" naming the packages to install', async () => {
  const was = process.env.ANSINH_TESSERACT;
  process.env.ANSINH_TESSERACT = '/nonexistent/tesseract';
  try {
    const r = await upload('quet.pdf', fixture('tam-phuoc-commune-socioeconomic-plan-2022.scan.pdf'));
    assert.equal(r.statusCode, 422, r.body);
    assert.match(r.json().type, /ocr-unavailable/);
    assert.match(r.json().detail, /tesseract-ocr-vie/);
    assert.match(r.json().detail, /bản quét/);
    // A PDF with a text layer does not need it.
    const ok = await upload('ke-hoach.pdf', fixture('tam-phuoc-commune-socioeconomic-plan-2022.pdf'));
    assert.equal(ok.statusCode, 200);
  } finally {
    if (was === undefined) delete process.env.ANSINH_TESSERACT;
    else process.env.ANSINH_TESSERACT = was;
  }
});
