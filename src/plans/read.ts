// Reading and extracting a plan off the main thread (issue 18): the file's bytes or the pasted
// text go to a worker thread with its own heap and time caps, which reads the text (bounded: see
// source.ts) and runs the extractor; the request waits for its answer. A file that would need
// more fails its own request with a 413 naming the cap; other requests go on. A scan (a PDF
// without a text layer, an image) comes back from the worker as such: the OCR queue reads it
// (child processes, one document at a time: kernel/ocr.ts) and the worker then extracts its text.
import { runInWorker, type WorkerCaps } from '../kernel/worker.ts';
import { ocrDocument } from '../kernel/ocr.ts';
import { extractPlan, type PlanExtraction } from './extract/index.ts';
import { MAX_PLAN_TEXT_CHARS, planTextFromFile, textTooLong, type PlanSource, type PlanSourceProblem } from './source.ts';

/**
 * The caps of one plan's worker: 1,000,000 characters extract in about 15 s on a slow core and
 * a few hundred MB; a .docx of that much text takes mammoth well under 768 MB, a 500-page PDF's
 * text layer pdf.js a few hundred.
 */
export const PLAN_WORKER_CAPS: WorkerCaps = { maxMemoryMb: 768, timeoutMs: 60_000 };

export type PlanReadInput = { readonly bytes: Uint8Array; readonly fileName: string } | { readonly text: string };
/** How the text was read: from a text file or .docx, a PDF's text layer, or by OCR (pages and time). */
export type PlanReading =
  { readonly method: 'text' } | { readonly method: 'pdf'; readonly pages: number } | { readonly method: 'ocr'; readonly pages: number; readonly ms: number };
export type PlanRead =
  | { readonly ok: true; readonly text: string; readonly extraction: PlanExtraction; readonly reading: PlanReading }
  | { readonly ok: false; readonly problem: PlanSourceProblem };
type TaskResult = PlanRead | Extract<PlanSource, { ok: 'ocr' }>;

/** The task itself (what the worker runs): the text of the file or the pasted text, and its extraction. */
export async function readPlanTask(input: PlanReadInput): Promise<TaskResult> {
  let text: string;
  let reading: PlanReading = { method: 'text' };
  if ('bytes' in input) {
    const r = await planTextFromFile(input.bytes, input.fileName);
    if (r.ok !== true) return r;
    text = r.text;
    if (r.pages !== undefined) reading = { method: 'pdf', pages: r.pages };
  } else {
    if (input.text.length > MAX_PLAN_TEXT_CHARS) return { ok: false, problem: textTooLong(input.text.length) };
    text = input.text;
  }
  return { ok: true, text, extraction: extractPlan(text), reading };
}

/**
 * Reads and extracts a plan in a worker under PLAN_WORKER_CAPS (LimitError on `path` past them);
 * a scan is read by the OCR first (LimitError past its page or time caps, 422 without tesseract).
 */
export async function readPlan(input: PlanReadInput, path: string, caps: WorkerCaps = PLAN_WORKER_CAPS): Promise<PlanRead> {
  const r = await runInWorker<TaskResult>(new URL(import.meta.url), 'readPlanTask', input, caps, path);
  if (r.ok !== 'ocr' || !('bytes' in input)) return r as PlanRead;
  const ocr = await ocrDocument(input.bytes, r.scan, path);
  if (!ocr.text.trim())
    return {
      ok: false,
      problem: {
        kind: 'empty',
        message: { vi: `Không nhận dạng được chữ nào trong tệp quét "${input.fileName}"`, en: `No text could be read in the scan "${input.fileName}"` },
      },
    };
  const ex = await runInWorker<TaskResult>(new URL(import.meta.url), 'readPlanTask', { text: ocr.text }, caps, path);
  return ex.ok === true ? { ...ex, reading: { method: 'ocr', pages: ocr.pages, ms: ocr.ms } } : (ex as PlanRead);
}
