// From an extracted document to the plan ansinh stores: the extraction becomes a PlanInput
// (the officer's starting point for review), and `plan import` saves it for a unit.
import type { Db } from '../db/connection.ts';
import type { PlanExtraction } from './extract/index.ts';
import type { AssignmentInput, PlanInput, PlanKind } from './model.ts';
import { insertPlan, lockPlan, samePlan } from './store.ts';
import { reimportPlan } from './reimport.ts';
import { audit } from '../audit/store.ts';
import { basename } from 'node:path';
import { CliError, type CliCommand } from '../kernel/cli.ts';
import { readPlanFile } from './commands.ts';
import { findUnitByCode } from '../units/store.ts';

/** The structured plan an extraction proposes; nothing is invented, missing fields stay null. */
export function toPlanInput(ex: PlanExtraction): PlanInput {
  const p = ex.plan;
  const kind: PlanKind = p.kind === 'action_programme' || p.kind === 'plan' || p.kind === 'report' || p.kind === 'resolution' ? p.kind : 'plan';
  const annual = ex.reportDeadlines.find((d) => d.kind === 'annual' && d.day && d.month);
  const assignments: AssignmentInput[] = ex.assignments.map((a) => ({
    agency: a.agency,
    role: a.role,
    what: a.what,
    dueDate: null,
    // A report deadline written inside an assignment's item belongs to that assignment.
    recurrence: annual && annual.start >= a.start && annual.end <= a.end ? { kind: 'annual', day: annual.day!, month: annual.month! } : null,
    sourceText: (a as { sourceText?: string }).sourceText ?? null,
  }));
  if (annual && !assignments.some((a) => a.recurrence)) {
    assignments.push({
      agency: 'Các cơ quan, đơn vị được giao nhiệm vụ',
      role: 'lead',
      what: 'Báo cáo định kỳ kết quả thực hiện',
      dueDate: null,
      recurrence: { kind: 'annual', day: annual.day!, month: annual.month! },
      sourceText: (annual as { sourceText?: string }).sourceText ?? null,
    });
  }
  const dp = p.dateParts;
  return {
    kind,
    number: p.number,
    issuer: p.issuer,
    place: p.place,
    issuedOn: p.date,
    issuedOnText: dp ? [dp.day ? `ngày ${dp.day}` : 'ngày', dp.month ? `tháng ${dp.month}` : 'tháng', dp.year ? `năm ${dp.year}` : 'năm'].join(' ') : null,
    title: p.title ?? '(không có trích yếu)',
    signer: p.signer,
    signerTitle: p.signerTitle,
    implements: p.implements.map((d) => ({ reference: d.text, number: d.number })),
    sections: ex.sections.map((s) => ({ numbering: s.numbering, title: s.title, level: s.level, start: s.start, end: s.end })),
    // A target no catalogue indicator matched ("chưa gắn chỉ tiêu") is not saved: plan_targets
    // requires an indicator. The officer maps it on the review page; `plan import` says how many.
    targets: ex.targets.flatMap((t) =>
      t.indicatorCode === null
        ? []
        : [
            {
              indicatorCode: t.indicatorCode,
              comparator: t.comparator,
              value: t.value,
              unit: t.unit,
              year: t.year,
              sourceText: t.sourceText,
              sourceOffset: t.start,
              group: t.group ?? null,
            },
          ],
    ),
    tasks: ex.tasks.map((t) => ({ numbering: t.numbering, title: t.title, body: t.items.join('\n') || null })),
    assignments,
    recipients: [],
  };
}

/** Saves an extracted plan for a unit in one transaction, with an audit entry (system actor). */
export async function importPlan(db: Db, o: { unitId: number; input: PlanInput; sourceText: string; sourceFile: string }): Promise<number> {
  return db.k.transaction().execute(async (tx) => {
    const id = await insertPlan(tx, o.input, { unitId: o.unitId, sourceText: o.sourceText, sourceFile: o.sourceFile, createdBy: null, status: 'draft' });
    await audit(tx, {
      actor: null,
      action: 'plan.import',
      entity: 'plan',
      entityId: id,
      unitId: o.unitId,
      after: { file: o.sourceFile, number: o.input.number, targets: o.input.targets.length },
    });
    return id;
  });
}

export const planImportCommand: CliCommand = {
  name: 'plan import',
  summary: 'Read a plan (.txt, .docx, .pdf, or a scan by OCR) and save it for a unit, as a draft to review in the web app',
  usage: 'plan import FILE --unit CODE [--number N] [--date YYYY-MM-DD] [--update]',
  options: { unit: { type: 'string' }, number: { type: 'string' }, date: { type: 'string' }, update: { type: 'boolean' } },
  help: 'The plan is saved with its metadata, sections, targets, tasks, assignments and report deadlines,\nlinked to the plans it implements when they are already in ansinh (by document number).\nA document already saved for the unit (same number, issuer and date) is not saved twice: with\n--update it is applied as the next version of the saved plan (unchanged targets keep their review\nhistory and hand corrections), and the changes are printed.',
  async run({ positionals, values }, ctx) {
    const file = positionals[0];
    if (!file) throw new CliError('missing FILE; usage: ansinh plan import FILE --unit CODE', 2);
    const code = values.unit;
    if (typeof code !== 'string' || !/^[0-9]{2,5}$/.test(code)) throw new CliError('--unit CODE is required: the 2-digit province or 5-digit commune code', 2);
    const read = await readPlanFile(file);
    const text = read.text;
    const db = await ctx.db();
    const unit = await findUnitByCode(db.k, code);
    if (!unit || unit.valid_to) throw new CliError(`không có đơn vị hành chính hiện hành mã ${code} (no current unit with code ${code})`);
    const ex = read.extraction;
    const date = values.date;
    if (date !== undefined && (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date))) throw new CliError('--date must be YYYY-MM-DD', 2);
    // A copy without its header block (number, date) can be given them by hand.
    const input = { ...toPlanInput(ex), ...(typeof values.number === 'string' ? { number: values.number } : {}), ...(date ? { issuedOn: date } : {}) };
    const same = await samePlan(db.k, unit.id, input);
    if (same) {
      if (values.update !== true)
        throw new CliError(
          `kế hoạch số ${same.number} của ${unit.name} đã có (kế hoạch #${same.id}); thêm --update để cập nhật thành phiên bản mới (already saved; --update applies it as a new version)`,
        );
      const r = await db.k.transaction().execute(async (tx) => {
        const plan = await lockPlan(tx, same.id);
        if (!plan) throw new CliError(`kế hoạch #${same.id} không còn (plan #${same.id} is gone)`);
        return reimportPlan(tx, { plan, input, sourceText: text, sourceFile: basename(file), actor: null });
      });
      ctx.stdout.write(
        `Đã cập nhật kế hoạch #${r.id} thành phiên bản ${r.version}: thêm ${r.added}, bỏ ${r.removed}, thay đổi ${r.changed}, giữ nguyên ${r.unchanged} chỉ tiêu (${r.keptCorrections} chỉ tiêu sửa tay được giữ); nhiệm vụ thêm ${r.tasksAdded}, bỏ ${r.tasksRemoved}\n`,
      );
      return 0;
    }
    const id = await importPlan(db, { unitId: unit.id, input, sourceText: text, sourceFile: basename(file) });
    ctx.stdout.write(
      `Đã nhập kế hoạch #${id} cho ${unit.name}: ${input.targets.length} chỉ tiêu, ${input.assignments.length} phân công, ${input.tasks.length} nhiệm vụ, ${ex.unmatched.length} số không phải chỉ tiêu\n`,
    );
    const unmapped = ex.targets.filter((t) => t.indicatorCode === null);
    if (unmapped.length)
      ctx.stdout.write(
        `${unmapped.length} chỉ tiêu chưa gắn chỉ tiêu trong danh mục không được lưu (gắn chỉ tiêu rồi lưu trên trang rà soát): ${unmapped.map((t) => `"${t.indicatorName}"`).join('; ')}\n`,
      );
    return 0;
  },
};
