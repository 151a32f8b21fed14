// The session: who is signed in (GET/POST/DELETE /api/session), the CSRF token for writes, and
// the unit of work the user picked (remembered in localStorage).
import { api, ApiError, setCsrfToken, setUnauthorizedHandler } from './api.ts';
import { createStore, useStore } from './store.ts';
import { parseStoredUnit, pickWorkUnit, workUnits, type SessionUser, type WorkUnit } from './scope.ts';
import { CSRF_COOKIE } from '../../../src/access/cookie-names.ts';
import type { Static } from 'typebox';
import type { SessionBody } from '../../../src/access/schemas.ts';

export interface SessionState {
  readonly status: 'loading' | 'ready';
  readonly user: SessionUser | null;
}

type SessionResponse = Static<typeof SessionBody>;

export const sessionStore = createStore<SessionState>({ status: 'loading', user: null });
const UNIT_KEY = 'ansinh.unit';
export const workUnitStore = createStore<WorkUnit | null>(null);

function accept(r: SessionResponse | null): void {
  setCsrfToken(r?.csrfToken ?? null);
  const user = r?.user ? { ...r.user, roles: r.user.roles ?? [], permissions: r.user.permissions ?? [] } : null;
  sessionStore.set({ status: 'ready', user });
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(UNIT_KEY);
  } catch {
    /* ignore */
  }
  workUnitStore.set(pickWorkUnit(workUnits(user), parseStoredUnit(stored), user));
}

/** Whether this browser holds a session's cookies at all (the CSRF cookie is readable; the session cookie is not). */
function mayBeSignedIn(): boolean {
  try {
    return document.cookie.split(';').some((c) => c.trim().startsWith(`${CSRF_COOKIE}=`));
  } catch {
    return true;
  }
}

export async function loadSession(): Promise<void> {
  // Nobody signed in here: no request (an anonymous visit logged a 401 on every page).
  if (!mayBeSignedIn()) return accept(null);
  try {
    accept(await api<SessionResponse>('GET', '/api/session'));
  } catch {
    // 401 (not signed in), or no session API yet: the public pages still work.
    accept(null);
  }
}

/** Signs in; throws ApiError (401 with totpRequired, 429, 400 with field errors). */
export async function signIn(username: string, password: string, totp?: string): Promise<SessionUser> {
  const body: Record<string, string> = { username, password };
  if (totp) body.totp = totp;
  const r = await api<SessionResponse>('POST', '/api/session', body);
  accept(r);
  return r.user;
}

export async function signOut(): Promise<void> {
  try {
    await api('DELETE', '/api/session');
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
  }
  accept(null);
}

export function chooseWorkUnit(unit: WorkUnit): void {
  try {
    localStorage.setItem(UNIT_KEY, JSON.stringify(unit));
  } catch {
    /* ignore */
  }
  workUnitStore.set(unit);
}

export function useSession(): SessionState {
  return useStore(sessionStore);
}
export function useWorkUnit(): WorkUnit | null {
  return useStore(workUnitStore);
}

setUnauthorizedHandler(() => {
  if (sessionStore.get().user) accept(null);
});
