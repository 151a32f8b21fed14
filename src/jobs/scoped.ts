// A job as the caller may see it: read under their scope (row-level security), or 404. Used by
// GET /api/jobs/{id} (./routes.ts) and by the features whose routes act on their own jobs (the
// registry's import confirm, cancel and report).
import type { Db } from '../db/connection.ts';
import type { Actor } from '../access/model.ts';
import { withActor } from '../access/scope.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { getJob, type Job } from './runner.ts';

/** A job of the actor's scope, of `kind` when given, or 404. */
export async function jobInScope(db: Db, actor: Actor | null, id: number, kind?: string): Promise<Job> {
  const j = await withActor(db, actor, (tx) => getJob(tx, id));
  if (!j || (kind && j.kind !== kind)) throw AppError.notFound(text('Không tìm thấy công việc', 'Job not found'));
  return j;
}
