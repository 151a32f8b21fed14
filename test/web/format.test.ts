// Formatting users read (docs/developer.md: "Dates shown dd/mm/yyyy; numbers with decimal
// comma"; GLOSSARY "Reading numbers in Vietnamese documents": "18,7%" is 18.7 percent,
// "1.500 căn" is 1,500 houses).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fill, formatDate, formatDateTime, formatNumber, parseDate, pickText, todayDmy } from '../../web/src/i18n/format.ts';

test('numbers: decimal comma and thousands dot in Vietnamese, the English way in English', () => {
  assert.equal(formatNumber(18.7, 'vi'), '18,7');
  assert.equal(formatNumber(1500, 'vi'), '1.500');
  assert.equal(formatNumber(3321, 'en'), '3,321');
  assert.equal(formatNumber(2.345, 'vi', 1), '2,3');
});

test('dates: ISO dates and timestamps are shown dd/mm/yyyy', () => {
  assert.equal(formatDate('2025-07-01'), '01/07/2025');
  assert.equal(formatDate('2023-11-24T00:00:00.000Z'), '24/11/2023');
  assert.equal(formatDate(null), '');
  assert.equal(formatDateTime('2026-05-01T03:04:05Z', 'Asia/Ho_Chi_Minh'), '01/05/2026 10:04');
});

test('typed dates: d/m/yyyy is read as day first, and impossible dates are refused', () => {
  assert.equal(parseDate('01/07/2025'), '2025-07-01');
  assert.equal(parseDate(' 1/7/2025 '), '2025-07-01');
  assert.equal(parseDate('29/02/2024'), '2024-02-29');
  assert.equal(parseDate('29/02/2025'), null);
  assert.equal(parseDate('07/31/2025'), null); // month 31: a US-style date is not accepted
  assert.equal(parseDate('2025-07-01'), null);
});

test('placeholders and server texts in either form', () => {
  assert.equal(fill('Đã sáp nhập vào {names}', { names: 'Xã Hoằng Phú' }), 'Đã sáp nhập vào Xã Hoằng Phú');
  assert.equal(fill('{n} kết quả {x}', { n: 2 }), '2 kết quả {x}');
  assert.equal(pickText({ vi: 'Tỷ lệ hộ nghèo', en: 'Poor household rate' }, 'en'), 'Poor household rate');
  assert.equal(pickText('Tỷ lệ hộ nghèo', 'en'), 'Tỷ lệ hộ nghèo');
  assert.equal(pickText({ vi: 'Chỉ tiếng Việt' }, 'en'), 'Chỉ tiếng Việt');
  assert.equal(pickText(undefined, 'vi'), '');
});

test('the default of a date field is today on the local calendar, dd/mm/yyyy', () => {
  assert.equal(todayDmy(new Date(2026, 0, 5, 23, 30)), '05/01/2026');
  assert.equal(parseDate(todayDmy(new Date(2026, 11, 31))), '2026-12-31');
});
