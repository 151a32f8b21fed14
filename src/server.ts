// Composition root of the HTTP server: conventions (problem+json errors, locale, OpenAPI,
// default-deny access), then each feature's routes, then the web app.
import { existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import Fastify, { type FastifyError, type FastifyReply } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import rateLimit from '@fastify/rate-limit';
import compress from '@fastify/compress';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError, errorCatalogue, toProblem } from './kernel/errors.ts';
import { negotiateLocale, text } from './kernel/i18n.ts';
import { createAjv, problemFromAjv } from './kernel/validate.ts';
import { installEdge } from './kernel/edge-http.ts';
import { baseSecurityHeaders, installSecurityHeaders, swaggerCsp } from './kernel/headers.ts';
import { hardenSchema, hostileValues, problemFromDbError } from './kernel/edge.ts';
import type { App, AppContext, FeatureRoutes } from './kernel/http.ts';
import { systemRoutes, metricsRoutes } from './system/routes.ts';
import { installObservability, logSerializers, requestId } from './system/metrics.ts';
import type { LogLevel } from './kernel/config.ts';
import { features } from './features.ts';
import { registerJobHandlers } from './job-handlers.ts';
import { installAccess } from './access/hooks.ts';
import { droppedFields } from './kernel/contract.ts';

export interface BuildOptions {
  /**
   * Log as JSON lines at this level (off in tests; `serve` passes ANSINH_LOG). `true` is info.
   * Every line of a request carries its id; requests are logged by route pattern (src/system/metrics.ts).
   */
  logger?: boolean | LogLevel;
  /** Where log lines go (standard output unless given; tests read them). */
  logStream?: { write(line: string): void };
  /** Serve the built web app from config.webDir when it exists. */
  serveWeb?: boolean;
  /** The clock of sessions, sign-in throttling and audit (tests inject one). */
  now?: () => Date;
  /**
   * Refuse (500) an answer that its response schema would serialize without some of its fields,
   * instead of dropping them silently (src/kernel/contract.ts). On when NODE_ENV is test or
   * ANSINH_STRICT_RESPONSES=1 (the browser tests' server).
   */
  strictResponses?: boolean;
}

export interface RouteInfo {
  readonly method: string;
  readonly url: string;
  readonly access: unknown;
  /** The route's request schemas (params, querystring, body, headers) as declared. */
  readonly schema?: Record<string, unknown> | undefined;
}

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<App & { routeTable: RouteInfo[] }> {
  registerJobHandlers(); // the worker of this server knows every job kind (src/job-handlers.ts)
  const level = opts.logger === true ? 'info' : opts.logger === false || opts.logger === undefined || opts.logger === 'off' ? null : opts.logger;
  const app = Fastify({
    logger: level ? { level, serializers: logSerializers, ...(opts.logStream ? { stream: opts.logStream } : {}) } : false,
    // Our own line per request (by route pattern, with its time), not Fastify's two with the URL.
    disableRequestLogging: true,
    genReqId: requestId,
    // X-Forwarded-For only from the configured proxies (ANSINH_TRUST_PROXY); none by default.
    trustProxy: ctx.config.trustProxy.length > 0 ? [...ctx.config.trustProxy] : false,
    bodyLimit: 5 * 1024 * 1024,
    // A URL that cannot be decoded (/api/units/%zz) never reaches a route or a hook: answered here.
    frameworkErrors: (err, req, rep) => {
      const reply = rep as unknown as FastifyReply;
      const locale = negotiateLocale(req.headers['accept-language']);
      const e = AppError.validation([{ path: '/url', message: text('Đường dẫn không hợp lệ (mã hóa URL sai)', 'Invalid URL (bad percent-encoding)') }]);
      void reply
        .status(400)
        .headers(baseSecurityHeaders)
        .header('cache-control', 'no-store')
        .type('application/problem+json; charset=utf-8')
        .send(toProblem(e, locale));
      void err;
    },
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', useDefaults: true, removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Reuse our Ajv so that formats and options are the same as the CLI's.
  // Query strings and path params are text: coerce "true" and "20"; bodies are JSON: no coercion.
  const ajvBody = createAjv();
  const ajvText = createAjv({ coerceTypes: 'array' });
  // A multipart body's schema documents the form for OpenAPI; its parts are streamed and checked
  // by the route (src/kernel/upload.ts), there is no parsed body to validate.
  app.setValidatorCompiler(({ schema, httpPart, contentType }) => {
    if (httpPart === 'body' && contentType === 'multipart/form-data') return () => true;
    const fn = (httpPart === 'body' ? ajvBody : ajvText).compile(hardenSchema(schema));
    // Ajv's coercion turns the text "1e400" into Infinity and lets it through: checked after.
    const coerced = httpPart !== 'body';
    return (data: unknown) => {
      if (!fn(data)) return { error: Object.assign(new Error('validation'), { validation: fn.errors }) };
      const bad = coerced ? hostileValues(data, `/${httpPart}`) : [];
      return bad.length > 0 ? { error: AppError.validation(bad) } : { value: data };
    };
  });

  const routeTable: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) {
      if (m === 'HEAD') continue;
      routeTable.push({ method: m, url: route.url, access: route.config?.access, schema: route.schema as Record<string, unknown> | undefined });
    }
  });

  if (opts.strictResponses ?? (process.env.NODE_ENV === 'test' || process.env.ANSINH_STRICT_RESPONSES === '1')) {
    app.addHook('preSerialization', async (req, reply, payload) => {
      const responses = req.routeOptions.schema?.response as Record<string, unknown> | undefined;
      const status = String(reply.statusCode);
      const schema = responses?.[status] ?? responses?.[`${status[0]}xx`];
      if (!schema || reply.statusCode >= 300) return payload;
      const dropped = droppedFields(payload, schema);
      if (dropped.length > 0) {
        const msg = `${req.method} ${req.routeOptions.url}: the response schema for ${status} would drop ${dropped.slice(0, 10).join(', ')}${dropped.length > 10 ? ` and ${dropped.length - 10} more` : ''}`;
        console.error(msg);
        throw new Error(msg);
      }
      return payload;
    });
  }

  app.decorateRequest('locale', 'vi');
  app.addHook('onRequest', async (req) => {
    req.locale =
      req.query && typeof (req.query as Record<string, unknown>).lang === 'string' && (req.query as Record<string, string>).lang === 'en'
        ? 'en'
        : negotiateLocale(req.headers['accept-language']);
  });

  installSecurityHeaders(app);
  const metrics = installObservability(app, ctx.db);

  // Public /api/ routes are rate-limited per client address for visitors (behind a trusted
  // proxy, the forwarded address): ANSINH_PUBLIC_RATE requests a minute and route, 429
  // problem+json past it.
  // The hook marks each route as it is declared; the plugin counts only the marked ones.
  if (ctx.config.publicRate > 0) {
    app.addHook('onRoute', (route) => {
      const access = route.config?.access;
      if (access && 'public' in access && access.limit !== false && route.url.startsWith('/api/')) {
        (route.config as Record<string, unknown>).rateLimit = { max: ctx.config.publicRate, timeWindow: 60_000 };
      }
    });
    await app.register(rateLimit, {
      global: false,
      // After the access hooks: a signed-in user (an officer at the commune office behind one
      // address with colleagues) is not counted; visitors are.
      hook: 'preHandler',
      allowList: (req) => req.actor !== null,
      errorResponseBuilder: (_req, ctx) => Object.assign(new Error(`rate limit: ${ctx.max} requests a minute`), { statusCode: 429 }),
    });
  }

  // Refuse what the database cannot store before anything (access included) reads the request.
  installEdge(app);

  // Default deny, then who is calling and what they may do (src/access/hooks.ts).
  await installAccess(app, ctx, opts.now ? { now: opts.now } : {});

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    let appErr: AppError;
    let dbErr: AppError | null;
    if (err instanceof AppError) appErr = err;
    else if ((err as FastifyError).validation) {
      const ctxName = (err as FastifyError).validationContext ?? 'body';
      appErr = problemFromAjv((err as FastifyError).validation as never, `/${ctxName}`);
    } else if ((err as FastifyError).statusCode === 413) appErr = new AppError(errorCatalogue.payloadTooLarge);
    else if ((err as FastifyError).statusCode === 415) appErr = new AppError(errorCatalogue.unsupportedMediaType);
    else if ((err as FastifyError).statusCode === 429) appErr = new AppError(errorCatalogue.tooManyRequests);
    // A database refusal caused by the input (bad value, missing reference, duplicate): 400/409.
    else if ((dbErr = problemFromDbError(err, req.method === 'GET' || req.method === 'DELETE' ? '/querystring' : '/body'))) {
      req.log.warn(err);
      appErr = dbErr;
    } else if ((err as FastifyError).statusCode === 400)
      appErr = AppError.validation([], text('Yêu cầu không hợp lệ: ' + err.message, 'Bad request: ' + err.message));
    else if (typeof (err as FastifyError).statusCode === 'number' && (err as FastifyError).statusCode! > 400 && (err as FastifyError).statusCode! < 500) {
      const status = (err as FastifyError).statusCode!;
      appErr = new AppError(
        { id: `http-${status}`, status, title: text('Yêu cầu không được chấp nhận', 'Request not accepted') },
        text(err.message, err.message),
      );
    } else {
      req.log.error(err);
      if (!level) console.error(err);
      appErr = new AppError(errorCatalogue.internal);
    }
    void reply
      .status(appErr.kind.status)
      .type('application/problem+json; charset=utf-8')
      .send(toProblem(appErr, req.locale, req.url));
  });

  // No route: 405 with Allow when the path exists for other methods, otherwise 404.
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    const allow = allowedMethods(routeTable, path);
    if (allow.length > 0 && !allow.includes(req.method)) {
      const e = new AppError(
        errorCatalogue.methodNotAllowed,
        text('Đường dẫn {url} không nhận phương thức {method} (chỉ nhận {allow})', '{url} does not accept {method} (only {allow})'),
        [],
        { url: path, method: req.method, allow: allow.join(', ') },
      );
      void reply
        .status(405)
        .header('allow', allow.join(', '))
        .type('application/problem+json; charset=utf-8')
        .send(toProblem(e, req.locale, req.url));
      return;
    }
    const p = toProblem(AppError.notFound(text('Không có đường dẫn {url}', 'No route {url}'), { url: path }), req.locale, req.url);
    void reply.status(404).type('application/problem+json; charset=utf-8').send(p);
  });

  await app.register(compress, { threshold: 1024 });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'ansinh API',
        version: ctx.version,
        description: 'Kế hoạch, theo dõi chỉ tiêu và chi trả chính sách xã hội / Social policy planning, monitoring and delivery',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ansinh_session' }, token: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, transformStaticCSP: swaggerCsp });
  app.get('/api/openapi.json', { config: { access: { public: true, reason: 'the API contract is public documentation' } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  const all: FeatureRoutes[] = [systemRoutes, metricsRoutes(metrics), ...features];
  for (const f of all) await f(app, ctx);

  if (opts.serveWeb !== false && existsSync(ctx.config.webDir)) {
    await app.register(fastifyStatic, { root: ctx.config.webDir, serve: false });
    const webDir = ctx.config.webDir;
    // Built assets by path (hashed names: cached for a year); every other non-API path gets the
    // single-page app, which routes on the client.
    app.get('/*', { config: { access: { public: true, reason: 'the web app shell and its assets hold no data' } }, schema: { hide: true } }, (req, reply) => {
      const path = decodeURIComponent(req.url.split('?')[0]!);
      if (path.startsWith('/api/')) {
        const p = toProblem(AppError.notFound(text('Không có đường dẫn {url}', 'No route {url}'), { url: path }), req.locale, req.url);
        return reply.status(404).type('application/problem+json; charset=utf-8').send(p);
      }
      const rel = normalize(path).replace(/^([/\\])+/, '');
      if (rel !== '' && !rel.startsWith('..') && existsSync(join(webDir, rel)) && statSync(join(webDir, rel)).isFile()) {
        const immutable = rel.startsWith('assets/');
        return reply.sendFile(rel, { maxAge: immutable ? 31536000000 : 0, immutable });
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { maxAge: 0 });
    });
  }

  await app.ready();
  return Object.assign(app as unknown as App, { routeTable });
}

const routePatterns = new WeakMap<readonly RouteInfo[], { method: string; re: RegExp }[]>();

/** The methods of the routes whose pattern matches a concrete path (HEAD with GET). */
function allowedMethods(routes: readonly RouteInfo[], path: string): string[] {
  let patterns = routePatterns.get(routes);
  if (!patterns) {
    patterns = routes
      .filter((r) => r.url !== '/*') // the web app's catch-all
      .map((r) => ({
        method: r.method,
        re: new RegExp(
          '^' +
            r.url
              .split('/')
              .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg === '*' ? '.*' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
              .join('/') +
            '$',
        ),
      }));
    routePatterns.set(routes, patterns);
  }
  const out = new Set<string>();
  for (const r of patterns) {
    if (r.re.test(path)) {
      out.add(r.method);
      if (r.method === 'GET') out.add('HEAD');
    }
  }
  return [...out].sort();
}

export type { TypeBoxTypeProvider };
