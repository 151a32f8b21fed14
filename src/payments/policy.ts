// Who may write payments in which commune: the one place that decides it. Routes declare the
// permission (src/access/permissions.ts: benefits.decide, payments.prepare, payments.approve);
// this file adds what the permission alone does not say: it must be held in the commune of the
// record (the person's, the payroll's), not anywhere in the actor's roles. A user who is the
// leader of one commune and reads a whole province approves no payroll but his commune's.
// The CLI and jobs act as the system (no actor) and pass.
import { assertCanInUnit, canInUnit, type Actor } from '../access/index.ts';

/** The rules in words, for the permissions page (docs/guide/phan-quyen.md is generated with them). */
export const paymentRules = [
  {
    permission: 'benefits.decide',
    vi: 'Quyết định hưởng, điều chỉnh, thôi hưởng trợ cấp của một người do người có quyền quyết định tại xã của người đó (Chủ tịch UBND xã, Nghị định 147/2025/NĐ-CP Điều 5) hoặc cấp trên ghi nhận; quyền ở xã khác không dùng được.',
    en: "A person's benefit decision is recorded by a holder of benefits.decide in that person's commune (the commune chair, Decree 147/2025 Art. 5) or above; the permission held in another commune does not count.",
    where: 'src/payments/policy.ts canDecideBenefit',
  },
  {
    permission: 'payments.prepare',
    vi: 'Danh sách chi trả của một xã được lập, lập lại (khi còn nháp) và đối soát sao kê bởi người có quyền lập danh sách tại xã đó hoặc cấp trên.',
    en: "A commune's payroll is generated, regenerated (while a draft) and reconciled by a holder of payments.prepare in that commune or above.",
    where: 'src/payments/policy.ts canPreparePayroll',
  },
  {
    permission: 'payments.approve',
    vi: 'Danh sách chi trả của một xã do lãnh đạo UBND của chính xã đó hoặc người có quyền duyệt ở cấp trên phê duyệt; chỉ danh sách nháp được duyệt, và khi nhiều người nhận tiền vào một tài khoản thì phải xác nhận trước.',
    en: "A commune's payroll is approved by the leader of that commune or a holder of payments.approve above it; only a draft is approved, and several persons paid to one account must be acknowledged first.",
    where: 'src/payments/policy.ts canApprovePayroll',
  },
] as const;

type Who = Actor | null;
type InCommune = { readonly unit_id: number };

/** May the actor record a benefit decision for a person of this commune? */
export const canDecideBenefit = (actor: Who, person: InCommune): boolean => canInUnit(actor, 'benefits.decide', person.unit_id);
/** May the actor generate or reconcile this commune's payroll? */
export const canPreparePayroll = (actor: Who, payroll: InCommune): boolean => canInUnit(actor, 'payments.prepare', payroll.unit_id);
/** May the actor approve this commune's payroll? */
export const canApprovePayroll = (actor: Who, payroll: InCommune): boolean => canInUnit(actor, 'payments.approve', payroll.unit_id);

// The refusal of src/access (403, without the permission or outside the commune), so that a
// refusal reads the same wherever it comes from.
export const assertCanDecideBenefit = (actor: Who, person: InCommune): void => assertCanInUnit(actor, 'benefits.decide', person.unit_id);
export const assertCanPreparePayroll = (actor: Who, payroll: InCommune): void => assertCanInUnit(actor, 'payments.prepare', payroll.unit_id);
export const assertCanApprovePayroll = (actor: Who, payroll: InCommune): void => assertCanInUnit(actor, 'payments.approve', payroll.unit_id);
