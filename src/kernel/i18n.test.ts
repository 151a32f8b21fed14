import { test } from 'node:test';
import assert from 'node:assert/strict';
import { negotiateLocale, formatNumberVi, formatDateVi } from './i18n.ts';

test('Vietnamese is the default locale; English only when the client prefers it', () => {
  assert.equal(negotiateLocale(undefined), 'vi');
  assert.equal(negotiateLocale('en'), 'en');
  assert.equal(negotiateLocale('en-US,en;q=0.9'), 'en');
  assert.equal(negotiateLocale('vi-VN,vi;q=0.9,en;q=0.8'), 'vi');
  assert.equal(negotiateLocale('en;q=0.5,vi;q=0.9'), 'vi');
  assert.equal(negotiateLocale('fr'), 'vi');
});

test('numbers use a decimal comma and a thousands dot; dates are dd/mm/yyyy', () => {
  assert.equal(formatNumberVi(18.7), '18,7');
  assert.equal(formatNumberVi(1500), '1.500');
  assert.equal(formatDateVi('2026-06-05'), '05/06/2026');
});
