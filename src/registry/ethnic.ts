// The 54 ethnic groups of Viet Nam with their official two-digit codes: the one place in the
// code for this list. Codes and names follow "Danh mục các thành phần dân tộc Việt Nam"
// (Quyết định 121-TCTK/PPCĐ ngày 02/3/1979 of the General Statistics Office), the list the
// registry forms cite. Alternative spellings users type are matched by fold().
//
// Sources checked (11/2026):
// - the decision itself: Viện Dân tộc học, https://viendantochoc.vass.gov.vn/noidung/tintuc/Lists/DanTocVietNam/View_Detail.aspx?ItemID=7
// - the list with its codes as the statistics office publishes it ("Ban hành theo quyết định số
//   121-TCTK/PPCĐ ngày 2 tháng 3 năm 1979"): https://cucthongke.danang.gov.vn/chi-tiet-tin-tuc?dinhdanh=112&cat=20
//   (codes 01–09 read there: Kinh, Tày, Thái, Hoa, Khơ-me, Mường, Nùng, HMông, Dao);
// - codes 10–54 cross-checked against three independent public code lists in that order
//   (10 Gia-rai, 11 Ngái, 12 Ê-đê, 13 Ba-na, 14 Xơ-đăng ... 34 Xinh-mun, 35 Hà Nhì, 36 Chu-ru
//   ... 53 Ơ Đu, 54 Rơ-măm; 55 = foreigners, not an ethnic group of Viet Nam). No code differed
//   from this file; the spelling "Gié-Triêng" (27) is the list's own.
// Beware: the GSO's later statistical list (Quyết định 1019/QĐ-TCTK ngày 12/11/2008, used by
// the 2009 and 2019 censuses, http://qcvn109.gov.vn/noi-dung/phu-luc-e-tham-khao-danh-muc-dan-toc-viet-nam.html)
// orders by population and renumbers from 04 (04 Mường, 05 Khơ-me, 06 Hoa, ... 11 Ê-đê, 12 Ba-na):
// a file coded with that list must not be read with these codes. Imports accept names, which
// mean the same in both lists.
import { fold } from '../units/model.ts';

export interface EthnicGroup {
  readonly code: string;
  readonly name: string;
  /** Other spellings and names seen in forms (accent-insensitive match). */
  readonly aliases?: readonly string[];
}

export const ethnicGroups: readonly EthnicGroup[] = [
  { code: '01', name: 'Kinh', aliases: ['Việt', 'Kinh (Việt)'] },
  { code: '02', name: 'Tày' },
  { code: '03', name: 'Thái' },
  { code: '04', name: 'Hoa', aliases: ['Hán', 'Hoa (Hán)'] },
  { code: '05', name: 'Khơ-me', aliases: ['Khmer', 'Khơ Me'] },
  { code: '06', name: 'Mường' },
  { code: '07', name: 'Nùng' },
  { code: '08', name: 'Mông', aliases: ['HMông', "H'Mông", 'Hmông', 'Mèo'] },
  { code: '09', name: 'Dao' },
  { code: '10', name: 'Gia-rai', aliases: ['Gia Rai', 'Gia Lai', 'Jrai'] },
  { code: '11', name: 'Ngái' },
  { code: '12', name: 'Ê-đê', aliases: ['Ê Đê', 'Ede'] },
  { code: '13', name: 'Ba-na', aliases: ['Ba Na', 'Bahnar'] },
  { code: '14', name: 'Xơ-đăng', aliases: ['Xơ Đăng'] },
  { code: '15', name: 'Sán Chay', aliases: ['Cao Lan', 'Sán Chỉ'] },
  { code: '16', name: 'Cơ-ho', aliases: ['Cơ Ho', "K'Ho"] },
  { code: '17', name: 'Chăm', aliases: ['Chàm'] },
  { code: '18', name: 'Sán Dìu' },
  { code: '19', name: 'Hrê', aliases: ["H'rê"] },
  { code: '20', name: 'Mnông', aliases: ["M'Nông"] },
  { code: '21', name: 'Ra-glai', aliases: ['Ra Glai', 'Raglai'] },
  { code: '22', name: 'Xtiêng', aliases: ["X'tiêng", 'Stiêng'] },
  { code: '23', name: 'Bru-Vân Kiều', aliases: ['Bru Vân Kiều', 'Vân Kiều'] },
  { code: '24', name: 'Thổ' },
  { code: '25', name: 'Giáy' },
  { code: '26', name: 'Cơ-tu', aliases: ['Cơ Tu', 'Ca Tu'] },
  { code: '27', name: 'Gié-Triêng', aliases: ['Giẻ-Triêng'] },
  { code: '28', name: 'Mạ' },
  { code: '29', name: 'Khơ-mú', aliases: ['Khơ Mú', 'Khmu'] },
  { code: '30', name: 'Co', aliases: ['Cor'] },
  { code: '31', name: 'Tà-ôi', aliases: ['Tà Ôi'] },
  { code: '32', name: 'Chơ-ro', aliases: ['Chơ Ro'] },
  { code: '33', name: 'Kháng' },
  { code: '34', name: 'Xinh-mun', aliases: ['Xinh Mun'] },
  { code: '35', name: 'Hà Nhì' },
  { code: '36', name: 'Chu-ru', aliases: ['Chu Ru'] },
  { code: '37', name: 'Lào' },
  { code: '38', name: 'La Chí' },
  { code: '39', name: 'La Ha' },
  { code: '40', name: 'Phù Lá' },
  { code: '41', name: 'La Hủ' },
  { code: '42', name: 'Lự', aliases: ['Lữ'] },
  { code: '43', name: 'Lô Lô' },
  { code: '44', name: 'Chứt' },
  { code: '45', name: 'Mảng' },
  { code: '46', name: 'Pà Thẻn', aliases: ['Pà Hưng'] },
  { code: '47', name: 'Cơ Lao', aliases: ['Cờ Lao'] },
  { code: '48', name: 'Cống' },
  { code: '49', name: 'Bố Y' },
  { code: '50', name: 'Si La' },
  { code: '51', name: 'Pu Péo' },
  { code: '52', name: 'Brâu' },
  { code: '53', name: 'Ơ Đu', aliases: ['Ơ-đu'] },
  { code: '54', name: 'Rơ-măm', aliases: ['Rơ Măm'] },
];

const byCode = new Map(ethnicGroups.map((g) => [g.code, g]));
const byFolded = new Map<string, EthnicGroup>();
for (const g of ethnicGroups) {
  for (const n of [g.name, ...(g.aliases ?? [])]) byFolded.set(fold(n).replace(/[-' ]/g, ''), g);
}

export function ethnicGroupByCode(code: string): EthnicGroup | undefined {
  return byCode.get(code.padStart(2, '0'));
}

/** Finds a group by code ("35", "5") or name in any spelling ("Hà Nhì", "ha nhi", "Khmer"). */
export function findEthnicGroup(input: string): EthnicGroup | undefined {
  const s = input.trim();
  if (/^\d{1,2}$/.test(s)) return ethnicGroupByCode(s);
  return byFolded.get(fold(s).replace(/[-' ]/g, ''));
}

/** Every group but the Kinh majority is an ethnic minority (dân tộc thiểu số). */
export function isEthnicMinority(code: string): boolean {
  return code !== '01';
}
