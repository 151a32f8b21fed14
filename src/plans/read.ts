// Reading and extracting a plan off the main thread (issue 18): the .docx/.txt bytes or the
// pasted text go to a worker thread with its own heap and time caps, which reads the text
// (bounded: see source.ts) and runs the extractor; the request waits for its answer. A file that
// would need more fails its own request with a 413 naming the cap; other requests go on.
import { runInWorker, type WorkerCaps } from '../kernel/worker.ts';
import { extractPlan, type PlanExtraction } from './extract/index.ts';
import { MAX_PLAN_TEXT_CHARS, planTextFromFile, textTooLong, type PlanSourceProblem } from './source.ts';

/**
 * The caps of one plan's worker: 1,000,000 characters extract in about 15 s on a slow core and
 * a few hundred MB; a .docx of that much text takes mammoth well under 768 MB.
 */
export const PLAN_WORKER_CAPS: WorkerCaps = { maxMemoryMb: 768, timeoutMs: 60_000 };

export type PlanReadInput = { readonly bytes: Uint8Array; readonly fileName: string } | { readonly text: string };
export type PlanRead = { readonly ok: true; readonly text: string; readonly extraction: PlanExtraction } | { readonly ok: false; readonly problem: PlanSourceProblem };

/** The task itself (what the worker runs): the text of the file or the pasted text, and its extraction. */
export async function readPlanTask(input: PlanReadInput): Promise<PlanRead> {
  let text: string;
  if ('bytes' in input) {
    const r = await planTextFromFile(input.bytes, input.fileName);
    if (!r.ok) return r;
    text = r.text;
  } else {
    if (input.text.length > MAX_PLAN_TEXT_CHARS) return { ok: false, problem: textTooLong(input.text.length) };
    text = input.text;
  }
  return { ok: true, text, extraction: extractPlan(text) };
}

/** Reads and extracts a plan in a worker under PLAN_WORKER_CAPS (LimitError on `path` past them). */
export function readPlan(input: PlanReadInput, path: string, caps: WorkerCaps = PLAN_WORKER_CAPS): Promise<PlanRead> {
  return runInWorker<PlanRead>(new URL(import.meta.url), 'readPlanTask', input, caps, path);
}
