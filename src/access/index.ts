// What other features import from access control and audit: one entry point.
export { can, inScope, type Actor, type ActorRole } from './model.ts';
export { actorOf, assertCan, assertCanInUnit, canInUnit, withActor } from './scope.ts';
export { permissions, rolePermissions, roleLabels, type Permission, type Role } from './permissions.ts';
export { audit, auditRead, type AuditInput } from '../audit/store.ts';
