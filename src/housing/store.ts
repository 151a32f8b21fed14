// SQL of housing cases only: the case row, its dated stages (append-only) and its funding lines
// (append-only). Callers pass the scoped transaction (withActor); row-level security keeps reads
// and writes inside the actor's communes.
import { sql } from 'kysely';
import type { Executor as Q } from '../db/executor.ts';
import type { HousingGroup, HousingProgramme, HousingSupportType, LevelStatus } from '../law/housing.ts';
import type { FundingSource, HousingStage } from './model.ts';

export interface HousingCaseRow {
  readonly id: number;
  readonly province_code: string;
  readonly unit_id: number;
  readonly unit_code: string;
  readonly unit_name: string;
  readonly household_id: number;
  readonly household_code: string;
  readonly head_name: string | null;
  readonly group: HousingGroup;
  readonly programme: HousingProgramme;
  readonly support_type: HousingSupportType;
  readonly condition: string;
  readonly survey_date: string;
  readonly decision_number: string | null;
  readonly decision_date: string | null;
  readonly level_amount: number | null;
  readonly level_status: LevelStatus;
  readonly level_basis: string | null;
  readonly deadline: string | null;
  readonly stage: HousingStage;
  readonly version: number;
  readonly funded: number;
}

export interface StageRow {
  readonly stage: HousingStage;
  readonly date: string;
  readonly confirmed_by: string;
  readonly note: string;
}

export interface FundingRow {
  readonly id: number;
  readonly source: FundingSource;
  readonly amount: number;
  readonly date: string;
  readonly note: string;
  readonly recorded_by: string;
}

export interface HouseholdRef {
  readonly id: number;
  readonly unit_id: number;
  readonly province_code: string;
  readonly code: string;
}

const cols = sql`c.id, c.province_code, c.unit_id, u.code as unit_code, u.name as unit_name, c.household_id, h.code as household_code,
  (select p.full_name from persons p where p.id = h.head_person_id) as head_name,
  c."group", c.programme, c.support_type, c.condition, to_char(c.survey_date, 'YYYY-MM-DD') as survey_date, c.decision_number,
  to_char(c.decision_date, 'YYYY-MM-DD') as decision_date, c.level_amount::float8 as level_amount, c.level_status, c.level_basis,
  to_char(c.deadline, 'YYYY-MM-DD') as deadline, c.stage, c.version,
  coalesce((select sum(f.amount) from housing_case_funding f where f.case_id = c.id), 0)::float8 as funded`;
const from = sql`housing_cases c join units u on u.id = c.unit_id join households h on h.id = c.household_id`;

export async function householdRef(q: Q, id: number): Promise<HouseholdRef | null> {
  const r = await sql<HouseholdRef>`select id, unit_id, province_code, code from households where id = ${id}`.execute(q);
  return r.rows[0] ?? null;
}

export async function householdByCode(q: Q, unitId: number, code: string): Promise<HouseholdRef | null> {
  const r = await sql<HouseholdRef>`select id, unit_id, province_code, code from households where unit_id = ${unitId} and code = ${code}`.execute(q);
  return r.rows[0] ?? null;
}

export async function getCase(q: Q, id: number, lock = false): Promise<HousingCaseRow | null> {
  const r = await sql<HousingCaseRow>`select ${cols} from ${from} where c.id = ${id} ${lock ? sql`for update of c` : sql``}`.execute(q);
  return r.rows[0] ?? null;
}

export async function caseOf(q: Q, householdId: number, programme: HousingProgramme): Promise<number | null> {
  const r = await sql<{ id: number }>`select id from housing_cases where household_id = ${householdId} and programme = ${programme}`.execute(q);
  return r.rows[0]?.id ?? null;
}

export interface CaseFilter {
  readonly unitIds?: readonly number[] | null;
  readonly stage?: HousingStage | null;
  readonly lateOn?: string | null;
  readonly limit: number;
  readonly offset: number;
}

export async function listCases(q: Q, f: CaseFilter): Promise<{ items: HousingCaseRow[]; total: number }> {
  const where = sql`where true
    ${f.unitIds ? sql`and c.unit_id = any(${[...f.unitIds]}::int[])` : sql``}
    ${f.stage ? sql`and c.stage = ${f.stage}` : sql``}
    ${f.lateOn ? sql`and c.stage <> 'handed_over' and c.deadline < ${f.lateOn}::date` : sql``}`;
  const items = await sql<HousingCaseRow>`select ${cols} from ${from} ${where} order by u.name, h.code, c.id limit ${f.limit} offset ${f.offset}`.execute(q);
  const total = await sql<{ n: number }>`select count(*)::int as n from ${from} ${where}`.execute(q);
  return { items: items.rows, total: total.rows[0]!.n };
}

export async function stagesOf(q: Q, id: number): Promise<StageRow[]> {
  const r = await sql<StageRow>`select stage, to_char(date, 'YYYY-MM-DD') as date, confirmed_by, note from housing_case_stages
    where case_id = ${id} order by date, recorded_at`.execute(q);
  return r.rows;
}

export async function fundingOf(q: Q, id: number): Promise<FundingRow[]> {
  const r = await sql<FundingRow>`select id, source, amount::float8 as amount, to_char(date, 'YYYY-MM-DD') as date, note, recorded_by
    from housing_case_funding where case_id = ${id} order by date, id`.execute(q);
  return r.rows;
}

export interface NewCaseValues {
  readonly group: HousingGroup;
  readonly programme: HousingProgramme;
  readonly supportType: HousingSupportType;
  readonly condition: string;
  readonly surveyDate: string;
  readonly levelAmount: number | null;
  readonly levelStatus: LevelStatus;
  readonly levelBasis: string | null;
  readonly deadline: string | null;
}

export async function insertCase(q: Q, hh: HouseholdRef, v: NewCaseValues, by: string): Promise<number> {
  const r = await sql<{ id: number }>`insert into housing_cases (province_code, unit_id, household_id, "group", programme, support_type, condition,
      survey_date, level_amount, level_status, level_basis, deadline)
    values (${hh.province_code}, ${hh.unit_id}, ${hh.id}, ${v.group}, ${v.programme}, ${v.supportType}, ${v.condition}, ${v.surveyDate}::date,
      ${v.levelAmount}, ${v.levelStatus}, ${v.levelBasis}, ${v.deadline}::date) returning id`.execute(q);
  const id = r.rows[0]!.id;
  await sql`insert into housing_case_stages (case_id, unit_id, stage, date, confirmed_by) values (${id}, ${hh.unit_id}, 'surveyed', ${v.surveyDate}::date, ${by})`.execute(
    q,
  );
  return id;
}

export async function moveStage(
  q: Q,
  c: HousingCaseRow,
  stage: HousingStage,
  date: string,
  by: string,
  note: string,
  decision: { number: string; date: string; levelAmount: number | null; levelStatus: LevelStatus; levelBasis: string | null; deadline: string | null } | null,
): Promise<number> {
  await sql`insert into housing_case_stages (case_id, unit_id, stage, date, confirmed_by, note) values (${c.id}, ${c.unit_id}, ${stage}, ${date}::date, ${by}, ${note})`.execute(
    q,
  );
  const r = await sql<{ version: number }>`update housing_cases set stage = ${stage}, version = version + 1, updated_at = now()
    ${
      decision
        ? sql`, decision_number = ${decision.number}, decision_date = ${decision.date}::date, level_amount = ${decision.levelAmount},
          level_status = ${decision.levelStatus}, level_basis = ${decision.levelBasis}, deadline = ${decision.deadline}::date`
        : sql``
    }
    where id = ${c.id} returning version`.execute(q);
  return r.rows[0]!.version;
}

export async function insertFunding(
  q: Q,
  c: HousingCaseRow,
  v: { source: FundingSource; amount: number; date: string; note: string },
  by: string,
): Promise<number> {
  const r = await sql<{ id: number }>`insert into housing_case_funding (case_id, unit_id, source, amount, date, note, recorded_by)
    values (${c.id}, ${c.unit_id}, ${v.source}, ${v.amount}, ${v.date}::date, ${v.note}, ${by}) returning id`.execute(q);
  return r.rows[0]!.id;
}

export interface SummaryRow {
  readonly unit_id: number;
  readonly unit_code: string;
  readonly unit_name: string;
  readonly stage: HousingStage;
  readonly n: number;
  readonly late: number;
}

/** Cases by commune and stage (within the scope), with the late ones. */
export async function summary(q: Q, unitIds: readonly number[] | null, today: string): Promise<SummaryRow[]> {
  const r = await sql<SummaryRow>`select c.unit_id, u.code as unit_code, u.name as unit_name, c.stage, count(*)::int as n,
      count(*) filter (where c.stage <> 'handed_over' and c.deadline < ${today}::date)::int as late
    from housing_cases c join units u on u.id = c.unit_id
    ${unitIds ? sql`where c.unit_id = any(${[...unitIds]}::int[])` : sql``}
    group by c.unit_id, u.code, u.name, c.stage order by u.name, c.stage`.execute(q);
  return r.rows;
}

/** Money by funding source (within the scope). */
export async function moneyBySource(q: Q, unitIds: readonly number[] | null): Promise<{ source: FundingSource; amount: number }[]> {
  const r = await sql<{ source: FundingSource; amount: number }>`select source, sum(amount)::float8 as amount from housing_case_funding
    ${unitIds ? sql`where unit_id = any(${[...unitIds]}::int[])` : sql``} group by source order by source`.execute(q);
  return r.rows;
}

/** A household of these units by its code, with the head's name (for the web's forms that take a code). */
export async function householdLookup(
  q: Q,
  unitIds: readonly number[],
  code: string,
): Promise<{ id: number; code: string; head_name: string | null; unit_name: string } | null> {
  const r = await sql<{ id: number; code: string; head_name: string | null; unit_name: string }>`select h.id, h.code,
      (select p.full_name from persons p where p.id = h.head_person_id) as head_name, u.name as unit_name
    from households h join units u on u.id = h.unit_id where h.unit_id = any(${[...unitIds]}::int[]) and h.code = ${code} limit 1`.execute(q);
  return r.rows[0] ?? null;
}

export interface CaseDocumentRow {
  readonly id: number;
  readonly stage: HousingStage;
  readonly file_name: string;
  readonly content_type: string;
  readonly size: number;
  readonly uploaded_by: string;
  readonly uploaded_at: string;
}

export async function insertCaseDocument(
  q: Q,
  v: { caseId: number; unitId: number; stage: HousingStage; fileName: string; contentType: string; size: number; sha256: string; content: Buffer },
  by: string,
): Promise<number> {
  const r = await sql<{ id: number }>`insert into housing_case_documents (case_id, unit_id, stage, file_name, content_type, size, sha256, content, uploaded_by)
    values (${v.caseId}, ${v.unitId}, ${v.stage}, ${v.fileName}, ${v.contentType}, ${v.size}, ${v.sha256}, ${v.content}, ${by}) returning id`.execute(q);
  return r.rows[0]!.id;
}

/** A case's photos and documents (without their bytes), by stage then upload. */
export async function documentsOf(q: Q, caseId: number): Promise<CaseDocumentRow[]> {
  const r =
    await sql<CaseDocumentRow>`select id, stage, file_name, content_type, size, uploaded_by, to_char(uploaded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as uploaded_at
    from housing_case_documents where case_id = ${caseId}
    order by array_position(array['surveyed', 'approved', 'started', 'completed', 'handed_over'], stage), id`.execute(q);
  return r.rows;
}

export async function documentContent(q: Q, caseId: number, id: number): Promise<{ file_name: string; content_type: string; content: Buffer } | null> {
  const r = await sql<{ file_name: string; content_type: string; content: Buffer }>`select file_name, content_type, content from housing_case_documents
    where case_id = ${caseId} and id = ${id}`.execute(q);
  return r.rows[0] ?? null;
}
