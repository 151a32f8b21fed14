// Named permissions and the roles that grant them: the one place that says who may do what.
// docs/guide/phan-quyen.md is generated from this file (src/access/permissions-doc.ts) and a
// test fails when it drifts.
import { text, type Text } from '../kernel/i18n.ts';

/** Every permission a route may declare, with what it allows in the user's own words. */
export const permissions = {
  'units.read': text('Xem danh mục đơn vị hành chính', 'Read administrative units'),
  'units.manage': text('Cập nhật danh mục đơn vị hành chính', 'Maintain administrative units'),
  'indicators.read': text('Xem danh mục chỉ tiêu', 'Read the indicator catalogue'),
  'indicators.manage': text('Cập nhật danh mục chỉ tiêu', 'Maintain the indicator catalogue'),
  'plans.read': text('Xem kế hoạch, chương trình hành động', 'Read plans and action programmes'),
  'plans.write': text('Soạn, sửa kế hoạch', 'Draft and edit plans'),
  'monitoring.read': text('Xem số liệu theo dõi chỉ tiêu', 'Read monitoring data'),
  'monitoring.enter': text('Nhập, sửa, gửi số liệu chỉ tiêu', 'Enter, edit and submit indicator values'),
  'monitoring.approve': text('Duyệt hoặc trả lại số liệu', 'Approve or return submitted values'),
  'registry.read': text('Xem sổ hộ, nhân khẩu (thông tin nhạy cảm bị che)', 'Read the registry (sensitive fields masked)'),
  'registry.write': text('Nhập, sửa hộ gia đình và nhân khẩu', 'Enter and edit households and persons'),
  'registry.person.read_full': text(
    'Xem đầy đủ thông tin nhạy cảm (số định danh, sức khỏe, khuyết tật, dân tộc); mỗi lần xem được ghi nhật ký',
    'Read sensitive personal fields in full (every read is logged)',
  ),
  'benefits.decide': text('Ra quyết định hưởng, điều chỉnh, thôi hưởng trợ cấp', 'Decide benefit entitlements'),
  'payments.read': text('Xem danh sách chi trả', 'Read payment lists'),
  'payments.prepare': text('Lập danh sách chi trả', 'Prepare payment lists'),
  'payments.approve': text('Duyệt danh sách chi trả', 'Approve payment lists'),
  'integrity.review': text('Xử lý cảnh báo trục lợi, bỏ sót đối tượng', 'Review fraud and omission alerts'),
  'law.manage': text('Cập nhật văn bản pháp luật, mức chuẩn, hệ số', 'Maintain legal parameters'),
  'audit.read': text('Xem nhật ký kiểm toán', 'Read the audit log'),
  'users.manage': text('Quản lý người dùng và phân quyền', 'Manage users and roles'),
  'system.metrics': text('Xem số đo vận hành máy chủ (/api/metrics)', "Read the server's operating metrics (/api/metrics)"),
  'account.self': text('Quản lý tài khoản của mình (mật khẩu, TOTP, mã API)', "Manage one's own account (password, TOTP, API tokens)"),
} as const satisfies Record<string, Text>;

export type Permission = keyof typeof permissions;
export const allPermissions = Object.keys(permissions) as Permission[];

export function isPermission(p: string): p is Permission {
  return Object.hasOwn(permissions, p);
}

/** Roles a user can be assigned, each scoped to a unit subtree (or the whole country). */
export const roleNames = ['admin', 'officer', 'leader', 'approver', 'supervisor'] as const;
export type Role = (typeof roleNames)[number];

export const roleLabels: Record<Role | 'public', Text> = {
  admin: text('Quản trị hệ thống', 'System administrator'),
  officer: text('Cán bộ đơn vị (nhập và sửa số liệu trong phạm vi)', 'Unit officer (enters and edits data in scope)'),
  leader: text(
    'Lãnh đạo UBND (Chủ tịch, Phó Chủ tịch): quyết định hưởng chính sách, duyệt danh sách chi trả',
    "People's Committee leader (chair, vice-chair): decides benefits, approves payment lists",
  ),
  approver: text('Chuyên viên thẩm định, phê duyệt', 'Reviewer / approver'),
  supervisor: text('Giám sát (HĐND, Mặt trận Tổ quốc, cấp ủy): chỉ xem', "Supervisor (People's Council, Fatherland Front, Party committee): read-only"),
  public: text('Công chúng (chưa đăng nhập)', 'Public (not signed in)'),
};

const readAll: Permission[] = ['units.read', 'indicators.read', 'plans.read', 'monitoring.read', 'registry.read', 'payments.read', 'account.self'];

/** Roles → permissions. The public (no actor) holds none: only routes declared public. */
export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(allPermissions),
  officer: new Set<Permission>([...readAll, 'plans.write', 'monitoring.enter', 'registry.write', 'registry.person.read_full', 'payments.prepare']),
  // Since 01/07/2025 the commune chair decides social assistance and the social pension
  // (Decree 147/2025/NĐ-CP Art. 5; Decree 176/2025/NĐ-CP) and signs the commune's payment list.
  leader: new Set<Permission>([...readAll, 'registry.person.read_full', 'benefits.decide', 'payments.approve', 'integrity.review']),
  approver: new Set<Permission>([...readAll, 'monitoring.approve', 'registry.person.read_full', 'benefits.decide', 'payments.approve', 'integrity.review']),
  // Supervision is read-only and never sees sensitive personal fields in full.
  supervisor: new Set<Permission>(readAll),
};

export function isRole(r: string): r is Role {
  return (roleNames as readonly string[]).includes(r);
}
