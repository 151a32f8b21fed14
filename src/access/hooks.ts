// Authentication and authorization for every request: who is calling (session cookie or API
// token), then whether the route's declared permission and unit scope allow it. Default deny.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import type { App, AppContext, UnitLocator } from '../kernel/http.ts';
import { can, limits, sessionState, unitRefFrom, type Actor } from './model.ts';
import { deleteSession, findSession, findToken, loadActorCached, touchSession, unitByCode, unitById, type UnitInfo } from './store.ts';
import { notSignedIn } from './scope.ts';

import { CSRF_COOKIE, SESSION_COOKIE } from './cookie-names.ts';

export { CSRF_COOKIE, SESSION_COOKIE };

declare module 'fastify' {
  interface FastifyInstance {
    /** The clock of access control and audit (injectable in tests). */
    now(): Date;
  }
  interface FastifyRequest {
    /** The session behind req.actor (cookie sign-in), for sign-out and the CSRF check. */
    session: { id: string; csrfToken: string } | null;
    /** The unit the route's access declaration located, once resolved. */
    accessUnit: UnitInfo | null;
    /** The API token behind req.actor (bearer sign-in): what a token it mints may hold at most. */
    apiToken: { id: number; permissions: string[] | null; expiresAt: Date | null } | null;
  }
}

export interface AccessOptions {
  readonly now?: () => Date;
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const forbidden = (vi: string, en: string) => AppError.forbidden(text(vi, en));

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Routes an administrator without TOTP may still use: sign-in and "my account". */
function enrollmentRoute(url: string): boolean {
  return url.startsWith('/api/session') || url.startsWith('/api/me/');
}

/**
 * What a user with a temporary password may still do: read the session (GET /api/session is
 * public), change the password, and sign out. Everything else waits for the new password.
 */
function passwordChangeRoute(method: string, url: string): boolean {
  return (method === 'POST' && url === '/api/me/password') || (method === 'DELETE' && url === '/api/session');
}

export function sessionCookieOptions(secure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, maxAge: Math.floor(limits.sessionAbsoluteMs / 1000) };
}
export function csrfCookieOptions(secure: boolean) {
  return { path: '/', httpOnly: false, sameSite: 'lax' as const, secure, maxAge: Math.floor(limits.sessionAbsoluteMs / 1000) };
}

/** Registers cookies, the clock, and the authentication and authorization hooks. */
export async function installAccess(app: App, ctx: AppContext, opts: AccessOptions = {}): Promise<void> {
  const { db, config } = ctx;
  const now = opts.now ?? (() => new Date());
  app.decorate('now', now);
  await app.register(cookie);
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('accessUnit', null);
  app.decorateRequest('apiToken', null);

  async function authenticate(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const auth = req.headers.authorization;
    const t = now();
    if (auth && /^Bearer\s+/i.test(auth)) {
      const tok = await findToken(db.k, auth.replace(/^Bearer\s+/i, '').trim(), t);
      if (!tok) return;
      req.actor = await loadActorCached(db.k, tok.user_id, 'token', tok.permissions);
      req.apiToken = { id: tok.id, permissions: tok.permissions, expiresAt: tok.expires_at ? new Date(tok.expires_at) : null };
      return;
    }
    const value = req.cookies[SESSION_COOKIE];
    if (!value) return;
    const s = await findSession(db.k, value);
    if (!s) return;
    const state = sessionState({ createdAt: new Date(s.created_at), lastSeenAt: new Date(s.last_seen_at) }, t);
    if (state !== 'active') {
      await deleteSession(db.k, s.id);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    const actor = await loadActorCached(db.k, s.user_id, 'session');
    if (!actor) return;
    if (t.getTime() - new Date(s.last_seen_at).getTime() >= limits.sessionTouchMs) await touchSession(db.k, s.id, t);
    req.actor = actor;
    req.session = { id: s.id, csrfToken: s.csrf_token };
  }

  /** Finds the located unit and checks the actor's scope: 404 for reads, 403 for actions. */
  async function checkUnit(req: FastifyRequest, permission: string, locator: Exclude<UnitLocator, 'record' | 'none'>, actor: Actor): Promise<void> {
    const ref = unitRefFrom(locator, req);
    if (!ref) return; // optional locator left out: the handler lists within scope (withActor)
    const unit = 'code' in ref ? await unitByCode(db.k, ref.code) : await unitById(db.k, ref.id);
    req.accessUnit = unit;
    if (unit ? can(actor, permission, unit.id) : actor.scope === 'all') return;
    if (req.method === 'GET' || req.method === 'HEAD') throw AppError.notFound(text('Không tìm thấy', 'Not found'));
    throw forbidden('Đơn vị này nằm ngoài phạm vi được phân quyền của bạn', 'This unit is outside your assigned scope');
  }

  app.addHook('onRequest', async (req, reply) => {
    const url = req.routeOptions.url;
    if (url === undefined) return; // the 404 handler
    if (url.startsWith('/api/docs')) return;
    const access = req.routeOptions.config?.access;
    if (!access) throw forbidden('Đường dẫn này chưa khai báo quyền truy cập', 'This route declares no access rule');
    if (url.startsWith('/api/')) await authenticate(req, reply);
    const actor = req.actor;
    // Cookie-authenticated writes carry the session's CSRF token (signing in has none yet).
    if (req.session && WRITE.has(req.method) && !(req.method === 'POST' && url === '/api/session')) {
      const header = req.headers['x-csrf-token'];
      if (!sameToken(Array.isArray(header) ? header[0] : header, req.session.csrfToken)) {
        throw forbidden('Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF); hãy tải lại trang', 'Missing or wrong CSRF token; reload the page');
      }
    }
    if ('public' in access) return;
    if (!actor) throw notSignedIn();
    if (actor.mustEnrollTotp && !enrollmentRoute(url)) {
      throw forbidden(
        'Quản trị viên phải bật xác thực hai lớp (TOTP) trong "Tài khoản của tôi" trước khi tiếp tục',
        'Administrators must turn on two-factor authentication (TOTP) under "My account" first',
      );
    }
    if (actor.mustChangePassword && !passwordChangeRoute(req.method, url)) {
      throw forbidden(
        'Bạn đang dùng mật khẩu tạm thời: hãy đổi mật khẩu trong "Tài khoản của tôi" trước khi tiếp tục',
        'You are using a temporary password: change it under "My account" before going on',
      );
    }
    if (!can(actor, access.permission))
      throw forbidden('Tài khoản của bạn không có quyền thực hiện thao tác này', 'Your account does not have this permission');
    const unit = access.unit;
    if (typeof unit === 'object' && !('body' in unit)) await checkUnit(req, access.permission, unit, actor);
  });

  // Body locators: the body is parsed by now, not yet validated.
  app.addHook('preValidation', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access || 'public' in access || typeof access.unit !== 'object' || !('body' in access.unit)) return;
    await checkUnit(req, access.permission, access.unit, req.actor!);
  });
}
