// The guide is true to the UI (issue 15 item 11): every phrase the guide puts in curly quotes
// “…” is a label or message that the web app or the server shows. "…" inside a quote stands for
// a part that varies (a name, a number). Examples typed by the user and words quoted from legal
// documents are written in italics (*…*) instead, so they are not checked here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function files(dir: string, ext: RegExp, withTests = false): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : files(p, ext, withTests);
    return ext.test(name) && (withTests || !/\.test\.tsx?$/.test(name)) ? [p] : [];
  });
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The strings a user can see: string literals and JSX text of the web app and the server (tests excluded). */
function uiStrings(): string[] {
  const out: string[] = [];
  for (const f of [...files(join(root, 'web', 'src'), /\.tsx?$/), ...files(join(root, 'src'), /\.ts$/)]) {
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
      const s = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\\'/g, "'").replace(/\\"/g, '"');
      if (/\p{L}/u.test(s)) out.push(squash(s));
    }
    if (f.endsWith('.tsx')) for (const m of src.matchAll(/>([^<>{}]*\p{L}[^<>{}]*)</gu)) out.push(squash(m[1]!));
  }
  return out;
}

/** A quote's fixed parts: the text between the "…" that stand for what varies. */
const partsOf = (quote: string) =>
  squash(quote)
    .split(/…|\.\.\./)
    .map((p) =>
      p
        .trim()
        .replace(/^[.,:;]+|[.,:;]+$/g, '')
        .trim(),
    )
    .filter((p) => p !== '');

test('every “quoted” phrase of the user guide is shown by the UI', () => {
  const strings = uiStrings();
  // A literal's placeholders (${…} in templates, {name} in messages) match anything.
  const holes = strings.map((s) =>
    s
      .split(/\$\{[^}]*\}|\{[a-zA-Z]+\}/)
      .map((x) => x.trim())
      .filter((x) => x.length > 0),
  );
  const shown = (part: string) =>
    strings.some((s) => s.includes(part)) ||
    holes.some(
      (segs) =>
        segs.length > 1 &&
        part.length >= 3 &&
        segs.every((seg) => part.includes(seg) || seg.includes(part)) &&
        segs.some((seg) => seg.length >= 3 && part.includes(seg)),
    );
  const guide = join(root, 'docs', 'guide');
  const missing: string[] = [];
  let quotes = 0;
  for (const f of files(guide, /\.md$/)) {
    const md = readFileSync(f, 'utf8');
    for (const m of md.matchAll(/“([^”]+)”/g)) {
      quotes++;
      const bad = partsOf(m[1]!).filter((p) => !shown(p));
      if (bad.length) missing.push(`${relative(root, f)}: “${squash(m[1]!)}” (${bad.map((b) => `"${b}"`).join(', ')} not in the UI)`);
    }
  }
  assert.ok(quotes > 50, `the guide quotes ${quotes} labels`);
  assert.deepEqual(missing, [], `${missing.length} of ${quotes} quoted labels are not in the UI:\n${missing.join('\n')}`);
});

test('every screenshot of the user guide is taken by the browser suite (so each run regenerates it)', () => {
  const suite = files(join(root, 'test', 'browser'), /\.ts$/, true)
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const missing: string[] = [];
  let shots = 0;
  for (const f of files(join(root, 'docs', 'guide'), /\.md$/)) {
    for (const m of readFileSync(f, 'utf8').matchAll(/\]\(\.\.\/screenshots\/([^)]+)\.png\)/g)) {
      shots++;
      if (!suite.includes(`'${m[1]}`)) missing.push(`${relative(root, f)}: ${m[1]}.png`);
    }
  }
  assert.ok(shots > 10, `the guide shows ${shots} screenshots`);
  assert.deepEqual(missing, [], 'screenshots that no browser test takes');
});
