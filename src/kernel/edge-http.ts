// The HTTP side of src/kernel/edge.ts: hooks that refuse, before any route or access check reads
// them, query strings, path params, headers and JSON bodies the database could not store.
// Installed by server.ts ahead of the access hooks (hooks run in the order they are added).
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import { assertStorable, jsonTooDeep, messages } from './edge.ts';
import type { App } from './http.ts';

/** Headers whose value reaches a query (token, session, CSRF check). */
const READ_HEADERS = ['authorization', 'cookie', 'x-csrf-token'] as const;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

export function installEdge(app: App): void {
  app.addHook('onRequest', async (req: FastifyRequest) => {
    assertStorable(req.params, '/params');
    assertStorable(req.query, '/querystring');
    for (const h of READ_HEADERS) {
      const v = req.headers[h];
      const values = Array.isArray(v) ? v : v === undefined ? [] : [v];
      if (values.some((x) => CONTROL.test(x))) throw AppError.validation([{ path: `/headers/${h}`, message: messages.control }]);
    }
  });

  // JSON bodies: Fastify's own parser (prototype-poisoning protection), after a one-pass depth scan.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (typeof body === 'string' && jsonTooDeep(body)) {
      done(AppError.validation([{ path: '/body', message: messages.depth }]), undefined);
      return;
    }
    parseJson(req, body as string, done);
  });

  app.addHook('preValidation', async (req: FastifyRequest) => {
    const b = req.body;
    if (b !== undefined && b !== null && !Buffer.isBuffer(b) && typeof (b as { pipe?: unknown }).pipe !== 'function') assertStorable(b, '/body');
  });
}
