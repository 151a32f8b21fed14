// Role names as people read them, and a user's role assignments with their unit scope.
import { t, type MessageKey } from '../i18n/index.ts';
import type { RoleAssignment } from '../lib/scope.ts';
import { roleNames, type Role } from '../../../src/access/permissions.ts';

export { roleNames };

/** A short label per server role: a role added on the server without one fails the typecheck. */
const labels: Record<Role, MessageKey> = {
  admin: 'role.admin',
  officer: 'role.officer',
  leader: 'role.leader',
  approver: 'role.approver',
  supervisor: 'role.supervisor',
};

export function roleLabel(role: string): string {
  const k = (labels as Record<string, MessageKey | undefined>)[role];
  return k ? t(k) : role;
}

export function scopeLabel(r: RoleAssignment): string {
  return r.unitCode == null || r.unitCode === '' ? t('unit.national') : `${r.unitName ?? r.unitCode} (${r.unitCode})`;
}

export function RoleList({ roles }: { roles: readonly RoleAssignment[] }) {
  if (roles.length === 0) return <>{t('common.none')}</>;
  return (
    <ul class="plain">
      {roles.map((r, i) => (
        <li key={i}>
          {roleLabel(r.role)}: {scopeLabel(r)}
        </li>
      ))}
    </ul>
  );
}
