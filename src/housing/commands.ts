// Multi-step writes of housing cases, each one input, one transaction (the caller's scoped
// transaction) and its audit entry: open a case from a survey (level from law data), move it to
// the next stage (forward only; approval reads the level at the decision date), record funding
// by source (money: always audited), import a survey list with a row-level report. A refused
// input throws before anything is written.
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../access/model.ts';
import { AppError, type FieldError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { audit } from '../audit/store.ts';
import { cite } from '../law/parameters.ts';
import {
  HOUSING_GROUPS,
  HOUSING_PROGRAMMES,
  HOUSING_SUPPORT_TYPES,
  housingLevel,
  type HousingGroup,
  type HousingProgramme,
  type HousingSupportType,
} from '../law/housing.ts';
import { stageMoveError, type HousingStage, type FundingSource } from './model.ts';
import { assertCanWriteCase } from './policy.ts';
import * as store from './store.ts';

export interface Who {
  readonly actor: Actor;
  readonly ip?: string | null;
  readonly today: string;
}

import { auditActor as who } from '../audit/actor.ts';
const notFound = () => AppError.notFound(text('Không tìm thấy hồ sơ nhà ở', 'Housing case not found'));

export interface NewCase {
  readonly householdId: number;
  readonly group: HousingGroup;
  readonly programme: HousingProgramme;
  readonly supportType: HousingSupportType;
  readonly condition: string;
  readonly surveyDate: string;
}

function levelAt(v: { programme: HousingProgramme; group: HousingGroup; supportType: HousingSupportType }, date: string, province: string) {
  const l = housingLevel({ ...v, date, province });
  return { levelAmount: l.amount, levelStatus: l.status, levelBasis: l.basis ? cite(l.basis) : null, deadline: l.deadline };
}

function caseErrors(v: NewCase, today: string, at: (f: string) => string): FieldError[] {
  const e: FieldError[] = [];
  if (v.surveyDate > today) e.push({ path: at('surveyDate'), message: text('Ngày khảo sát ở tương lai', 'The survey date is in the future') });
  return e;
}

/** Opens a case (stage 'surveyed') for a registry household; one case per household and programme. */
export async function createCase(tx: Transaction<DB>, w: Who, v: NewCase): Promise<{ id: number }> {
  const hh = await store.householdRef(tx, v.householdId);
  if (!hh)
    throw AppError.validation([
      { path: '/body/householdId', message: text('Không có hộ này trong sổ (hoặc ngoài phạm vi của bạn)', 'No such household (or outside your scope)') },
    ]);
  assertCanWriteCase(w.actor, hh.unit_id);
  const errors = caseErrors(v, w.today, (f) => `/body/${f}`);
  if (errors.length) throw AppError.validation(errors);
  if (await store.caseOf(tx, hh.id, v.programme))
    throw AppError.conflict(text('Hộ {code} đã có hồ sơ trong chương trình này', 'Household {code} already has a case in this programme'), { code: hh.code });
  const id = await insertCase(tx, w, hh, v);
  return { id };
}

async function insertCase(tx: Transaction<DB>, w: Who, hh: store.HouseholdRef, v: NewCase): Promise<number> {
  const l = levelAt(v, v.surveyDate, hh.province_code);
  const id = await store.insertCase(tx, hh, { ...v, condition: v.condition.trim(), ...l }, w.actor.username);
  await audit(tx, {
    actor: who(w.actor),
    action: 'housing_case.create',
    entity: 'housing_case',
    entityId: id,
    unitId: hh.unit_id,
    ip: w.ip ?? null,
    after: { householdId: hh.id, group: v.group, programme: v.programme, supportType: v.supportType, levelAmount: l.levelAmount, levelStatus: l.levelStatus },
  });
  return id;
}

export interface StageMove {
  readonly stage: HousingStage;
  readonly date: string;
  readonly note?: string;
  readonly decision?: { readonly number: string } | null;
}

/** Moves a case forward (never back); approval needs the decision number and fixes the level at its date. */
export async function moveCaseStage(tx: Transaction<DB>, w: Who, id: number, m: StageMove): Promise<{ version: number; stage: HousingStage }> {
  const c = await store.getCase(tx, id, true);
  if (!c) throw notFound();
  assertCanWriteCase(w.actor, c.unit_id);
  const stages = await store.stagesOf(tx, id);
  const last = stages.at(-1)?.date ?? null;
  const err = stageMoveError(c.stage, m.stage, m.date, last, w.today);
  const errors: FieldError[] = err ? [{ path: `/body/${err.field}`, message: text(err.vi, err.en) }] : [];
  if (m.stage === 'approved' && !m.decision?.number.trim())
    errors.push({ path: '/body/decision/number', message: text('Cần số quyết định phê duyệt hỗ trợ', 'The approval decision number is required') });
  if (errors.length) throw AppError.validation(errors);
  const decision =
    m.stage === 'approved'
      ? {
          number: m.decision!.number.trim(),
          date: m.date,
          ...levelAt({ programme: c.programme, group: c.group, supportType: c.support_type }, m.date, c.province_code),
        }
      : null;
  const version = await store.moveStage(tx, c, m.stage, m.date, w.actor.username, m.note?.trim() ?? '', decision);
  await audit(tx, {
    actor: who(w.actor),
    action: 'housing_case.stage',
    entity: 'housing_case',
    entityId: id,
    unitId: c.unit_id,
    ip: w.ip ?? null,
    before: { stage: c.stage, levelAmount: c.level_amount },
    after: {
      stage: m.stage,
      date: m.date,
      ...(decision ? { decision: decision.number, levelAmount: decision.levelAmount, levelStatus: decision.levelStatus } : {}),
    },
  });
  return { version, stage: m.stage };
}

export interface NewFunding {
  readonly source: FundingSource;
  readonly amount: number;
  readonly date: string;
  readonly note?: string;
}

/** Records money for a case from one source; a change to money, audited with the amount. */
export async function addFunding(tx: Transaction<DB>, w: Who, id: number, f: NewFunding): Promise<{ id: number }> {
  const c = await store.getCase(tx, id, true);
  if (!c) throw notFound();
  assertCanWriteCase(w.actor, c.unit_id);
  const errors: FieldError[] = [];
  if (!(f.amount > 0) || !Number.isSafeInteger(f.amount))
    errors.push({ path: '/body/amount', message: text('Số tiền phải là số nguyên dương (đồng)', 'The amount must be a positive whole number of VND') });
  if (f.date > w.today) errors.push({ path: '/body/date', message: text('Ngày ở tương lai', 'The date is in the future') });
  if (errors.length) throw AppError.validation(errors);
  const fid = await store.insertFunding(tx, c, { source: f.source, amount: f.amount, date: f.date, note: f.note?.trim() ?? '' }, w.actor.username);
  await audit(tx, {
    actor: who(w.actor),
    action: 'housing_case.funding',
    entity: 'housing_case',
    entityId: id,
    unitId: c.unit_id,
    ip: w.ip ?? null,
    before: { funded: c.funded },
    after: { fundingId: fid, source: f.source, amount: f.amount, date: f.date, funded: c.funded + f.amount },
  });
  return { id: fid };
}

// ---- Survey list import -------------------------------------------------------------------

/** Header (lower-cased, Vietnamese or English) → field. */
const HEADERS: Record<string, keyof RawRow> = {
  'mã hộ': 'householdCode',
  household: 'householdCode',
  nhóm: 'group',
  group: 'group',
  'chương trình': 'programme',
  programme: 'programme',
  'hình thức': 'supportType',
  'support type': 'supportType',
  'hiện trạng nhà': 'condition',
  'hiện trạng': 'condition',
  condition: 'condition',
  'ngày khảo sát': 'surveyDate',
  'survey date': 'surveyDate',
};
interface RawRow {
  householdCode: string;
  group: string;
  programme: string;
  supportType: string;
  condition: string;
  surveyDate: string;
}
const GROUP_WORDS: Record<string, HousingGroup> = {
  'người có công': 'merit',
  'hộ nghèo': 'poor',
  nghèo: 'poor',
  'hộ cận nghèo': 'near_poor',
  'cận nghèo': 'near_poor',
  'thiên tai': 'disaster',
  khác: 'other',
};
const TYPE_WORDS: Record<string, HousingSupportType> = { 'xây mới': 'new', 'sửa chữa': 'repair' };
const PROGRAMME_WORDS: Record<string, HousingProgramme> = {
  'qđ 21': 'qd21',
  qd21: 'qd21',
  ctmtqg: 'ntp_poverty',
  'ngoài ctmtqg': 'nq_poor',
  'địa phương': 'local',
};

const pick = <T extends string>(raw: string, list: readonly T[], words: Record<string, T>): T | null => {
  const k = raw.trim().toLowerCase();
  return (list as readonly string[]).includes(k) ? (k as T) : (words[k] ?? null);
};
/** dd/mm/yyyy or yyyy-mm-dd → ISO, or null. */
export function parseDate(raw: string): string | null {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const iso = m ? s : (m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s)) ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : null;
  if (!iso) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

export interface ImportRowReport {
  readonly row: number;
  readonly householdCode: string;
  readonly outcome: 'created' | 'exists' | 'error';
  readonly caseId: number | null;
  readonly errors: { field: string; message: { vi: string; en: string } }[];
}

/**
 * Imports a survey list (first row: headers) into cases of one commune. Rows already imported
 * (same household and programme) are reported 'exists' and left as they are (idempotent). With
 * any row in error nothing is written (unless dryRun, which never writes): the report says why.
 */
export async function importSurvey(
  tx: Transaction<DB>,
  w: Who,
  commune: { id: number },
  table: readonly (readonly string[])[],
  dryRun: boolean,
): Promise<{ rows: ImportRowReport[]; created: number; exists: number; errors: number; written: boolean }> {
  assertCanWriteCase(w.actor, commune.id);
  const [head, ...body] = table;
  const map = (head ?? []).map((h) => HEADERS[h.trim().toLowerCase()] ?? null);
  for (const need of ['householdCode', 'group', 'programme', 'supportType', 'surveyDate'] as const)
    if (!map.includes(need))
      throw AppError.validation([{ path: '/body/file', message: text(`Thiếu cột bắt buộc: ${need}`, `Missing required column: ${need}`) }]);
  const reports: ImportRowReport[] = [];
  const todo: { hh: store.HouseholdRef; v: NewCase; i: number }[] = [];
  const seen = new Set<string>();
  for (const [i, cells] of body.entries()) {
    if (cells.every((c) => !c?.trim())) continue;
    const raw: RawRow = { householdCode: '', group: '', programme: '', supportType: '', condition: '', surveyDate: '' };
    map.forEach((f, j) => f && (raw[f] = String(cells[j] ?? '').trim()));
    const errs: { field: string; message: { vi: string; en: string } }[] = [];
    const bad = (field: string, vi: string, en: string) => errs.push({ field, message: { vi, en } });
    const group = pick(raw.group, HOUSING_GROUPS, GROUP_WORDS);
    const programme = pick(raw.programme, HOUSING_PROGRAMMES, PROGRAMME_WORDS);
    const supportType = pick(raw.supportType, HOUSING_SUPPORT_TYPES, TYPE_WORDS);
    const surveyDate = parseDate(raw.surveyDate);
    if (!group) bad('group', `Nhóm không hợp lệ: “${raw.group}”`, `Unknown group: ${raw.group}`);
    if (!programme) bad('programme', `Chương trình không hợp lệ: “${raw.programme}”`, `Unknown programme: ${raw.programme}`);
    if (!supportType) bad('supportType', `Hình thức không hợp lệ: “${raw.supportType}” (xây mới / sửa chữa)`, `Unknown support type: ${raw.supportType}`);
    if (!surveyDate) bad('surveyDate', `Ngày khảo sát không hợp lệ: “${raw.surveyDate}” (dd/mm/yyyy)`, `Invalid survey date: ${raw.surveyDate}`);
    else if (surveyDate > w.today) bad('surveyDate', 'Ngày khảo sát ở tương lai', 'The survey date is in the future');
    const hh = raw.householdCode ? await store.householdByCode(tx, commune.id, raw.householdCode) : null;
    if (!hh) bad('householdCode', `Không có hộ “${raw.householdCode}” trong sổ của xã`, `No household ${raw.householdCode} in the commune`);
    const key = `${raw.householdCode}|${programme}`;
    if (seen.has(key)) bad('householdCode', 'Hộ lặp lại trong tệp (cùng chương trình)', 'Household repeated in the file (same programme)');
    seen.add(key);
    const rowNo = i + 2;
    if (errs.length || !hh || !group || !programme || !supportType || !surveyDate) {
      reports.push({ row: rowNo, householdCode: raw.householdCode, outcome: 'error', caseId: null, errors: errs });
      continue;
    }
    const existing = await store.caseOf(tx, hh.id, programme);
    if (existing) {
      reports.push({ row: rowNo, householdCode: raw.householdCode, outcome: 'exists', caseId: existing, errors: [] });
      continue;
    }
    const v: NewCase = { householdId: hh.id, group, programme, supportType, condition: raw.condition, surveyDate };
    todo.push({ hh, v, i: reports.length });
    reports.push({ row: rowNo, householdCode: raw.householdCode, outcome: 'created', caseId: null, errors: [] });
  }
  const errors = reports.filter((r) => r.outcome === 'error').length;
  const written = !dryRun && errors === 0;
  if (written) {
    for (const t of todo) (reports[t.i] as { caseId: number | null }).caseId = await insertCase(tx, w, t.hh, t.v);
    await audit(tx, {
      actor: who(w.actor),
      action: 'housing_case.import',
      entity: 'housing_case',
      entityId: null,
      unitId: commune.id,
      ip: w.ip ?? null,
      after: { created: todo.length, exists: reports.filter((r) => r.outcome === 'exists').length },
    });
  }
  return { rows: reports, created: todo.length, exists: reports.filter((r) => r.outcome === 'exists').length, errors, written };
}

/** For other features (funds): a short description of a case, or null outside the scope. */
export async function caseSummary(
  tx: Transaction<DB>,
  kind: string,
  id: number,
): Promise<{ kind: string; id: number; unitId: number; title: string; amount: number | null } | null> {
  if (kind !== 'housing_case') return null;
  const c = await store.getCase(tx, id);
  if (!c) return null;
  return {
    kind,
    id,
    unitId: c.unit_id,
    title: `Nhà ở hộ ${c.household_code}${c.head_name ? ` (${c.head_name})` : ''}, ${c.unit_name}`,
    amount: c.level_amount,
  };
}
