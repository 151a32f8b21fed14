// Parsing and extraction of uploaded files off the main thread: each task runs in its own
// worker thread (node:worker_threads) with its own heap cap and a time cap, so that a file that
// would take gigabytes or minutes fails its own request or job (413 naming the cap) while the
// server keeps answering everyone else. A task is an exported function of a module, named by
// the module's URL: from the TypeScript sources (tsx) the worker registers tsx first; from the
// compiled dist/ it imports the .js as is. At most ANSINH_PARSE_WORKERS (default 2) run at a
// time; up to MAX_WAITING others wait their turn, and more are refused with a 429.
import { Worker } from 'node:worker_threads';
import { LimitError } from './errors.ts';
import { text } from './i18n.ts';
import { slots } from './slots.ts';

export interface WorkerCaps {
  /** The worker's old-generation heap, MB: past it the worker is stopped (not the server). */
  readonly maxMemoryMb: number;
  /** Wall time from the worker's start, ms: past it the worker is terminated. */
  readonly timeoutMs: number;
}

// Runs inside the worker (a CommonJS script given as text: nothing to compile or copy to dist/).
const BOOT = `
const { workerData, parentPort } = require('node:worker_threads');
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  const mod = await import(workerData.module);
  const out = await mod[workerData.fn](workerData.input);
  parentPort.postMessage({ ok: true, out });
})().catch((e) => parentPort.postMessage({ ok: false, message: String((e && e.stack) || e) }));
`;

const fromSources = import.meta.url.endsWith('.ts');
const tsxApi = fromSources ? import.meta.resolve('tsx/esm/api') : null;

export const MAX_RUNNING = Math.max(1, Number(process.env.ANSINH_PARSE_WORKERS) || 2);
/** Tasks that may wait for a worker; past them a request is refused (429) rather than held. */
export const MAX_WAITING = 8;
const slot = slots(
  MAX_RUNNING,
  MAX_WAITING,
  text('Máy chủ đang đọc nhiều tệp cùng lúc; hãy thử lại sau ít phút', 'The server is reading many files at once; try again in a few minutes'),
);

/** The worker's heap cap was reached (413, limit "worker_memory"). */
export const workerMemoryExceeded = (path: string, mb: number) =>
  new LimitError(
    'worker_memory',
    text(`Tệp cần quá nhiều bộ nhớ để đọc: vượt giới hạn ${mb} MB`, `The file needs too much memory to read: over the ${mb} MB limit`),
    path,
  );

/** The worker's time cap was reached (413, limit "worker_time"). */
export const workerTimeExceeded = (path: string, ms: number) =>
  new LimitError(
    'worker_time',
    text(
      `Tệp cần quá nhiều thời gian để đọc: vượt giới hạn ${Math.round(ms / 1000)} giây`,
      `The file takes too long to read: over the ${Math.round(ms / 1000)} s limit`,
    ),
    path,
  );

/**
 * Runs `fn(input)` exported by `module` in a worker thread under `caps`; resolves with its
 * (structured-clone) result. A worker over its heap or time cap rejects with a LimitError on
 * `path` (the request field); an error thrown by the task rejects with that error's text.
 * @example await runInWorker(new URL('./read.ts', import.meta.url), 'readPlan', { bytes }, { maxMemoryMb: 512, timeoutMs: 60_000 }, '/body/file')
 */
export async function runInWorker<T>(module: URL, fn: string, input: unknown, caps: WorkerCaps, path: string): Promise<T> {
  const release = await slot();
  try {
    return await new Promise<T>((resolve, reject) => {
      const w = new Worker(BOOT, {
        eval: true,
        workerData: { module: module.href, fn, input, tsx: tsxApi },
        resourceLimits: { maxOldGenerationSizeMb: caps.maxMemoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, caps.maxMemoryMb / 8)) },
        stdout: false,
        stderr: false,
      });
      let settled = false;
      const settle = (f: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        f();
        void w.terminate();
      };
      const timer = setTimeout(() => settle(() => reject(workerTimeExceeded(path, caps.timeoutMs))), caps.timeoutMs);
      w.on('message', (m: { ok: boolean; out?: T; message?: string }) => settle(() => (m.ok ? resolve(m.out as T) : reject(new Error(m.message)))));
      w.on('error', (e: Error & { code?: string }) =>
        settle(() => reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? workerMemoryExceeded(path, caps.maxMemoryMb) : e)),
      );
      w.on('exit', (code) => settle(() => reject(code === 0 ? new Error('the worker ended without an answer') : workerMemoryExceeded(path, caps.maxMemoryMb))));
    });
  } finally {
    release();
  }
}
