// SQL of the satisfaction survey (issue 14 item 5), this feature's tables only. The public
// survey has no actor: it finds the cases of a tracking code and inserts one answer on the
// owner's connection (the functions marked "public"). The tally reads in the actor's scope or,
// for the monitoring prefill, in the caller's transaction.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Executor } from '../db/executor.ts';
import type { SurveyCase, Tally } from './satisfaction.ts';
import { SATISFIED_FROM } from './satisfaction.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface SurveyableCase {
  readonly kind: SurveyCase;
  readonly key: string;
  readonly unitId: number;
  readonly provinceCode: string;
  readonly answered: boolean;
}

/**
 * Public: the cases a tracking code opens a survey for: a decided application, the first paid
 * payroll line of the benefit decision it granted, a settled complaint.
 */
export async function casesOf(q: Q, code: string): Promise<SurveyableCase[]> {
  const out: SurveyableCase[] = [];
  const answered = async (kind: SurveyCase, key: string) =>
    (await q.selectFrom('satisfaction_answers').select('id').where('case_kind', '=', kind).where('case_key', '=', key).executeTakeFirst()) !== undefined;
  const a = await q
    .selectFrom('citizen_applications')
    .select(['id', 'unit_id', 'province_code', 'state', 'benefit_decision_id'])
    .where('tracking_code', '=', code)
    .executeTakeFirst();
  if (a && a.state !== 'received') {
    out.push({
      kind: 'application',
      key: String(a.id),
      unitId: a.unit_id,
      provinceCode: a.province_code,
      answered: await answered('application', String(a.id)),
    });
    if (a.benefit_decision_id !== null) {
      const paid = await q
        .selectFrom('payroll_lines')
        .select(['payroll_id', 'person_id'])
        .where('decision_id', '=', a.benefit_decision_id)
        .where('status', '=', 'paid')
        .orderBy('payroll_id')
        .executeTakeFirst();
      if (paid) {
        const key = `${paid.payroll_id}:${paid.person_id}`;
        out.push({ kind: 'payment', key, unitId: a.unit_id, provinceCode: a.province_code, answered: await answered('payment', key) });
      }
    }
  }
  const c = await q.selectFrom('complaints').select(['id', 'unit_id', 'province_code', 'state']).where('tracking_code', '=', code).executeTakeFirst();
  if (c && c.state === 'settled')
    out.push({ kind: 'complaint', key: String(c.id), unitId: c.unit_id, provinceCode: c.province_code, answered: await answered('complaint', String(c.id)) });
  return out;
}

/** Public: one answer; false when the case was already answered (the unique key). */
export async function insertAnswer(
  q: Q,
  c: SurveyableCase,
  a: { timeliness: number; attitude: number; overall: number; answeredOn: string },
): Promise<boolean> {
  const r = await q
    .insertInto('satisfaction_answers')
    .values({
      province_code: c.provinceCode,
      unit_id: c.unitId,
      case_kind: c.kind,
      case_key: c.key,
      year: Number(a.answeredOn.slice(0, 4)),
      answered_on: a.answeredOn,
      timeliness: a.timeliness,
      attitude: a.attitude,
      overall: a.overall,
    })
    .onConflict((oc) => oc.columns(['case_kind', 'case_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

/** The answers of a unit's subtree in a year, by case kind: counts only (the index is computed after). */
export async function tally(q: Executor, unitId: number, year: number): Promise<Record<SurveyCase, Tally>> {
  const r = await sql<{ case_kind: SurveyCase; answers: number; satisfied: number }>`
    select case_kind, count(*)::int as answers, count(*) filter (where overall >= ${SATISFIED_FROM})::int as satisfied
    from satisfaction_answers
    where year = ${year} and unit_id in (select id from units where ancestors @> array[${unitId}::int])
    group by case_kind`.execute(q);
  const out: Record<SurveyCase, Tally> = {
    application: { answers: 0, satisfied: 0 },
    payment: { answers: 0, satisfied: 0 },
    complaint: { answers: 0, satisfied: 0 },
  };
  for (const x of r.rows) out[x.case_kind] = { answers: x.answers, satisfied: x.satisfied };
  return out;
}
