// The registry's pure rules: the personal ID (LAW.md §6, Thông tư 59/2021/TT-BCA), the list of
// 54 ethnic groups, months and ages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskPersonalId } from './presenters.ts';
import { checkPersonalId, parsePersonalId, validatePerson, ageOn, birthdayAt, foldName, validateMembers, type PersonInput } from './model.ts';
import { ethnicGroups, findEthnicGroup } from './ethnic.ts';
import { monthNumber } from '../kernel/month.ts';
import { registryPerson } from '../../test/helpers/registry.ts';

const { add: addMonths, range: monthsFrom } = monthNumber;

const base: PersonInput = registryPerson({ personalId: '012090000123', fullName: 'Lò Văn Pọm', dateOfBirth: '1990-05-04', ethnicCode: '03' });

test('personal ID (LAW.md §6): province 001–096, century/sex digit, two digits of the birth year', () => {
  assert.deepEqual(parsePersonalId('012090000123'), { province: '012', century: 1900, sex: 'M', yearOfBirth: 1990 });
  assert.deepEqual(parsePersonalId('038305000001'), { province: '038', century: 2000, sex: 'F', yearOfBirth: 2005 });
  assert.deepEqual(checkPersonalId('012090000123', '1990-05-04', 'M'), []);
  assert.equal(checkPersonalId('012090000123', '1991-05-04', 'M').length, 1, 'birth year 1990 in the ID vs 1991');
  assert.match(checkPersonalId('012090000123', '1990-05-04', 'F')[0]!.vi, /giới tính/);
  assert.match(checkPersonalId('012290000123', '1990-05-04', 'M')[0]!.vi, /2090/, 'digit 2 = 2000s male: born 2090, not 1990');
  assert.match(checkPersonalId('097190000123', '1990-05-04', 'M')[0]!.vi, /001 đến 096/);
  assert.match(checkPersonalId('003190000123', '1990-05-04', 'M')[0]!.vi, /không phải là mã tỉnh/, '003 is inside 001–096 but no province has it');
  assert.match(checkPersonalId('012690000123', '1990-05-04', 'M')[0]!.vi, /chỉ được từ 0 đến 5/);
  assert.match(checkPersonalId('01219000012', '1990-05-04', 'M')[0]!.vi, /12 chữ số/);
});

test('the personal ID is masked to province and last three digits', () => {
  assert.equal(maskPersonalId('012090000123'), '012******123');
  assert.equal(maskPersonalId(null), null);
});

test('the official list has 54 ethnic groups with distinct codes 01–54, found in any spelling', () => {
  assert.equal(ethnicGroups.length, 54);
  assert.equal(new Set(ethnicGroups.map((g) => g.code)).size, 54);
  assert.equal(new Set(ethnicGroups.map((g) => g.name)).size, 54);
  assert.equal(findEthnicGroup('ha nhi')?.name, 'Hà Nhì');
  assert.equal(findEthnicGroup("H'Mông")?.code, '08');
  assert.equal(findEthnicGroup('Khmer')?.name, 'Khơ-me');
  assert.equal(findEthnicGroup('3')?.name, 'Thái');
  assert.equal(findEthnicGroup('Klingon'), undefined);
});

test('codes follow Quyết định 121-TCTK/PPCĐ (1979), not the renumbered 2008 statistical list', () => {
  // 1979: 04 Hoa, 06 Mường, 11 Ngái, 12 Ê-đê (2008 would give 04 Mường, 06 Hoa, 11 Ê-đê, 12 Ba-na).
  const at = (c: string) => ethnicGroups.find((g) => g.code === c)?.name;
  assert.deepEqual(['04', '05', '06', '11', '12', '13', '14', '27', '34', '35', '36', '46', '53', '54'].map(at), [
    'Hoa',
    'Khơ-me',
    'Mường',
    'Ngái',
    'Ê-đê',
    'Ba-na',
    'Xơ-đăng',
    'Gié-Triêng',
    'Xinh-mun',
    'Hà Nhì',
    'Chu-ru',
    'Pà Thẻn',
    'Ơ Đu',
    'Rơ-măm',
  ]);
  assert.deepEqual(
    ethnicGroups.map((g) => Number(g.code)),
    Array.from({ length: 54 }, (_, i) => i + 1),
    'in code order, none missing',
  );
});

test('a person record reports every problem with its field', () => {
  assert.deepEqual(validatePerson(base, '2026-01-01'), []);
  const e = validatePerson({ ...base, fullName: ' ', ethnicCode: '77', deathDate: '1980-01-01', socialInsuranceNo: '12' }, '2026-01-01', '/rows/3');
  assert.deepEqual(e.map((x) => x.path).sort(), ['/rows/3/deathDate', '/rows/3/ethnicCode', '/rows/3/fullName', '/rows/3/socialInsuranceNo']);
  assert.deepEqual(
    validatePerson({ ...base, dateOfBirth: '2030-01-01', personalId: null }, '2026-01-01').map((x) => x.path),
    ['/dateOfBirth'],
  );
});

test('a household has exactly one head', () => {
  assert.equal(validateMembers([{ relation: 'head' }, { relation: 'child' }]).length, 0);
  assert.equal(validateMembers([{ relation: 'child' }]).length, 1);
  assert.equal(validateMembers([{ relation: 'head' }, { relation: 'head' }]).length, 1);
});

test('months, ages and birthdays', () => {
  assert.equal(addMonths(202512, 1), 202601);
  assert.equal(addMonths(202601, -1), 202512);
  assert.deepEqual(monthsFrom(202511, 202602), [202511, 202512, 202601, 202602]);
  assert.equal(ageOn('1946-07-15', '2026-07-14'), 79);
  assert.equal(ageOn('1946-07-15', '2026-07-15'), 80);
  assert.equal(birthdayAt('2000-02-29', 75), '2075-03-01');
  assert.equal(foldName('  Lò Thị   Mẩy '), 'lo thi may');
  assert.equal(foldName('Đặng Văn Đức'), 'dang van duc');
});
