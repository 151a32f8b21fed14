// Import of households and persons as a long job (issue 6 parts 8 and 10): the uploaded file is
// kept with the job; chunks parse and check its rows into the job's staging; when every chunk is
// done the job compares them with the registry (a dry run) and waits, in state 'ready', with the
// row-level report; only the officer's confirmation applies the valid rows, in one transaction.
// A job interrupted at any point has written nothing to the registry; the same file twice
// changes nothing (the receipt by content hash).
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Text } from '../kernel/i18n.ts';
import { enqueueJob, type Job, type JobHandler, type JobOwner } from '../jobs/runner.ts';
import { applyImport, checkHeader, contentHash, crossRowChecks, parseRows, readTableBuffer, type ImportReport, type ParsedRow } from './import.ts';
import { communeById, type Commune } from './store.ts';

export const IMPORT_CHUNK = 500;

export interface ImportJobParams {
  readonly unitId: number;
  readonly fileName: string;
  readonly hash: string;
  readonly by: string | null;
  /** The day the rows are checked against (dates of birth, of death): fixed at upload. */
  readonly today: string;
  readonly chunkSize?: number;
}

type Staged = { rows: ParsedRow[] } | { headerProblems: Text[] };

// The parsed table of the latest jobs, so that chunks do not read the file again; after a
// restart the first chunk reads it once from job_files.
const tables = new Map<number, string[][]>();
function remember(id: number, table: string[][]): string[][] {
  tables.set(id, table);
  while (tables.size > 2) tables.delete(tables.keys().next().value!);
  return table;
}

async function tableOf(tx: Transaction<DB>, job: Job): Promise<string[][]> {
  const cached = tables.get(job.id);
  if (cached) return cached;
  const f = await tx.selectFrom('job_files').select(['file_name', 'content']).where('job_id', '=', job.id).executeTakeFirst();
  if (!f) throw new Error(`the file of import job ${job.id} is gone`);
  return remember(job.id, await readTableBuffer(Buffer.from(f.content), f.file_name));
}

async function collect(staged: AsyncIterable<unknown>): Promise<{ rows: ParsedRow[]; headerProblems: Text[] }> {
  const rows: ParsedRow[] = [];
  const headerProblems: Text[] = [];
  for await (const s of staged as AsyncIterable<Staged>) {
    if ('headerProblems' in s) headerProblems.push(...s.headerProblems);
    else rows.push(...s.rows);
  }
  return { rows, headerProblems };
}

async function compare(tx: Transaction<DB>, job: Job, staged: AsyncIterable<unknown>, dryRun: boolean): Promise<ImportReport> {
  const p = job.params as unknown as ImportJobParams;
  const { rows, headerProblems } = await collect(staged);
  if (headerProblems.length)
    return { dryRun, alreadyImported: false, fileHash: p.hash, counts: { new: 0, unchanged: 0, changed: 0, rejected: 0 }, rows: [], headerProblems };
  const commune = await communeById(tx, p.unitId);
  if (!commune) throw new Error(`no commune ${p.unitId}`);
  return applyImport(tx, commune, { rows: crossRowChecks(rows), headerProblems: [] }, { dryRun, hash: p.hash, fileName: p.fileName, by: p.by });
}

export const registryImportJob: JobHandler = {
  async chunk(tx, job) {
    const p = job.params as unknown as ImportJobParams;
    const table = await tableOf(tx, job);
    const total = Math.max(0, table.length - 1);
    const headerProblems = checkHeader(table[0] ?? []);
    if (headerProblems.length) return { staged: { headerProblems }, cursor: { next: table.length }, progress: 0, total, done: true };
    const from = (job.cursor as { next?: number } | null)?.next ?? 1;
    const to = from + (p.chunkSize ?? IMPORT_CHUNK);
    const rows = parseRows(table, from, to, p.today);
    return { staged: { rows }, cursor: { next: to }, progress: Math.min(to, table.length) - 1, total, done: to >= table.length };
  },
  review: (tx, job, staged) => compare(tx, job, staged, true),
  apply: (tx, job, staged) => compare(tx, job, staged, false),
  // Written with the rows it records (the apply's transaction), as whoever confirmed: also when
  // the apply finishes in a server that resumed it after a crash. A file already imported changed nothing.
  audit(job, result) {
    const r = result as ImportReport;
    if (r.alreadyImported) return null;
    return {
      action: 'registry.import',
      entity: 'registry_import',
      entityId: job.id,
      unitId: job.unitId,
      after: { fileName: (job.params as unknown as ImportJobParams).fileName, counts: r.counts },
    };
  },
  async cleanup(tx, job) {
    tables.delete(job.id);
    await tx.deleteFrom('job_files').where('job_id', '=', job.id).execute();
  },
};

/**
 * Files an import job with its file, in the caller's transaction. The file is read once here so
 * that an unreadable file is refused at once; its rows wait for the job's chunks.
 */
export async function startImport(
  tx: Transaction<DB>,
  commune: Commune,
  file: { name: string; content: Buffer },
  o: { by: string | null; owner?: JobOwner | null; today: string; chunkSize?: number; table?: string[][] },
): Promise<number> {
  // The route reads the table (in a worker, bounded) before its transaction and passes it.
  const table = o.table ?? (await readTableBuffer(file.content, file.name));
  const params: ImportJobParams = {
    unitId: commune.id,
    fileName: file.name,
    hash: contentHash(file.content),
    by: o.by,
    today: o.today,
    ...(o.chunkSize ? { chunkSize: o.chunkSize } : {}),
  };
  const id = await enqueueJob(tx, 'registry_import', params as unknown as Record<string, unknown>, { unitId: commune.id, by: o.by, owner: o.owner ?? null });
  await tx
    .updateTable('jobs')
    .set({ total: Math.max(0, table.length - 1) })
    .where('id', '=', id)
    .execute();
  await tx.insertInto('job_files').values({ job_id: id, file_name: file.name, content: file.content }).execute();
  remember(id, table);
  return id;
}
