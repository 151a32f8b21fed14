// Demo users, one per role and scope, so that testers can sign in at once (documented in the
// README and printed by `ansinh serve`). Idempotent: existing usernames are left alone.
import type { Db } from '../db/connection.ts';
import { audit } from '../audit/store.ts';
import type { Role } from './permissions.ts';
import { hashPassword } from './secrets.ts';
import * as store from './store.ts';

/** The demo administrator's TOTP secret: add it to an authenticator app (base32). */
export const DEMO_ADMIN_TOTP_SECRET = 'ANSINHDEMOADMINTOTPANSINHDEMO234';

/** A demo login printed at start-up and documented in the README. */
export interface DemoLogin {
  readonly username: string;
  readonly password: string;
  readonly role: string;
}

interface DemoUser extends DemoLogin {
  readonly displayName: string;
  readonly roleName: Role;
  readonly unitCode: string | null;
  readonly totpSecret?: string;
}

export const demoUsers: readonly DemoUser[] = [
  {
    username: 'admin',
    password: 'Admin@2026',
    displayName: 'Quản trị hệ thống',
    roleName: 'admin',
    unitCode: null,
    totpSecret: DEMO_ADMIN_TOTP_SECRET,
    role: `Quản trị hệ thống, toàn quốc (mã TOTP: ${DEMO_ADMIN_TOTP_SECRET})`,
  },
  {
    username: 'thulum',
    password: 'ThuLum@2026',
    displayName: 'Lò Thị Mai (cán bộ xã Thu Lũm)',
    roleName: 'officer',
    unitCode: '03439',
    role: 'Cán bộ xã Thu Lũm (Lai Châu): nhập và sửa số liệu của xã',
  },
  {
    username: 'chutich',
    password: 'ChuTich@2026',
    displayName: 'Vàng A Sử (Chủ tịch UBND xã Thu Lũm)',
    roleName: 'leader',
    unitCode: '03439',
    role: 'Chủ tịch UBND xã Thu Lũm (Lai Châu): quyết định hưởng trợ cấp, duyệt danh sách chi trả',
  },
  {
    username: 'laichau',
    password: 'LaiChau@2026',
    displayName: 'Nguyễn Văn Hùng (chuyên viên Sở, Lai Châu)',
    roleName: 'approver',
    unitCode: '12',
    role: 'Chuyên viên Sở, tỉnh Lai Châu: thẩm định, phê duyệt',
  },
  {
    username: 'giamsat',
    password: 'GiamSat@2026',
    displayName: 'Đại biểu HĐND tỉnh Lai Châu',
    roleName: 'supervisor',
    unitCode: '12',
    role: 'Giám sát (HĐND tỉnh Lai Châu): chỉ xem',
  },
  {
    username: 'hoangphu',
    password: 'HoangPhu@2026',
    displayName: 'Lê Văn Nam (cán bộ xã Hoằng Phú)',
    roleName: 'officer',
    unitCode: '15889',
    role: 'Cán bộ xã Hoằng Phú (Thanh Hóa): xã khác, để thử phạm vi',
  },
];

export const demoAccessLogins: DemoLogin[] = demoUsers.map(({ username, password, role }) => ({ username, password, role }));

export async function seedDemoUsers(db: Db, log: (line: string) => void): Promise<void> {
  let n = 0;
  for (const u of demoUsers) {
    if (await store.findUserByName(db.k, u.username)) continue;
    const unit = u.unitCode ? await store.unitByCode(db.k, u.unitCode) : null;
    if (u.unitCode && !unit) {
      log(`bỏ qua người dùng mẫu ${u.username}: chưa có đơn vị ${u.unitCode}`);
      continue;
    }
    const hash = await hashPassword(u.password);
    await db.k.transaction().execute(async (tx) => {
      const id = await store.createUser(tx, { username: u.username, displayName: u.displayName, passwordHash: hash });
      await store.setRoles(tx, id, [{ role: u.roleName, unitId: unit?.id ?? null }]);
      if (u.totpSecret) await store.setTotp(tx, id, { enabled: u.totpSecret });
      await audit(tx, {
        actor: { userId: null, username: 'demo' },
        action: 'user.create',
        entity: 'user',
        entityId: id,
        unitId: unit?.id ?? null,
        after: { username: u.username, role: u.roleName, unitCode: u.unitCode },
      });
    });
    n++;
  }
  log(`người dùng mẫu: ${n} tài khoản mới`);
}
