// HTTP routes of the DCI Social Registry API v1.0.0 under /api/dci (docs/dci.md): sync search,
// async search (ACK, then the result by transaction status: no callback to sender_uri is made),
// and sync transaction status. Errors leave in the spec's forms: the ack with ack_status ERR and
// an err.* code for a request that cannot be read, HttpErrorResponse for 401/403/429/500, and
// rjct.* reason codes in the answer's header or per search request.
import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FeatureRoutes } from '../kernel/http.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from '../kernel/errors.ts';
import { DciRefusal, auditRefusal, searchMessage, txnStatus, type Caller } from './commands.ts';
import { DCI_PERMISSION, assertMayQuery } from './policy.ts';
import type { DciErrorCode } from './model.ts';
import { Ack, HttpErrorResponse, SearchEnvelope, SyncSearchAnswer, SyncTxnStatusAnswer, TxnStatusEnvelope } from './schemas.ts';

/** The ack of a refused request (ack_status ERR). */
export function errAck(code: DciErrorCode, message: string, at: Date): Ack {
  return { message: { ack_status: 'ERR', timestamp: at.toISOString(), error: { code, message: message.slice(0, 999) }, correlation_id: randomUUID() } };
}

/** HTTP status → the spec's error code of the HTTP layer. */
function httpCode(status: number): DciErrorCode {
  if (status === 401) return 'err.request.unauthorized';
  if (status === 403) return 'err.request.forbidden';
  if (status === 404) return 'err.request.not_found';
  if (status === 408) return 'err.request.timeout';
  if (status === 429) return 'err.request.too_many_requests';
  if (status >= 500) return 'err.service.unavailable';
  return 'err.request.bad';
}

/** Every error of these routes (access hooks included) in the spec's forms, never problem+json. */
function dciErrors(err: FastifyError | AppError, req: FastifyRequest, reply: FastifyReply): void {
  const at = new Date();
  if (err instanceof DciRefusal) {
    void reply.status(400).send(errAck(err.code, err.message, at));
    return;
  }
  const status = err instanceof AppError ? err.kind.status : typeof err.statusCode === 'number' ? err.statusCode : 500;
  if (status >= 500) req.log.error(err);
  const message = status >= 500 ? 'The registry could not answer' : err.message;
  if (status === 400 || status === 413 || status === 415 || status === 422) {
    void reply.status(status).send(errAck('err.request.bad', message, at));
    return;
  }
  const body: HttpErrorResponse = { errors: [{ code: httpCode(status), message: message.slice(0, 999) }] };
  void reply.status(status >= 500 ? 500 : status).send(body);
}

function caller(req: FastifyRequest): Caller {
  assertMayQuery(req.actor);
  return { actor: req.actor, tokenId: req.apiToken?.id ?? null, ip: req.ip };
}

/** A body that does not have the spec's envelope: err.request.bad naming the first paths. */
function badEnvelope(req: FastifyRequest): never {
  const v = (req.validationError as (Error & { validation?: { instancePath?: string; message?: string }[] }) | undefined)?.validation ?? [];
  const where = v
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim())
    .join('; ');
  throw new DciRefusal('err.request.bad', `The request is not a DCI message envelope (signature, header, message)${where ? `: ${where}` : ''}`);
}

/** Runs the command; a refusal is audited (the caller is known by now) before it is answered. */
async function audited<T>(db: Db, req: FastifyRequest, c: Caller, action: 'dci.search' | 'dci.txn_status', at: Date, fn: () => Promise<T>): Promise<T> {
  try {
    if (req.validationError) badEnvelope(req);
    return await fn();
  } catch (e) {
    if (e instanceof DciRefusal) await auditRefusal(db, c, action, e, req.body, at);
    throw e;
  }
}

const errorResponses = { 400: Ack, 401: HttpErrorResponse, 403: HttpErrorResponse, 429: HttpErrorResponse, 500: HttpErrorResponse };
const access = { permission: DCI_PERMISSION, unit: 'none' as const };
const tags = ['dci'];

export const dciRoutes: FeatureRoutes = async (app, { db }) => {
  app.post(
    '/api/dci/registry/sync/search',
    {
      config: { access },
      attachValidation: true,
      errorHandler: dciErrors,
      schema: {
        tags,
        summary: 'DCI Social Registry 1.0.0: search the registry (sync); consent with a purpose required; audited',
        body: SearchEnvelope,
        response: { 200: SyncSearchAnswer, ...errorResponses },
      },
    },
    async (req, reply) => {
      const c = caller(req);
      const at = app.now();
      void reply.header('cache-control', 'no-store');
      return (await audited(db, req, c, 'dci.search', at, () => searchMessage(db, c, req.body, 'sync', at))).answer;
    },
  );

  app.post(
    '/api/dci/registry/search',
    {
      config: { access },
      attachValidation: true,
      errorHandler: dciErrors,
      schema: {
        tags,
        summary: 'DCI Social Registry 1.0.0: search the registry (async): ACK with the correlation id; the result by /registry/sync/txn/status',
        body: SearchEnvelope,
        response: { 200: Ack, ...errorResponses },
      },
    },
    async (req, reply) => {
      const c = caller(req);
      const at = app.now();
      const { correlationId, answer } = await audited(db, req, c, 'dci.search', at, () => searchMessage(db, c, req.body, 'async', at));
      // A rejected header (too many requests, a repeated message id…) is told at once, not left for a status read.
      if (answer.header.status === 'rjct') {
        const why = `${answer.header.status_reason_code ?? 'rjct'}: ${answer.header.status_reason_message ?? ''}`;
        return reply.status(400).send({ message: { ...errAck('err.request.bad', why, at).message, correlation_id: correlationId } });
      }
      return { message: { ack_status: 'ACK' as const, timestamp: at.toISOString(), correlation_id: correlationId } };
    },
  );

  app.post(
    '/api/dci/registry/sync/txn/status',
    {
      config: { access },
      attachValidation: true,
      errorHandler: dciErrors,
      schema: {
        tags,
        summary: 'DCI Social Registry 1.0.0: status and result of an earlier search (sync), records presented under the present scope; audited',
        body: TxnStatusEnvelope,
        response: { 200: SyncTxnStatusAnswer, ...errorResponses },
      },
    },
    async (req, reply) => {
      const c = caller(req);
      const at = app.now();
      void reply.header('cache-control', 'no-store');
      return audited(db, req, c, 'dci.txn_status', at, () => txnStatus(db, c, req.body, at));
    },
  );
};
