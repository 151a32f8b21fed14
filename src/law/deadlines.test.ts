// Legal deadlines across weekends, public holidays and Tết, against the texts' own numbers
// (Luật Khiếu nại 2011 Điều 27, 28, 37; Luật Tố cáo 2018 Điều 30; Nghị định 20/2021/NĐ-CP Điều 8;
// Bộ luật Dân sự 2015 Điều 147–148; Bộ luật Lao động 2019 Điều 112) and the announced Tết 2026.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getSolarDate } from '@dqcai/vn-lunar';
import { ANNOUNCED, CalendarUnknownError, LUNAR_HOLIDAYS, dayOffReason, isWorkingDay, yearCalendar } from './calendar.ts';
import { DEADLINE_RULES, deadline, workingDaysLeft } from './deadlines.ts';

const iso = (d: { day: number; month: number; year: number }) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

test('the lunar holidays recorded as data are the Vietnamese lunar calendar (UTC+7) for every year: mùng 1 Tết and 10/3 âm lịch', () => {
  for (const [year, days] of Object.entries(LUNAR_HOLIDAYS)) {
    assert.equal(days.tet, iso(getSolarDate(1, 1, Number(year))), `Tết ${year}`);
    assert.equal(days.hungKings, iso(getSolarDate(10, 3, Number(year))), `Giỗ Tổ ${year}`);
  }
  // The Vietnamese calendar, not China's: Tết Canh Tuất is 02/02/2030 (03/02 in China).
  assert.equal(LUNAR_HOLIDAYS[2030]?.tet, '2030-02-02');
});

test('Tết Bính Ngọ 2026 as announced: 16/02 (29 tháng Chạp) to 20/02 (mùng 4) are days off; 21–22/02 the weekend; 23/02 a working day', () => {
  assert.deepEqual(ANNOUNCED[2026]?.tet, ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
  assert.equal(LUNAR_HOLIDAYS[2026]?.tet, '2026-02-17'); // mùng 1 is the second of the five days
  for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
    assert.equal(isWorkingDay(d), false, d);
    assert.equal(dayOffReason(d), 'Tết Âm lịch');
  }
  assert.equal(isWorkingDay('2026-02-13'), true);
  assert.equal(isWorkingDay('2026-02-23'), true);
  assert.equal(yearCalendar(2026).provisional.has('2026-02-16'), false);
});

test('Bộ luật Lao động 2019 Điều 112 khoản 3: Giỗ Tổ Hùng Vương on Sunday 26/04/2026 gives Monday 27/04 off; 30/4 and 01/5 are days off', () => {
  assert.equal(dayOffReason('2026-04-26'), 'Giỗ Tổ Hùng Vương'); // a holiday on a Sunday is named as the holiday
  assert.equal(yearCalendar(2026).names.get('2026-04-26'), 'Giỗ Tổ Hùng Vương');
  assert.equal(isWorkingDay('2026-04-27'), false);
  assert.equal(dayOffReason('2026-04-27'), 'Nghỉ bù');
  assert.equal(isWorkingDay('2026-04-28'), true);
  assert.equal(dayOffReason('2026-04-30'), 'Ngày Chiến thắng');
  assert.equal(dayOffReason('2026-05-01'), 'Ngày Quốc tế lao động');
  assert.equal(dayOffReason('2026-01-01'), 'Tết Dương lịch');
});

test('Luật Khiếu nại Điều 27 with Bộ luật Dân sự Điều 147–148: a complaint received Tuesday 10/02/2026 — 10 days end on 20/02, a Tết day, so acceptance is due Monday 23/02/2026', () => {
  const d = deadline('complaint.accept', '2026-02-10');
  assert.equal(d.due, '2026-02-23');
  assert.deepEqual(
    d.skipped.map((s) => s.date),
    ['2026-02-20', '2026-02-21', '2026-02-22'],
  );
  assert.equal(d.skipped[0]?.reason, 'Tết Âm lịch');
  assert.match(d.explanation.vi, /Điều 27.*23\/02\/2026.*Điều 148 khoản 5/);
  assert.deepEqual(d.provisional, []);
});

test('Nghị định 20/2021 Điều 8: 7 working days from Friday 13/02/2026 skip the weekend, the five Tết days and the next weekend: due Tuesday 03/03/2026', () => {
  const d = deadline('assistance.review', '2026-02-13');
  assert.equal(d.due, '2026-03-03');
  assert.equal(d.skipped.length, 11); // 14–15/02, 16–20/02 (Tết), 21–22/02, 28/02–01/03
});

test('working days across Giỗ Tổ, 30/4 and 01/5/2026: 3 working days from Friday 24/04 are 28/04, 29/04 and 04/05', () => {
  const d = deadline('pension.funeral', '2026-04-24');
  assert.equal(d.due, '2026-05-04');
  assert.deepEqual(
    d.skipped.map((s) => `${s.date} ${s.reason}`),
    [
      '2026-04-25 Thứ Bảy',
      '2026-04-26 Giỗ Tổ Hùng Vương',
      '2026-04-27 Nghỉ bù',
      '2026-04-30 Ngày Chiến thắng',
      '2026-05-01 Ngày Quốc tế lao động',
      '2026-05-02 Thứ Bảy',
      '2026-05-03 Chủ nhật',
    ],
  );
});

test('Luật Tố cáo Điều 30 khoản 1: 30 days from acceptance on 01/04/2026 end on Friday 01/05 (a holiday), so the settlement is due Monday 04/05/2026', () => {
  const d = deadline('denunciation.settle', '2026-04-01');
  assert.equal(d.due, '2026-05-04');
  assert.equal(DEADLINE_RULES['denunciation.settle'].days, 30);
});

test('Luật Khiếu nại Điều 28 and 37: first complaint 30 / 45 days, remote 45 / 60; second 45 / 60, remote 60 / 70', () => {
  const days = (c: keyof typeof DEADLINE_RULES) => DEADLINE_RULES[c].days;
  assert.deepEqual(
    [days('complaint.first'), days('complaint.first.complex'), days('complaint.first.remote'), days('complaint.first.remote.complex')],
    [30, 45, 45, 60],
  );
  assert.deepEqual(
    [days('complaint.second'), days('complaint.second.complex'), days('complaint.second.remote'), days('complaint.second.remote.complex')],
    [45, 60, 60, 70],
  );
  // 30 days from Monday 02/03/2026 end on Wednesday 01/04/2026, a working day: no move.
  const d = deadline('complaint.first', '2026-03-02');
  assert.equal(d.due, '2026-04-01');
  assert.deepEqual(d.skipped, []);
});

test('a year whose holidays are not recorded as announced is derived from Điều 112 and its deadlines are marked provisional (Tết Đinh Mùi 2027 on a Saturday)', () => {
  const cal = yearCalendar(2027);
  assert.equal(LUNAR_HOLIDAYS[2027]?.tet, '2027-02-06');
  // Default five days 05/02 (the last day of the year) to 09/02, two of them at the weekend: two compensatory days.
  for (const d of ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']) assert.equal(isWorkingDay(d), false, d);
  assert.equal(isWorkingDay('2027-02-12'), true);
  assert.ok(cal.provisional.has('2027-02-10'));
  const d = deadline('assistance.decision', '2027-02-03');
  assert.ok(d.provisional.length > 0);
  assert.match(d.explanation.vi, /tạm tính/);
});

test('working days left: 0 on the due day, positive before, negative after', () => {
  assert.equal(workingDaysLeft('2026-02-23', '2026-02-23'), 0);
  assert.equal(workingDaysLeft('2026-02-13', '2026-02-23'), 1);
  assert.equal(workingDaysLeft('2026-02-24', '2026-02-23'), -1);
  assert.equal(workingDaysLeft('2026-02-10', '2026-02-13'), 3);
});

test('bad dates and years without lunar data are refused', () => {
  assert.throws(() => deadline('complaint.accept', '2026-02-30'), RangeError);
  assert.throws(() => deadline('complaint.accept', '10/02/2026'), RangeError);
  assert.throws(() => isWorkingDay('2040-01-02'), CalendarUnknownError);
  assert.throws(() => deadline('complaint.accept', '2026-02-10', 0), RangeError);
});
