// HTTP routes of access control: sign-in and sign-out (sessions), API tokens, user
// administration within the administrator's scope, and "my account" (password, TOTP).
import {
  TokenList,
  TokenCreated,
  TokenBody,
  SessionBody,
  SignIn,
  IdParam,
  UserList,
  RoleAssignments,
  UserPatch,
  NewUser,
  UserView,
  sessionUser,
  userView,
  SignedOutEverywhere,
  UserCreated,
  PasswordReset,
  PasswordChange,
  TotpSetup,
  TotpConfirm,
  TotpConfirmed,
  TotpOff,
} from './schemas.ts';
import { NoContent } from '../kernel/schemas.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FeatureRoutes } from '../kernel/http.ts';
import { AppError, errorCatalogue, toProblem } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import type { Db } from '../db/connection.ts';
import { audit } from '../audit/store.ts';
import { afterFailure, can, inScope, limits, lockedUntil, passwordProblems, type Actor } from './model.ts';
import { isPermission, isRole, roleNames, type Role } from './permissions.ts';
import { assertCan } from './scope.ts';
import * as store from './store.ts';
import { checkTotp, dummyHash, hashPassword, newTotpSecret, temporaryPassword, totpUri, verifyPassword } from './secrets.ts';
import { CSRF_COOKIE, SESSION_COOKIE, csrfCookieOptions, sessionCookieOptions } from './hooks.ts';
import { auditActor } from '../audit/actor.ts';

const self = { permission: 'account.self', unit: 'none' } as const;
const manage = { permission: 'users.manage', unit: 'none' } as const;
const manageRecord = { permission: 'users.manage', unit: 'record' } as const;

const badCredentials = () => new AppError(errorCatalogue.unauthenticated, text('Tên đăng nhập hoặc mật khẩu không đúng', 'Wrong username or password'));

function sendProblem(req: FastifyRequest, reply: FastifyReply, err: AppError, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  for (const [k, v] of Object.entries(headers)) void reply.header(k, v);
  return reply
    .status(err.kind.status)
    .type('application/problem+json; charset=utf-8')
    .send({ ...toProblem(err, req.locale, req.url), ...extra });
}

/** May this administrator manage the user? Only when every role of the user lies in their scope. */
export function manages(actor: Actor, roles: readonly { unitId: number | null }[]): boolean {
  if (actor.scope === 'all') return true;
  return roles.every((r) => r.unitId !== null && inScope(actor, r.unitId));
}

/** Resolves role inputs to unit ids, refusing units outside the administrator's scope. */
async function resolveRoles(
  db: Db,
  actor: Actor,
  roles: readonly { role: string; unitCode: string | null }[],
): Promise<{ role: Role; unitId: number | null }[]> {
  const errors: { path: string; message: ReturnType<typeof text> }[] = [];
  const out: { role: Role; unitId: number | null }[] = [];
  for (const [i, r] of roles.entries()) {
    if (!isRole(r.role)) {
      errors.push({
        path: `/body/${i}/role`,
        message: text(`Vai trò phải là một trong: ${roleNames.join(', ')}`, `Role must be one of: ${roleNames.join(', ')}`),
      });
      continue;
    }
    if (r.unitCode === null || r.unitCode === '') {
      if (actor.scope !== 'all')
        throw AppError.forbidden(
          text('Chỉ quản trị viên toàn quốc mới gán được vai trò phạm vi toàn quốc', 'Only a national administrator can grant a national role'),
        );
      out.push({ role: r.role, unitId: null });
      continue;
    }
    const unit = await store.unitByCode(db.k, r.unitCode);
    if (!unit) {
      errors.push({ path: `/body/${i}/unitCode`, message: text(`Không có đơn vị mã ${r.unitCode}`, `No unit with code ${r.unitCode}`) });
      continue;
    }
    if (!can(actor, 'users.manage', unit.id))
      throw AppError.forbidden(text(`Đơn vị ${unit.name} nằm ngoài phạm vi quản trị của bạn`, `${unit.name} is outside your administration scope`));
    out.push({ role: r.role, unitId: unit.id });
  }
  if (errors.length) throw AppError.validation(errors);
  return out;
}

async function manageableUser(db: Db, actor: Actor, id: number): Promise<store.UserRow> {
  const u = await store.findUser(db.k, id);
  const roles = u ? await store.rolesOf(db.k, id) : [];
  // A user outside the administrator's scope is as good as absent (404, like any record).
  if (!u || !manages(actor, roles)) throw AppError.notFound(text('Không tìm thấy người dùng', 'User not found'));
  return u;
}

/**
 * Security actions on one's own account (password, TOTP, signing out everywhere) need the
 * person signed in with their password: a session, never an API token, whatever it holds.
 */
function requireSession(req: FastifyRequest): void {
  if (req.session) return;
  throw AppError.forbidden(
    text(
      'Thao tác bảo mật tài khoản (đổi mật khẩu, xác thực hai lớp, đăng xuất khỏi mọi thiết bị) chỉ làm được khi đăng nhập bằng mật khẩu, không bằng mã API',
      'Account security actions (password, two-factor authentication, signing out everywhere) need a signed-in session, not an API token',
    ),
  );
}

async function inTx<T>(db: Db, fn: (tx: Parameters<typeof audit>[0]) => Promise<T>): Promise<T> {
  return db.k.transaction().execute(fn);
}

export const accessRoutes: FeatureRoutes = (app, { db, config }) => {
  const now = () => app.now();

  // ---- sessions --------------------------------------------------------------------------
  app.post(
    '/api/session',
    {
      config: { access: { public: true, reason: 'signing in is how a visitor becomes a user' } },
      schema: { tags: ['access'], summary: 'Sign in (username, password, TOTP code when enabled)', body: SignIn, response: { 200: SessionBody } },
    },
    async (req, reply) => {
      const { username, password, totp } = req.body;
      const t = now();
      const keys = [
        { key: `user:${username.trim().toLowerCase()}`, limit: limits.userFailures },
        { key: `ip:${req.ip}`, limit: limits.ipFailures },
      ];
      for (const k of keys) {
        const until = lockedUntil(await store.readThrottle(db.k, k.key), t);
        if (until) {
          const minutes = Math.max(1, Math.ceil((until.getTime() - t.getTime()) / 60_000));
          const err = new AppError(
            errorCatalogue.tooManyRequests,
            k.key.startsWith('user:')
              ? text(
                  'Đăng nhập sai quá {n} lần: tài khoản tạm khóa 15 phút. Vui lòng thử lại sau {minutes} phút.',
                  'Too many failed sign-ins ({n}): the account is locked for 15 minutes. Try again in {minutes} minutes.',
                )
              : text(
                  'Quá nhiều lần đăng nhập sai từ địa chỉ này: tạm khóa 15 phút. Vui lòng thử lại sau {minutes} phút.',
                  'Too many failed sign-ins from this address: locked for 15 minutes. Try again in {minutes} minutes.',
                ),
            [],
            { n: k.limit, minutes },
          );
          return sendProblem(req, reply, err, {}, { 'retry-after': String(Math.ceil((until.getTime() - t.getTime()) / 1000)) });
        }
      }
      const fail = async (err: AppError, extra: Record<string, unknown> = {}) => {
        for (const k of keys) await store.writeThrottle(db.k, k.key, afterFailure(await store.readThrottle(db.k, k.key), t, k.limit));
        await inTx(db, (tx) => audit(tx, { actor: null, action: 'session.sign_in_failed', entity: 'user', after: { username }, ip: req.ip, at: t }));
        return sendProblem(req, reply, err, extra);
      };
      const user = await store.findUserByName(db.k, username.trim());
      const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
      if (!user || !ok || user.disabled) return fail(badCredentials());
      if (user.totp_enabled && user.totp_secret) {
        const totpErr = (vi: string, en: string) => new AppError(errorCatalogue.unauthenticated, text(vi, en), [{ path: '/totp', message: text(vi, en) }]);
        if (!totp) {
          return sendProblem(req, reply, totpErr('Nhập mã xác thực 6 chữ số từ ứng dụng xác thực', 'Enter the 6-digit code from your authenticator app'), {
            totpRequired: true,
          });
        }
        const step = await checkTotp(user.totp_secret, totp, t);
        if (step === null) {
          return fail(totpErr('Mã xác thực không đúng hoặc đã hết hạn', 'The code is wrong or has expired'), { totpRequired: true });
        }
        // Single use: a code seen once (or an older one) does not sign in again.
        if (!(await store.useTotpStep(db.k, user.id, step))) {
          return fail(
            totpErr(
              'Mã xác thực này đã được dùng; hãy chờ mã mới trong ứng dụng xác thực',
              'This code has already been used; wait for the next code in your authenticator app',
            ),
            { totpRequired: true },
          );
        }
      }
      await store.clearThrottle(db.k, keys[0]!.key);
      const actor = await store.loadActor(db.k, user.id);
      if (!actor) return fail(badCredentials());
      const s = await store.createSession(db.k, user.id, t, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      await inTx(db, (tx) => audit(tx, { actor: auditActor(actor), action: 'session.sign_in', entity: 'user', entityId: user.id, ip: req.ip, at: t }));
      const secure = config.secureCookies || req.protocol === 'https';
      void reply.setCookie(SESSION_COOKIE, s.token, sessionCookieOptions(secure));
      void reply.setCookie(CSRF_COOKIE, s.csrfToken, csrfCookieOptions(secure));
      return { user: sessionUser(actor, user), csrfToken: s.csrfToken };
    },
  );

  app.get(
    '/api/session',
    {
      config: { access: { public: true, reason: 'tells the web app whether someone is signed in (401 when not)', limit: false } },
      schema: { tags: ['access'], summary: 'The signed-in user and the CSRF token', response: { 200: SessionBody } },
    },
    async (req) => {
      const actor = req.actor;
      if (!actor || !req.session)
        throw new AppError(errorCatalogue.unauthenticated, text('Chưa đăng nhập hoặc phiên đã hết hạn', 'Not signed in, or the session has expired'));
      const u = (await store.findUser(db.k, actor.userId))!;
      return { user: sessionUser(actor, u), csrfToken: req.session.csrfToken };
    },
  );

  app.delete(
    '/api/session',
    {
      config: { access: self },
      schema: { tags: ['access'], summary: 'Sign out (this session)', response: { 204: NoContent } },
    },
    async (req, reply) => {
      if (req.session) await store.deleteSession(db.k, req.session.id);
      await inTx(db, (tx) =>
        audit(tx, { actor: auditActor(req.actor), action: 'session.sign_out', entity: 'user', entityId: req.actor!.userId, ip: req.ip, at: now() }),
      );
      void reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/session/revoke-all',
    {
      config: { access: self },
      schema: {
        tags: ['access'],
        summary: 'Sign out everywhere: every session of the user ends and every API token is revoked (session only)',
        response: { 200: SignedOutEverywhere },
      },
    },
    async (req, reply) => {
      requireSession(req);
      const actor = req.actor!;
      const r = await inTx(db, async (tx) => {
        const ended = await store.deleteUserSessions(tx, actor.userId);
        const tokensRevoked = await store.revokeUserTokens(tx, actor.userId, now());
        await audit(tx, {
          actor: auditActor(actor),
          action: 'session.revoke_all',
          entity: 'user',
          entityId: actor.userId,
          after: { ended, tokensRevoked },
          ip: req.ip,
          at: now(),
        });
        return { ended, tokensRevoked };
      });
      void reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return r;
    },
  );

  // ---- API tokens --------------------------------------------------------------------------
  app.post(
    '/api/tokens',
    {
      config: { access: self },
      schema: {
        tags: ['access'],
        summary: 'Create an API token (shown once) for a machine client',
        body: TokenBody,
        response: { 201: TokenCreated },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      // A token minting a token passes on at most what it holds (actor.permissions is already
      // narrowed to it) and lives no longer than itself; left out, both are the parent's.
      const parent = req.apiToken;
      const perms = req.body.permissions ?? parent?.permissions ?? null;
      const errors = (perms ?? []).flatMap((p, i) =>
        !isPermission(p) || !actor.permissions.has(p)
          ? [{ path: `/body/permissions/${i}`, message: text(`Bạn không có quyền ${p} để giao cho mã API`, `You do not hold ${p}, so a token cannot have it`) }]
          : [],
      );
      const expiresAt = req.body.expiresAt ? new Date(req.body.expiresAt) : (parent?.expiresAt ?? null);
      if (expiresAt && expiresAt.getTime() <= now().getTime())
        errors.push({ path: '/body/expiresAt', message: text('Thời hạn phải ở tương lai', 'The expiry must be in the future') });
      if (parent?.expiresAt && expiresAt && expiresAt.getTime() > parent.expiresAt.getTime()) {
        errors.push({
          path: '/body/expiresAt',
          message: text('Mã mới không được có hạn dài hơn mã API đang dùng', 'A token cannot outlive the token that creates it'),
        });
      }
      if (errors.length) throw AppError.validation(errors);
      const t = await store.createToken(db.k, { userId: actor.userId, name: req.body.name, permissions: perms, expiresAt, now: now() });
      await inTx(db, (tx) =>
        audit(tx, {
          actor: auditActor(actor),
          action: 'token.create',
          entity: 'api_token',
          entityId: t.id,
          after: { name: req.body.name, permissions: perms, expiresAt },
          ip: req.ip,
          at: now(),
        }),
      );
      return reply.status(201).send({ id: t.id, name: req.body.name, token: t.token, permissions: perms, expiresAt: expiresAt?.toISOString() ?? null });
    },
  );

  app.get(
    '/api/tokens',
    {
      config: { access: self },
      schema: { tags: ['access'], summary: 'My API tokens (without their values)', response: { 200: TokenList } },
    },
    async (req) => {
      const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
      return {
        items: (await store.listTokens(db.k, req.actor!.userId)).map((t) => ({
          id: t.id,
          name: t.name,
          permissions: t.permissions,
          createdAt: iso(t.created_at)!,
          expiresAt: iso(t.expires_at),
          lastUsedAt: iso(t.last_used_at),
        })),
      };
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { access: { permission: 'account.self', unit: 'record' } },
      schema: { tags: ['access'], summary: 'Revoke one of my API tokens', params: IdParam, response: { 204: NoContent } },
    },
    async (req, reply) => {
      const actor = req.actor!;
      if (!(await store.revokeToken(db.k, actor.userId, req.params.id, now()))) throw AppError.notFound(text('Không tìm thấy mã API', 'API token not found'));
      await inTx(db, (tx) =>
        audit(tx, { actor: auditActor(actor), action: 'token.revoke', entity: 'api_token', entityId: req.params.id, ip: req.ip, at: now() }),
      );
      return reply.status(204).send();
    },
  );

  // ---- users (administrators, within their scope) ----------------------------------------------
  app.get(
    '/api/users',
    {
      config: { access: manage },
      schema: { tags: ['access'], summary: 'Users this administrator manages', response: { 200: UserList } },
    },
    async (req) => {
      const actor = req.actor!;
      return { items: (await store.listUsers(db.k)).filter((u) => manages(actor, u.roles)).map(userView) };
    },
  );

  app.post(
    '/api/users',
    {
      config: { access: manage },
      schema: {
        tags: ['access'],
        summary: 'Create a user (a temporary password is generated when none is given)',
        body: NewUser,
        response: { 201: UserCreated },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const b = req.body;
      const roles = await resolveRoles(db, actor, b.roles ?? []);
      if (b.password !== undefined) {
        const problems = passwordProblems(b.password, b.username);
        if (problems.length) throw AppError.validation(problems.map((m) => ({ path: '/body/password', message: m })));
      }
      if (await store.findUserByName(db.k, b.username)) {
        throw AppError.validation([{ path: '/body/username', message: text('Tên đăng nhập đã có người dùng', 'This username is taken') }]);
      }
      const temp = b.password === undefined ? temporaryPassword() : null;
      const hash = await hashPassword(b.password ?? temp!);
      const id = await inTx(db, async (tx) => {
        const id = await store.createUser(tx, {
          username: b.username,
          displayName: b.displayName,
          passwordHash: hash,
          locale: b.locale ?? 'vi',
          mustChangePassword: temp !== null,
        });
        await store.setRoles(tx, id, roles);
        await audit(tx, {
          actor: auditActor(actor),
          action: 'user.create',
          entity: 'user',
          entityId: id,
          unitId: roles[0]?.unitId ?? null,
          after: { username: b.username, displayName: b.displayName, roles: b.roles ?? [] },
          ip: req.ip,
          at: now(),
        });
        return id;
      });
      const u = (await store.listUsers(db.k)).find((x) => x.id === id)!;
      return reply.status(201).send({ user: userView(u), temporaryPassword: temp });
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: manageRecord },
      schema: {
        tags: ['access'],
        summary: "Change a user's display name, or disable / enable the account",
        params: IdParam,
        body: UserPatch,
        response: { 200: UserView },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const u = await manageableUser(db, actor, req.params.id);
      if (req.body.disabled === true && u.id === actor.userId)
        throw AppError.conflict(text('Không thể tự khóa tài khoản của chính mình', 'You cannot disable your own account'));
      await inTx(db, async (tx) => {
        await store.updateUser(tx, u.id, req.body);
        if (req.body.disabled === true) await store.deleteUserSessions(tx, u.id);
        await audit(tx, {
          actor: auditActor(actor),
          action: 'user.update',
          entity: 'user',
          entityId: u.id,
          before: { displayName: u.display_name, disabled: u.disabled },
          after: req.body,
          ip: req.ip,
          at: now(),
        });
      });
      return userView((await store.listUsers(db.k)).find((x) => x.id === u.id)!);
    },
  );

  app.put(
    '/api/users/:id/roles',
    {
      config: { access: manageRecord },
      schema: { tags: ['access'], summary: "Replace a user's role assignments", params: IdParam, body: RoleAssignments, response: { 200: UserView } },
    },
    async (req) => {
      const actor = req.actor!;
      const u = await manageableUser(db, actor, req.params.id);
      const roles = await resolveRoles(db, actor, req.body);
      const before = await store.rolesOf(db.k, u.id);
      await inTx(db, async (tx) => {
        await store.setRoles(tx, u.id, roles);
        await audit(tx, {
          actor: auditActor(actor),
          action: 'user.roles',
          entity: 'user',
          entityId: u.id,
          unitId: roles[0]?.unitId ?? before[0]?.unitId ?? null,
          before: before.map((r) => ({ role: r.role, unitCode: r.unitCode })),
          after: req.body,
          ip: req.ip,
          at: now(),
        });
      });
      return userView((await store.listUsers(db.k)).find((x) => x.id === u.id)!);
    },
  );

  app.post(
    '/api/users/:id/password-reset',
    {
      config: { access: manageRecord },
      schema: {
        tags: ['access'],
        summary: "Reset a user's password to a temporary one (shown once); ends their sessions and revokes their API tokens",
        params: IdParam,
        response: { 200: PasswordReset },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const u = await manageableUser(db, actor, req.params.id);
      const temp = temporaryPassword();
      const hash = await hashPassword(temp);
      await inTx(db, async (tx) => {
        await store.setPassword(tx, u.id, hash, true);
        const ended = await store.deleteUserSessions(tx, u.id);
        const tokensRevoked = await store.revokeUserTokens(tx, u.id, now());
        await audit(tx, {
          actor: auditActor(actor),
          action: 'user.password_reset',
          entity: 'user',
          entityId: u.id,
          after: { ended, tokensRevoked },
          ip: req.ip,
          at: now(),
        });
      });
      return { temporaryPassword: temp };
    },
  );

  // ---- my account --------------------------------------------------------------------------
  app.post(
    '/api/me/password',
    {
      config: { access: self },
      schema: {
        tags: ['access'],
        summary: 'Change my password (session only; ends my other sessions and revokes my API tokens)',
        body: PasswordChange,
        response: { 204: NoContent },
      },
    },
    async (req, reply) => {
      requireSession(req);
      const actor = req.actor!;
      const u = (await store.findUser(db.k, actor.userId))!;
      if (!(await verifyPassword(u.password_hash, req.body.current))) {
        throw AppError.validation([{ path: '/body/current', message: text('Mật khẩu hiện tại không đúng', 'The current password is wrong') }]);
      }
      const problems = passwordProblems(req.body.next, u.username);
      if (problems.length) throw AppError.validation(problems.map((m) => ({ path: '/body/next', message: m })));
      const hash = await hashPassword(req.body.next);
      await inTx(db, async (tx) => {
        await store.setPassword(tx, u.id, hash, false);
        const ended = await store.deleteUserSessions(tx, u.id, req.session?.id ?? null);
        const tokensRevoked = await store.revokeUserTokens(tx, u.id, now());
        await audit(tx, {
          actor: auditActor(actor),
          action: 'user.password_change',
          entity: 'user',
          entityId: u.id,
          after: { ended, tokensRevoked },
          ip: req.ip,
          at: now(),
        });
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/me/totp/setup',
    {
      config: { access: self },
      schema: { tags: ['access'], summary: 'Start TOTP enrolment: a new secret for the authenticator app', response: { 200: TotpSetup } },
    },
    async (req) => {
      requireSession(req);
      const actor = req.actor!;
      const secret = newTotpSecret();
      await store.setTotp(db.k, actor.userId, { pending: secret });
      return { secret, otpauthUrl: totpUri(secret, actor.username) };
    },
  );

  app.post(
    '/api/me/totp/confirm',
    {
      config: { access: self },
      schema: { tags: ['access'], summary: 'Finish TOTP enrolment with a code from the app', body: TotpConfirm, response: { 200: TotpConfirmed } },
    },
    async (req) => {
      requireSession(req);
      const actor = req.actor!;
      const u = (await store.findUser(db.k, actor.userId))!;
      if (!u.totp_pending_secret) throw AppError.conflict(text('Hãy bắt đầu cài đặt TOTP trước', 'Start the TOTP setup first'));
      const step = await checkTotp(u.totp_pending_secret, req.body.code, now());
      if (step === null) {
        throw AppError.validation([{ path: '/body/code', message: text('Mã xác thực không đúng hoặc đã hết hạn', 'The code is wrong or has expired') }]);
      }
      await inTx(db, async (tx) => {
        await store.setTotp(tx, u.id, { enabled: u.totp_pending_secret!, step });
        await audit(tx, { actor: auditActor(actor), action: 'user.totp_enable', entity: 'user', entityId: u.id, ip: req.ip, at: now() });
      });
      return { totpEnabled: true };
    },
  );

  app.delete(
    '/api/me/totp',
    {
      config: { access: self },
      schema: {
        tags: ['access'],
        summary: 'Turn off TOTP with the current password (session only; not allowed for administrators)',
        body: TotpOff,
        response: { 204: NoContent },
      },
    },
    async (req, reply) => {
      requireSession(req);
      const actor = req.actor!;
      assertCan(actor, 'account.self');
      if (actor.roles.some((r) => r.role === 'admin')) {
        throw AppError.conflict(
          text('Quản trị viên bắt buộc dùng xác thực hai lớp (TOTP); không thể tắt', 'Administrators must keep two-factor authentication (TOTP) on'),
        );
      }
      // A session left open on a shared computer must not be enough to remove the second factor.
      const u = (await store.findUser(db.k, actor.userId))!;
      if (!(await verifyPassword(u.password_hash, req.body.password))) {
        throw AppError.validation([{ path: '/body/password', message: text('Mật khẩu hiện tại không đúng', 'The current password is wrong') }]);
      }
      await inTx(db, async (tx) => {
        await store.setTotp(tx, actor.userId, { off: true });
        await audit(tx, { actor: auditActor(actor), action: 'user.totp_disable', entity: 'user', entityId: actor.userId, ip: req.ip, at: now() });
      });
      return reply.status(204).send();
    },
  );
};
