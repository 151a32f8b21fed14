// Bounded reading of the ZIP archives users upload (.docx plans, .xlsx imports), BEFORE a
// library that would inflate them whole (mammoth, ExcelJS) sees them: the central directory is
// checked first (entry count, each entry's declared size, the total, the compression ratio of
// large entries, and the Office Open XML parts the type requires), then every entry is inflated
// as a stream and counted, so an entry that inflates past what it declared (yauzl checks that)
// or past the cap stops at once. A 257 KB .docx of 2,000,000 paragraphs (90 MB of XML) or one
// holding 1 GiB of zeros fails here with the limit it broke, having used a few MB.
import yauzl from 'yauzl';
import { text, type Text } from './i18n.ts';

export interface ZipLimits {
  /** Most entries (files) in the archive. */
  readonly maxEntries: number;
  /** Most bytes of one entry once inflated. */
  readonly maxEntryBytes: number;
  /** Most bytes of all entries once inflated. */
  readonly maxTotalBytes: number;
  /** Highest inflated/compressed ratio of an entry larger than 1 MB (real Office files: under 30). */
  readonly maxRatio: number;
}

/** Which limit a file broke: also the `limit` member of the 413 problem. */
export type ZipLimitName = 'zip_entries' | 'zip_entry_size' | 'zip_total_size' | 'zip_ratio';

export type ZipProblem =
  | { readonly kind: 'limit'; readonly limit: ZipLimitName | (string & {}); readonly message: Text }
  | { readonly kind: 'type'; readonly message: Text }
  | { readonly kind: 'unreadable'; readonly message: Text };

export interface ZipEntryInfo {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

const MB = 1024 * 1024;
const mb = (n: number) => `${Math.round(n / MB)} MB`;
const num = (n: number) => n.toLocaleString('vi-VN');

/** The Office Open XML parts a type must hold: a .docx is not merely any ZIP. */
export const OOXML_PARTS = {
  docx: ['[Content_Types].xml', 'word/document.xml'],
  xlsx: ['[Content_Types].xml', 'xl/workbook.xml'],
} as const;

export type OoxmlKind = keyof typeof OOXML_PARTS;

/** Programs and scripts that have no place in an Office document (a renamed archive). */
const EXECUTABLE = /\.(?:exe|dll|com|scr|bat|cmd|ps1|vbs|js|jar|msi|sh|elf|so|dylib|app)$/i;

function limitProblem(limit: ZipLimitName, vi: string, en: string): ZipProblem {
  return { kind: 'limit', limit, message: text(vi, en) };
}

/**
 * Checks an uploaded Office file before anything inflates it: the central directory against the
 * limits and the required parts, then each entry inflated as a stream (nothing kept) against its
 * declared size and the caps. `onData` sees the inflated bytes of the entries it names (to count
 * paragraphs, say) and may answer a problem to stop. Null when the file is fine.
 */
export async function checkOfficeZip(
  buf: Buffer,
  kind: OoxmlKind,
  limits: ZipLimits,
  onData?: { readonly entry: string; chunk(data: Buffer): ZipProblem | null },
): Promise<ZipProblem | null> {
  const what = kind === 'docx' ? text('tệp Word .docx', 'a Word .docx file') : text('tệp Excel .xlsx', 'an Excel .xlsx file');
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false });
  } catch {
    return {
      kind: 'type',
      message: text(`Nội dung tệp không phải ${what.vi} (không đọc được cấu trúc ZIP)`, `The content is not ${what.en} (no readable ZIP structure)`),
    };
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      return limitProblem(
        'zip_entries',
        `Tệp nén có quá nhiều thành phần: ${num(zip.entryCount)}, tối đa ${num(limits.maxEntries)}`,
        `The archive has too many entries: ${zip.entryCount}, at most ${limits.maxEntries}`,
      );
    }
    // 1. The central directory: declared sizes, before inflating anything.
    const entries: yauzl.Entry[] = [];
    let total = 0;
    for await (const e of zip.eachEntry()) {
      entries.push(e);
      if (EXECUTABLE.test(e.fileName)) {
        return {
          kind: 'type',
          message: text(
            `Nội dung tệp không phải ${what.vi}: có chương trình "${e.fileName}" bên trong`,
            `The content is not ${what.en}: it holds a program "${e.fileName}"`,
          ),
        };
      }
      if (e.uncompressedSize > limits.maxEntryBytes) {
        return limitProblem(
          'zip_entry_size',
          `Tệp giải nén quá lớn: thành phần "${e.fileName}" ${mb(e.uncompressedSize)}, tối đa ${mb(limits.maxEntryBytes)}`,
          `The file inflates too large: entry "${e.fileName}" ${mb(e.uncompressedSize)}, at most ${mb(limits.maxEntryBytes)}`,
        );
      }
      total += e.uncompressedSize;
      if (total > limits.maxTotalBytes) {
        return limitProblem(
          'zip_total_size',
          `Tệp giải nén quá lớn: hơn ${mb(limits.maxTotalBytes)}`,
          `The file inflates too large: more than ${mb(limits.maxTotalBytes)}`,
        );
      }
      if (e.uncompressedSize > MB && e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxRatio) {
        return ratioProblem(e.fileName, e.uncompressedSize / Math.max(1, e.compressedSize), limits.maxRatio);
      }
    }
    const names = new Set(entries.map((e) => e.fileName));
    const missing = OOXML_PARTS[kind].filter((p) => !names.has(p));
    if (missing.length) {
      return {
        kind: 'type',
        message: text(`Nội dung tệp không phải ${what.vi}: thiếu phần ${missing.join(', ')}`, `The content is not ${what.en}: it lacks ${missing.join(', ')}`),
      };
    }
    // 2. Every entry inflated as a stream and counted: a size that lies stops here.
    let inflated = 0;
    for (const e of entries) {
      if (e.fileName.endsWith('/')) continue;
      const problem = await drain(zip, e, (chunk, soFar) => {
        inflated += chunk.length;
        if (inflated > limits.maxTotalBytes)
          return limitProblem(
            'zip_total_size',
            `Tệp giải nén quá lớn: hơn ${mb(limits.maxTotalBytes)}`,
            `The file inflates too large: more than ${mb(limits.maxTotalBytes)}`,
          );
        if (soFar > MB && soFar / Math.max(1, e.compressedSize) > limits.maxRatio)
          return ratioProblem(e.fileName, soFar / Math.max(1, e.compressedSize), limits.maxRatio);
        return onData && onData.entry === e.fileName ? onData.chunk(chunk) : null;
      });
      if (problem) return problem;
    }
    return null;
  } catch (e) {
    // yauzl stops an entry that inflates past the size it declared.
    if (/too many bytes/.test(String((e as Error)?.message))) {
      return limitProblem(
        'zip_entry_size',
        'Tệp nén bất thường: một thành phần giải nén lớn hơn kích thước khai báo',
        'Abnormal archive: an entry inflates larger than it declares',
      );
    }
    return { kind: 'unreadable', message: text(`Tệp nén bị hỏng: không đọc được ${what.vi}`, `The archive is damaged: cannot read ${what.en}`) };
  } finally {
    zip.close();
  }
}

function ratioProblem(name: string, ratio: number, max: number): ZipProblem {
  return limitProblem(
    'zip_ratio',
    `Tệp nén bất thường: thành phần "${name}" nén tới ${Math.round(ratio)} lần, tối đa ${max} lần`,
    `Abnormal archive: entry "${name}" is compressed ${Math.round(ratio)} times, at most ${max}`,
  );
}

/** Inflates one entry chunk by chunk, keeping nothing; stops at the first problem. */
function drain(zip: yauzl.ZipFile, e: yauzl.Entry, chunk: (data: Buffer, soFar: number) => ZipProblem | null): Promise<ZipProblem | null> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(e, (err, stream) => {
      if (err) return reject(err);
      let soFar = 0;
      let done = false;
      stream.on('data', (d: Buffer) => {
        if (done) return;
        soFar += d.length;
        const p = chunk(d, soFar);
        if (p) {
          done = true;
          stream.destroy();
          resolve(p);
        }
      });
      stream.on('error', (x) => (done ? undefined : ((done = true), reject(x))));
      stream.on('end', () => (done ? undefined : ((done = true), resolve(null))));
    });
  });
}

/**
 * Counts occurrences of a byte pattern across the chunks of a stream (a pattern cut between two
 * chunks still counts once): the paragraphs `<w:p>`/`<w:p ` of a document.xml.
 */
export function patternCounter(patterns: readonly string[]): { feed(chunk: Buffer): number; readonly count: number } {
  const pats = patterns.map((p) => Buffer.from(p, 'latin1'));
  const keep = Math.max(...pats.map((p) => p.length)) - 1;
  let tail = Buffer.alloc(0);
  let count = 0;
  return {
    feed(chunk: Buffer) {
      const b = tail.length ? Buffer.concat([tail, chunk]) : chunk;
      for (const p of pats) {
        // Only matches that end in the new bytes: those wholly in the tail were counted before.
        for (let i = b.indexOf(p, 0); i !== -1; i = b.indexOf(p, i + 1)) if (i + p.length > tail.length) count++;
      }
      tail = Buffer.from(b.subarray(Math.max(0, b.length - keep)));
      return count;
    },
    get count() {
      return count;
    },
  };
}
