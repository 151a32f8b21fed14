// `ansinh evaluate FILE.json --at YYYY-MM [--json] [--compare YYYY-MM]`: the law engine for
// auditors and tests. Reads households and persons (docs/evaluate-format.md), prints each
// household's poverty class and each person's benefits with their legal basis. No database.
import { readFile } from 'node:fs/promises';
import { CliError, type CliCommand } from '../kernel/cli.ts';
import { evaluateHouseholds, formatEvaluationVi, parseEvaluateInput } from './evaluate.ts';
import { diffEvaluations } from './reevaluate.ts';
import { POVERTY_CLASS_TEXT } from './poverty.ts';
import { formatMonthVi, formatVnd, isMonth } from './months.ts';

export const evaluateCommand: CliCommand = {
  name: 'evaluate',
  summary: 'Xét hộ nghèo, trợ cấp xã hội và trợ cấp ưu đãi người có công theo luật tại một tháng (evaluate the law on a JSON file)',
  usage: 'evaluate FILE.json --at YYYY-MM [--json] [--compare YYYY-MM]',
  options: { at: { type: 'string' }, json: { type: 'boolean' }, compare: { type: 'string' } },
  help: [
    'Đọc danh sách hộ và nhân khẩu (định dạng: docs/evaluate-format.md), xếp loại hộ theo chuẩn nghèo',
    'của năm và tính trợ cấp xã hội hằng tháng của từng người và trợ cấp ưu đãi người có công (meritProfiles),',
    'kèm căn cứ pháp lý.',
    'Reads households and persons (format: docs/evaluate-format.md), classifies each household under the',
    "year's poverty standard and computes each person's monthly benefits, merit allowances included, with their legal basis.",
    '',
    '--at YYYY-MM       tháng xét (bắt buộc) / the month evaluated (required)',
    '--json             kết quả dạng JSON / JSON output',
    '--compare YYYY-MM  so sánh với tháng khác: ai tăng, ai giảm, bao nhiêu / diff against another month',
    '',
    'Ví dụ / example:  ansinh evaluate test/fixtures/evaluate/sample.json --at 2024-07',
  ].join('\n'),
  async run({ positionals, values }, ctx) {
    const file = positionals[0];
    if (!file) throw new CliError('thiếu FILE.json; cách dùng: ansinh evaluate FILE.json --at YYYY-MM (missing FILE.json)', 2);
    const at = values.at;
    if (typeof at !== 'string' || !isMonth(at)) throw new CliError('--at phải là một tháng YYYY-MM, ví dụ --at 2024-07 (--at must be a month YYYY-MM)', 2);
    const compare = values.compare;
    if (compare !== undefined && (typeof compare !== 'string' || !isMonth(compare)))
      throw new CliError('--compare phải là một tháng YYYY-MM (--compare must be a month YYYY-MM)', 2);
    const text = await readFile(file, 'utf8');
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new CliError(`${file} không phải JSON hợp lệ (not valid JSON): ${(e as Error).message}`);
    }
    const input = parseEvaluateInput(raw);
    if (compare) {
      const d = diffEvaluations(input, { at: compare }, { at });
      if (values.json) {
        ctx.stdout.write(JSON.stringify(d, null, 2) + '\n');
        return 0;
      }
      ctx.stdout.write(
        `So sánh ${formatMonthVi(compare)} → ${formatMonthVi(at)}: ${d.gains.length} người tăng, ${d.losses.length} người giảm, ${d.unchanged} không đổi, ${d.undetermined.length} chưa xác định; chênh lệch ${formatVnd(d.totalDelta)}/tháng\n`,
      );
      for (const c of [...d.gains, ...d.losses])
        ctx.stdout.write(
          `  ${c.householdId}/${c.name ?? c.personId}: ${formatVnd(c.before)} → ${formatVnd(c.after)} (${c.delta > 0 ? '+' : ''}${formatVnd(c.delta)})\n`,
        );
      if (d.undetermined.length)
        ctx.stdout.write(
          `  Chưa xác định (thiếu số liệu hoặc quy định chưa xác minh): ${d.undetermined.map((c) => `${c.householdId}/${c.name ?? c.personId}`).join(', ')}\n`,
        );
      for (const c of d.classChanges) ctx.stdout.write(`  Hộ ${c.householdId}: ${POVERTY_CLASS_TEXT[c.before].vi} → ${POVERTY_CLASS_TEXT[c.after].vi}\n`);
      return 0;
    }
    const result = evaluateHouseholds(input, at);
    ctx.stdout.write((values.json ? JSON.stringify(result, null, 2) : formatEvaluationVi(result)) + '\n');
    return 0;
  },
};
