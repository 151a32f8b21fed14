// The web app's dictionaries: Vietnamese first, English second (GLOSSARY: "Everything a user
// reads is Vietnamese first"). The typecheck already forces the same keys; this checks what
// types cannot: the same {placeholders}, no empty text, Vietnamese written with diacritics, one
// definition per key across the split catalogue, and that every file naming an area's keys
// imports that area's catalogue (else its words would be missing when the page loads alone).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { vi } from '../../web/src/i18n/vi.ts';
import { en } from '../../web/src/i18n/en.ts';

const i18n = new URL('../../web/src/i18n/', import.meta.url).pathname;
const web = resolve(i18n, '..');
const areas = readdirSync(join(i18n, 'vi')).map((f) => f.replace(/\.ts$/, ''));
type Words = Record<string, string>;
const catalogues: { name: string; vi: Words; en: Words }[] = [{ name: 'common', vi, en }];
for (const a of areas) {
  const v = ((await import(join(i18n, 'vi', `${a}.ts`))) as { strings: Words }).strings;
  const e = ((await import(join(i18n, 'en', `${a}.ts`))) as { strings: Words }).strings;
  catalogues.push({ name: a, vi: v, en: e });
}
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every message has the same placeholders in both languages and none is empty', () => {
  assert.ok(areas.length >= 10, `${areas.length} area catalogues`);
  for (const c of catalogues) {
    const keys = Object.keys(c.vi);
    assert.deepEqual(Object.keys(c.en).sort(), [...keys].sort(), `keys of ${c.name}`);
    for (const k of keys) {
      assert.ok(c.vi[k]!.trim() !== '' && c.en[k]!.trim() !== '', `empty message ${k}`);
      assert.deepEqual(placeholders(c.en[k]!), placeholders(c.vi[k]!), `placeholders of ${k}`);
    }
  }
});

test('one definition per key: no key is in two catalogues', () => {
  const seen = new Map<string, string>();
  const twice: string[] = [];
  for (const c of catalogues)
    for (const k of Object.keys(c.vi)) {
      if (seen.has(k)) twice.push(`${k} (${seen.get(k)}, ${c.name})`);
      seen.set(k, c.name);
    }
  assert.deepEqual(twice, []);
});

test('Vietnamese messages carry diacritics (no unaccented Vietnamese slipped in)', () => {
  // Words that are only ever written with diacritics in correct Vietnamese.
  const unaccented = /\b(khong|duoc|nguoi|tai khoan|dang nhap|don vi|chi tieu|ke hoach)\b/i;
  for (const c of catalogues) for (const [k, s] of Object.entries(c.vi)) assert.doesNotMatch(s, unaccented, `${k}: ${s}`);
  assert.equal(vi['app.tagline'], 'Kế hoạch · Theo dõi chỉ tiêu · Chi trả chính sách xã hội');
  assert.equal(vi['nav.registry'], 'Đối tượng & chi trả');
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'i18n' ? [] : sources(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

test('a file that names the keys of an area imports that area’s catalogue', () => {
  const missing: string[] = [];
  let named = 0;
  for (const f of sources(web)) {
    const src = readFileSync(f, 'utf8');
    const imported = new Set([...src.matchAll(/from '([^']+)'|import '([^']+)'/g)].map((m) => resolve(dirname(f), (m[1] ?? m[2])!)));
    // Literals ('mon.title', 'housing.stage' for codeLabel) and template heads (`reg.${k}`).
    const literals = [...src.matchAll(/'([a-zA-Z_]+\.[^'\s]*)'|`([a-zA-Z_]+\.)\$\{/g)];
    for (const c of catalogues.slice(1)) {
      const keys = Object.keys(c.vi);
      const names = literals.some(([, lit, head]) =>
        lit !== undefined ? keys.some((k) => k === lit || k.startsWith(`${lit}.`)) : keys.some((k) => k.startsWith(head!)),
      );
      if (!names) continue;
      named++;
      if (!imported.has(join(i18n, 'vi', `${c.name}.ts`))) missing.push(`${relative(web, f)} names ${c.name}.* keys without importing i18n/vi/${c.name}.ts`);
    }
  }
  assert.ok(named >= 11, `${named} files name area keys`);
  assert.deepEqual(missing, []);
});
