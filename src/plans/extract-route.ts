// POST /api/plans/extract: read an uploaded plan (.docx / .txt, multipart field "file") or
// pasted text (JSON {"text"}) and answer what the extractor finds, WITHOUT saving anything: the
// document's text, the proposed plan (metadata, sections, tasks, assignments) and every target
// and unmatched number with its character span [start, end) in that text. The review page
// highlights those spans, the officer corrects, and POST /api/plans saves the reviewed plan.
// Same permission as saving a plan (plans.write), for the unit chosen (?unit=CODE).
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FeatureRoutes } from '../kernel/http.ts';
import { AppError } from '../kernel/errors.ts';
import { fileTooLarge, fileTypeRefused, readUpload } from '../kernel/upload.ts';
import { text, type Text } from '../kernel/i18n.ts';
import { check } from '../kernel/validate.ts';
import { withActor } from '../access/index.ts';
import { extractPlan } from './extract/index.ts';
import { toPlanInput } from './import.ts';
import { MAX_PLAN_FILE_BYTES, MAX_PLAN_TEXT_CHARS, planTextFromFile } from './source.ts';

const PastedText = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: MAX_PLAN_TEXT_CHARS }), fileName: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);

const tooLarge = () => fileTooLarge('file', MAX_PLAN_FILE_BYTES, text('Tệp kế hoạch', 'The plan file'));
const badFile = (status: 'type' | 'other', message: Text) =>
  status === 'type' ? fileTypeRefused('file', message) : AppError.validation([{ path: '/body/file', message }], message);

/** The document's name and text from a multipart upload (field "file", or a field "text"). */
async function fromMultipart(req: FastifyRequest): Promise<{ fileName: string | null; text: string }> {
  const { file, fields } = await readUpload(req, 'file', MAX_PLAN_FILE_BYTES, text('Tệp kế hoạch', 'The plan file'));
  if (file) {
    const r = await planTextFromFile(file.content, file.name);
    if (!r.ok) throw badFile(r.problem.kind === 'type' ? 'type' : 'other', r.problem.message);
    return { fileName: file.name, text: r.text };
  }
  if (fields.text !== undefined) return { fileName: null, text: check(PastedText, { text: fields.text }, '/body').text };
  throw AppError.validation([{ path: '/body/file', message: text('Chọn tệp kế hoạch (.docx hoặc .txt) hoặc dán nội dung văn bản', 'Choose a plan file (.docx or .txt) or paste the text') }]);
}

export const planExtractRoutes: FeatureRoutes = async (app, { db }) => {
  // Multipart only here (encapsulated): the rest of the API takes JSON.
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    await scope.register(multipart, { limits: { fileSize: MAX_PLAN_FILE_BYTES, files: 1, fields: 4, fieldSize: MAX_PLAN_TEXT_CHARS * 4, parts: 6 } });
    scope.post(
      '/api/plans/extract',
      {
        config: { access: { permission: 'plans.write', unit: { query: 'unit' } } },
        schema: {
          tags: ['plans'],
          summary: 'Read a plan document (multipart field "file": .docx or .txt, at most 3 MB; or JSON {"text"}) and answer its text and extracted plan with character spans, without saving',
          querystring: Type.Object({ unit: Type.String({ pattern: '^[0-9]{2,5}$' }) }),
        },
      },
      async (req) => {
        const unit = req.accessUnit;
        if (!unit) throw AppError.notFound(text('Không có đơn vị hành chính mã {code}', 'No administrative unit {code}'), { code: req.query.unit });
        const src = req.isMultipart() ? await fromMultipart(req) : { fileName: null as string | null, ...check(PastedText, req.body ?? {}, '/body') };
        if (src.text.length > MAX_PLAN_TEXT_CHARS) throw tooLarge();
        if (!src.text.trim()) throw AppError.validation([{ path: '/body/text', message: text('Văn bản trống', 'The text is empty') }]);
        const ex = extractPlan(src.text);
        const { targets: _proposed, ...proposal } = toPlanInput(ex);
        // The documents it implements that are already in ansinh and visible to the officer.
        const parents = await withActor(db, req.actor, async (tx) => {
          const numbers = proposal.implements.map((i) => i.number).filter((n): n is string => !!n);
          if (numbers.length === 0) return [];
          return tx.selectFrom('plans').select(['id', 'number', 'title']).where('number', 'in', numbers).orderBy('id').execute();
        });
        const loc = req.locale;
        return {
          unit: { code: unit.code, name: unit.name },
          fileName: src.fileName ?? null,
          text: src.text,
          plan: proposal,
          targets: ex.targets.map((t) => ({ indicatorCode: t.indicatorCode, indicatorName: t.indicatorName, comparator: t.comparator, value: t.value, unit: t.unit, year: t.year, sourceText: t.sourceText, start: t.start, end: t.end, strive: t.strive, confidence: t.confidence })),
          unmatched: ex.unmatched.map((u) => ({ sourceText: u.sourceText, code: u.code, reason: loc === 'en' ? u.reasonEn : u.reason, start: u.start, end: u.end })),
          parents: parents.map((p) => ({ id: p.id, number: p.number, title: p.title })),
        };
      },
    );
  });
};
