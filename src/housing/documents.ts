// Photos and documents of a housing case per stage: the upload command (in the caller's scoped
// transaction with its audit entry). The file's type is read from its bytes by the same rule as a
// citizen's application documents (PDF, JPEG, PNG by the kernel's byte signatures), never
// from its name or the browser's type; at most 5 MB; only for a stage the case has reached.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError, errorCatalogue } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { audit } from '../audit/store.ts';
import { isJpeg, isPng, startsAsPdf } from '../kernel/upload.ts';
import type { Who } from './commands.ts';
import { HOUSING_STAGES, stageIndex, type HousingStage } from './model.ts';
import { assertCanWriteCase } from './policy.ts';
import * as store from './store.ts';

/** At most 5 MB a file (as a citizen's application document). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** The content type from the first bytes (the rule of src/citizens/commands.ts documentType); null when refused. */
export function documentType(b: Uint8Array): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (startsAsPdf(b)) return 'application/pdf';
  if (isJpeg(b)) return 'image/jpeg';
  if (isPng(b)) return 'image/png';
  return null;
}

export async function uploadCaseDocument(
  tx: Transaction<DB>,
  w: Who,
  caseId: number,
  stageRaw: string | undefined,
  file: { name: string; content: Buffer } | null,
) {
  const c = await store.getCase(tx, caseId);
  if (!c) throw AppError.notFound(text('Không tìm thấy hồ sơ nhà ở', 'Housing case not found'));
  assertCanWriteCase(w.actor, c.unit_id);
  const stage = (HOUSING_STAGES as readonly string[]).includes(stageRaw ?? '') ? (stageRaw as HousingStage) : null;
  if (!stage) throw AppError.validation([{ path: '/body/stage', message: text('Chọn bước của hồ sơ', 'Choose the stage') }]);
  if (stageIndex(stage) > stageIndex(c.stage))
    throw AppError.validation([{ path: '/body/stage', message: text('Hồ sơ chưa đến bước này', 'The case has not reached this stage') }]);
  if (!file || file.content.length === 0)
    throw AppError.validation([{ path: '/body/file', message: text('Chọn tệp ảnh hoặc giấy tờ', 'Choose a photo or document') }]);
  if (file.content.length > MAX_DOCUMENT_BYTES)
    throw new AppError(errorCatalogue.payloadTooLarge, text('Tệp quá 5 MB', 'The file is over 5 MB'), [
      { path: '/body/file', message: text('Tệp quá 5 MB', 'Over 5 MB') },
    ]);
  const type = documentType(file.content);
  if (!type) {
    const m = text(`Tệp “${file.name.slice(0, 80)}” không phải PDF, JPEG hay PNG`, `“${file.name.slice(0, 80)}” is not a PDF, JPEG or PNG`);
    throw new AppError(errorCatalogue.unsupportedMediaType, m, [{ path: '/body/file', message: m }]);
  }
  const fileName = file.name.replace(/[\p{Cc}/\\]/gu, '_').slice(0, 200) || 'tep';
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  const id = await store.insertCaseDocument(
    tx,
    { caseId, unitId: c.unit_id, stage, fileName, contentType: type, size: file.content.length, sha256, content: file.content },
    w.actor.username,
  );
  await audit(tx, {
    actor: { userId: w.actor.userId, username: w.actor.username },
    action: 'housing_document.upload',
    entity: 'housing_case',
    entityId: caseId,
    unitId: c.unit_id,
    ip: w.ip ?? null,
    after: { documentId: id, stage, fileName, contentType: type, size: file.content.length, sha256 },
  });
  return { id, stage, contentType: type };
}
