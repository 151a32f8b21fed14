// POST /api/plans/extract: read an uploaded plan (.docx / .pdf / .txt, or a scan .pdf / .png /
// .jpg read by OCR; multipart field "file") or
// pasted text (JSON {"text"}) and answer what the extractor finds, WITHOUT saving anything: the
// document's text, the proposed plan (metadata, sections, tasks, assignments) and every target
// and unmatched number with its character span [start, end) in that text. The review page
// highlights those spans, the officer corrects, and POST /api/plans saves the reviewed plan.
// Same permission as saving a plan (plans.write), for the unit chosen (?unit=CODE).
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FeatureRoutes } from '../kernel/http.ts';
import { AppError, errorCatalogue, LimitError } from '../kernel/errors.ts';
import { fileTypeRefused, readUpload } from '../kernel/upload.ts';
import { text } from '../kernel/i18n.ts';
import { check } from '../kernel/validate.ts';
import { withActor } from '../access/index.ts';
import { readPlan } from './read.ts';
import { samePlan } from './store.ts';
import { savedForDiff } from './reimport.ts';
import { indicatorByCode } from '../indicators/catalogue.ts';
import { ExtractionView, PastedText, UnitQuery } from './schemas.ts';

/** The plan as the serializer takes it (the model's arrays are readonly; nothing here writes to them). */
type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer E)[] ? E[] : T[K] };
import { toPlanInput } from './import.ts';
import { MAX_PLAN_FILE_BYTES, MAX_PLAN_TEXT_CHARS, type PlanSourceProblem } from './source.ts';

/** The document's name and bytes from a multipart upload (field "file"), or its pasted text (field "text"). */
async function fromMultipart(req: FastifyRequest): Promise<{ fileName: string; bytes: Buffer } | { fileName: null; text: string }> {
  const { file, fields } = await readUpload(req, 'file', MAX_PLAN_FILE_BYTES, text('Tệp kế hoạch', 'The plan file'));
  if (file) return { fileName: file.name, bytes: file.content };
  if (fields.text !== undefined) return { fileName: null, text: check(PastedText, { text: fields.text }, '/body').text };
  throw AppError.validation([
    {
      path: '/body/file',
      message: text(
        'Chọn tệp kế hoạch (.docx, .pdf, ảnh quét .png/.jpg hoặc .txt) hoặc dán nội dung văn bản',
        'Choose a plan file (.docx, .pdf, a scanned .png/.jpg or .txt) or paste the text',
      ),
    },
  ]);
}

/** A problem of the document as the client sees it: 413 naming a limit, 415 a wrong type, 422 a password-protected PDF, else 400. */
function problemOf(p: PlanSourceProblem, path: string): AppError {
  if (p.kind === 'limit') return new LimitError(p.limit ?? 'size', p.message, path);
  if (p.kind === 'encrypted') return new AppError(errorCatalogue.unprocessable, p.message, [{ path, message: p.message }]);
  return p.kind === 'type' ? fileTypeRefused(path.slice('/body/'.length), p.message) : AppError.validation([{ path, message: p.message }], p.message);
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
          summary:
            'Read a plan document (multipart field "file": .docx, .pdf, .txt, or a scan .pdf/.png/.jpg read by OCR, at most 3 MB; or JSON {"text"}) and answer its text and extracted plan with character spans, without saving',
          querystring: UnitQuery,
          response: { 200: ExtractionView },
        },
      },
      async (req) => {
        const unit = req.accessUnit;
        if (!unit) throw AppError.notFound(text('Không có đơn vị hành chính mã {code}', 'No administrative unit {code}'), { code: req.query.unit });
        const src = req.isMultipart() ? await fromMultipart(req) : { fileName: null, ...check(PastedText, req.body ?? {}, '/body') };
        const path = 'bytes' in src ? '/body/file' : '/body/text';
        if (!('bytes' in src) && !src.text.trim()) throw AppError.validation([{ path, message: text('Văn bản trống', 'The text is empty') }]);
        // Read and extracted in a worker thread with its own memory and time caps (read.ts).
        const r = await readPlan('bytes' in src ? { bytes: src.bytes, fileName: src.fileName } : { text: src.text }, path);
        if (!r.ok) throw problemOf(r.problem, path);
        const ex = r.extraction;
        const { targets: _proposed, ...proposal } = toPlanInput(ex);
        // The documents it implements that are already in ansinh and visible to the officer.
        const { parents, existing } = await withActor(db, req.actor, async (tx) => {
          const numbers = proposal.implements.map((i) => i.number).filter((n): n is string => !!n);
          const parents =
            numbers.length === 0 ? [] : await tx.selectFrom('plans').select(['id', 'number', 'title']).where('number', 'in', numbers).orderBy('id').execute();
          // The same document already saved for the unit: the review shows what a re-import changes.
          const same = await samePlan(tx, unit.id, proposal);
          if (!same) return { parents, existing: null };
          const saved = await savedForDiff(tx, same); // the plan row read once, by samePlan
          return {
            parents,
            existing: {
              id: same.id,
              number: same.number,
              title: same.title,
              version: saved.version,
              tasks: saved.tasks,
              targets: saved.targets.map((t) => ({
                id: t.id,
                indicatorCode: t.indicatorCode,
                indicatorName: indicatorByCode(t.indicatorCode)?.name[req.locale] ?? t.indicatorCode,
                comparator: t.comparator,
                value: t.value,
                unit: t.unit,
                year: t.year,
                origin: t.origin,
                extracted: t.extracted ?? null,
              })),
            },
          };
        });
        const loc = req.locale;
        return {
          unit: { code: unit.code, name: unit.name },
          fileName: src.fileName ?? null,
          text: r.text,
          plan: proposal as Mutable<typeof proposal>,
          targets: ex.targets.map((t) => ({
            indicatorCode: t.indicatorCode,
            ...(t.proposed ? { proposed: t.proposed } : {}),
            indicatorName: t.indicatorName,
            comparator: t.comparator,
            value: t.value,
            unit: t.unit,
            year: t.year,
            sourceText: t.sourceText,
            start: t.start,
            end: t.end,
            strive: t.strive,
            confidence: t.confidence,
            ...(t.group ? { group: t.group } : {}),
          })),
          // Values the document reports as reached (not targets; a report of results has only these).
          results: ex.results.map((x) => ({
            indicatorCode: x.indicatorCode,
            name: x.name,
            value: x.value,
            unit: x.unit,
            year: x.year,
            sourceText: x.sourceText,
            start: x.start,
            end: x.end,
          })),
          unmatched: ex.unmatched.map((u) => ({
            sourceText: u.sourceText,
            code: u.code,
            reason: loc === 'en' ? u.reasonEn : u.reason,
            start: u.start,
            end: u.end,
          })),
          parents: parents.map((p) => ({ id: p.id, number: p.number, title: p.title })),
          existing,
          reading: r.reading,
        };
      },
    );
  });
};
