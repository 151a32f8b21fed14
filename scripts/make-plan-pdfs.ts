// node bin/run-ts.js scripts/make-plan-pdfs.ts
// Makes the PDF fixtures of test/fixtures/pdf from corpus documents of the DEV half
// (test/fixtures/corpus/split.json) and the Thu Lũm shared plan: the text as a text PDF, printed
// by LibreOffice from HTML, one paragraph per line (apt libreoffice-writer-nogui: `soffice --convert-to pdf`), and the same PDF as a
// scan: each page rasterised by poppler's pdftoppm (200 dpi, grey JPEG) and put back into a PDF
// that holds only the images (written here: one DCTDecode image per page, no text layer). Run once;
// the outputs are committed (test/plan-pdf.test.ts reads them).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imagePdf } from '../test/helpers/image-pdf.ts';
import { parseCorpusText } from './plan-score.ts';

const ROOT = new URL('..', import.meta.url).pathname;
export const PDF_FIXTURES = [
  'plan/cam-ranh-city-elderly-health-plan-2030',
  'plan/tam-phuoc-commune-socioeconomic-plan-2022',
  'resolution/nhu-xuan-district-party-congress-2020',
  'resolution/phu-tho-province-hdnd-socioeconomic-2023',
  'programme/national-first-1000-days-nutrition-programme-2025-2030',
] as const;

/** The text as a printed document would show it: one paragraph per line of text, in a serif font, markdown markers removed. */
function printable(t: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paras = t
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\*\*/g, '')
    .split(/\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^-{3,}$/.test(l));
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body { font-family: 'Liberation Serif'; font-size: 13pt; } p { margin: 0 0 6pt 0; text-align: justify; text-indent: 1cm; }</style></head><body>${paras.map((p) => `<p>${esc(p)}</p>`).join('\n')}</body></html>`;
}

function make(name: string, text: string, out: string) {
  const dir = mkdtempSync(join(tmpdir(), 'ansinh-pdf-'));
  try {
    writeFileSync(join(dir, `${name}.html`), printable(text));
    execFileSync(
      'soffice',
      ['--headless', '--infilter=HTML (StarWriter)', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', dir, join(dir, `${name}.html`)],
      { stdio: 'ignore' },
    );
    const pdf = readFileSync(join(dir, `${name}.pdf`));
    writeFileSync(join(out, `${name}.pdf`), pdf);
    execFileSync('pdftoppm', ['-r', '200', '-gray', '-jpeg', '-jpegopt', 'quality=60', join(dir, `${name}.pdf`), join(dir, 'page')]);
    const pages = readdirSync(dir)
      .filter((f) => f.startsWith('page'))
      .sort()
      .map((f) => readFileSync(join(dir, f)));
    writeFileSync(join(out, `${name}.scan.pdf`), imagePdf(pages));
    console.log(`${name}: text PDF ${pdf.length} B, scan ${pages.length} page(s)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('make-plan-pdfs.ts')) {
  const out = join(ROOT, 'test/fixtures/pdf');
  for (const f of PDF_FIXTURES) make(f.split('/')[1]!, parseCorpusText(readFileSync(join(ROOT, 'test/fixtures/corpus', `${f}.txt`), 'utf8')).text, out);
  make('thu-lum-commune-2026-152-KH-DU', readFileSync(join(ROOT, 'reference/plans/thu-lum-commune-2026-152-KH-DU.txt'), 'utf8'), out);
}
