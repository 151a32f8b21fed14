// HTTP conventions shared by every feature's routes: the access declaration every route must
// carry, the app type with the TypeBox provider, and the context features receive.
import type { FastifyInstance, FastifyBaseLogger, RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.ts';
import type { Db } from '../db/connection.ts';
import type { Locale } from './i18n.ts';

/**
 * Who may call a route. Every route declares one; a route without it is refused (default deny)
 * and fails the route-matrix test.
 * - `public`: anyone, signed in or not; `reason` says why the law or the product makes it public.
 *   A public /api/ route is rate-limited per client address (ANSINH_PUBLIC_RATE requests a minute,
 *   src/server.ts) unless it says `limit: false` with its own reason (health probes, the session
 *   check, sign-in, which has its own throttling).
 * - `permission`: a named permission (see src/access/permissions.ts) and how to find the
 *   administrative unit the request concerns, so that the actor's unit scope can be checked.
 */
export type RouteAccess =
  { readonly public: true; readonly reason: string; readonly limit?: false } | { readonly permission: string; readonly unit: UnitLocator };

/**
 * Where the unit a request concerns is found: a route param, a query-string field, a body
 * field, `record` when the handler loads the record and checks it itself (404 when outside the
 * scope), or `none` for actions that are not about one unit (e.g. "my account").
 */
export type UnitLocator = { readonly param: string } | { readonly query: string } | { readonly body: string } | 'record' | 'none';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    locale: Locale;
  }
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

export interface AppContext {
  readonly db: Db;
  readonly config: Config;
  readonly version: string;
}

/** A feature's routes: registered by server.ts, the composition root. */
export type FeatureRoutes = (app: App, ctx: AppContext) => Promise<void> | void;
