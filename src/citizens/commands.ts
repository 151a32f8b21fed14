// Multi-step writes of applications (issue 14 item 2), each one input, one transaction and its
// audit entry: file an application with its documents (online, no actor; or at the counter) and
// record the commune chair's decision (grant, or refusal with written reasons). A grant of
// monthly social assistance records the registry's benefit decision (payments' createDecision:
// the law engine checks the person is entitled from the month of signature, Decree 147/2025
// Art. 5) that the payroll reads. A refused input throws before anything is written.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../access/index.ts';
import { audit } from '../audit/store.ts';
import { AppError, errorCatalogue, type FieldError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { isJpeg, isPng, startsAsPdf } from '../kernel/upload.ts';
import { monthNumber } from '../kernel/month.ts';
import { createDecision } from '../payments/decisions.ts';
import { newTrackingCode, personalIdProblem, type ApplicationChannel, type ApplicationProcedure, type DecisionOutcome } from './model.ts';
import { assertCanDecide, assertCanFile } from './policy.ts';
import * as store from './store.ts';

export interface Who {
  readonly actor: Actor | null;
  readonly ip?: string | null;
  readonly today: string;
}

import { auditActor as who } from '../audit/actor.ts';

/** The documents one application carries: at most 5 files of 5 MB each (PDF, JPEG, PNG by their bytes). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
export const MAX_DOCUMENTS = 5;

/** The content type of a document from its first bytes (never from the name or the browser's type); null when refused. */
export function documentType(b: Uint8Array): string | null {
  if (startsAsPdf(b)) return 'application/pdf';
  if (isJpeg(b)) return 'image/jpeg';
  if (isPng(b)) return 'image/png';
  return null;
}

export interface NewApplication {
  readonly procedure: ApplicationProcedure;
  readonly communeCode: string;
  readonly applicantName: string;
  readonly personalId: string;
  readonly birthDate: string;
  readonly phone?: string | null;
  readonly address?: string;
  readonly note?: string;
}

export interface Upload {
  readonly name: string;
  readonly content: Buffer;
}

/** The fields in error of an application (every one, not the first). */
export function applicationErrors(v: NewApplication, today: string): FieldError[] {
  const e: FieldError[] = [];
  const at = (f: string) => `/body/${f}`;
  const name = v.applicantName.trim();
  if (name.length < 2 || /[<>{}\\]/.test(name) || /\p{Cc}/u.test(name))
    e.push({ path: at('applicantName'), message: text('Họ và tên không hợp lệ (chỉ chữ, dấu cách)', 'The full name is not valid (letters and spaces)') });
  if (v.birthDate > today) e.push({ path: at('birthDate'), message: text('Ngày sinh ở tương lai', 'The date of birth is in the future') });
  const idProblem = personalIdProblem(v.personalId, v.birthDate);
  if (idProblem) e.push({ path: at('personalId'), message: idProblem });
  if (v.phone && !/^0[0-9]{9,10}$/.test(v.phone))
    e.push({ path: at('phone'), message: text('Số điện thoại gồm 10 hoặc 11 chữ số, bắt đầu bằng 0', 'A phone number has 10 or 11 digits and starts with 0') });
  return e;
}

function documentRows(files: readonly Upload[]): store.DocumentRow[] {
  if (files.length > MAX_DOCUMENTS)
    throw AppError.validation([
      { path: '/body/documents', message: text(`Tối đa ${MAX_DOCUMENTS} tệp cho một hồ sơ`, `At most ${MAX_DOCUMENTS} files per application`) },
    ]);
  return files.map((f, i) => {
    if (f.content.length === 0 || f.content.length > MAX_DOCUMENT_BYTES)
      throw new AppError(errorCatalogue.payloadTooLarge, text('Mỗi tệp phải có nội dung và không quá 5 MB', 'Each file must be non-empty and at most 5 MB'), [
        { path: `/body/documents/${i}`, message: text('Tệp rỗng hoặc quá 5 MB', 'Empty or over 5 MB') },
      ]);
    const type = documentType(f.content);
    if (!type)
      throw new AppError(
        errorCatalogue.unsupportedMediaType,
        text(
          'Chỉ nhận tệp PDF hoặc ảnh JPEG, PNG (bản chụp, bản quét giấy tờ)',
          'Only PDF files or JPEG, PNG images (photos or scans of the papers) are accepted',
        ),
        [
          {
            path: `/body/documents/${i}`,
            message: text(`Tệp “${f.name.slice(0, 80)}” không phải PDF, JPEG hay PNG`, `“${f.name.slice(0, 80)}” is not a PDF, JPEG or PNG`),
          },
        ],
      );
    const fileName = f.name.replace(/[\p{Cc}/\\]/gu, '_').slice(0, 200) || 'tep';
    return { fileName, contentType: type, size: f.content.length, sha256: createHash('sha256').update(f.content).digest('hex'), content: f.content };
  });
}

/**
 * Files an application and its documents, and gives its tracking code. Online (no actor) or at
 * the counter (an officer of the commune). The commune must exist; nothing is written on a
 * field in error or a refused file.
 */
export async function fileApplication(
  tx: Transaction<DB>,
  w: Who,
  channel: ApplicationChannel,
  v: NewApplication,
  files: readonly Upload[],
): Promise<{ id: number; trackingCode: string; receivedOn: string }> {
  const errors = applicationErrors(v, w.today);
  const commune = await store.communeByCode(tx, v.communeCode);
  if (!commune) errors.push({ path: '/body/communeCode', message: text('Không có xã, phường này', 'No such commune or ward') });
  if (errors.length || !commune) throw AppError.validation(errors);
  assertCanFile(w.actor, channel, commune.id);
  const docs = documentRows(files);
  let code = newTrackingCode();
  while (await store.trackingCodeTaken(tx, code)) code = newTrackingCode();
  const id = await store.insertApplication(
    tx,
    commune,
    {
      trackingCode: code,
      procedure: v.procedure,
      channel,
      applicantName: v.applicantName.trim().replace(/\s+/g, ' '),
      personalId: v.personalId,
      birthDate: v.birthDate,
      phone: v.phone || null,
      address: v.address?.trim() ?? '',
      note: v.note?.trim() ?? '',
      receivedOn: w.today,
      receivedBy: w.actor?.username ?? null,
    },
    docs,
  );
  await audit(tx, {
    actor: who(w.actor),
    action: 'citizen_application.file',
    entity: 'citizen_application',
    entityId: id,
    unitId: commune.id,
    ip: w.ip ?? null,
    // No personal field in the log: the application row holds them.
    after: { procedure: v.procedure, channel, documents: docs.map((d) => ({ type: d.contentType, size: d.size, sha256: d.sha256 })) },
  });
  return { id, trackingCode: code, receivedOn: w.today };
}

export interface Decision {
  readonly outcome: DecisionOutcome;
  readonly decidedOn: string;
  readonly signer: string;
  readonly number?: string;
  readonly reasons?: string;
  /** The applicant in the registry; found by the personal ID number in the commune when not given. */
  readonly personId?: number;
}

/**
 * Records the commune chair's decision on an application, once. A refusal needs written reasons
 * (Decree 147/2025 Art. 5: "trường hợp không đủ điều kiện thì trả lời bằng văn bản và nêu rõ lý
 * do"); a grant needs the decision number. A grant of monthly social assistance becomes the
 * benefit decision (kind start, paid from the month of signature) the payroll already uses; the
 * applicant must be in the commune's registry.
 */
export async function decideApplication(
  tx: Transaction<DB>,
  w: Who & { readonly actor: Actor },
  id: number,
  d: Decision,
): Promise<{ state: DecisionOutcome; benefitDecisionId: number | null; personId: number | null }> {
  const a = await store.applicationById(tx, id, true);
  if (!a) throw AppError.notFound(text('Không tìm thấy hồ sơ', 'Application not found'));
  assertCanDecide(w.actor, a);
  if (a.state !== 'received')
    throw AppError.conflict(text('Hồ sơ đã có quyết định ngày {date}', 'The application was decided on {date}'), { date: a.decided_on ?? '' });
  const errors: FieldError[] = [];
  if (d.decidedOn > w.today) errors.push({ path: '/body/decidedOn', message: text('Ngày quyết định ở tương lai', 'The decision date is in the future') });
  if (d.decidedOn < a.received_on)
    errors.push({
      path: '/body/decidedOn',
      message: text('Ngày quyết định trước ngày nhận hồ sơ', 'The decision date is before the application was received'),
    });
  if (!d.signer.trim()) errors.push({ path: '/body/signer', message: text('Cần người ký quyết định', 'The signer is required') });
  const reasons = d.reasons?.trim() ?? '';
  if (d.outcome === 'refused' && reasons.length < 10)
    errors.push({
      path: '/body/reasons',
      message: text(
        'Từ chối phải nêu rõ lý do bằng văn bản (Nghị định 147/2025/NĐ-CP, Điều 5)',
        'A refusal states its reasons in writing (Decree 147/2025, Art. 5)',
      ),
    });
  const number = d.number?.trim() ?? '';
  if (d.outcome === 'granted' && !number) errors.push({ path: '/body/number', message: text('Cần số quyết định', 'The decision number is required') });
  if (errors.length) throw AppError.validation(errors);

  let personId: number | null = d.personId ?? null;
  let benefitDecisionId: number | null = null;
  if (d.outcome === 'granted' && a.procedure === 'tro-cap-xa-hoi-hang-thang') {
    const found = await store.personsWithId(tx, a.unit_id, a.personal_id);
    if (personId === null) {
      if (found.length !== 1)
        throw AppError.validation([
          {
            path: '/body/personId',
            message: text(
              'Không tìm thấy đúng một nhân khẩu có số định danh của người nộp trong sổ của xã: đăng ký nhân khẩu trước, hoặc chọn nhân khẩu',
              "No single person with the applicant's ID number in the commune's registry: register the person first, or choose them",
            ),
          },
        ]);
      personId = found[0]!.id;
    } else if (!found.some((p) => p.id === personId))
      throw AppError.validation([
        {
          path: '/body/personId',
          message: text(
            'Nhân khẩu này không có số định danh của người nộp hồ sơ trong xã',
            "This person does not have the applicant's ID number in the commune",
          ),
        },
      ]);
    const made = await createDecision(
      tx,
      { personId, number, decidedOn: d.decidedOn, signer: d.signer.trim(), kind: 'start', startMonth: monthNumber.of(d.decidedOn) },
      w.actor.username,
    );
    benefitDecisionId = made.id;
    await audit(tx, {
      actor: who(w.actor),
      action: 'decision.start',
      entity: 'benefit_decision',
      entityId: made.id,
      unitId: made.unitId,
      ip: w.ip ?? null,
      after: { personId, number, category: made.category, monthlyAmount: made.monthlyAmount, application: a.id },
    });
  }
  await store.recordDecision(tx, a.id, {
    state: d.outcome,
    decidedOn: d.decidedOn,
    number: number || null,
    signer: d.signer.trim(),
    reasons: reasons || null,
    personId,
    benefitDecisionId,
    by: w.actor.username,
  });
  await audit(tx, {
    actor: who(w.actor),
    action: `citizen_application.${d.outcome}`,
    entity: 'citizen_application',
    entityId: a.id,
    unitId: a.unit_id,
    ip: w.ip ?? null,
    before: { state: a.state },
    after: { state: d.outcome, decidedOn: d.decidedOn, number: number || null, reasons: reasons || null, benefitDecisionId },
  });
  return { state: d.outcome, benefitDecisionId, personId };
}
