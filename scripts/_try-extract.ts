import { extractPlan } from '../src/plans/extract/index.ts';
const doc = ['KẾ HOẠCH', 'Giảm nghèo năm 2026', 'Hà Nội, ngày 05 tháng 01 năm 2026', '', 'I. MỤC TIÊU', '',
    '- Tính đến cuối năm 2025, toàn xã còn 320 hộ nghèo, chiếm 2,1%; 410 hộ cận nghèo, chiếm 2,7%.',
    '- Tỷ lệ hộ nghèo là 2,1% (giảm 0,6% so với năm 2024).',
    '- Năm 2026 phấn đấu giảm tỷ lệ hộ nghèo trên 0,5%.', '', 'II. TỔ CHỨC THỰC HIỆN', '', '1. UBND xã chủ trì thực hiện.'].join('\n');
const r = extractPlan(doc);
console.log(r.targets.map((t) => [t.value, t.sourceText]), r.results.map((t) => [t.value, t.sourceText]), r.unmatched.map((u) => [u.code, u.sourceText]));
