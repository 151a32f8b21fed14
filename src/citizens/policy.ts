// Who may do what with applications and complaints: the one place that decides it. Anyone may
// file online (public intake, rate-limited centrally by src/server.ts) and follow their own file
// by its tracking code; an officer with registry.write in the commune files at the counter on a
// citizen's behalf; registry.read in the commune (or above) reads the work list; the commune
// chair (benefits.decide in the application's commune) decides. Row-level security (migrations
// 270–271) keeps every signed-in read and write inside the actor's communes.
import { assertCan, type Actor } from '../access/index.ts';
import type { ApplicationChannel } from './model.ts';

/** The rules in words (the permissions page). */
export const citizenRules = [
  {
    permission: 'registry.write',
    vi: 'Hồ sơ nộp tại bộ phận một cửa do cán bộ có quyền nhập liệu tại chính xã đó tiếp nhận; người dân tự nộp trực tuyến không cần đăng nhập.',
    en: 'An application at the counter is filed by a holder of registry.write in that commune; citizens file online without signing in.',
    where: 'src/citizens/policy.ts assertCanFile',
  },
  {
    permission: 'benefits.decide',
    vi: 'Quyết định trên hồ sơ (chấp thuận, hoặc từ chối có lý do bằng văn bản) do Chủ tịch UBND xã của hồ sơ (hoặc người có quyền quyết định ở cấp trên) ghi nhận.',
    en: "The decision on an application (grant, or refusal with written reasons) is recorded by the chair of the application's commune (or a holder of benefits.decide above it).",
    where: 'src/citizens/policy.ts assertCanDecide',
  },
] as const;

/** Online: anyone (no actor needed). At the counter: registry.write in the commune. */
export function assertCanFile(actor: Actor | null | undefined, channel: ApplicationChannel, unitId: number): void {
  if (channel === 'counter') assertCan(actor, 'registry.write', unitId, { outside: 'forbidden' });
}

/** May the actor read the commune's applications and complaints? (404 outside the scope.) */
export function assertCanRead(actor: Actor | null | undefined, unitId: number): asserts actor is Actor {
  assertCan(actor, 'registry.read', unitId);
}

/** May the actor record the decision on this application? (403 outside the commune.) */
export function assertCanDecide(actor: Actor | null | undefined, record: { readonly unit_id: number }): asserts actor is Actor {
  assertCan(actor, 'benefits.decide', record.unit_id, { outside: 'forbidden' });
}

/** May the actor record a complaint or move it on (accept, extend, settle)? registry.write in its commune. */
export function assertCanHandleComplaint(actor: Actor | null | undefined, unitId: number): asserts actor is Actor {
  assertCan(actor, 'registry.write', unitId, { outside: 'forbidden' });
}
