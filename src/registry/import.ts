// Import of households and persons from the template of docs/guide/doi-tuong-chi-tra.md (one
// row a person, Vietnamese column names): a dry run reports every row (new, unchanged, changed,
// rejected with its reasons); valid rows go in only on confirm, in one transaction; the same
// file twice changes nothing (content hash receipt, and natural keys: household code in the
// commune, personal ID or name + date of birth in the household).
import { createHash } from 'node:crypto';
import { badCells, storableEcho } from '../kernel/edge.ts';
import { excel } from '../kernel/excel.ts';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { text, type Text } from '../kernel/i18n.ts';
import { fold } from '../units/model.ts';
import { findEthnicGroup } from './ethnic.ts';
import {
  changedFields,
  deprivationKeys,
  deprivationIndicators,
  disabilityDegrees,
  foldName,
  relations,
  schoolingLevels,
  validateHousehold,
  validateMembers,
  validatePerson,
  type HouseholdInput,
  type PersonInput,
  type Relation,
  type Disability,
  type Schooling,
  type PersonCondition,
} from './model.ts';
import { toCsv } from '../kernel/csv.ts';
import * as store from './store.ts';

/** Template columns: Vietnamese header → field. Headers match accent- and case-insensitively. */
export const templateColumns = {
  household: ['Mã hộ', 'Bản/thôn', 'Địa chỉ', 'Khu vực', 'Thu nhập bình quân (đồng/người/tháng)', 'Xã đặc biệt khó khăn', 'Hộ người có công'],
  person: [
    'Họ và tên',
    'Ngày sinh',
    'Giới tính',
    'Số định danh cá nhân',
    'Mã số BHXH',
    'Dân tộc',
    'Quan hệ với chủ hộ',
    'Khuyết tật',
    'Ngày cấp giấy xác nhận khuyết tật',
    'Lương hưu/trợ cấp BHXH',
    'BHXH',
    'BHYT',
    'Đi học',
    'Diện đặc biệt',
    'Người có công',
    'Ngày mất',
  ],
} as const;

/** Deprivation columns: "Thiếu hụt: <indicator name>" with x = deprived, blank = not deprived. */
export function deprivationColumns(): { key: string; header: string }[] {
  return deprivationIndicators('2022-2026').map((i) => ({ key: i.key, header: `Thiếu hụt: ${i.text.vi.split(':')[0]!}` }));
}

export function templateHeader(): string[] {
  return [...templateColumns.household, ...deprivationColumns().map((c) => c.header), ...templateColumns.person];
}

const key = (h: string) => fold(h).replace(/[^a-z0-9]/g, '');

// ---- reading files ---------------------------------------------------------------------

export { importFileTypeProblem, readTableBuffer, MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS } from '../kernel/table.ts';

export const contentHash = (buf: Buffer | string) => createHash('sha256').update(buf).digest('hex');

// ---- parsing rows (pure) ---------------------------------------------------------------

export interface RowProblem {
  readonly column: string;
  readonly message: Text;
}

export interface ParsedRow {
  readonly row: number;
  readonly household: HouseholdInput & { villageName: string };
  readonly person: PersonInput;
  readonly problems: RowProblem[];
}

const yes = (s: string) => ['x', 'co', 'c', '1', 'yes', 'true', 'dung'].includes(key(s));

/** dd/mm/yyyy, d/m/yyyy or yyyy-mm-dd → ISO; null when blank; undefined when unreadable. */
export function parseDateVi(s: string): string | null | undefined {
  const t = s.trim();
  if (t === '') return null;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  return undefined;
}

function pick<T extends string>(labels: Record<T, Text>, s: string, extra: Record<string, T> = {}): T | undefined {
  const k = key(s);
  if (k in extra) return extra[k];
  for (const [code, t] of Object.entries(labels) as [T, Text][]) if (key(t.vi) === k || key(code) === k || key(t.en) === k) return code;
  return undefined;
}

/** Parses the table (first row = header) into rows with every problem found. */
export function parseRegistryTable(table: string[][], today: string): { rows: ParsedRow[]; headerProblems: Text[] } {
  const headerProblems = checkHeader(table[0] ?? []);
  if (headerProblems.length) return { rows: [], headerProblems };
  return { rows: crossRowChecks(parseRows(table, 1, table.length, today)), headerProblems: [] };
}

const requiredColumns = ['Mã hộ', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Quan hệ với chủ hộ'];

/** The problems of the header row: the required columns it lacks. */
export function checkHeader(headerRow: readonly string[]): Text[] {
  const header = headerRow.map(key);
  const missing = requiredColumns.filter((h) => !header.includes(key(h)));
  return missing.length
    ? [text(`Thiếu cột: ${missing.join(', ')} (xem mẫu trong hướng dẫn)`, `Missing columns: ${missing.join(', ')} (see the template)`)]
    : [];
}

/**
 * Parses rows [from, to) of the table (row 0 is the header) with the checks one row allows;
 * the import job does this in chunks. crossRowChecks adds the rules between rows.
 */
export function parseRows(table: string[][], from: number, to: number, today: string): ParsedRow[] {
  const header = (table[0] ?? []).map(key);
  const col = (h: string) => header.indexOf(key(h));
  const dep = deprivationColumns().map((d) => ({ ...d, i: col(d.header) }));
  const rows: ParsedRow[] = [];
  const columnName = (i: number) => storableEcho((table[0]?.[i] ?? '').trim()) || `Cột ${i + 1}`;
  for (let r = Math.max(1, from); r < Math.min(to, table.length); r++) {
    const raw = table[r]!;
    if (raw.every((c) => (c ?? '').trim() === '')) continue;
    // A cell the database cannot store (NUL, a lone surrogate: a .csv with a NUL byte, an .xlsx's
    // _x0000_ or _xD800_) refuses its row, naming the column; the row is read on with the
    // character shown as U+FFFD so that its report can be kept.
    const refused = badCells(raw);
    const cells = refused.length ? raw.map((c) => storableEcho(c ?? '')) : raw;
    const get = (h: string) => {
      const i = col(h);
      return i < 0 ? '' : (cells[i] ?? '').trim();
    };
    const problems: RowProblem[] = refused.map((b) => ({ column: columnName(b.index), message: b.message }));
    const bad = (column: string, message: Text) => problems.push({ column, message });
    const dob = parseDateVi(get('Ngày sinh'));
    if (dob === undefined || dob === null) bad('Ngày sinh', text('Ngày sinh phải có dạng dd/mm/yyyy', 'Date of birth must be dd/mm/yyyy'));
    const sexS = key(get('Giới tính'));
    const sex = sexS === 'nam' || sexS === 'm' ? 'M' : sexS === 'nu' || sexS === 'f' ? 'F' : undefined;
    if (!sex) bad('Giới tính', text('Giới tính phải là "Nam" hoặc "Nữ"', 'Sex must be "Nam" or "Nữ"'));
    const eth = findEthnicGroup(get('Dân tộc'));
    if (!eth) bad('Dân tộc', text(`"${get('Dân tộc')}" không có trong danh mục 54 dân tộc`, `"${get('Dân tộc')}" is not one of the 54 ethnic groups`));
    const relation = pick(relations, get('Quan hệ với chủ hộ'), {
      vo: 'spouse',
      chong: 'spouse',
      bo: 'parent',
      me: 'parent',
      ong: 'grandparent',
      ba: 'grandparent',
      anh: 'sibling',
      chi: 'sibling',
      em: 'sibling',
    }) as Relation | undefined;
    if (!relation)
      bad(
        'Quan hệ với chủ hộ',
        text('Quan hệ với chủ hộ không hợp lệ (Chủ hộ, Vợ/chồng, Con, Bố/mẹ, Cháu, Ông/bà, Anh/chị/em, Khác)', 'Unknown relation to the head'),
      );
    const disS = get('Khuyết tật');
    const disability = (
      disS === '' ? 'none' : pick(disabilityDegrees, disS, { nhe: 'mild', nang: 'severe', dacbietnang: 'especially_severe', khong: 'none' })
    ) as Disability | undefined;
    if (!disability) bad('Khuyết tật', text('Mức độ khuyết tật: Không, Nhẹ, Nặng, Đặc biệt nặng', 'Disability: none, mild, severe, especially severe'));
    const schS = get('Đi học');
    const schooling = (
      schS === ''
        ? 'none'
        : pick(schoolingLevels, schS, {
            khong: 'none',
            mamnon: 'preschool',
            maugiao: 'preschool',
            thcs: 'lower_secondary',
            thpt: 'upper_secondary',
            daihoc: 'higher',
            caodang: 'higher',
            nghe: 'vocational',
          })
    ) as Schooling | undefined;
    if (!schooling) bad('Đi học', text('Cấp học không hợp lệ', 'Unknown schooling level'));
    const areaS = key(get('Khu vực'));
    const area = areaS === '' || areaS === 'nongthon' ? 'rural' : areaS === 'thanhthi' ? 'urban' : undefined;
    if (!area) bad('Khu vực', text('Khu vực là "Nông thôn" hoặc "Thành thị"', 'Area is "Nông thôn" or "Thành thị"'));
    const incS = get('Thu nhập bình quân (đồng/người/tháng)').replace(/[.,\s]/g, '');
    const income = incS === '' ? null : /^\d+$/.test(incS) ? Number(incS) : undefined;
    if (income === undefined)
      bad('Thu nhập bình quân (đồng/người/tháng)', text('Thu nhập phải là số đồng (ví dụ 1.200.000)', 'Income must be a number of VND'));
    const death = parseDateVi(get('Ngày mất'));
    if (death === undefined) bad('Ngày mất', text('Ngày mất phải có dạng dd/mm/yyyy', 'Date of death must be dd/mm/yyyy'));
    const cert = parseDateVi(get('Ngày cấp giấy xác nhận khuyết tật'));
    if (cert === undefined) bad('Ngày cấp giấy xác nhận khuyết tật', text('Ngày phải có dạng dd/mm/yyyy', 'Date must be dd/mm/yyyy'));
    const siS = key(get('BHXH'));
    const socialInsurance =
      siS === '' || siS === 'khong' ? 'none' : siS.startsWith('batbuoc') ? 'compulsory' : siS.startsWith('tunguyen') ? 'voluntary' : undefined;
    if (!socialInsurance) bad('BHXH', text('BHXH: Không, Bắt buộc hoặc Tự nguyện', 'Social insurance: none, compulsory or voluntary'));
    const conditions: PersonCondition[] = [];
    for (const part of get('Diện đặc biệt')
      .split(/[;,]/)
      .map((s) => key(s))
      .filter(Boolean)) {
      const c = (
        {
          khongnguonnuoiduong: 'no_support',
          khongnguoiphungduong: 'no_support',
          hiv: 'hiv',
          donthan: 'single_parent',
          chamsoctaicongdong: 'community_care',
          khongthunhapondinh: 'no_stable_income',
        } as Record<string, PersonCondition>
      )[part];
      if (c) conditions.push(c);
      else
        bad(
          'Diện đặc biệt',
          text(
            `Không hiểu "${part}" (dùng: không nguồn nuôi dưỡng; HIV; đơn thân; chăm sóc tại cộng đồng; không thu nhập ổn định)`,
            `Unknown condition "${part}"`,
          ),
        );
    }
    const deprivations: Record<string, boolean> = {};
    for (const d of dep) if (d.i >= 0) deprivations[d.key] = yes(cells[d.i] ?? '');
    const household = {
      code: get('Mã hộ'),
      villageName: get('Bản/thôn'),
      villageId: null,
      address: get('Địa chỉ'),
      area: area ?? 'rural',
      incomePerMonth: income ?? null,
      deprivations,
      disadvantagedArea: yes(get('Xã đặc biệt khó khăn')),
      merit: yes(get('Hộ người có công')),
    } as const;
    const person: PersonInput = {
      personalId: get('Số định danh cá nhân').replace(/\s/g, '') || null,
      socialInsuranceNo: get('Mã số BHXH') || null,
      fullName: get('Họ và tên'),
      dateOfBirth: dob ?? '',
      sex: sex ?? 'M',
      ethnicCode: eth?.code ?? '00',
      relation: relation ?? 'other',
      disability: disability ?? 'none',
      disabilityCertifiedOn: cert ?? null,
      pension: yes(get('Lương hưu/trợ cấp BHXH')),
      socialInsurance: socialInsurance ?? 'none',
      healthInsurance: yes(get('BHYT')),
      schooling: schooling ?? 'none',
      conditions,
      merit: yes(get('Người có công')),
      deathDate: death ?? null,
    };
    if (dob && sex && eth) {
      const labels: Record<string, string> = {
        fullName: 'Họ và tên',
        dateOfBirth: 'Ngày sinh',
        personalId: 'Số định danh cá nhân',
        deathDate: 'Ngày mất',
        socialInsuranceNo: 'Mã số BHXH',
        ethnicCode: 'Dân tộc',
        disabilityCertifiedOn: 'Ngày cấp giấy xác nhận khuyết tật',
      };
      for (const e of validatePerson(person, today)) bad(labels[e.path.slice(1)] ?? e.path.slice(1), e.message);
    } else if (!person.fullName) bad('Họ và tên', text('Họ và tên không được để trống', 'The full name is required'));
    for (const e of validateHousehold(household)) bad(e.path === '/code' ? 'Mã hộ' : 'Thu nhập bình quân (đồng/người/tháng)', e.message);
    rows.push({ row: r + 1, household, person, problems });
  }
  return rows;
}

/** Household-level rules: one head; the same code has the same household facts; a personal ID once. */
export function crossRowChecks(rows: ParsedRow[]): ParsedRow[] {
  const byCode = new Map<string, ParsedRow[]>();
  for (const r of rows) (byCode.get(r.household.code) ?? byCode.set(r.household.code, []).get(r.household.code)!).push(r);
  for (const [, rs] of byCode) {
    const first = rs[0]!;
    const m = validateMembers(rs.map((r) => r.person));
    if (m.length) for (const r of rs) r.problems.push({ column: 'Quan hệ với chủ hộ', message: m[0]!.message });
    for (const r of rs.slice(1)) {
      if (
        r.household.address !== first.household.address ||
        r.household.incomePerMonth !== first.household.incomePerMonth ||
        r.household.villageName !== first.household.villageName
      ) {
        r.problems.push({
          column: 'Mã hộ',
          message: text(`Thông tin hộ khác với dòng ${first.row} cùng mã hộ`, `Household facts differ from row ${first.row} with the same code`),
        });
      }
    }
  }
  const seen = new Map<string, number>();
  for (const r of rows) {
    const id = r.person.personalId;
    if (!id) continue;
    if (seen.has(id))
      r.problems.push({
        column: 'Số định danh cá nhân',
        message: text(`Trùng số định danh với dòng ${seen.get(id)}`, `Same personal ID as row ${seen.get(id)}`),
      });
    else seen.set(id, r.row);
  }
  return rows;
}

// ---- applying (dry run or confirm) ---------------------------------------------------

export type RowStatus = 'new' | 'unchanged' | 'changed' | 'rejected';

export interface ReportRow {
  readonly row: number;
  readonly householdCode: string;
  readonly fullName: string;
  readonly status: RowStatus;
  readonly reasons: { column: string; message: Text }[];
}

export interface ImportReport {
  readonly dryRun: boolean;
  readonly alreadyImported: boolean;
  readonly fileHash: string;
  readonly counts: Record<RowStatus, number>;
  readonly rows: ReportRow[];
  readonly headerProblems: Text[];
}

/**
 * Compares the parsed rows with the registry and, unless `dryRun`, applies the valid ones in
 * the caller's transaction. A household with any rejected row is left out whole (its members
 * belong together), and every row of it says why.
 */
export async function applyImport(
  tx: Transaction<DB>,
  commune: store.Commune,
  parsed: { rows: ParsedRow[]; headerProblems: Text[] },
  o: { dryRun: boolean; hash: string; fileName: string; by: string | null },
): Promise<ImportReport> {
  const counts: Record<RowStatus, number> = { new: 0, unchanged: 0, changed: 0, rejected: 0 };
  const report: ReportRow[] = [];
  const prior = await tx.selectFrom('registry_imports').select('id').where('unit_id', '=', commune.id).where('content_hash', '=', o.hash).executeTakeFirst();
  if (prior) {
    return {
      dryRun: o.dryRun,
      alreadyImported: true,
      fileHash: o.hash,
      counts: { ...counts, unchanged: parsed.rows.length },
      rows: parsed.rows.map((r) => ({ row: r.row, householdCode: r.household.code, fullName: r.person.fullName, status: 'unchanged', reasons: [] })),
      headerProblems: [],
    };
  }
  const villages = new Map((await store.villagesOf(tx, commune.id)).map((v) => [key(v.name.replace(/^(Bản|Thôn|Tổ dân phố) /, '')), v.id]));
  const villageId = (name: string) => (name ? villages.get(key(name.replace(/^(Bản|Thôn|Tổ dân phố) /i, ''))) : null);
  const groups = new Map<string, ParsedRow[]>();
  for (const r of parsed.rows) (groups.get(r.household.code) ?? groups.set(r.household.code, []).get(r.household.code)!).push(r);
  // Personal IDs already in the registry elsewhere (another household or commune) are rejected.
  const known = new Map(
    (
      await store.personsByPersonalId(
        tx,
        parsed.rows.map((r) => r.person.personalId).filter((x): x is string => !!x),
      )
    ).map((p) => [p.personal_id!, p]),
  );
  let households = 0;
  let persons = 0;
  for (const [code, rows] of groups) {
    for (const r of rows) {
      if (r.household.villageName && villageId(r.household.villageName) === undefined)
        r.problems.push({
          column: 'Bản/thôn',
          message: text(`Xã không có bản/thôn "${r.household.villageName}"`, `No village "${r.household.villageName}" in this commune`),
        });
    }
    const existing = await store.householdByCode(tx, commune.id, code);
    for (const r of rows) {
      const other = r.person.personalId ? known.get(r.person.personalId) : undefined;
      if (other && other.household_id !== existing?.id)
        r.problems.push({
          column: 'Số định danh cá nhân',
          message: text('Số định danh này đã có trong sổ ở hộ khác', 'This personal ID is already registered in another household'),
        });
    }
    if (rows.some((r) => r.problems.length > 0)) {
      for (const r of rows) {
        counts.rejected++;
        report.push({
          row: r.row,
          householdCode: code,
          fullName: r.person.fullName,
          status: 'rejected',
          reasons: r.problems.length
            ? r.problems
            : [
                {
                  column: 'Mã hộ',
                  message: text('Hộ có dòng bị từ chối nên chưa nhập cả hộ', 'Another row of this household was rejected, so the household is held back'),
                },
              ],
        });
      }
      continue;
    }
    const h0 = rows[0]!.household;
    const hInput: HouseholdInput = {
      code,
      villageId: villageId(h0.villageName) ?? null,
      address: h0.address,
      area: h0.area,
      incomePerMonth: h0.incomePerMonth,
      deprivations: h0.deprivations,
      disadvantagedArea: h0.disadvantagedArea,
      merit: h0.merit,
    };
    const meta = { by: o.by, reason: `nhập từ tệp ${o.fileName}` };
    if (!existing) {
      for (const r of rows) {
        counts.new++;
        report.push({ row: r.row, householdCode: code, fullName: r.person.fullName, status: 'new', reasons: [] });
      }
      if (!o.dryRun) {
        await store.registerHousehold(
          tx,
          commune,
          hInput,
          rows.map((r) => r.person),
          meta,
        );
        households++;
        persons += rows.length;
      }
      continue;
    }
    const hBefore: HouseholdInput = {
      code,
      villageId: existing.village_id,
      address: existing.address,
      area: existing.area,
      incomePerMonth: existing.income_per_month,
      deprivations: existing.deprivations,
      disadvantagedArea: existing.disadvantaged_area,
      merit: existing.merit,
    };
    const hChanged = changedFields(hBefore, hInput);
    if (hChanged.length && !o.dryRun) {
      await store.updateHousehold(tx, existing.id, Object.fromEntries(hChanged.map((k) => [k, hInput[k]])), meta);
      households++;
    }
    const members = (existing as store.HouseholdRow & { members: store.PersonRow[] }).members;
    for (const r of rows) {
      const p = r.person;
      const match = members.find(
        (m) => (p.personalId && m.personal_id === p.personalId) || (foldName(m.full_name) === foldName(p.fullName) && m.date_of_birth === p.dateOfBirth),
      );
      if (!match) {
        counts.new++;
        report.push({ row: r.row, householdCode: code, fullName: p.fullName, status: 'new', reasons: [] });
        if (!o.dryRun) {
          await store.insertPerson(tx, commune, existing.id, p, meta);
          persons++;
        }
        continue;
      }
      const before: PersonInput = {
        personalId: match.personal_id,
        socialInsuranceNo: match.social_insurance_no,
        fullName: match.full_name,
        dateOfBirth: match.date_of_birth,
        sex: match.sex,
        ethnicCode: match.ethnic_code,
        relation: match.relation as Relation,
        disability: match.disability as Disability,
        disabilityCertifiedOn: match.disability_certified_on,
        pension: match.pension,
        socialInsurance: match.social_insurance as PersonInput['socialInsurance'],
        healthInsurance: match.health_insurance,
        schooling: match.schooling as Schooling,
        conditions: match.conditions as PersonCondition[],
        merit: match.merit,
        deathDate: match.death_date,
      };
      const changed = changedFields(before, p);
      const status: RowStatus = changed.length || (hChanged.length && r === rows[0]) ? 'changed' : 'unchanged';
      counts[status]++;
      report.push({
        row: r.row,
        householdCode: code,
        fullName: p.fullName,
        status,
        reasons: [...changed, ...(r === rows[0] ? hChanged : [])].map((f) => ({
          column: String(f),
          message: text('Thay đổi so với sổ', 'Changed from the registry'),
        })),
      });
      if (changed.length && !o.dryRun) {
        await store.updatePerson(tx, match.id, Object.fromEntries(changed.map((k) => [k, p[k]])), meta);
        persons++;
      }
    }
  }
  if (!o.dryRun) {
    await tx
      .insertInto('registry_imports')
      .values({ unit_id: commune.id, content_hash: o.hash, file_name: o.fileName, households, persons, created_by: o.by })
      .execute();
  }
  report.sort((a, b) => a.row - b.row);
  return { dryRun: o.dryRun, alreadyImported: false, fileHash: o.hash, counts, rows: report, headerProblems: parsed.headerProblems };
}

const statusVi: Record<RowStatus, string> = { new: 'Mới', unchanged: 'Không đổi', changed: 'Thay đổi', rejected: 'Bị từ chối' };

/** The row-level report as a table (for .csv and .xlsx downloads). */
export function reportTable(r: ImportReport): string[][] {
  return [
    ['Dòng', 'Mã hộ', 'Họ và tên', 'Kết quả', 'Lý do'],
    ...r.rows.map((x) => [String(x.row), x.householdCode, x.fullName, statusVi[x.status], x.reasons.map((e) => `${e.column}: ${e.message.vi}`).join('; ')]),
  ];
}

export function reportCsv(r: ImportReport): string {
  return toCsv(reportTable(r));
}

export async function reportXlsx(r: ImportReport): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const ws = wb.addWorksheet('Ket qua');
  for (const row of reportTable(r)) ws.addRow(row);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = [8, 12, 28, 14, 80][i]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export { deprivationKeys };
