// The extraction steps one by one: normalising (with the map back to the original), reading
// Vietnamese numbers, the plan's own metadata, its outline, and who is assigned what by when.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalise, originalSpan } from './normalise.ts';
import { findNumbers, parseNumberVi } from './numbers.ts';
import { extractMetadata, documentRefs } from './metadata.ts';
import { findSections, sectionOf } from './sections.ts';
import { agencyOf, extractAssignments, extractReportDeadlines } from './assignments.ts';
import { createMatcher } from '../../indicators/match.ts';
import { catalogue } from '../../indicators/catalogue.ts';

test('normalise: markdown, <sup>, escapes and NFD go; a page break inside a sentence is joined', () => {
  const original = '## **II- MỤC TIÊU**\n\n\\*\n\nđạt khoảng 22,5m<sup>2</sup> sàn/người; phụ nữ mang\n\n \nthai\n\n2.1 Đến năm 2030\n\na) Về y tế';
  const m = normalise(original.replace('phụ nữ', 'phụ nữ'.normalize('NFD')));
  assert.equal(m.text, 'II- MỤC TIÊU\n\n*\n\nđạt khoảng 22,5m² sàn/người; phụ nữ mang thai\n\n2.1 Đến năm 2030\n\na) Về y tế');
  // Spans map back to the exact original text, the break and the NFD letters included.
  const i = m.text.indexOf('phụ nữ mang thai');
  const o = originalSpan(m, i, i + 'phụ nữ mang thai'.length);
  assert.equal(o.text, 'phụ nữ'.normalize('NFD') + ' mang\n\n \nthai');
  const j = m.text.indexOf('22,5m²');
  assert.equal(originalSpan(m, j, j + 6).text, '22,5m<sup>2</sup>');
});

test('Vietnamese numbers: decimal comma, thousands dot, leading zero; dates and document numbers are structure', () => {
  assert.equal(parseNumberVi('18,7'), 18.7);
  assert.equal(parseNumberVi('1.500'), 1500);
  assert.equal(parseNumberVi('10.000'), 10000);
  assert.equal(parseNumberVi('02'), 2);
  const text = 'Nghị quyết số 42-NQ/TW ngày 24/11/2023; Nghị quyết số 111/2024/QH15; đạt 99,5%, khoảng 22,5m² sàn/người, trên 02 dược sĩ, 1.500 căn.';
  const toks = findNumbers(text).map((t) => [t.raw, t.structure, t.unit, t.value]);
  assert.deepEqual(toks, [
    ['42-NQ/TW', 'document_number', null, 42],
    ['24/11/2023', 'date', null, 24],
    ['111/2024/QH15', 'document_number', null, 111],
    ['99,5', null, '%', 99.5],
    ['22,5', null, 'm²', 22.5],
    ['02', null, 'dược sĩ', 2],
    ['1.500', null, 'căn', 1500],
  ]);
});

test('metadata: kind, number, place and (partial) date, issuer, unit, signer, implemented documents', () => {
  const head =
    'ĐẢNG BỘ XÃ\n\nSố 152-KH/ĐU\n\nThu Lũm, ngày 05 tháng 6 năm 2026\n\nKẾ HOẠCH\n\nThực hiện Chương trình hành động số 53-CTr/TU, ngày 24/5/2024 của Tỉnh ủy Lai Châu\n\nThực hiện Chương trình hành động số 53-CTr/TU. Ban Thường vụ Đảng ủy xã Thu Lũm xây dựng Kế hoạch triển khai thực hiện như sau:\n\nI- MỤC ĐÍCH\n\nNơi nhận:\n- Lưu VTĐU.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Trường Giang';
  const m = extractMetadata(head);
  assert.equal(m.kind, 'plan');
  assert.equal(m.number, '152-KH/ĐU');
  assert.equal(m.place, 'Thu Lũm');
  assert.equal(m.date, '2026-06-05');
  assert.equal(m.issuer, 'Ban Thường vụ Đảng ủy xã Thu Lũm');
  assert.equal(m.unitName, 'Xã Thu Lũm');
  assert.equal(m.signer, 'Nguyễn Trường Giang');
  assert.equal(m.signerTitle, 'T/M BAN THƯỜNG VỤ / BÍ THƯ');
  assert.deepEqual(
    m.implements.map((d) => [d.number, d.date]),
    [['53-CTr/TU', '2024-05-24']],
  );
  // Hoàng Kim: the number is left blank for the clerk, and the day too.
  const hk = extractMetadata('Số: /KH-UBND\n\nHoàng Kim, ngày tháng 5 năm 2024\n\nKẾ HOẠCH\n\nx. UBND xã Hoàng Kim ban hành Kế hoạch thực hiện');
  assert.equal(hk.number, null);
  assert.equal(hk.symbol, 'KH-UBND');
  assert.equal(hk.date, null);
  assert.deepEqual(hk.dateParts, { year: 2024, month: 5, day: null });
  assert.equal(hk.unitName, 'Xã Hoàng Kim');
  assert.deepEqual(
    documentRefs('Kế hoạch 68/KH-UBND ngày 08/3/2024 của UBND tỉnh Thanh Hóa và Kế hoạch số 197-KH/HU ngày 25/01/2024').map((d) => [d.type, d.number, d.date]),
    [
      ['plan', '68/KH-UBND', '2024-03-08'],
      ['plan', '197-KH/HU', '2024-01-25'],
    ],
  );
});

test('sections: roman parts with their kinds, numbered sub-headings, long numbered items are not headings', () => {
  const t =
    'I- TÌNH HÌNH VÀ NGUYÊN NHÂN\n\nx\n\nII. MỤC TIÊU\n\n1. Mục tiêu chung\n\n2.1. Mục tiêu cụ thể đến năm 2030\n\na) Về y tế\n\n(1) 100% người có công được chăm lo.\n\nIII- NHIỆM VỤ VÀ GIẢI PHÁP\n\nIV. TỔ CHỨC THỰC HIỆN\n\n1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan đôn đốc, theo dõi, kiểm tra, giám sát; tham mưu sơ kết, tổng kết việc triển khai thực hiện Nghị quyết số 42-NQ/TW.';
  const s = findSections(t);
  assert.deepEqual(
    s.map((x) => [x.numbering, x.level, x.kind]),
    [
      ['I', 1, 'situation'],
      ['II', 1, 'objectives'],
      ['1', 2, null],
      ['2.1', 3, 'objectives'],
      ['a)', 4, null],
      ['III', 1, 'tasks'],
      ['IV', 1, 'implementation'],
    ],
  );
  const obj = sectionOf(s, 'objectives')!;
  assert.ok(t.slice(obj.start, obj.end).includes('100% người có công') && !t.slice(obj.start, obj.end).includes('NHIỆM VỤ'));
});

test('assignments: the subject leads, "phối hợp với" coordinates; report deadlines', () => {
  const t =
    '4. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan đôn đốc, theo dõi, kiểm tra; tham mưu sơ kết, tổng kết, báo cáo.\n\n2. HĐND xã phát huy vai trò giám sát.\n\nCăn cứ Kế hoạch này, các phòng, ngành, đơn vị có liên quan theo chức năng, nhiệm vụ được giao khẩn trương xây dựng kế hoạch, định kỳ báo cáo về UBND xã trước ngày 01/12 hằng năm.';
  const a = extractAssignments(t, 0, t.length);
  assert.deepEqual(
    a.map((x) => [x.numbering, x.role, x.agency]),
    [
      ['4', 'lead', 'Ban Tuyên giáo Tỉnh ủy'],
      ['4', 'coordinate', 'các cơ quan liên quan'],
      ['2', 'lead', 'HĐND xã'],
      [null, 'lead', 'các phòng, ngành, đơn vị có liên quan'],
    ],
  );
  assert.equal(agencyOf('Tăng cường công tác tiếp công dân.'), null);
  const d = extractReportDeadlines(t, 0, t.length);
  assert.deepEqual(
    d.map((x) => [x.kind, x.day, x.month]),
    [
      ['midterm_review', null, null],
      ['final_review', null, null],
      ['periodic', null, null],
      ['annual', 1, 12],
    ],
  );
});

test('indicator matching folds accents, case, "tỉ/tỷ", abbreviations and one-letter typos', () => {
  const m = createMatcher(catalogue);
  assert.equal(m.candidates('TỈ LỆ TIÊM CHỦNG MỞ RỘNG')[0]?.code, 'immunization_rate');
  assert.equal(m.candidates('dân số tham gia BHYT')[0]?.code, 'health_insurance_coverage');
  assert.equal(m.candidates('tỷ lệ học sinh trong độ tuổi trung học cơ sở đến trường')[0]?.code, 'lower_secondary_enrolment_rate');
  assert.equal(m.candidates('tỷ lệ thất nghiệpp khu vực thành thịi')[0]?.code, 'urban_unemployment_rate');
  assert.equal(m.candidates('Tăng cường công tác tiếp công dân')[0], undefined);
  // Units keep a count from being read as a rate.
  assert.equal(m.candidates('số hộ nghèo', { units: ['%'] })[0]?.code, 'poor_household_rate');
  assert.equal(m.candidates('số hộ nghèo', { units: ['households'] })[0]?.code, 'poor_households');
});
