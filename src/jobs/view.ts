// A long job as the API answers it (the 202 of a route that queues one, GET /api/jobs/{id}).
import { Type } from 'typebox';
import type { Job } from './runner.ts';
import { Nullable } from '../kernel/validate.ts';


export const JobView = Type.Object({
  id: Type.Integer(), kind: Type.String(), state: Type.String(), progress: Type.Integer(), total: Nullable(Type.Integer()), chunks: Type.Integer(),
  result: Type.Unknown(), error: Nullable(Type.String()), createdBy: Nullable(Type.String()), createdAt: Nullable(Type.String()), finishedAt: Nullable(Type.String()),
});

export const jobView = (j: Job) => ({
  id: j.id, kind: j.kind, state: j.state, progress: j.progress, total: j.total, chunks: j.chunks, result: j.result, error: j.error,
  createdBy: j.createdBy, createdAt: j.createdAt, finishedAt: j.finishedAt,
});
