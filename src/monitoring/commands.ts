// Monitoring CLI: rebuild the roll-up, and exchange data with DHIS2 (dataValueSets JSON).
import { readFileSync, writeFileSync } from 'node:fs';
import type { CliCommand } from '../kernel/cli.ts';
import { CliError } from '../kernel/cli.ts';
import { check } from '../kernel/validate.ts';
import { rebuildAggregates, requireUnit } from './store.ts';
import { exportDataValueSet, importDataValueSet, DataValueSetSchema } from './dhis2.ts';

export const monitoringRollupCommand: CliCommand = {
  name: 'monitoring rollup',
  summary: 'Rebuild every monitoring aggregate from the approved values (one set-based query)',
  usage: 'monitoring rollup',
  async run(_a, ctx) {
    const db = await ctx.db();
    const t0 = Date.now();
    const n = await db.k.transaction().execute((tx) => rebuildAggregates(tx));
    ctx.stdout.write(`${n} aggregate rows in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  },
};

export const monitoringExportCommand: CliCommand = {
  name: 'monitoring export',
  summary: 'Export values as DHIS2 dataValueSets JSON (a unit and every unit beneath it)',
  usage: 'monitoring export --unit CODE [--period 2025] [--approved-only] [--out FILE]',
  options: { unit: { type: 'string' }, period: { type: 'string' }, 'approved-only': { type: 'boolean' }, out: { type: 'string' } },
  help: 'Mapping: orgUnit = official unit code; dataElement = indicator code, or <code>.numerator / <code>.denominator for rates; categoryOptionCombo = default or the breakdown (sex=female).',
  async run({ values }, ctx) {
    if (typeof values.unit !== 'string') throw new CliError('--unit CODE is required');
    const db = await ctx.db();
    const unit = await requireUnit(db.k, values.unit);
    const set = await exportDataValueSet(db.k, unit, {
      period: typeof values.period === 'string' ? values.period : undefined,
      children: true,
      approvedOnly: values['approved-only'] === true,
    });
    const json = JSON.stringify(set, null, 1);
    if (typeof values.out === 'string') {
      writeFileSync(values.out, json);
      ctx.stdout.write(`${set.dataValues.length} data values written to ${values.out}\n`);
    } else ctx.stdout.write(json + '\n');
  },
};

export const monitoringImportCommand: CliCommand = {
  name: 'monitoring import',
  summary: 'Import a DHIS2 dataValueSets JSON file as approved data (all or nothing)',
  usage: 'monitoring import FILE [--dry-run]',
  options: { 'dry-run': { type: 'boolean' } },
  help: 'Every rejected value is listed with its reason; any conflict leaves the database unchanged (exit 1).',
  async run({ positionals, values }, ctx) {
    const file = positionals[0];
    if (!file) throw new CliError('FILE is required');
    const set = check(DataValueSetSchema, JSON.parse(readFileSync(file, 'utf8')));
    const db = await ctx.db();
    const s = await db.k.transaction().execute((tx) => importDataValueSet(tx, set, { dryRun: values['dry-run'] === true }));
    const loc = process.env.ANSINH_LANG === 'en' ? 'en' : 'vi';
    for (const c of s.conflicts) ctx.stderr.write(`dataValues[${c.index}] ${c.object} "${c.value}": ${c.message[loc]}\n`);
    ctx.stdout.write(
      `${s.status}: imported ${s.importCount.imported}, updated ${s.importCount.updated}, ignored ${s.importCount.ignored}${s.dryRun ? ' (dry run)' : ''}\n`,
    );
    return s.status === 'ERROR' ? 1 : 0;
  },
};

export const monitoringCommands: CliCommand[] = [monitoringRollupCommand, monitoringExportCommand, monitoringImportCommand];
