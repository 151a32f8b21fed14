// The satisfaction survey's write (issue 14 item 5): one answer per case, offered by the case's
// tracking code once the case is decided, paid or settled; no login, no name kept (the answer
// holds the case's key, the three scores and the day), audited without the scores.
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { audit } from '../audit/store.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { normaliseTrackingCode } from './model.ts';
import type { SurveyCase } from './satisfaction.ts';
import * as store from './satisfaction-store.ts';

const noSurvey = () => AppError.notFound(text('Không có khảo sát nào cho mã này', 'No survey for this code'));

/** The cases a tracking code opens a survey for (none when the code is unknown or nothing is decided yet). */
export async function surveyCases(tx: Transaction<DB>, raw: string) {
  const code = normaliseTrackingCode(raw);
  const cases = code ? await store.casesOf(tx, code) : [];
  if (!cases.length) throw noSurvey();
  return cases;
}

export async function answerSurvey(
  tx: Transaction<DB>,
  w: { ip?: string | null; today: string },
  raw: string,
  b: { case: SurveyCase; timeliness: number; attitude: number; overall: number },
) {
  const c = (await surveyCases(tx, raw)).find((x) => x.kind === b.case);
  if (!c) throw AppError.validation([{ path: '/body/case', message: text('Chưa có khảo sát cho việc này', 'No survey is open for this case yet') }]);
  if (c.answered || !(await store.insertAnswer(tx, c, { ...b, answeredOn: w.today })))
    throw AppError.conflict(text('Việc này đã được đánh giá (mỗi việc một lần)', 'This case has been rated already (once per case)'));
  await audit(tx, {
    actor: null,
    action: 'satisfaction.answer',
    entity: 'satisfaction_answer',
    entityId: `${c.kind}:${c.key}`,
    unitId: c.unitId,
    ip: w.ip ?? null,
  });
  return { answeredOn: w.today };
}
