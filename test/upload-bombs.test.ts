// Upload bombs (issue 18 High 1, High 3, Low "a zip holding an .exe named .xlsx"): each fails
// its own request with a 413 naming the limit it broke (or a 415 for a file that is not what
// its name says), built here in memory, while /api/health keeps answering during the attack.
// Before: the 2,000,000-paragraph .docx took the server to 4.4 GB and killed it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import JSZip from 'jszip';
import { testApp } from './helpers/app.ts';
import { formData, type FormFields } from './helpers/form.ts';
import { createTestUser, sessionHeaders } from '../src/access/testing.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let commune: Record<string, string>;

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';
const RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const docXml = (body: string) =>
  `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;

/** A .docx (the parts Word needs) whose document.xml holds `paragraphs`. */
async function docx(paragraphs: Iterable<string>, extra: Record<string, Uint8Array | string> = {}): Promise<Buffer> {
  const z = new JSZip();
  z.file('[Content_Types].xml', CONTENT_TYPES);
  z.file('_rels/.rels', RELS);
  z.file('word/document.xml', docXml([...paragraphs].map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('')));
  for (const [k, v] of Object.entries(extra)) z.file(k, v);
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** Sets the uncompressed size that the central directory (and local header) declare for `entry`. */
function claimSize(zip: Buffer, entry: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const name = Buffer.from(entry);
  for (let i = 0; i < out.length - 4; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x02014b50 && out.subarray(i + 46, i + 46 + name.length).equals(name)) out.writeUInt32LE(size, i + 24); // central directory
    if (sig === 0x04034b50 && out.subarray(i + 30, i + 30 + name.length).equals(name)) out.writeUInt32LE(size, i + 22); // local header
  }
  return out;
}

async function upload(fields: FormFields) {
  const f = await formData(fields);
  return t.app.inject({ method: 'POST', url: '/api/plans/extract?unit=03439', headers: { ...commune, 'content-type': f.contentType }, payload: f.payload });
}

/** Runs the request while asking /api/health every 50 ms: the answers it got meanwhile. */
async function duringAttack<R>(attack: () => Promise<R>) {
  let done = false;
  const health: number[] = [];
  const probe = (async () => {
    while (!done) {
      const h = await t.app.inject({ method: 'GET', url: '/api/health' });
      health.push(h.statusCode);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const r = await attack();
  done = true;
  await probe;
  return { r, health };
}

before(async () => {
  t = await testApp();
  commune = await sessionHeaders(t.db, await createTestUser(t.db, { username: 'can-bo-bom', role: 'officer', unitCode: '03439' }));
});
after(async () => {
  await t.close();
});

test('a 257 KB .docx of 2,000,000 paragraphs (90 MB of XML) is refused 413 naming the limit; health answers throughout', async () => {
  const bomb = await docx(Array.from({ length: 2_000_000 }, () => 'a'));
  assert.ok(bomb.length < 3 * 1024 * 1024, `the bomb is small: ${bomb.length} bytes`);
  const { r, health } = await duringAttack(() => upload({ file: { name: 'bom.docx', content: bomb } }));
  assert.equal(r.statusCode, 413, r.body);
  assert.match(r.headers['content-type'] as string, /problem\+json/);
  assert.equal(r.json().limit, 'zip_entry_size');
  assert.match(r.json().detail, /giải nén quá lớn.*tối đa 40 MB/);
  assert.equal(r.json().errors[0].path, '/body/file');
  assert.ok(health.length >= 1 && health.every((s) => s === 200), `health: ${health.join(',')}`);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode, 200);
});

test('a document.xml that claims 1 GiB is refused before inflating; one that inflates past its claim is stopped', async () => {
  const small = await docx(['Kế hoạch', 'Tỷ lệ hộ nghèo dưới 3%.']);
  const huge = await upload({ file: { name: 'gb.docx', content: claimSize(small, 'word/document.xml', 1024 * 1024 * 1024) } });
  assert.equal(huge.statusCode, 413, huge.body);
  assert.equal(huge.json().limit, 'zip_entry_size');
  assert.match(huge.json().detail, /1024 MB, tối đa 40 MB/);
  // 30 MB of zeros (30 KB compressed) declared as 1 KB.
  const zeros = await docx(['x'], { 'word/media/zeros.bin': new Uint8Array(30 * 1024 * 1024) });
  const lying = await upload({ file: { name: 'lie.docx', content: claimSize(zeros, 'word/media/zeros.bin', 1024) } });
  assert.equal(lying.statusCode, 413, lying.body);
  assert.equal(lying.json().limit, 'zip_entry_size');
  // The same zeros declared honestly: a ratio no Office file has.
  const ratio = await upload({ file: { name: 'zeros.docx', content: zeros } });
  assert.equal(ratio.statusCode, 413, ratio.body);
  assert.equal(ratio.json().limit, 'zip_ratio');
});

test('paragraphs and characters of a .docx are bounded (50,000 paragraphs; 1,000,000 characters)', async () => {
  // Random words compress like real text: the paragraph count is the limit that trips.
  const many = await docx(Array.from({ length: 60_000 }, () => randomBytes(9).toString('base64url')));
  const p = await upload({ file: { name: 'doan.docx', content: many } });
  assert.equal(p.statusCode, 413, p.body);
  assert.equal(p.json().limit, 'paragraphs');
  assert.match(p.json().detail, /quá nhiều đoạn: hơn 50\.000 đoạn/);
  const long = await docx(Array.from({ length: 1_100 }, () => randomBytes(750).toString('base64url')));
  const c = await upload({ file: { name: 'dai.docx', content: long } });
  assert.equal(c.statusCode, 413, c.body);
  assert.equal(c.json().limit, 'text_chars');
  assert.match(c.json().detail, /Văn bản quá dài: .* ký tự, tối đa 1\.000\.000 ký tự/);
});

test('pasted text over 1,000,000 characters is too large (413 problem+json naming the limit), as JSON or as a form field; so is a plan saved with such a text', async () => {
  const over = 'Tỷ lệ hộ nghèo giảm 2%. '.repeat(Math.ceil(1_000_001 / 24));
  const check = (
    r: { statusCode: number; headers: Record<string, unknown>; body: string; json(): { limit: string; detail: string; errors: { path: string }[] } },
    path: string,
  ) => {
    assert.equal(r.statusCode, 413, r.body.slice(0, 300));
    assert.match(String(r.headers['content-type']), /^application\/problem\+json/);
    assert.equal(r.json().limit, 'text_chars');
    assert.match(r.json().detail, /Văn bản quá dài: tối đa 1\.000\.000 ký tự/);
    assert.equal(r.json().errors[0]!.path, path);
  };
  check(await t.app.inject({ method: 'POST', url: '/api/plans/extract?unit=03439', headers: commune, payload: { text: over } }), '/body/text');
  check(await upload({ text: over }), '/body/text');
  check(
    await t.app.inject({ method: 'POST', url: '/api/plans', headers: commune, payload: { unitCode: '03439', title: 'Kế hoạch thử', sourceText: over } }),
    '/body/sourceText',
  );
  // A field's own limit is still a 400.
  const short = await t.app.inject({
    method: 'POST',
    url: '/api/plans/extract?unit=03439',
    headers: commune,
    payload: { text: 'x', fileName: 'x'.repeat(201) },
  });
  assert.equal(short.statusCode, 400, short.body);
});

test('a ZIP that is not a Word document (no word/document.xml, or a program inside) is refused 415', async () => {
  const z = new JSZip();
  z.file('setup.exe', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]));
  const exe = await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const r = await upload({ file: { name: 'ke-hoach.docx', content: exe } });
  assert.equal(r.statusCode, 415, r.body);
  assert.match(r.json().detail, /không phải tệp Word \.docx/);
  const withExe = await docx(['Kế hoạch'], { 'word/setup.exe': new Uint8Array([0x4d, 0x5a]) });
  const r2 = await upload({ file: { name: 'ke-hoach.docx', content: withExe } });
  assert.equal(r2.statusCode, 415, r2.body);
  assert.match(r2.json().detail, /setup\.exe/);
});

test('a real .docx still reads (in the worker): its text and targets', async () => {
  const ok = await docx(['KẾ HOẠCH', 'II. MỤC TIÊU', '- Tỷ lệ hộ nghèo giảm bình quân trên 3%/năm.']);
  const r = await upload({ file: { name: 'ke-hoach.docx', content: ok } });
  assert.equal(r.statusCode, 200, r.body);
  assert.match(r.json().text, /Tỷ lệ hộ nghèo/);
  assert.ok(r.json().targets.length >= 1);
});
