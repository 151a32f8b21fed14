// Role names as people read them, and a user's role assignments with their unit scope.
import { t, type MessageKey } from '../i18n/index.ts';
import type { RoleAssignment } from '../lib/scope.ts';

const known: Record<string, MessageKey> = {
  admin: 'role.admin',
  system_admin: 'role.admin',
  sysadmin: 'role.admin',
  officer: 'role.officer',
  unit_officer: 'role.officer',
  approver: 'role.approver',
  reviewer: 'role.approver',
  supervisor: 'role.supervisor',
};
export const roleNames = ['admin', 'officer', 'approver', 'supervisor'] as const;

export function roleLabel(role: string): string {
  const k = known[role.toLowerCase()];
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
