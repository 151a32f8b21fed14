// Who the signed-in user is and what their role assignments cover: the units they may pick as
// unit of work, their permissions, and whether a unit lies in their scope. Pure (tested in
// test/web/scope.test.ts). The server enforces the same rules; this only shapes the UI.
import type { SessionUser as ServerSessionUser } from '../../../src/access/schemas.ts';
import type { Permission } from '../../../src/access/permissions.ts';

type ServerRole = ServerSessionUser['roles'][number];
/** A role assignment of the session's user; unitCode null (or "00"/"VN") means the whole country. */
export type RoleAssignment = Pick<ServerRole, 'role' | 'unitCode'> & Partial<Pick<ServerRole, 'unitName'>>;

/** The session's user (src/access/schemas.ts SessionUser); the rules here read its roles and permissions. */
export type SessionUser = Pick<ServerSessionUser, 'id' | 'username' | 'permissions'> &
  Partial<Omit<ServerSessionUser, 'id' | 'username' | 'permissions' | 'roles'>> & { readonly roles: readonly RoleAssignment[] };

/** The unit facts needed to place it in the tree (as GET /api/units/CODE gives them). */
export interface UnitPlace {
  readonly code: string;
  readonly province?: unknown;
  readonly parent?: unknown;
  /** A pre-reform commune's district (its parent when the server gives none). */
  readonly district?: unknown;
  readonly ancestors?: readonly unknown[];
}

export interface WorkUnit {
  readonly code: string | null;
  readonly name: string | null;
  /** Province code, for units picked below a role's root (e.g. a commune by a province user). */
  readonly province?: string | null;
}

const isNational = (code: string | null | undefined) => code == null || code === '' || code === '00' || code === 'VN';

/** Distinct scope roots of the user's roles, national first, in the order assigned. */
export function workUnits(user: SessionUser | null): WorkUnit[] {
  if (!user) return [];
  const out: WorkUnit[] = [];
  for (const r of user.roles) {
    const code = isNational(r.unitCode) ? null : r.unitCode;
    if (!out.some((u) => u.code === code)) out.push({ code, name: r.unitName ?? null });
  }
  return out.sort((a, b) => (a.code === null ? -1 : b.code === null ? 1 : 0));
}

/**
 * The stored choice when it is still one of the user's units or lies inside their scope (a
 * province approver working on one commune), else the first of their units.
 */
export function pickWorkUnit(units: readonly WorkUnit[], stored: WorkUnit | null, user: SessionUser | null = null): WorkUnit | null {
  if (stored) {
    const own = units.find((u) => u.code === stored.code);
    if (own) return own;
    if (stored.code !== null && coversUnit(user, { code: stored.code, province: stored.province ?? undefined })) return stored;
  }
  return units[0] ?? null;
}

/** Reads a stored unit of work: JSON {code, name, province}, or a bare code from older versions. */
export function parseStoredUnit(raw: string | null): WorkUnit | null {
  if (raw === null) return null;
  try {
    const v = JSON.parse(raw) as Partial<WorkUnit>;
    if (v && typeof v === 'object' && 'code' in v) return { code: v.code ?? null, name: v.name ?? null, province: v.province ?? null };
  } catch {
    /* a bare code */
  }
  return { code: raw === '' ? null : raw, name: null };
}

export function hasPermission(user: SessionUser | null, ...anyOf: Permission[]): boolean {
  return !!user && anyOf.some((p) => user.permissions.includes(p));
}

function codeOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as { code?: unknown }).code === 'string') return (v as { code: string }).code;
  return null;
}

/** True when one of the user's roles is rooted at the unit or at one of its ancestors. */
export function coversUnit(user: SessionUser | null, unit: UnitPlace): boolean {
  if (!user) return false;
  const chain = new Set<string>([unit.code]);
  for (const a of [unit.province, unit.parent, unit.district, ...(unit.ancestors ?? [])]) {
    const c = codeOf(a);
    if (c) chain.add(c);
  }
  return user.roles.some((r) => isNational(r.unitCode) || chain.has(r.unitCode!));
}
