// The indicator CLI commands, run in-process with captured output (no database needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { CliContext } from '../kernel/cli.ts';
import { CliError } from '../kernel/cli.ts';
import { indicatorsListCommand, indicatorsMatchCommand } from './commands.ts';
import { catalogue } from './catalogue.ts';

function ctx() {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d) => (text += d));
  const c = {
    stdout: out,
    stderr: out,
    config: {} as never,
    db: async () => {
      throw new Error('no database needed');
    },
  } as unknown as CliContext;
  return { c, text: () => text };
}

test('indicators list --area health lists only health indicators, with the count', async () => {
  const { c, text } = ctx();
  assert.equal(await indicatorsListCommand.run({ positionals: [], values: { area: 'health' } }, c), 0);
  const n = catalogue.filter((i) => i.area === 'health').length;
  assert.match(text(), new RegExp(`^${n} chỉ tiêu`, 'm'));
  assert.match(text(), /immunization_rate/);
  assert.doesNotMatch(text(), /poor_household_rate/);
});

test('indicators list --json is the catalogue as data; an unknown area is refused', async () => {
  const { c, text } = ctx();
  await indicatorsListCommand.run({ positionals: [], values: { json: true, q: 'ngheo' } }, c);
  const codes = (JSON.parse(text()) as { code: string }[]).map((i) => i.code);
  assert.ok(codes.includes('poor_household_rate') && codes.includes('near_poor_household_rate'));
  await assert.rejects(indicatorsListCommand.run({ positionals: [], values: { area: 'nope' } }, c), CliError);
});

test('indicators match names the indicator of a plan phrase (Hoàng Kim, II.2.1 a)', async () => {
  const { c, text } = ctx();
  const rc = await indicatorsMatchCommand.run(
    { positionals: ['trên 45% lực lượng lao động trong độ tuổi lao động tham gia bảo hiểm thất nghiệp'], values: {} },
    c,
  );
  assert.equal(rc, 0);
  assert.match(text().split('\n')[0]!, /^unemployment_insurance_coverage\t/);
  const none = ctx();
  assert.equal(await indicatorsMatchCommand.run({ positionals: ['Nơi nhận'], values: {} }, none.c), 1);
});
