// Lines back to paragraphs (layout.ts): a PDF's or a scan's lines wrap at the margin; the
// extractor must see each paragraph of the plan whole, and each list item on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paragraphsFromLines, type TextLine } from './layout.ts';

const line = (text: string, top: number, x0 = 50, x1 = 540, page = 1): TextLine => ({ text, x0, x1, top, height: 10, page });

test('a paragraph wrapped at the right margin is one paragraph; a short last line ends it', () => {
  const out = paragraphsFromLines([
    line('Phấn đấu đến năm 2030, tỷ lệ hộ nghèo đa chiều của xã giảm bình quân', 100),
    line('1,5%/năm; tỷ lệ người dân tham gia bảo hiểm y tế đạt', 112),
    line('trên 95%.', 124, 50, 120),
    line('Tiếp tục thực hiện các chính sách hỗ trợ.', 136, 50, 300),
  ]);
  assert.equal(
    out,
    'Phấn đấu đến năm 2030, tỷ lệ hộ nghèo đa chiều của xã giảm bình quân 1,5%/năm; tỷ lệ người dân tham gia bảo hiểm y tế đạt trên 95%.\n\nTiếp tục thực hiện các chính sách hỗ trợ.',
  );
});

test('list items ("(5)", "-", "a)", "2.") and a wider gap start new paragraphs; a lone page number is dropped', () => {
  const out = paragraphsFromLines([
    line('(4) Tỷ lệ hộ dân sử dụng nước hợp vệ sinh đạt 98% trở lên ở tất cả các thôn bản', 100),
    line('(5) Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng dưới 12%', 112),
    line('- Hỗ trợ nhà ở cho hộ nghèo', 124),
    line('a) Đào tạo nghề', 136),
    line('Phần sau cách một dòng trống, vẫn chạy hết lề phải của trang giấy A4 này', 170),
    line('7', 800, 290, 296),
  ]);
  assert.deepEqual(out.split('\n\n'), [
    '(4) Tỷ lệ hộ dân sử dụng nước hợp vệ sinh đạt 98% trở lên ở tất cả các thôn bản',
    '(5) Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng dưới 12%',
    '- Hỗ trợ nhà ở cho hộ nghèo',
    'a) Đào tạo nghề',
    'Phần sau cách một dòng trống, vẫn chạy hết lề phải của trang giấy A4 này',
  ]);
});

test('a sentence cut by a page break continues on the next page', () => {
  const out = paragraphsFromLines([line('Đến năm 2030, tỷ lệ phụ nữ mang', 780, 50, 540, 1), line('thai được khám thai đủ 4 lần đạt 90%.', 60, 50, 250, 2)]);
  assert.equal(out, 'Đến năm 2030, tỷ lệ phụ nữ mang thai được khám thai đủ 4 lần đạt 90%.');
});
