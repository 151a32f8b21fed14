// Who may write the registry in which commune: the one place that decides it. Routes declare the
// permission (src/access/permissions.ts: registry.write, benefits.decide, integrity.review); this
// file adds what the permission alone does not say: it must be held in the commune of the record
// (the person's, the import's, the proposal's, the flag's), not anywhere in the actor's roles.
// Row-level security keeps reads inside the actor's whole scope; these rules narrow the writes.
// The CLI and jobs act as the system (no actor) and pass.
import { assertCanInUnit, canInUnit, type Actor } from '../access/index.ts';

/** The rules in words, for the permissions page (docs/guide/phan-quyen.md is generated with them). */
export const registryRules = [
  {
    permission: 'registry.write',
    vi: 'Hộ, nhân khẩu và tệp nhập của một xã do người có quyền nhập liệu tại chính xã đó hoặc cấp trên sửa, xác nhận hoặc hủy; quyền nhập liệu ở xã khác không dùng được.',
    en: "A commune's households, persons and imports are changed, confirmed or cancelled by a holder of registry.write in that commune or above; the permission held in another commune does not count.",
    where: 'src/registry/policy.ts canWriteRegistry',
  },
  {
    permission: 'benefits.decide',
    vi: 'Đề xuất do sự kiện (chết, chuyển đi, đủ 75/80 tuổi, trẻ đủ 4/16 tuổi) do Chủ tịch UBND xã của người đó (hoặc người có quyền quyết định ở cấp trên) xác nhận hoặc bác.',
    en: "A life-event proposal is confirmed or rejected by the chair of the person's commune (or a holder of benefits.decide above it).",
    where: 'src/registry/policy.ts canDecideProposal',
  },
  {
    permission: 'integrity.review',
    vi: 'Cảnh báo trục lợi, bỏ sót của một xã do người có quyền xử lý tại xã đó hoặc cấp trên xác nhận hoặc bỏ qua.',
    en: "A commune's integrity flag is confirmed or dismissed by a holder of integrity.review in that commune or above.",
    where: 'src/registry/policy.ts canReviewFlag',
  },
] as const;

type Who = Actor | null;
type InUnit = { readonly unit_id: number } | { readonly unitId: number };
const unitOf = (r: InUnit) => ('unit_id' in r ? r.unit_id : r.unitId);

/** May the actor change this commune's households, persons or imports? */
export const canWriteRegistry = (actor: Who, record: InUnit): boolean => canInUnit(actor, 'registry.write', unitOf(record));
/** May the actor confirm or reject this life-event proposal? */
export const canDecideProposal = (actor: Who, proposal: InUnit): boolean => canInUnit(actor, 'benefits.decide', unitOf(proposal));
/** May the actor confirm or dismiss this integrity flag? */
export const canReviewFlag = (actor: Who, flag: InUnit): boolean => canInUnit(actor, 'integrity.review', unitOf(flag));

// The refusals of src/access, so that a refusal reads the same wherever it comes from.
export const assertCanWriteRegistry = (actor: Who, record: InUnit, outside: 'forbidden' | 'not-found' = 'forbidden'): void =>
  assertCanInUnit(actor, 'registry.write', unitOf(record), outside);
export const assertCanDecideProposal = (actor: Who, proposal: InUnit): void => assertCanInUnit(actor, 'benefits.decide', unitOf(proposal));
export const assertCanReviewFlag = (actor: Who, flag: InUnit): void => assertCanInUnit(actor, 'integrity.review', unitOf(flag));
