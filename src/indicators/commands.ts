// CLI for the indicator catalogue: list it (filter by area or text) and show which indicator a
// phrase of a plan names, so that an operator can check the wording of a local plan.
import type { CliCommand } from '../kernel/cli.ts';
import { CliError } from '../kernel/cli.ts';
import { catalogue } from './catalogue.ts';
import { areas } from './model.ts';
import { foldForSearch, indicatorCandidates } from './match.ts';

export const indicatorsListCommand: CliCommand = {
  name: 'indicators list',
  summary: 'List the indicator catalogue (danh mục chỉ tiêu)',
  usage: 'indicators list [--area AREA] [--q TEXT] [--json]',
  options: { area: { type: 'string' }, q: { type: 'string' }, json: { type: 'boolean' } },
  help: `Lĩnh vực / areas: ${areas.join(', ')}\nVí dụ / example:  ansinh indicators list --area health --q "bao hiem"`,
  async run({ values }, ctx) {
    const area = values.area as string | undefined;
    if (area && !(areas as readonly string[]).includes(area)) throw new CliError(`lĩnh vực không có: ${area} (unknown area; one of ${areas.join(', ')})`, 2);
    const q = typeof values.q === 'string' ? foldForSearch(values.q) : null;
    const list = catalogue.filter(
      (i) => (!area || i.area === area) && (!q || [i.code, i.name.vi, i.name.en, ...i.synonyms].some((s) => foldForSearch(s).includes(q))),
    );
    if (values.json) {
      ctx.stdout.write(JSON.stringify(list, null, 2) + '\n');
      return 0;
    }
    for (const i of list) ctx.stdout.write(`${i.code.padEnd(42)} ${i.unit.padEnd(14)} ${i.kind.padEnd(8)} ${i.name.vi}\n`);
    ctx.stdout.write(`${list.length} chỉ tiêu (indicators)\n`);
    return 0;
  },
};

export const indicatorsMatchCommand: CliCommand = {
  name: 'indicators match',
  summary: 'Show which indicator a phrase of a plan names',
  usage: 'indicators match "TEXT"',
  help: 'Ví dụ / example:  ansinh indicators match "trên 96% dân số tham gia BHYT"',
  async run({ positionals }, ctx) {
    const phrase = positionals.join(' ').trim();
    if (!phrase) throw new CliError('thiếu TEXT; cách dùng: ansinh indicators match "TEXT" (missing TEXT)', 2);
    const c = indicatorCandidates(phrase);
    if (c.length === 0) {
      ctx.stdout.write('không nhận ra chỉ tiêu nào (no indicator recognised)\n');
      return 1;
    }
    for (const x of c) ctx.stdout.write(`${x.code}\t“${x.phrase}”\t${Math.round(x.coverage * 100)}%\n`);
    return 0;
  },
};

export const indicatorCommands: CliCommand[] = [indicatorsListCommand, indicatorsMatchCommand];
