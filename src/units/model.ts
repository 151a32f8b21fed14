// Administrative units as the Statistics Office lists them: header recognition, row
// validation and the naming rules (kind prefixes), with no I/O.
import { text, type Text } from '../kernel/i18n.ts';
import type { FieldError } from '../kernel/errors.ts';

export type UnitLevel = 'province' | 'district' | 'commune' | 'village';

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
  for (const k of ['Thành phố Trung ương', 'Thành phố', 'Thị trấn', 'Thị xã', 'Tổ dân phố', 'Đặc khu', 'Tỉnh', 'Huyện', 'Quận', 'Phường', 'Xã', 'Thôn', 'Bản', 'Ấp', 'Khóm', 'Buôn', 'Làng']) {
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

/** Column roles the importer recognises, with the header spellings it accepts (folded). */
export const columnAliases = {
  provinceCode: ['ma tinh', 'ma tinh/tp', 'province_code', 'ma so tinh', 'ma so'],
  provinceName: ['ten tinh', 'ten tinh/tp', 'province_name', 'ten tinh, thanh pho', 'ten 34 tinh sau sap nhap'],
  provinceKind: ['loai tinh', 'province_type'],
  districtCode: ['ma huyen', 'ma qh', 'district_code'],
  districtName: ['ten huyen', 'ten quan huyen', 'district_name'],
  districtKind: ['loai huyen', 'district_type'],
  communeCode: ['ma xa', 'ma px', 'commune_code', 'ma don vi'],
  communeName: ['ten xa', 'ten phuong xa', 'commune_name', 'ten don vi'],
  communeKind: ['cap', 'loai', 'loai xa', 'commune_type', 'cap xa'],
  validFrom: ['hieu luc tu', 'valid_from', 'ngay hieu luc'],
} as const;

export type ColumnRole = keyof typeof columnAliases;

export interface HeaderMap {
  readonly columns: Partial<Record<ColumnRole, number>>;
  readonly errors: readonly FieldError[];
}

/** Finds which column holds what. Requires province code and name; commune columns optional (a province list). */
export function mapHeader(header: readonly string[]): HeaderMap {
  const columns: Partial<Record<ColumnRole, number>> = {};
  header.forEach((h, i) => {
    const f = fold(String(h ?? ''));
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

function kindFrom(name: string, explicit: string | undefined, allowed: readonly string[], fallback: string): string | null {
  const e = explicit?.trim();
  if (e) {
    const hit = allowed.find((k) => fold(k) === fold(e) || (fold(e) === 'thanh pho trung uong' && k === 'Thành phố Trung ương'));
    return hit ?? null;
  }
  return splitKind(name).kind ?? fallback;
}

/** Validates and normalises one data row; returns every problem in the row, not only the first. */
export function parseRow(cells: readonly string[], map: HeaderMap, rowNumber: number): { row: UnitRow | null; errors: RowError[] } {
  const c = map.columns;
  const get = (r: ColumnRole) => (c[r] === undefined ? undefined : String(cells[c[r]!] ?? '').trim());
  const errors: RowError[] = [];
  const err = (column: string, value: string | undefined, vi: string, en: string) => errors.push({ rowNumber, column, value: value ?? '', reason: text(vi, en) });

  const pCode = digits(get('provinceCode') ?? '', 2);
  if (!pCode) err('Mã tỉnh', get('provinceCode'), 'Mã tỉnh phải gồm 2 chữ số', 'Province code must be 2 digits');
  const pNameRaw = get('provinceName') ?? '';
  if (!pNameRaw) err('Tên tỉnh', pNameRaw, 'Thiếu tên tỉnh', 'Province name is missing');
  const pKindExplicit = get('provinceKind');
  let province: UnitRow['province'] | null = null;
  if (pCode && pNameRaw) {
    if (pKindExplicit) {
      const k = kindFrom(pNameRaw, pKindExplicit, provinceKinds, 'Tỉnh');
      if (!k) err('Loại tỉnh', pKindExplicit, 'Loại đơn vị cấp tỉnh không hợp lệ', 'Unknown province kind');
      else province = { code: pCode, name: splitKind(pNameRaw).kind ? pNameRaw : `${k === 'Tỉnh' ? 'Tỉnh' : 'Thành phố'} ${pNameRaw}`, kind: k };
    } else {
      const p = splitKind(pNameRaw).kind ? { name: pNameRaw, kind: splitKind(pNameRaw).kind === 'Thành phố' ? 'Thành phố Trung ương' : 'Tỉnh' } : provinceName(pNameRaw);
      province = { code: pCode, ...p };
    }
  }

  let district: UnitRow['district'] = null;
  if (c.districtCode !== undefined) {
    const dCode = digits(get('districtCode') ?? '', 3);
    const dName = get('districtName') ?? '';
    if (!dCode) err('Mã huyện', get('districtCode'), 'Mã huyện phải gồm 3 chữ số', 'District code must be 3 digits');
    if (!dName) err('Tên huyện', dName, 'Thiếu tên huyện', 'District name is missing');
    if (dCode && dName) {
      const k = kindFrom(dName, get('districtKind'), districtKinds, 'Huyện');
      if (!k) err('Loại huyện', get('districtKind'), 'Loại đơn vị cấp huyện không hợp lệ', 'Unknown district kind');
      else district = { code: dCode, name: dName, kind: k };
    }
  }

  let commune: UnitRow['commune'] = null;
  if (c.communeCode !== undefined) {
    const cCode = digits(get('communeCode') ?? '', 5);
    const cName = get('communeName') ?? '';
    if (!cCode) err('Mã xã', get('communeCode'), 'Mã xã phải gồm 5 chữ số', 'Commune code must be 5 digits');
    if (!cName) err('Tên xã', cName, 'Thiếu tên xã', 'Commune name is missing');
    if (cCode && cName) {
      const k = kindFrom(cName, get('communeKind'), communeKinds, 'Xã');
      if (!k) err('Cấp', get('communeKind'), `Cấp "${get('communeKind')}" không hợp lệ; dùng Xã, Phường, Thị trấn hoặc Đặc khu`, `Unknown kind "${get('communeKind')}"; use Xã, Phường, Thị trấn or Đặc khu`);
      else commune = { code: cCode, name: splitKind(cName).kind ? cName : `${k} ${cName}`, kind: k };
    }
  }

  let validFrom: string | null = null;
  const vf = get('validFrom');
  if (vf) {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(vf) ?? null;
    const iso = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : /^\d{4}-\d{2}-\d{2}$/.test(vf) ? vf : null;
    if (!iso || Number.isNaN(Date.parse(iso))) err('Hiệu lực từ', vf, 'Ngày hiệu lực phải có dạng dd/mm/yyyy', 'Date must be dd/mm/yyyy');
    else validFrom = iso;
  }
  if (errors.length > 0 || !province) return { row: null, errors };
  return { row: { rowNumber, province, district, commune, validFrom }, errors };
}
