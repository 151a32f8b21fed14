// Drafting Thu Lũm's plan from Lai Châu's action programme, and its Word file in the format of
// Decree 30/2020/NĐ-CP Annex I (A4, margins, Times New Roman, national motto, Nơi nhận).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { assignedToLevel, draftChildPlan, targetSentence, citeParent } from './draft.ts';
import { issuerLines, planToDocx } from './docx.ts';

const source = {
  parent: {
    kind: 'action_programme' as const,
    number: '53-CTr/TU',
    issuedOn: '2024-05-24',
    issuer: 'Tỉnh ủy Lai Châu',
    title: 'Thực hiện Nghị quyết số 42-NQ/TW',
  },
  parentTargets: [
    {
      indicatorCode: 'preschool_enrolment_rate',
      indicatorName: 'Tỷ lệ huy động học sinh mẫu giáo đến trường',
      comparator: '=' as const,
      value: 99.9,
      unit: '%',
      year: 2030,
    },
    {
      indicatorCode: 'stunting_under5_rate',
      indicatorName: 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi',
      comparator: '<' as const,
      value: 18,
      unit: '%',
      year: 2030,
    },
  ],
  unit: { name: 'Xã Thu Lũm', parentName: 'Tỉnh Lai Châu' },
  latest: new Map([['preschool_enrolment_rate', { value: 98.7, period: '2025' }]]),
  issuedOn: '2026-06-05',
  place: 'Thu Lũm',
};

test('the draft cites its parent and pre-fills every parent target with the latest value where known', () => {
  const d = draftChildPlan(source);
  assert.equal(citeParent(source.parent), 'Chương trình hành động số 53-CTr/TU, ngày 24/05/2024 của Tỉnh ủy Lai Châu');
  assert.equal(d.placeDate, 'Thu Lũm, ngày 05 tháng 6 năm 2026');
  assert.deepEqual(
    d.sections.map((s) => s.heading),
    ['I. MỤC ĐÍCH, YÊU CẦU', 'II. MỤC TIÊU', 'III. NHIỆM VỤ VÀ GIẢI PHÁP', 'IV. TỔ CHỨC THỰC HIỆN'],
  );
  const targets = d.sections[1]!.targets!;
  assert.equal(targets.length, 2);
  assert.equal(targets[0]!.text, 'Tỷ lệ huy động học sinh mẫu giáo đến trường: đạt 99,9% vào năm 2030.');
  assert.equal(targets[0]!.latest, 'Hiện trạng 2025: 98,7%');
  assert.equal(targets[1]!.latest, null);
  assert.equal(targetSentence(source.parentTargets[1]!), 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi: dưới 18% vào năm 2030.');
});

test('the .docx is A4 with Decree 30/2020 margins, Times New Roman, the national motto and Nơi nhận', async () => {
  const buf = await planToDocx(draftChildPlan(source));
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  // A4 = 210 × 297 mm = 11906 × 16838 twips (±1 for rounding)
  const pgSz = /<w:pgSz[^>]*w:w="(\d+)"[^>]*w:h="(\d+)"/.exec(xml)!;
  assert.ok(Math.abs(Number(pgSz[1]) - 11906) <= 2 && Math.abs(Number(pgSz[2]) - 16838) <= 2, `page size ${pgSz[1]}×${pgSz[2]}`);
  const mar = /<w:pgMar([^>]*)\/>/.exec(xml)![1]!;
  const twip = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(mar)![1]) / 56.6929;
  assert.ok(twip('top') >= 19.9 && twip('top') <= 25.1, 'top margin 20–25 mm');
  assert.ok(twip('bottom') >= 19.9 && twip('bottom') <= 25.1, 'bottom margin 20–25 mm');
  assert.ok(twip('left') >= 29.9 && twip('left') <= 35.1, 'left margin 30–35 mm');
  assert.ok(twip('right') >= 14.9 && twip('right') <= 20.1, 'right margin 15–20 mm');
  assert.match(xml, /Times New Roman/);
  assert.match(xml, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  assert.match(xml, /Độc lập - Tự do - Hạnh phúc/);
  assert.match(xml, /KẾ HOẠCH/);
  assert.match(xml, /Nơi nhận:/);
  assert.match(xml, /TM\. ỦY BAN NHÂN DÂN/);
  assert.match(xml, /<w:titlePg\/>/, 'no page number on the first page');
});

test('the header keeps the motto on one line: issuer on two lines, blocks in fixed widths; the signature row is not split', async () => {
  const xml = await (await JSZip.loadAsync(await planToDocx(draftChildPlan(source)))).file('word/document.xml')!.async('string');
  assert.deepEqual(issuerLines('ỦY BAN NHÂN DÂN XÃ THU LŨM'), ['ỦY BAN NHÂN DÂN', 'XÃ THU LŨM']);
  assert.match(xml, /<w:t[^>]*>ỦY BAN NHÂN DÂN<\/w:t>/);
  assert.match(xml, /<w:t[^>]*>XÃ THU LŨM<\/w:t>/);
  assert.match(xml, /<w:tblW w:type="dxa"/);
  assert.match(xml, /<w:cantSplit\/>/);
});

// Lai Châu's programme 53-CTr/TU: its section of tasks, and who it assigns what (part "Tổ chức thực hiện").
const laiChauTasks = [
  { numbering: '1', title: 'Nâng cao nhận thức về vị trí, vai trò của chính sách xã hội' },
  { numbering: '2', title: 'Nâng cao năng lực, hiệu lực quản lý nhà nước về chính sách xã hội' },
];
const laiChauAssignments = [
  {
    role: 'lead',
    agency: 'Các ban đảng, ban cán sự đảng, đảng đoàn, Ban Thường vụ Tỉnh đoàn, các huyện ủy, thành ủy, đảng ủy trực thuộc',
    what: 'lãnh đạo, chỉ đạo quán triệt, tuyên truyền Nghị quyết số 42-NQ/TW và Chương trình hành động của Ban Thường vụ Tỉnh ủy; xây dựng kế hoạch thực hiện',
  },
  { role: 'lead', agency: 'Ban cán sự đảng UBND tỉnh', what: 'xây dựng kế hoạch thực hiện Chương trình hành động này' },
  {
    role: 'lead',
    agency: 'Đảng đoàn Mặt trận Tổ quốc, các tổ chức chính trị - xã hội tỉnh, các hội quần chúng',
    what: 'tăng cường tuyên truyền, vận động đoàn viên, hội viên',
  },
  { role: 'coordinate', agency: 'các cơ quan liên quan', what: 'phối hợp đôn đốc' },
];

test('section III carries the parent\'s tasks and what it assigns to the commune level (53-CTr/TU "các huyện ủy, thành ủy, đảng ủy trực thuộc"), not a placeholder', () => {
  const d = draftChildPlan({ ...source, unit: { ...source.unit, level: 'commune' }, parentTasks: laiChauTasks, parentAssignments: laiChauAssignments });
  const iii = d.sections[2]!.paragraphs;
  assert.match(iii[0]!, /^1\. Nâng cao nhận thức về vị trí, vai trò của chính sách xã hội\. \(Giao cơ quan chuyên môn/);
  assert.match(iii[1]!, /^2\. Nâng cao năng lực, hiệu lực quản lý nhà nước/);
  assert.equal(iii[2], '3. Thực hiện các nhiệm vụ Chương trình hành động số 53-CTr/TU, ngày 24/05/2024 của Tỉnh ủy Lai Châu giao cho địa phương:');
  // Only the assignment to the level below ("đảng ủy trực thuộc"): not the province's own bodies,
  // not "các tổ chức chính trị - xã hội tỉnh" (xã hội is not a commune), not a coordinating role.
  assert.deepEqual(iii.slice(3), [
    '- Lãnh đạo, chỉ đạo quán triệt, tuyên truyền Nghị quyết số 42-NQ/TW và Chương trình hành động của Ban Thường vụ Tỉnh ủy; xây dựng kế hoạch thực hiện.',
  ]);
  assert.deepEqual(
    assignedToLevel(laiChauAssignments, 'province').map((a) => a.agency),
    [
      'Các ban đảng, ban cán sự đảng, đảng đoàn, Ban Thường vụ Tỉnh đoàn, các huyện ủy, thành ủy, đảng ủy trực thuộc',
      'Ban cán sự đảng UBND tỉnh',
      'Đảng đoàn Mặt trận Tổ quốc, các tổ chức chính trị - xã hội tỉnh, các hội quần chúng',
    ],
  );
  // A parent without tasks or assignments keeps the placeholder.
  assert.deepEqual(draftChildPlan(source).sections[2]!.paragraphs, ['(Cụ thể hóa các nhiệm vụ, giải pháp của văn bản cấp trên phù hợp với địa phương.)']);
});
