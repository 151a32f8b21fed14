// Files sent as multipart/form-data (plan documents, registry imports). Each route registers
// @fastify/multipart in its own scope with its own size limit (the rest of the API takes JSON)
// and reads the parts here: the first file of the named field (other files are drained), the
// text fields, and a file over the limit as a 413 problem. The schema of a multipart body only
// documents it (server.ts does not validate it): the handler reads and checks the parts.
import type { FastifyRequest } from 'fastify';
import { AppError, errorCatalogue } from './errors.ts';
import { text, type Text } from './i18n.ts';

export interface UploadedFile {
  readonly name: string;
  readonly content: Buffer;
}

const startsWith = (buf: Uint8Array, ...bytes: number[]) => bytes.every((x, i) => buf[i] === x);
/** A ZIP archive by its first bytes ("PK\x03\x04"): .docx and .xlsx files are ZIP archives. */
export const isZip = (buf: Uint8Array) => startsWith(buf, 0x50, 0x4b, 0x03, 0x04);
/** A PNG image by its 8-byte signature. */
export const isPng = (buf: Uint8Array) => startsWith(buf, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
/** A JPEG image by its first bytes (SOI and a marker). */
export const isJpeg = (buf: Uint8Array) => startsWith(buf, 0xff, 0xd8, 0xff);
/** A PDF that starts with its header (an attachment; plan uploads also take a header after leading bytes: src/kernel/pdf.ts). */
export const startsAsPdf = (buf: Uint8Array) => startsWith(buf, 0x25, 0x50, 0x44, 0x46, 0x2d);

/** "3 MB", "50 MB": a size limit as the user reads it. */
export const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** The file is larger than the route's limit (413), on the field's path. */
export function fileTooLarge(field: string, maxBytes: number, what: Text = text('Tệp', 'The file')): AppError {
  const mb = megabytes(maxBytes);
  return new AppError(errorCatalogue.payloadTooLarge, text(`${what.vi} quá lớn: tối đa ${mb}`, `${what.en} is too large: at most ${mb}`), [
    { path: `/body/${field}`, message: text(`Tệp quá lớn (tối đa ${mb})`, `File too large (at most ${mb})`) },
  ]);
}

/** The file's type is not one the route reads (415), on the field's path. */
export function fileTypeRefused(field: string, message: Text): AppError {
  return new AppError(errorCatalogue.unsupportedMediaType, message, [{ path: `/body/${field}`, message }]);
}

/**
 * The parts of a multipart request: the first file sent in `field` and every text field. A file
 * over the limit of the route's multipart registration answers 413 (fileTooLarge).
 */
export async function readUpload(
  req: FastifyRequest,
  field: string,
  maxBytes: number,
  what?: Text,
): Promise<{ file: UploadedFile | null; fields: Record<string, string> }> {
  let file: UploadedFile | null = null;
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== field || file) {
        await part.toBuffer().catch(() => null);
        continue;
      }
      try {
        file = { name: part.filename || 'tep', content: await part.toBuffer() };
      } catch (e) {
        if ((e as { statusCode?: number }).statusCode === 413) throw fileTooLarge(field, maxBytes, what);
        throw e;
      }
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  return { file, fields };
}

/** A request that is not multipart/form-data at a route that takes a file (415). */
export function notMultipart(field: string): AppError {
  return fileTypeRefused(
    field,
    text(`Gửi tệp dạng multipart/form-data, trong trường "${field}"`, `Send the file as multipart/form-data, in the field "${field}"`),
  );
}
