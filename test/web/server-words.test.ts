// Words the server owns are shown as the server writes them (issue 16 item 4: "labels that the
// server owns come from the server"): a monitoring report's status (src/monitoring/workflow.ts),
// a payment channel (src/registry/channels.ts), a unit of measure (src/indicators/vocabulary.ts).
// The web says them through web/src/lib/words.ts, and no web catalogue keeps a second copy
// (the web once said "Chờ duyệt", "Chuyển khoản ngân hàng", "/10.000 dân" where the server said
// otherwise): a group of catalogue keys naming three or more codes of one of these
// vocabularies fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SUBMISSION_STATUSES, statusNames } from '../../src/monitoring/workflow.ts';
import { paymentChannels } from '../../src/registry/channels.ts';
import { unitWords } from '../../src/indicators/vocabulary.ts';
import { unitWords as chartUnitWords } from '../../src/monitoring/chart.ts';
import { vi } from '../../web/src/i18n/vi.ts';

// The web modules are imported by path, untyped here: their Preact types would bring the DOM
// library into the server's typecheck.
const web = (p: string) => new URL(`../../web/src/${p}`, import.meta.url).pathname;
const { channelWord, channels, reportStatusWord, unitWord } = (await import(web('lib/words.ts'))) as {
  channelWord: (c: string) => string;
  channels: string[];
  reportStatusWord: (s: string) => string;
  unitWord: (u: string) => string;
};
const { valueWithUnit } = (await import(web('pages/plans/strings.ts'))) as { valueWithUnit: (v: string, u: string) => string };

test('the web says a report status, a payment channel and a unit in the server’s words', () => {
  for (const s of [...SUBMISSION_STATUSES, 'missing'] as const) assert.equal(reportStatusWord(s), statusNames[s].vi);
  assert.equal(reportStatusWord('submitted'), 'Đã gửi, chờ duyệt');
  assert.deepEqual(channels, Object.keys(paymentChannels));
  for (const c of Object.keys(paymentChannels) as (keyof typeof paymentChannels)[]) assert.equal(channelWord(c), paymentChannels[c].vi);
  assert.equal(channelWord('bank'), 'Tài khoản ngân hàng');
  for (const u of Object.keys(unitWords)) {
    assert.equal(unitWord(u), unitWords[u]!.vi);
    assert.equal(chartUnitWords(u), unitWords[u]!.vi, `the chart's y axis says ${u} the same`);
  }
  assert.equal(valueWithUnit('12,5', 'per_10000'), '12,5 trên 10.000 dân');
  assert.equal(valueWithUnit('3', 'level'), 'mức 3');
  assert.equal(unitWord('unknown_unit'), 'unknown_unit');
});

test('no web catalogue keeps its own copy of those words', async () => {
  const i18n = new URL('../../web/src/i18n/', import.meta.url).pathname;
  const keys = [...Object.keys(vi)];
  for (const f of readdirSync(join(i18n, 'vi'))) keys.push(...Object.keys(((await import(join(i18n, 'vi', f))) as { strings: object }).strings));
  // A group: the keys sharing what comes before their last '.' or '_' ('reg.ch_bank' → 'reg.ch_');
  // an area's top level ('housing.level', 'housing.count') is not a group of codes.
  const groups = new Map<string, Set<string>>();
  for (const k of keys) {
    const m = /^(.*[._])([^._]+)$/.exec(k);
    if (m && !/^[a-zA-Z]+\.$/.test(m[1]!)) groups.set(m[1]!, (groups.get(m[1]!) ?? new Set()).add(m[2]!));
  }
  const vocabularies = { 'monitoring statuses': Object.keys(statusNames), 'payment channels': Object.keys(paymentChannels), units: Object.keys(unitWords) };
  const copies: string[] = [];
  for (const [name, codes] of Object.entries(vocabularies))
    for (const [g, members] of groups) {
      const shared = codes.filter((c) => members.has(c));
      if (shared.length >= 3) copies.push(`${g}* repeats the ${name} (${shared.join(', ')})`);
    }
  assert.ok(groups.size > 20, `${groups.size} groups`);
  assert.deepEqual(copies, []);
});
