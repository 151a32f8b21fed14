// Colour contrast of the stylesheet's text/background pairs: WCAG 2.1 success criterion 1.4.3
// asks for at least 4.5:1 for normal text (issue 2 part 6: "accessible (labels, keyboard,
// contrast)"). Colours are read from web/src/style.css, so a change there is checked here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const css = readFileSync(new URL('../../web/src/style.css', import.meta.url), 'utf8');
const vars = Object.fromEntries([...css.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
const color = (c: string) => (c.startsWith('--') ? vars[c.slice(2)]! : c);

/** Relative luminance and contrast ratio as WCAG 2.1 defines them. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(color(a)), luminance(color(b))].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

test('the WCAG formula gives the known extremes', () => {
  assert.equal(contrast('#000000', '#ffffff').toFixed(1), '21.0');
  assert.equal(contrast('#777777', '#ffffff').toFixed(2), '4.48'); // the classic "just fails" grey
});

test('every text colour on its background reaches 4.5:1', () => {
  const pairs: [string, string, string][] = [
    ['body text', '--text', '--bg'],
    ['hints and captions', '--muted', '--bg'],
    ['footer text', '--muted', '--panel'],
    ['links', '--link', '--bg'],
    ['visited links', '--link-visited', '--bg'],
    ['navigation links', '--link', '--panel'],
    ['header text', '#ffffff', '--brand'],
    ['primary button', '#ffffff', '--ok'],
    ['warning button', '#ffffff', '--error'],
    ['field errors', '--error', '--bg'],
    ['error notice', '--text', '#fbeeee'],
    ['tag', '#0b3d6b', '#dbe9f6'],
    ['grey tag', '#383f43', '#eef0f1'],
    ['focused link', '#0b0c0c', '--focus'],
    ['secondary button', '--text', '#e7eaec'],
  ];
  for (const [what, fg, bg] of pairs) {
    const r = contrast(fg, bg);
    assert.ok(r >= 4.5, `${what}: ${r.toFixed(2)}:1`);
  }
});
