// HTTP contracts of the access feature that the web uses (type-only imports from web/src).
import { Type, type Static } from 'typebox';
import type { Actor } from './model.ts';
import type { UserListRow, UserRow } from './store.ts';
import { LOCALES } from '../kernel/i18n.ts';
import { List, enumOf } from '../kernel/schemas.ts';

/** An API token as listed to its owner: never its value. */
export const TokenView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  permissions: Type.Union([Type.Array(Type.String()), Type.Null()]),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});
export type TokenView = Static<typeof TokenView>;

/** Creating a token: permissions left out means all of the creator's; expiry left out means none (or the creating token's). */
export const TokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    permissions: Type.Optional(Type.Array(Type.String(), { maxItems: 50 })),
    expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export type TokenBody = Static<typeof TokenBody>;

/** The created token, with its value shown this once. */
export const TokenCreated = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  token: Type.String(),
  permissions: Type.Union([Type.Array(Type.String()), Type.Null()]),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
});
export type TokenCreated = Static<typeof TokenCreated>;

// Sessions, users and one's own account.
export const RoleView = Type.Object({
  role: Type.String(),
  unitCode: Type.Union([Type.String(), Type.Null()]),
  unitName: Type.Union([Type.String(), Type.Null()]),
});
export const SessionUser = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  locale: Type.String(),
  roles: Type.Array(RoleView),
  permissions: Type.Array(Type.String()),
  totpEnabled: Type.Boolean(),
  mustEnrollTotp: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
});
export const SessionBody = Type.Object({ user: SessionUser, csrfToken: Type.String() });
export const SignIn = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 500 }),
    totp: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
);
export const IdParam = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const UserView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  locale: Type.String(),
  disabled: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  roles: Type.Array(RoleView),
});
export const RoleInput = Type.Object(
  { role: Type.String(), unitCode: Type.Union([Type.String({ maxLength: 20 }), Type.Null()]) },
  { additionalProperties: false },
);
export const Username = Type.String({ minLength: 3, maxLength: 60, pattern: '^[A-Za-z0-9._-]+$' });
export const NewUser = Type.Object(
  {
    username: Username,
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.Optional(Type.String({ maxLength: 500 })),
    locale: Type.Optional(enumOf(LOCALES)),
    roles: Type.Optional(Type.Array(RoleInput, { maxItems: 20 })),
  },
  { additionalProperties: false },
);

export type SessionUser = Static<typeof SessionUser>;
export type UserView = Static<typeof UserView>;

/** Signing out everywhere: how many sessions ended and how many tokens were revoked. */
export const SignedOutEverywhere = Type.Object({ ended: Type.Integer(), tokensRevoked: Type.Integer() });
/** A created user, with the temporary password shown this once (null when the administrator set one). */
export const UserCreated = Type.Object({ user: UserView, temporaryPassword: Type.Union([Type.String(), Type.Null()]) });
export const PasswordReset = Type.Object({ temporaryPassword: Type.String() });
export const PasswordChange = Type.Object(
  { current: Type.String({ minLength: 1, maxLength: 500 }), next: Type.String({ maxLength: 500 }) },
  { additionalProperties: false },
);
export const TotpSetup = Type.Object({ secret: Type.String(), otpauthUrl: Type.String() });
export const TotpConfirm = Type.Object({ code: Type.String({ maxLength: 10 }) }, { additionalProperties: false });
export const TotpConfirmed = Type.Object({ totpEnabled: Type.Boolean() });
export const TotpOff = Type.Object({ password: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
export const TokenList = List(TokenView);
export const UserList = List(UserView);
export const RoleAssignments = Type.Array(RoleInput, { maxItems: 20 });
export const UserPatch = Type.Object(
  { displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), disabled: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export function sessionUser(actor: Actor, u: UserRow): SessionUser {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    locale: u.locale,
    roles: actor.roles.map((r) => ({ role: r.role, unitCode: r.unitCode, unitName: r.unitName })),
    permissions: [...actor.permissions].sort(),
    totpEnabled: actor.totpEnabled,
    mustEnrollTotp: actor.mustEnrollTotp,
    mustChangePassword: u.must_change_password,
  };
}

export function userView(u: UserListRow): UserView {
  return { ...u, roles: u.roles.map((r) => ({ role: r.role, unitCode: r.unitCode, unitName: r.unitName })) };
}

export type UserCreated = Static<typeof UserCreated>;
export type PasswordReset = Static<typeof PasswordReset>;
export type TotpSetup = Static<typeof TotpSetup>;
export type NewUser = Static<typeof NewUser>;
export type RoleAssignments = Static<typeof RoleAssignments>;
export type UserList = Static<typeof UserList>;
export type TokenList = Static<typeof TokenList>;
