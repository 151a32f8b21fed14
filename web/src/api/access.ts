// The access feature's API as the web calls it: every URL of users, tokens and the signed-in
// user's account in one place, typed by the server's contract (src/access/schemas.ts, type-only).
// Pages call these functions (writes) or read the `paths` with useApi (reads).
import { api } from '../lib/api.ts';
import type { NewUser, PasswordReset, RoleAssignments, TokenBody, TokenCreated, TotpSetup, UserCreated, UserView } from '../../../src/access/schemas.ts';
export type { TokenList, UserList } from '../../../src/access/schemas.ts';

/** Reads, for useApi. */
export const paths = {
  users: '/api/users',
  tokens: '/api/tokens',
} as const;

const user = (id: number) => `/api/users/${id}`;

export const createUser = (body: NewUser) => api<UserCreated>('POST', paths.users, body);
export const setRoles = (id: number, roles: RoleAssignments) => api<UserView>('PUT', `${user(id)}/roles`, roles);
export const resetPassword = (id: number) => api<PasswordReset>('POST', `${user(id)}/password-reset`, {});
export const setDisabled = (id: number, disabled: boolean) => api<UserView>('PATCH', user(id), { disabled });

export const changePassword = (current: string, next: string) => api<void>('POST', '/api/me/password', { current, next });
export const startTotp = () => api<TotpSetup>('POST', '/api/me/totp/setup', {});
export const confirmTotp = (code: string) => api<void>('POST', '/api/me/totp/confirm', { code });
export const turnOffTotp = (password: string) => api<void>('DELETE', '/api/me/totp', { password });

export const createToken = (body: TokenBody) => api<TokenCreated>('POST', paths.tokens, body);
export const revokeToken = (id: number) => api<void>('DELETE', `${paths.tokens}/${id}`);
export const signOutEverywhere = () => api<void>('POST', '/api/session/revoke-all', {});
