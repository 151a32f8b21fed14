// The web app's dictionaries: Vietnamese first, English second (GLOSSARY: "Everything a user
// reads is Vietnamese first"). The typecheck already forces the same keys; this checks what
// types cannot: the same {placeholders}, no empty text, and Vietnamese written with diacritics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { vi, type MessageKey } from '../../web/src/i18n/vi.ts';
import { en } from '../../web/src/i18n/en.ts';

const keys = Object.keys(vi) as MessageKey[];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every message has the same placeholders in both languages and none is empty', () => {
  assert.deepEqual(Object.keys(en).sort(), [...keys].sort());
  for (const k of keys) {
    assert.ok(vi[k].trim() !== '' && en[k].trim() !== '', `empty message ${k}`);
    assert.deepEqual(placeholders(en[k]), placeholders(vi[k]), `placeholders of ${k}`);
  }
});

test('Vietnamese messages carry diacritics (no unaccented Vietnamese slipped in)', () => {
  // Words that are only ever written with diacritics in correct Vietnamese.
  const unaccented = /\b(khong|duoc|nguoi|tai khoan|dang nhap|don vi|chi tieu|ke hoach)\b/i;
  for (const k of keys) assert.doesNotMatch(vi[k], unaccented, `${k}: ${vi[k]}`);
  assert.equal(vi['app.tagline'], 'Kế hoạch · Theo dõi chỉ tiêu · Chi trả chính sách xã hội');
  assert.equal(vi['nav.registry'], 'Đối tượng & chi trả');
});
