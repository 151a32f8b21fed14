import { extractPlan } from '../src/plans/extract/index.ts';
const body = process.argv[2]!;
const doc = `KẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\n\nI. MỤC TIÊU\n2.1. Mục tiêu cụ thể đến năm 2030\n${body}\n\nII. TỔ CHỨC THỰC HIỆN\n1. UBND xã chủ trì thực hiện.\n`;
const r = extractPlan(doc);
for (const t of r.targets) console.log(t.indicatorCode, t.comparator, t.qualifier ?? '', t.value, t.unit, t.year, '«' + t.sourceText + '»', JSON.stringify(t.proposed ?? ''));
for (const t of r.results) console.log('RESULT', JSON.stringify(t));
for (const u of r.unmatched) console.log('UNM', u.code, '«' + u.sourceText + '»');
