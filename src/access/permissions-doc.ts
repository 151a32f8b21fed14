// Generates docs/guide/phan-quyen.md (the role × permission matrix, in Vietnamese) from
// permissions.ts and the features' policy files, so the document cannot drift: permissions-doc.test.ts compares them.
// Write it: node bin/run-ts.js src/access/permissions-doc.ts --write
import { writeFileSync } from 'node:fs';
import { allPermissions, permissions, roleLabels, roleNames, rolePermissions } from './permissions.ts';
// The rules a permission alone does not say, each from its feature's policy file.
import { decideRule } from '../monitoring/policy.ts';
import { registryRules } from '../registry/policy.ts';
import { paymentRules } from '../payments/policy.ts';
import { planRules } from '../plans/policy.ts';

const policyRules = [...planRules, decideRule, ...registryRules, ...paymentRules];

export const DOC_PATH = new URL('../../docs/guide/phan-quyen.md', import.meta.url);

export function permissionMatrixMarkdown(): string {
  const head = ['Quyền', 'Ý nghĩa', ...roleNames.map((r) => `\`${r}\``), '`public`'];
  const rows = allPermissions.map((p) => [`\`${p}\``, permissions[p].vi, ...roleNames.map((r) => (rolePermissions[r].has(p) ? '✔' : '')), '']);
  const table = [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
  return [
    '# Phân quyền: vai trò và quyền',
    '',
    '<!-- Tệp này được sinh từ src/access/permissions.ts; đừng sửa tay. Chạy: node bin/run-ts.js src/access/permissions-doc.ts --write -->',
    '',
    'Mỗi người dùng có một hoặc nhiều vai trò; mỗi vai trò gắn với một đơn vị hành chính và có hiệu lực',
    'cho đơn vị đó, mọi đơn vị cấp dưới và các đơn vị cũ đã sáp nhập vào chúng (từ 01/07/2025).',
    'Vai trò không gắn đơn vị có hiệu lực toàn quốc.',
    '',
    '## Vai trò',
    '',
    ...[...roleNames, 'public' as const].map((r) => `- \`${r}\`: ${roleLabels[r].vi}`),
    '',
    '## Ma trận quyền',
    '',
    table,
    '',
    '## Quy tắc ngoài ma trận',
    '',
    ...policyRules.map((r) => `- \`${r.permission}\`: ${r.vi} (${r.where})`),
    '',
    'Ngoài phạm vi đơn vị của mình: xem một hồ sơ của đơn vị khác trả về "Không tìm thấy" (404, không',
    'để lộ hồ sơ có tồn tại hay không); thao tác ghi vào đơn vị khác bị từ chối (403). Cơ sở dữ liệu',
    'cũng tự giới hạn theo phạm vi (row-level security), nên cả số đếm, tìm kiếm và xuất tệp đều chỉ',
    'gồm dữ liệu trong phạm vi.',
    '',
  ].join('\n');
}

if (process.argv.includes('--write')) {
  writeFileSync(DOC_PATH, permissionMatrixMarkdown());
  console.log(`wrote ${DOC_PATH.pathname}`);
}
