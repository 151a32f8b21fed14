// The multipart form of an application: its text fields and up to 5 files in "documents". A file
// over the route's limit answers 413 naming it; more files than allowed a 400; other file fields
// are drained and ignored. The text fields are then checked against the form's schema.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { fileTooLarge, notMultipart } from '../kernel/upload.ts';
import { check } from '../kernel/validate.ts';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENTS, type Upload } from './commands.ts';
import { ApplicationForm } from './schemas.ts';

export const multipartLimits = { fileSize: MAX_DOCUMENT_BYTES, files: MAX_DOCUMENTS + 1, fields: 12, parts: 20 } as const;

export async function readApplicationForm(req: FastifyRequest): Promise<{ form: ApplicationForm; files: Upload[] }> {
  if (!req.isMultipart()) throw notMultipart('documents');
  const files: Upload[] = [];
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'documents') {
        await part.toBuffer().catch(() => null);
        continue;
      }
      try {
        const content = await part.toBuffer();
        if (content.length > 0 || part.filename) files.push({ name: part.filename || 'tep', content });
      } catch (e) {
        if ((e as { statusCode?: number }).statusCode === 413)
          throw fileTooLarge(`documents/${files.length}`, MAX_DOCUMENT_BYTES, text('Tệp giấy tờ', 'The document'));
        if ((e as { code?: string }).code === 'FST_FILES_LIMIT')
          throw AppError.validation([{ path: '/body/documents', message: text(`Tối đa ${MAX_DOCUMENTS} tệp`, `At most ${MAX_DOCUMENTS} files`) }]);
        throw e;
      }
    } else if (typeof part.value === 'string' && part.value !== '') fields[part.fieldname] = part.value;
  }
  return { form: check(ApplicationForm, fields, '/body'), files: files.filter((f) => f.content.length > 0 || f.name !== 'tep') };
}
