// Evidence attachments of a report: the file type is recognised from its first bytes (never
// from the name the browser sends), the size is limited, and a locked report takes none.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { AppError, errorCatalogue } from '../kernel/errors.ts';
import { isJpeg, isPng, isZip, startsAsPdf } from '../kernel/upload.ts';
import { getSubmission, type Q, type UnitRef } from './store.ts';

export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

/** The upload time as the API answers it (PostgreSQL's text form, as before). */
const uploadedAt = sql<string>`uploaded_at::text`.as('uploadedAt');

/** The content type of a file from its magic bytes; null when not an accepted type. */
export function sniffType(b: Uint8Array, fileName: string): string | null {
  if (startsAsPdf(b)) return 'application/pdf';
  if (isJpeg(b)) return 'image/jpeg';
  if (isPng(b)) return 'image/png';
  if (isZip(b)) {
    // Office files are ZIP archives; the name tells which one, the bytes that it is a ZIP.
    if (/\.docx$/i.test(fileName)) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (/\.xlsx$/i.test(fileName)) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  }
  return null;
}

export interface AttachmentInfo {
  readonly id: number;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
  readonly uploadedAt: string;
}

export async function addAttachment(
  q: Q,
  unit: UnitRef,
  period: string,
  file: { fileName: string; content: Uint8Array },
  actorId: number | null,
): Promise<AttachmentInfo> {
  const sub = await getSubmission(q, unit.id, period);
  if (sub && (sub.status === 'submitted' || sub.status === 'approved')) {
    throw AppError.conflict({
      vi: 'Báo cáo đã gửi hoặc đã duyệt: không thêm được tệp minh chứng',
      en: 'The report is submitted or approved: no attachment can be added',
    });
  }
  if (file.content.length === 0 || file.content.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError(errorCatalogue.payloadTooLarge, {
      vi: 'Tệp minh chứng phải có nội dung và không quá 2 MB',
      en: 'An attachment must be non-empty and at most 2 MB',
    });
  }
  const type = sniffType(file.content, file.fileName);
  if (!type)
    throw new AppError(errorCatalogue.unsupportedMediaType, {
      vi: 'Chỉ nhận tệp PDF, ảnh JPEG/PNG, Word (.docx) hoặc Excel (.xlsx)',
      en: 'Only PDF, JPEG/PNG images, Word (.docx) or Excel (.xlsx) files are accepted',
    });
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  return q
    .insertInto('monitoring_attachments')
    .values({
      unit_id: unit.id,
      period,
      file_name: file.fileName,
      content_type: type,
      size: file.content.length,
      sha256,
      content: Buffer.from(file.content),
      uploaded_by: actorId,
    })
    .returning(['id', 'file_name as fileName', 'content_type as contentType', 'size', 'sha256', uploadedAt])
    .executeTakeFirstOrThrow();
}

export async function listAttachments(q: Q, unit: UnitRef, period: string): Promise<AttachmentInfo[]> {
  return q
    .selectFrom('monitoring_attachments')
    .select(['id', 'file_name as fileName', 'content_type as contentType', 'size', 'sha256', uploadedAt])
    .where('unit_id', '=', unit.id)
    .where('period', '=', period)
    .orderBy('id')
    .execute();
}

export async function getAttachment(q: Q, unit: UnitRef, id: number): Promise<(AttachmentInfo & { content: Uint8Array }) | null> {
  const r = await q
    .selectFrom('monitoring_attachments')
    .select(['id', 'file_name as fileName', 'content_type as contentType', 'size', 'sha256', 'content', uploadedAt])
    .where('unit_id', '=', unit.id)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ?? null;
}
