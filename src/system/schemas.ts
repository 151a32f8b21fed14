// The system feature's HTTP contract: the health answer operators and monitors read.
import { Type, type Static } from 'typebox';
import { DB_KINDS } from '../db/connection.ts';
import { enumOf } from '../kernel/schemas.ts';

export const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('busy'), Type.Literal('recovering')], {
    description:
      'ok; degraded: the database refused the probe; busy: the database did not answer the probe in time because a job holds it; recovering: the same while the jobs a previous process left unfinished are resumed',
  }),
  version: Type.String(),
  database: Type.Object({
    kind: enumOf(DB_KINDS),
    migration: Type.Integer(),
    ok: Type.Boolean({ description: 'the probe answered' }),
  }),
  jobs: Type.Object({
    running: Type.Array(Type.Integer(), { description: 'ids of the jobs this process is running' }),
    recovering: Type.Boolean({ description: 'the jobs left by a previous process are being resumed' }),
  }),
});
export type Health = Static<typeof Health>;

/** The Prometheus text exposition format (version 0.0.4). */
export const MetricsText = Type.String({ description: 'Prometheus text format 0.0.4' });
