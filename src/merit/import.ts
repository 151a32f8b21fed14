// Import of the merit lists communes keep today (issue 12 item 6): a .csv/.xlsx table read by the
// kernel's bounded reader (src/kernel/table.ts), one row a profile, Vietnamese column names
// (docs/guide/nguoi-co-cong.md). Every row is checked (the person in the commune's registry, the
// category of the one vocabulary, the facts its category needs, the recognition decision, the
// start month) and reported; all or nothing: while a row is in error nothing is written. A profile
// is known by its person, category and decision number: the same row again changes nothing, a
// changed row becomes a new version with the reason. One audit entry for the import.
import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import { Value } from 'typebox/value';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../access/model.ts';
import { AppError } from '../kernel/errors.ts';
import { text, type Text } from '../kernel/i18n.ts';
import { isIsoDate } from '../kernel/month.ts';
import { toCsv } from '../kernel/csv.ts';
import { foldName } from '../registry/model.ts';
import { audit } from '../audit/store.ts';
import { MERIT_CATEGORY_LIST, RELATION_TEXT, RELATIONS, RELATIVE_OF, INVALID_TYPES, type MeritCategory } from '../law/merit-categories.ts';
import { MeritFactsSchema, type MeritFacts } from '../law/schema.ts';
import { updatePerson } from '../registry/store.ts';
import { valueErrors } from './commands.ts';
import { assertCanImportProfiles } from './policy.ts';
import * as store from './store.ts';

const key = (s: string) => foldName(s).replace(/[^a-z0-9]/g, '');

/** The columns: header (folded) → field. */
export const MERIT_IMPORT_COLUMNS = {
  householdCode: 'Mã hộ',
  fullName: 'Họ và tên',
  personalId: 'Số định danh',
  category: 'Diện',
  injuryRate: 'Tỷ lệ tổn thương (%)',
  invalidType: 'Loại thương binh',
  especiallySevere: 'Đặc biệt nặng',
  relativeOf: 'Thân nhân của',
  relation: 'Quan hệ',
  martyrs: 'Số liệt sĩ',
  meritPersonRate: 'Tỷ lệ của người có công (%)',
  nurturing: 'Sống cô đơn',
  decisionNumber: 'Số quyết định',
  decisionDate: 'Ngày quyết định',
  decisionBody: 'Cơ quan ra quyết định',
  startMonth: 'Hưởng từ tháng',
} as const;
type Column = keyof typeof MERIT_IMPORT_COLUMNS;
const HEADERS: Record<string, Column> = Object.fromEntries(Object.entries(MERIT_IMPORT_COLUMNS).map(([f, h]) => [key(h), f as Column]));
const REQUIRED: readonly Column[] = ['householdCode', 'fullName', 'category', 'decisionNumber', 'decisionDate', 'decisionBody', 'startMonth'];

const yes = (s: string) => ['x', 'co', 'c', '1', 'yes', 'true'].includes(key(s));
const CATEGORY_WORDS: Record<string, MeritCategory> = Object.fromEntries(
  MERIT_CATEGORY_LIST.flatMap((c) => [
    [key(c.code), c.code],
    [key(c.text.vi), c.code],
  ]),
);
Object.assign(CATEGORY_WORDS, { [key('Thương binh')]: 'war_invalid', [key('Thân nhân liệt sĩ')]: 'relative', [key('Thân nhân')]: 'relative' });
const RELATIVE_WORDS: Record<string, string> = Object.fromEntries(
  RELATIVE_OF.flatMap((r) => [
    [key(r), r],
    [key(MERIT_CATEGORY_LIST.find((c) => c.code === r)!.text.vi), r],
  ]),
);
Object.assign(RELATIVE_WORDS, { [key('Thương binh')]: 'war_invalid', [key('Người nhiễm chất độc hóa học')]: 'toxic_chemical' });
const RELATION_WORDS: Record<string, string> = Object.fromEntries(
  RELATIONS.flatMap((r) => [
    [key(r), r],
    [key(RELATION_TEXT[r].vi), r],
  ]),
);
Object.assign(RELATION_WORDS, { [key('cha')]: 'father', [key('mẹ')]: 'mother', [key('vợ')]: 'spouse', [key('chồng')]: 'spouse' });
const INVALID_WORDS: Record<string, string> = {
  ...Object.fromEntries(INVALID_TYPES.map((t) => [key(t), t])),
  [key('Thương binh')]: 'invalid',
  [key('Như thương binh')]: 'treated_as_invalid',
  [key('Người hưởng chính sách như thương binh')]: 'treated_as_invalid',
  [key('Loại B')]: 'type_b',
  [key('Thương binh loại B')]: 'type_b',
};

/** dd/mm/yyyy (or yyyy-mm-dd) → ISO date, null when unreadable or not a calendar date. */
function isoDate(s: string): string | null {
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : (m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)) ? s : null;
  return iso && isIsoDate(iso) ? iso : null;
}
/** mm/yyyy (or yyyy-mm) → "YYYY-MM", null when unreadable. */
function month(s: string): string | null {
  let m = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
  const v = m ? `${m[2]}-${m[1]!.padStart(2, '0')}` : (m = /^(\d{4})-(\d{2})$/.exec(s)) ? s : null;
  return v && Number(v.slice(5)) >= 1 && Number(v.slice(5)) <= 12 ? v : null;
}
const int = (s: string): number | null => (/^\d+$/.test(s) ? Number(s) : null);

export interface MeritImportRow {
  readonly row: number;
  readonly householdCode: string;
  readonly fullName: string;
  readonly outcome: 'created' | 'changed' | 'unchanged' | 'error';
  readonly profileId: number | null;
  readonly errors: { column: string; message: Text }[];
}
export interface MeritImportReport {
  readonly rows: MeritImportRow[];
  readonly created: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly errors: number;
  readonly written: boolean;
}

interface Who {
  /** null: the CLI, acting as the system (`by` names it). */
  readonly actor: Actor | null;
  readonly by: string;
  readonly ip?: string | null;
  readonly today: string;
}

/** Canonical JSON of facts (sorted keys) to tell a changed row from the same one. */
const canon = (f: MeritFacts) => JSON.stringify(Object.fromEntries(Object.entries(f).sort(([a], [b]) => a.localeCompare(b))));

/**
 * Imports the table (first row = header) into the commune's profiles; dryRun checks only.
 * @example await withActor(db, actor, (tx) => importMeritProfiles(tx, { actor, today }, commune, rows, 'ds.xlsx', false))
 */
export async function importMeritProfiles(
  tx: Transaction<DB>,
  w: Who,
  commune: { id: number },
  table: readonly (readonly (string | undefined)[])[],
  fileName: string,
  dryRun: boolean,
): Promise<MeritImportReport> {
  assertCanImportProfiles(w.actor, commune.id);
  const [head, ...body] = table;
  const map = Array.from(head ?? [], (h) => HEADERS[key(h ?? '')] ?? null);
  const missing = REQUIRED.filter((c) => !map.includes(c));
  if (missing.length)
    throw AppError.validation(
      missing.map((c) => ({
        path: '/body/file',
        message: text(`Thiếu cột bắt buộc: “${MERIT_IMPORT_COLUMNS[c]}”`, `Missing required column: “${MERIT_IMPORT_COLUMNS[c]}”`),
      })),
    );
  const reports: MeritImportRow[] = [];
  const todo: { i: number; person: store.PersonRef; v: store.MeritProfileValues; existing: store.MeritProfileRow | null }[] = [];
  const seen = new Set<string>();
  for (const [i, cells] of body.entries()) {
    const raw = Object.fromEntries(Object.keys(MERIT_IMPORT_COLUMNS).map((c) => [c, ''])) as Record<Column, string>;
    map.forEach((f, j) => f && (raw[f] = String(cells?.[j] ?? '').trim()));
    if (Object.values(raw).every((v) => v === '')) continue;
    const errors: { column: string; message: Text }[] = [];
    const bad = (c: Column, vi: string, en: string) => errors.push({ column: MERIT_IMPORT_COLUMNS[c], message: { vi, en } });
    const category = CATEGORY_WORDS[key(raw.category)];
    if (!category) bad('category', `Diện không hợp lệ: “${raw.category}”`, `Unknown category: ${raw.category}`);
    const facts: Record<string, unknown> = {};
    const rate = (c: 'injuryRate' | 'meritPersonRate') => {
      if (!raw[c]) return;
      const n = int(raw[c].replace(/%$/, '').trim());
      if (n === null || n > 100) bad(c, `Tỷ lệ không hợp lệ: “${raw[c]}” (0–100)`, `Invalid rate: ${raw[c]} (0–100)`);
      else facts[c] = n;
    };
    rate('injuryRate');
    rate('meritPersonRate');
    if (raw.invalidType) {
      const t = INVALID_WORDS[key(raw.invalidType)];
      if (t) facts.invalidType = t;
      else bad('invalidType', `Loại thương binh không hợp lệ: “${raw.invalidType}”`, `Unknown type: ${raw.invalidType}`);
    } else if (category === 'war_invalid') facts.invalidType = 'invalid';
    if (raw.especiallySevere && yes(raw.especiallySevere)) facts.especiallySevere = true;
    if (raw.nurturing && yes(raw.nurturing)) facts.nurturing = true;
    let relation: string | undefined;
    if (raw.relation) {
      relation = RELATION_WORDS[key(raw.relation)];
      if (!relation) bad('relation', `Quan hệ không hợp lệ: “${raw.relation}”`, `Unknown relation: ${raw.relation}`);
    }
    if (raw.relativeOf) {
      const r = RELATIVE_WORDS[key(raw.relativeOf)];
      if (r) facts.relativeOf = r;
      else bad('relativeOf', `“Thân nhân của” không hợp lệ: “${raw.relativeOf}”`, `Unknown relativeOf: ${raw.relativeOf}`);
    } else if (category === 'relative' && raw.martyrs) facts.relativeOf = 'martyr';
    if (facts.relativeOf === 'martyr') {
      const n = int(raw.martyrs);
      if (raw.martyrs && (n === null || n < 1 || n > 20))
        bad('martyrs', `Số liệt sĩ không hợp lệ: “${raw.martyrs}”`, `Invalid number of martyrs: ${raw.martyrs}`);
      else if (n) facts.martyrs = Array.from({ length: n }, () => ({ relation: relation ?? 'child' }));
      if (n && !relation) bad('relation', 'Thân nhân liệt sĩ cần ghi quan hệ', "A martyr's relative needs the relation");
    } else if (relation) facts.relation = relation;
    if (category && !Value.Check(MeritFactsSchema, facts)) bad('category', 'Thông tin tính mức hưởng không hợp lệ', 'Invalid facts');
    const decisionDate = isoDate(raw.decisionDate);
    if (!decisionDate) bad('decisionDate', `Ngày quyết định không hợp lệ: “${raw.decisionDate}” (dd/mm/yyyy)`, `Invalid decision date: ${raw.decisionDate}`);
    const startMonth = month(raw.startMonth);
    if (!startMonth) bad('startMonth', `Tháng hưởng không hợp lệ: “${raw.startMonth}” (mm/yyyy)`, `Invalid start month: ${raw.startMonth}`);
    if (!raw.decisionNumber) bad('decisionNumber', 'Cần số quyết định công nhận', 'The decision number is required');
    if (!raw.decisionBody) bad('decisionBody', 'Cần cơ quan ra quyết định', 'The issuing body is required');
    const person = await findPerson(tx, commune.id, raw);
    if (typeof person === 'string') bad(raw.personalId ? 'personalId' : 'fullName', person, 'Not found in the registry');
    const v: store.MeritProfileValues | null =
      category && decisionDate && startMonth
        ? {
            category,
            facts: facts as MeritFacts,
            decisionNumber: raw.decisionNumber,
            decisionDate,
            decisionBody: raw.decisionBody,
            startMonth,
            endMonth: null,
          }
        : null;
    if (v)
      for (const e of valueErrors(v, w.today, { facts: (p) => p, decisionDate: 'decisionDate', endMonth: 'endMonth' })) {
        const col =
          (Object.keys(MERIT_IMPORT_COLUMNS) as Column[]).find((c) => e.path.endsWith(c)) ?? (e.path === 'decisionDate' ? 'decisionDate' : 'category');
        // one message a column: a rate already refused is not also "missing"
        if (!errors.some((x) => x.column === MERIT_IMPORT_COLUMNS[col])) bad(col, e.message.vi, e.message.en);
      }
    const k = typeof person === 'string' ? null : `${person.id}|${category}|${raw.decisionNumber}`;
    if (k && seen.has(k)) bad('decisionNumber', 'Hồ sơ lặp lại trong tệp (cùng người, diện, số quyết định)', 'Profile repeated in the file');
    if (k) seen.add(k);
    const base = { row: i + 2, householdCode: raw.householdCode, fullName: raw.fullName };
    if (errors.length || !v || typeof person === 'string') {
      reports.push({ ...base, outcome: 'error', profileId: null, errors });
      continue;
    }
    const existing = (await store.profilesOfPerson(tx, person.id)).find((p) => p.category === v.category && p.decision_number === v.decisionNumber) ?? null;
    const same =
      existing &&
      canon(existing.facts) === canon(v.facts) &&
      existing.decision_date === v.decisionDate &&
      existing.decision_body === v.decisionBody &&
      existing.start_month === v.startMonth;
    reports.push({ ...base, outcome: existing ? (same ? 'unchanged' : 'changed') : 'created', profileId: existing?.id ?? null, errors: [] });
    if (!same) todo.push({ i: reports.length - 1, person, v, existing });
  }
  const count = (o: MeritImportRow['outcome']) => reports.filter((r) => r.outcome === o).length;
  const errors = count('error');
  const written = !dryRun && errors === 0 && todo.length > 0;
  if (written) {
    const reason = `Nhập từ tệp ${fileName}`;
    for (const t of todo) {
      const id = t.existing
        ? (await store.updateProfile(tx, t.existing.id, t.v, w.by, reason), t.existing.id)
        : await store.insertProfile(tx, t.person, t.v, w.by, reason);
      (reports[t.i] as { profileId: number | null }).profileId = id;
      if (!(await store.isMeritPerson(tx, t.person.id))) await updatePerson(tx, t.person.id, { merit: true }, { by: w.by, reason });
    }
    await audit(tx, {
      actor: w.actor ? { userId: w.actor.userId, username: w.actor.username } : null,
      action: 'merit_profile.import',
      entity: 'merit_profile',
      entityId: null,
      unitId: commune.id,
      ip: w.ip ?? null,
      after: { file: fileName, created: count('created'), changed: count('changed'), unchanged: count('unchanged') },
    });
  }
  return { rows: reports, created: count('created'), changed: count('changed'), unchanged: count('unchanged'), errors, written };
}

/** The registry person of a row: by personal ID in the commune, else by household code and name; a message when not found or ambiguous. */
async function findPerson(tx: Transaction<DB>, unitId: number, raw: Record<Column, string>): Promise<store.PersonRef | string> {
  const r = raw.personalId
    ? await sql<{ id: number }>`select id from persons where unit_id = ${unitId} and personal_id = ${raw.personalId}`.execute(tx)
    : await sql<{ id: number }>`select p.id from persons p join households h on h.id = p.household_id
        where p.unit_id = ${unitId} and h.code = ${raw.householdCode} and lower(p.full_name) = lower(${raw.fullName})`.execute(tx);
  if (r.rows.length === 0)
    return raw.personalId
      ? `Không có nhân khẩu số định danh “${raw.personalId}” trong sổ hộ của xã`
      : `Không có “${raw.fullName}” trong hộ “${raw.householdCode}” của sổ hộ xã`;
  if (r.rows.length > 1) return `Có ${r.rows.length} người tên “${raw.fullName}” trong hộ “${raw.householdCode}”: ghi số định danh`;
  const p = (await store.personRef(tx, r.rows[0]!.id))!;
  if (p.death_date) return `“${raw.fullName}” đã chết (${p.death_date.split('-').reverse().join('/')}): không ghi hồ sơ hưởng mới`;
  return p;
}

/** The row-level report as CSV (Vietnamese): row, household, name, outcome, errors. */
export function meritImportReportCsv(r: MeritImportReport): string {
  const outcome = { created: 'mới', changed: 'thay đổi', unchanged: 'không đổi', error: 'lỗi' } as const;
  return toCsv([
    ['Dòng', 'Mã hộ', 'Họ và tên', 'Kết quả', 'Lỗi'],
    ...r.rows.map((x) => [x.row, x.householdCode, x.fullName, outcome[x.outcome], x.errors.map((e) => `${e.column}: ${e.message.vi}`).join('; ')]),
  ]);
}
