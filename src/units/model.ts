// Administrative units as the Statistics Office lists them: header recognition, row
// validation and the naming rules (kind prefixes), with no I/O.
import { text, type Text } from '../kernel/i18n.ts';
import type { FieldError } from '../kernel/errors.ts';
import { badCells, storableEcho } from '../kernel/edge.ts';

export const UNIT_LEVELS = ['province', 'district', 'commune', 'village'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];
/** A successor takes all of a predecessor's area or part of it (unit_lineage.part). */
export const LINEAGE_PARTS = ['full', 'partial'] as const;
export type LineagePart = (typeof LINEAGE_PARTS)[number];

export const provinceKinds = ['Tỉnh', 'Thành phố Trung ương'] as const;
export const districtKinds = ['Huyện', 'Quận', 'Thị xã', 'Thành phố'] as const;
export const communeKinds = ['Xã', 'Phường', 'Thị trấn', 'Đặc khu'] as const;
export const villageKinds = ['Thôn', 'Bản', 'Tổ dân phố', 'Ấp', 'Khóm', 'Buôn', 'Làng'] as const;

/** The code length of each level: 2-digit province, 3-digit district, 5-digit commune. */
export const codeLength: Record<Exclude<UnitLevel, 'village'>, number> = { province: 2, district: 3, commune: 5 };

/** Accent- and case-insensitive form used to match headers and names ("Mã Tỉnh" → "ma tinh"). */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits an official name into its kind and bare name: "Xã Thu Lũm" → ["Xã", "Thu Lũm"]. */
export function splitKind(name: string): { kind: string | null; bare: string } {
  const n = name.trim();
  for (const k of [
    'Thành phố Trung ương',
    'Thành phố',
    'Thị trấn',
    'Thị xã',
    'Tổ dân phố',
    'Đặc khu',
    'Tỉnh',
    'Huyện',
    'Quận',
    'Phường',
    'Xã',
    'Thôn',
    'Bản',
    'Ấp',
    'Khóm',
    'Buôn',
    'Làng',
  ]) {
    if (n.startsWith(k + ' ')) return { kind: k === 'Thành phố Trung ương' ? 'Thành phố' : k, bare: n.slice(k.length + 1) };
  }
  return { kind: null, bare: n };
}

/**
 * The official display name with its kind: the 2025 province list gives bare names ("Lai
 * Châu"), the units list gives "Tỉnh Lai Châu" / "Thành phố Hà Nội".
 */
export function provinceName(raw: string): { name: string; kind: string } {
  const { kind, bare } = splitKind(raw);
  if (kind === 'Thành phố') return { name: `Thành phố ${bare}`, kind: 'Thành phố Trung ương' };
  return { name: `Tỉnh ${bare}`, kind: 'Tỉnh' };
}

/**
 * Column roles the importer recognises, with the header spellings it accepts (folded by
 * `headerKey`). Besides our own layout ("Mã tỉnh, Tên tỉnh, Mã xã, Tên xã, Cấp") this covers
 * the Statistics Office directory export ("Mã, Tên, Cấp, Mã QH, Quận Huyện, Mã TP, Tỉnh /
 * Thành Phố") and the English headers of reference/units/*.csv.
 */
export const columnAliases = {
  provinceCode: ['ma tinh', 'ma tinh/tp', 'ma tp', 'province_code', 'ma so tinh', 'ma so'],
  provinceName: ['ten tinh', 'ten tinh/tp', 'ten tinh/thanh pho', 'tinh/thanh pho', 'tinh', 'province_name', 'ten tinh, thanh pho', 'ten 34 tinh sau sap nhap'],
  provinceKind: ['loai tinh', 'province_type'],
  districtCode: ['ma huyen', 'ma qh', 'ma quan/huyen', 'district_code'],
  districtName: ['ten huyen', 'ten quan huyen', 'ten quan/huyen', 'quan huyen', 'quan/huyen', 'huyen', 'district_name'],
  districtKind: ['loai huyen', 'district_type'],
  communeCode: ['ma xa', 'ma px', 'ma phuong/xa', 'commune_code', 'ma don vi', 'ma'],
  communeName: ['ten xa', 'ten phuong xa', 'ten phuong/xa', 'commune_name', 'ten don vi', 'ten'],
  communeKind: ['cap', 'loai', 'loai xa', 'commune_type', 'cap xa'],
  validFrom: ['hieu luc tu', 'valid_from', 'ngay hieu luc', 'hieu luc tu ngay'],
} as const;

/** A header cell as matched against the aliases: folded, "Tỉnh / Thành Phố" → "tinh/thanh pho". */
export function headerKey(h: string): string {
  return fold(h)
    .replace(/\s*\/\s*/g, '/')
    .replace(/[.:*()]/g, '')
    .trim();
}

export type ColumnRole = keyof typeof columnAliases;

export interface HeaderMap {
  readonly columns: Partial<Record<ColumnRole, number>>;
  readonly errors: readonly FieldError[];
}

/** Finds which column holds what. Requires province code and name; commune columns optional (a province list). */
export function mapHeader(header: readonly string[]): HeaderMap {
  const columns: Partial<Record<ColumnRole, number>> = {};
  header.forEach((h, i) => {
    const f = headerKey(String(h ?? ''));
    for (const [role, aliases] of Object.entries(columnAliases) as [ColumnRole, readonly string[]][]) {
      if (columns[role] === undefined && aliases.includes(f)) {
        columns[role] = i;
        return;
      }
    }
  });
  const errors: FieldError[] = [];
  const need = (role: ColumnRole, label: string) => {
    if (columns[role] === undefined) errors.push({ path: `/header/${label}`, message: text(`Thiếu cột "${label}"`, `Missing column "${label}"`) });
  };
  need('provinceCode', 'Mã tỉnh');
  need('provinceName', 'Tên tỉnh');
  if ((columns.communeCode === undefined) !== (columns.communeName === undefined)) {
    need('communeCode', 'Mã xã');
    need('communeName', 'Tên xã');
  }
  if ((columns.districtCode === undefined) !== (columns.districtName === undefined)) {
    need('districtCode', 'Mã huyện');
    need('districtName', 'Tên huyện');
  }
  return { columns, errors };
}

export interface UnitRow {
  readonly rowNumber: number;
  readonly province: { code: string; name: string; kind: string };
  readonly district: { code: string; name: string; kind: string } | null;
  readonly commune: { code: string; name: string; kind: string } | null;
  readonly validFrom: string | null;
}

export interface RowError {
  readonly rowNumber: number;
  readonly column: string;
  readonly value: string;
  readonly reason: Text;
}

function digits(v: string, len: number): string | null {
  const s = v.trim();
  if (!/^\d+$/.test(s) || s.length > len) return null;
  return s.padStart(len, '0'); // Excel drops leading zeros: "1" is province "01"
}

/** The kind prefix of a name among the kinds of one level ("Bản Lầu" is a bare commune name). */
function prefixKind(name: string, allowed: readonly string[]): string | null {
  const k = splitKind(name).kind;
  if (k === null) return null;
  const hit = allowed.find((a) => a === k || (k === 'Thành phố' && a === 'Thành phố Trung ương'));
  return hit ?? null;
}

/**
 * The kind a name itself states, among the kinds of its level: "Phường 5" is a ward whatever a
 * type column says (reference/units/units-before-2025-07.csv marks Phường 5 and Phường 15 of
 * Quận Phú Nhuận as "Xã"); null for a bare name.
 */
export function kindOfName(name: string, level: Exclude<UnitLevel, 'village'>): string | null {
  return prefixKind(name, level === 'province' ? provinceKinds : level === 'district' ? districtKinds : communeKinds);
}

/** A kind named in a "Cấp"/"Loại" cell, matched without accents or case. */
function explicitKind(e: string, allowed: readonly string[]): string | null {
  const f = fold(e);
  return allowed.find((k) => fold(k) === f) ?? null;
}

/** Validates a date cell: dd/mm/yyyy (as officials write it) or yyyy-mm-dd; null when invalid. */
export function parseDateCell(v: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  const iso = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
  if (!iso) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null; // 30/02 is refused
}

const levelLabel = { district: ['huyện', 'district'], commune: ['xã', 'commune'] } as const;

/** Validates and normalises one data row; returns every problem in the row, not only the first. */
export function parseRow(cells: readonly string[], map: HeaderMap, rowNumber: number): { row: UnitRow | null; errors: RowError[] } {
  const c = map.columns;
  const get = (r: ColumnRole) => (c[r] === undefined ? undefined : String(cells[c[r]!] ?? '').trim());
  const errors: RowError[] = [];
  const err = (column: string, value: string | undefined, vi: string, en: string) =>
    errors.push({ rowNumber, column, value: value ?? '', reason: text(vi, en) });

  const pCode = digits(get('provinceCode') ?? '', 2);
  if (!pCode) err('Mã tỉnh', get('provinceCode'), 'Mã tỉnh phải gồm 2 chữ số', 'Province code must be 2 digits');
  const pNameRaw = get('provinceName') ?? '';
  if (!pNameRaw) err('Tên tỉnh', pNameRaw, 'Thiếu tên tỉnh', 'Province name is missing');
  const pKindCell = get('provinceKind');
  let province: UnitRow['province'] | null = null;
  if (pCode && pNameRaw) {
    const k = pKindCell ? explicitKind(pKindCell, provinceKinds) : null;
    if (pKindCell && !k)
      err(
        'Loại tỉnh',
        pKindCell,
        'Loại đơn vị cấp tỉnh không hợp lệ; dùng Tỉnh hoặc Thành phố Trung ương',
        'Unknown province kind; use Tỉnh or Thành phố Trung ương',
      );
    else {
      const named = prefixKind(pNameRaw, provinceKinds);
      if (k && named && named !== k)
        err('Loại tỉnh', pKindCell, `Tên "${pNameRaw}" không khớp với loại "${k}"`, `Name "${pNameRaw}" does not match kind "${k}"`);
      else if (named) province = { code: pCode, name: pNameRaw, kind: named };
      else if (k) province = { code: pCode, name: `${k === 'Tỉnh' ? 'Tỉnh' : 'Thành phố'} ${pNameRaw}`, kind: k };
      else province = { code: pCode, ...provinceName(pNameRaw) };
    }
  }

  // Districts and communes follow the same rules: code of the right length, a name, a known
  // kind (from the "Cấp"/"Loại" column or the name's prefix), and the name stored with its kind.
  const lower = (level: 'district' | 'commune'): { code: string; name: string; kind: string } | null => {
    const [codeRole, nameRole, kindRole] =
      level === 'district' ? (['districtCode', 'districtName', 'districtKind'] as const) : (['communeCode', 'communeName', 'communeKind'] as const);
    const kinds = level === 'district' ? districtKinds : communeKinds;
    const [vi, en] = levelLabel[level];
    const codeCol = `Mã ${vi}`;
    const nameCol = `Tên ${vi}`;
    const kindCol = level === 'district' ? 'Loại huyện' : 'Cấp';
    const code = digits(get(codeRole) ?? '', codeLength[level]);
    const name = get(nameRole) ?? '';
    if (!code)
      err(
        codeCol,
        get(codeRole),
        `Mã ${vi} phải gồm ${codeLength[level]} chữ số`,
        `${en[0]!.toUpperCase()}${en.slice(1)} code must be ${codeLength[level]} digits`,
      );
    if (!name) err(nameCol, name, `Thiếu tên ${vi}`, `${en[0]!.toUpperCase()}${en.slice(1)} name is missing`);
    if (!code || !name) return null;
    const cell = get(kindRole);
    const k = cell ? explicitKind(cell, kinds) : null;
    if (cell && !k) {
      err(
        kindCol,
        cell,
        `${kindCol} "${cell}" không hợp lệ; dùng ${kinds.slice(0, -1).join(', ')} hoặc ${kinds.at(-1)}`,
        `Unknown kind "${cell}"; use ${kinds.join(', ')}`,
      );
      return null;
    }
    const named = prefixKind(name, kinds);
    if (k && named && named !== k) {
      err(kindCol, cell, `Tên "${name}" không khớp với cấp "${k}"`, `Name "${name}" does not match kind "${k}"`);
      return null;
    }
    const kind = k ?? named ?? (level === 'district' ? 'Huyện' : 'Xã');
    return { code, name: named ? name : `${kind} ${name}`, kind };
  };
  const district = c.districtCode !== undefined ? lower('district') : null;
  const commune = c.communeCode !== undefined ? lower('commune') : null;

  let validFrom: string | null = null;
  const vf = get('validFrom');
  if (vf) {
    validFrom = parseDateCell(vf);
    if (!validFrom) err('Hiệu lực từ', vf, 'Ngày hiệu lực phải là một ngày có thật, dạng dd/mm/yyyy', 'Date must be a real date, dd/mm/yyyy');
  }
  if (errors.length > 0 || !province) return { row: null, errors };
  return { row: { rowNumber, province, district, commune, validFrom }, errors };
}

/** A unit to write, in one era (current or pre-reform); its parent is named by code. */
export interface NewUnit {
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly kind: string;
  /** Code of the parent in the same era (current or pre-reform). */
  readonly parentCode: string | null;
  readonly parentLevel: UnitLevel | null;
}

/**
 * Finds the header row: official lists often start with a title ("DANH MỤC ĐƠN VỊ HÀNH
 * CHÍNH ...") and a blank line. The first of the first 10 rows that names the province
 * columns is the header; failing that, the first row (so its errors are reported).
 */
export function findHeader(table: readonly (readonly string[])[]): number {
  for (let i = 0; i < Math.min(10, table.length); i++) if (mapHeader(table[i]!).errors.length === 0) return i;
  return 0;
}

export interface ParsedTable {
  readonly rows: UnitRow[];
  readonly errors: RowError[];
  /** Non-empty data rows (below the header). */
  readonly total: number;
}

/**
 * Parses a whole table: every row validated, and a code that appears twice with different
 * names (or under different parents) is an error on the later row, since one of them is wrong.
 * Row numbers are the spreadsheet's (1-based, header included).
 */
export function parseTable(table: readonly (readonly string[])[]): ParsedTable {
  if (table.length === 0) return { rows: [], errors: [{ rowNumber: 1, column: '', value: '', reason: text('Tệp rỗng', 'The file is empty') }], total: 0 };
  const h = findHeader(table);
  const map = mapHeader(table[h]!);
  if (map.errors.length)
    return { rows: [], errors: map.errors.map((e) => ({ rowNumber: h + 1, column: e.path.replace('/header/', ''), value: '', reason: e.message })), total: 0 };
  const rows: UnitRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, { name: string; parent: string; row: number }>();
  let total = 0;
  table.slice(h + 1).forEach((cells, i) => {
    if (cells.every((x) => String(x ?? '').trim() === '')) return;
    total++;
    const rowNumber = h + i + 2;
    // A cell the database cannot store (NUL, a lone surrogate) refuses its row, naming the column.
    const refused = badCells(cells.map((c) => String(c ?? '')));
    if (refused.length) {
      for (const b of refused)
        errors.push({
          rowNumber,
          column: storableEcho(String(table[h]![b.index] ?? '').trim()) || `Cột ${b.index + 1}`,
          value: storableEcho(String(cells[b.index] ?? '')),
          reason: b.message,
        });
      return;
    }
    const r = parseRow(cells, map, rowNumber);
    errors.push(...r.errors);
    if (!r.row) return;
    const clash: RowError[] = [];
    const check = (level: string, col: string, u: { code: string; name: string } | null, parent: string) => {
      if (!u) return;
      const key = `${level}:${u.code}:${r.row!.validFrom ?? ''}`;
      const prev = seen.get(key);
      if (!prev) seen.set(key, { name: u.name, parent, row: rowNumber });
      else if (prev.name !== u.name || prev.parent !== parent)
        clash.push({
          rowNumber,
          column: col,
          value: u.code,
          reason: text(
            `Mã ${u.code} đã có ở dòng ${prev.row} với tên "${prev.name}" khác`,
            `Code ${u.code} already appears on row ${prev.row} as "${prev.name}"`,
          ),
        });
    };
    const row = r.row;
    check('province', 'Mã tỉnh', row.province, '');
    check('district', 'Mã huyện', row.district, row.province.code);
    check('commune', 'Mã xã', row.commune, row.district?.code ?? row.province.code);
    if (clash.length) errors.push(...clash);
    else rows.push(row);
  });
  return { rows, errors, total };
}

/** Turns validated rows into units (deduplicated: a province appears on every commune row), parents first. */
export function toUnits(rows: readonly UnitRow[]): NewUnit[] {
  const m = new Map<string, NewUnit>();
  for (const r of rows) {
    m.set(`province:${r.province.code}`, {
      code: r.province.code,
      name: r.province.name,
      level: 'province',
      kind: r.province.kind,
      parentCode: null,
      parentLevel: null,
    });
    if (r.district)
      m.set(`district:${r.district.code}`, {
        code: r.district.code,
        name: r.district.name,
        level: 'district',
        kind: r.district.kind,
        parentCode: r.province.code,
        parentLevel: 'province',
      });
    if (r.commune)
      m.set(`commune:${r.commune.code}`, {
        code: r.commune.code,
        name: r.commune.name,
        level: 'commune',
        kind: r.commune.kind,
        parentCode: r.district ? r.district.code : r.province.code,
        parentLevel: r.district ? 'district' : 'province',
      });
  }
  const order = { province: 0, district: 1, commune: 2, village: 3 };
  return [...m.values()].sort((a, b) => order[a.level] - order[b.level]);
}

/**
 * Groups units by validity start. A row's "Hiệu lực từ" belongs to its lowest unit (the
 * commune on a commune row): the province and district on that row are the ones it sits in,
 * so they stay in the default era. Keys are ISO dates, '' for "unknown" (a pre-reform list).
 * The default era comes first, then the others by date, so parents exist before children.
 */
export function unitsByEra(rows: readonly UnitRow[], defaultFrom: string | null): Map<string, NewUnit[]> {
  const def = defaultFrom ?? '';
  const groups = new Map<string, UnitRow[]>([[def, []]]);
  const own = new Map<string, UnitRow[]>();
  for (const r of rows) {
    const era = r.validFrom ?? def;
    if (era === def) groups.get(def)!.push(r);
    else {
      // the upper units of the row in the default era, the row's own unit in its era
      groups.get(def)!.push({ ...r, commune: null, district: r.commune ? r.district : null });
      if (!own.has(era)) own.set(era, []);
      own.get(era)!.push(r);
    }
  }
  const out = new Map<string, NewUnit[]>();
  const lowest = (u: NewUnit, r: UnitRow) => u.level === (r.commune ? 'commune' : r.district ? 'district' : 'province');
  out.set(def, toUnits(groups.get(def)!));
  for (const era of [...own.keys()].sort()) {
    const rs = own.get(era)!;
    out.set(
      era,
      rs.flatMap((r) => toUnits([r]).filter((u) => lowest(u, r))).filter((u, i, xs) => xs.findIndex((x) => x.level === u.level && x.code === u.code) === i),
    );
  }
  return out;
}

/** A unit as the ancestry rule sees it. */
export interface AncestryNode {
  readonly id: number;
  readonly parentId: number | null;
  readonly level: UnitLevel;
  /** No longer in force (a pre-reform unit). */
  readonly former: boolean;
}

/**
 * The scope ancestry of every unit (the `ancestors` column): itself and its parents; plus, for
 * a unit that merged into others, each successor with its parents; plus, for a former
 * district, what its communes went into. An officer of the new Lai Châu thus sees old Xã Ka
 * Lăng's rows. The same rule as `computeAncestors` in store.ts (SQL, used after imports); the
 * reference loader uses this one to write each row once. Sets are sorted by id.
 */
export function ancestorSets(units: readonly AncestryNode[], lineage: readonly { successorId: number; predecessorId: number }[]): Map<number, number[]> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const structural = (id: number): number[] => {
    const out: number[] = [];
    for (let u = byId.get(id), d = 0; u && d < 4; u = u.parentId === null ? undefined : byId.get(u.parentId), d++) out.push(u.id);
    return out;
  };
  const sets = new Map<number, Set<number>>(units.map((u) => [u.id, new Set(structural(u.id))]));
  const viaLineage = new Map<number, Set<number>>();
  for (const l of lineage) {
    if (!viaLineage.has(l.predecessorId)) viaLineage.set(l.predecessorId, new Set());
    for (const a of structural(l.successorId)) viaLineage.get(l.predecessorId)!.add(a);
  }
  for (const [id, add] of viaLineage) {
    for (const a of add) sets.get(id)?.add(a);
    const parent = byId.get(byId.get(id)?.parentId ?? -1);
    if (parent && parent.level === 'district' && parent.former) for (const a of add) sets.get(parent.id)!.add(a);
  }
  return new Map([...sets].map(([id, s]) => [id, [...s].sort((a, b) => a - b)]));
}

/** One lineage step as the history line needs it. */
export interface LineageStep {
  readonly code: string;
  readonly name: string;
  readonly part: string;
  /** ISO date the merger took effect. */
  readonly effective: string;
}

const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** One line of history a person can read: merged into what, or formed from what, and when. */
export function historyText(
  u: { readonly valid_to: string | null; readonly name: string },
  succ: readonly LineageStep[],
  pred: readonly LineageStep[],
): { vi: string; en: string } {
  if (u.valid_to && succ.length) {
    const when = dmy(succ[0]!.effective);
    const to = succ.map((s) => `${s.name} (${s.code})${s.part === 'partial' ? ' (một phần)' : ''}`).join(', ');
    const toEn = succ.map((s) => `${s.name} (${s.code})${s.part === 'partial' ? ' (in part)' : ''}`).join(', ');
    return { vi: `Đã sáp nhập vào ${to} từ ${when}`, en: `Merged into ${toEn} on ${when}` };
  }
  if (u.valid_to) return { vi: `Có hiệu lực đến hết ngày ${dmy(u.valid_to)}`, en: `In force until ${dmy(u.valid_to)}` };
  const p0 = pred[0];
  if (pred.length === 1 && p0 && p0.part === 'full')
    return p0.name === u.name
      ? {
          vi: `Giữ nguyên ${p0.name} (mã cũ ${p0.code}) từ ${dmy(p0.effective)}`,
          en: `Continues ${p0.name} (former code ${p0.code}) from ${dmy(p0.effective)}`,
        }
      : {
          vi: `Đổi tên từ ${p0.name} (mã cũ ${p0.code}) từ ${dmy(p0.effective)}`,
          en: `Renamed from ${p0.name} (former code ${p0.code}) on ${dmy(p0.effective)}`,
        };
  if (p0) {
    const from = pred.map((p) => `${p.name}${p.part === 'partial' ? ' (một phần)' : ''}`).join(', ');
    const fromEn = pred.map((p) => `${p.name}${p.part === 'partial' ? ' (part)' : ''}`).join(', ');
    return { vi: `Hình thành ngày ${dmy(p0.effective)} từ ${from}`, en: `Formed on ${dmy(p0.effective)} from ${fromEn}` };
  }
  return { vi: 'Đang có hiệu lực', en: 'In force' };
}
