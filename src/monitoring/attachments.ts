// Evidence attachments of a report: the file type is recognised from its first bytes (never
// from the name the browser sends), the size is limited, and a locked report takes none.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { AppError, errorCatalogue } from '../kernel/errors.ts';
import { isJpeg, isPng, isZip, startsAsPdf } from '../kernel/upload.ts';
import { getSubmission, type Q, type UnitRef } from './store.ts';

export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

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
  const r = await sql<AttachmentInfo>`insert into monitoring_attachments (unit_id, period, file_name, content_type, size, sha256, content, uploaded_by)
    values (${unit.id}, ${period}, ${file.fileName}, ${type}, ${file.content.length}, ${sha256}, ${Buffer.from(file.content)}, ${actorId})
    returning id, file_name as "fileName", content_type as "contentType", size, sha256, uploaded_at::text as "uploadedAt"`.execute(q);
  return r.rows[0]!;
}

export async function listAttachments(q: Q, unit: UnitRef, period: string): Promise<AttachmentInfo[]> {
  const r = await sql<AttachmentInfo>`select id, file_name as "fileName", content_type as "contentType", size, sha256, uploaded_at::text as "uploadedAt"
    from monitoring_attachments where unit_id = ${unit.id} and period = ${period} order by id`.execute(q);
  return r.rows;
}

export async function getAttachment(q: Q, unit: UnitRef, id: number): Promise<(AttachmentInfo & { content: Uint8Array }) | null> {
  const r = await sql<
    AttachmentInfo & { content: Uint8Array }
  >`select id, file_name as "fileName", content_type as "contentType", size, sha256, content, uploaded_at::text as "uploadedAt"
    from monitoring_attachments where unit_id = ${unit.id} and id = ${id}`.execute(q);
  return r.rows[0] ?? null;
}
