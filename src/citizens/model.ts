// Applications (issue 14 item 2), pure: the vocabularies, the tracking code, the steps of a
// procedure with their legal deadlines on the working calendar (src/law/deadlines.ts), the
// remaining working days the work list sorts by, and the masking of the public status page.
import { randomBytes } from 'node:crypto';
import type { Text } from '../kernel/i18n.ts';
import { deadline, workingDaysLeft, type DeadlineCode } from '../law/deadlines.ts';

/** The procedures an application can be filed for: those with a decision deadline in the law data. */
export const APPLICATION_PROCEDURES = ['tro-cap-xa-hoi-hang-thang', 'tro-cap-huu-tri-xa-hoi', 'ho-tro-mai-tang'] as const;
export type ApplicationProcedure = (typeof APPLICATION_PROCEDURES)[number];
export const APPLICATION_CHANNELS = ['online', 'counter'] as const;
export type ApplicationChannel = (typeof APPLICATION_CHANNELS)[number];
export const APPLICATION_STATES = ['received', 'granted', 'refused'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];
export const DECISION_OUTCOMES = ['granted', 'refused'] as const satisfies readonly ApplicationState[];
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** The documents' content types, recognised from their bytes (src/citizens/commands.ts documentType). */
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export const isApplicationProcedure = (code: string): code is ApplicationProcedure => (APPLICATION_PROCEDURES as readonly string[]).includes(code);

// ---- tracking code ------------------------------------------------------------------------

/** Crockford base 32: digits and letters without I, L, O, U (nothing to misread on the phone). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_LENGTH = 12;

/** A new tracking code: 12 symbols of 5 random bits each (60 bits), e.g. "7KQ2M9XRT4BD". */
export function newTrackingCode(random: (n: number) => Uint8Array = randomBytes): string {
  const bytes = random(TRACKING_LENGTH);
  let s = '';
  for (const b of bytes) s += ALPHABET[b & 31];
  return s;
}

/** "7kq2-m9xr-t4bd" → "7KQ2M9XRT4BD": case and dashes ignored, O read as 0 and I/L as 1; null when not a code. */
export function normaliseTrackingCode(raw: string): string | null {
  const s = raw.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return s.length === TRACKING_LENGTH && [...s].every((c) => ALPHABET.includes(c)) ? s : null;
}

/** "7KQ2-M9XR-T4BD": the code as printed on the receipt. */
export const formatTrackingCode = (code: string) => code.replace(/(.{4})(?=.)/g, '$1-');

// ---- steps and deadlines ------------------------------------------------------------------

export interface StepRule {
  readonly key: string;
  readonly name: Text;
  /** The legal deadline of the step, counted from the day the application was received (null: none in the law data). */
  readonly deadline: DeadlineCode | null;
}

const RECEIVED: StepRule = { key: 'received', name: { vi: 'Tiếp nhận hồ sơ', en: 'Application received' }, deadline: null };
const DECIDED: Text = { vi: 'Quyết định của Chủ tịch UBND xã', en: "The commune chair's decision" };

/**
 * The steps of each procedure. Monthly social assistance: review (7 working days, Decree 20/2021
 * Art. 8), public posting of the result (2 working days) and the chair's decision (10 working
 * days from the complete application, Decree 147/2025 Art. 5); the social pension: the decision
 * (the same 10 working days); funeral support: the decision within 3 working days (Decree
 * 176/2025, Form 02). The posting runs within the decision period; its own 2 days are shown.
 */
export const STEPS: Readonly<Record<ApplicationProcedure, readonly StepRule[]>> = {
  'tro-cap-xa-hoi-hang-thang': [
    RECEIVED,
    { key: 'review', name: { vi: 'Xem xét hồ sơ', en: 'Review' }, deadline: 'assistance.review' },
    { key: 'posting', name: { vi: 'Niêm yết công khai kết quả xét duyệt', en: 'Public posting of the review result' }, deadline: 'assistance.posting' },
    { key: 'decision', name: DECIDED, deadline: 'assistance.decision' },
  ],
  'tro-cap-huu-tri-xa-hoi': [RECEIVED, { key: 'decision', name: DECIDED, deadline: 'assistance.decision' }],
  'ho-tro-mai-tang': [RECEIVED, { key: 'decision', name: DECIDED, deadline: 'pension.funeral' }],
};

/** The deadline that the work list sorts by: the decision's. */
export const decisionDeadline = (p: ApplicationProcedure): DeadlineCode => STEPS[p].at(-1)!.deadline!;

export interface Step {
  readonly key: string;
  readonly name: Text;
  readonly due: string | null;
  readonly basis: string | null;
  readonly explanation: Text | null;
  readonly provisional: boolean;
  /** done: received, or the application is decided; open: waiting (the commune records only the decision). */
  readonly state: 'done' | 'open';
  /** Open past its deadline. */
  readonly late: boolean;
}

export interface ApplicationFacts {
  readonly procedure: ApplicationProcedure;
  readonly receivedOn: string;
  readonly state: ApplicationState;
  readonly decidedOn: string | null;
}

/**
 * The steps with their deadlines. The posting period counts from the end of the review period
 * (the result is posted once reviewed); every other period from the day of receipt. The commune
 * records the receipt and the decision; a decided application has every step done.
 */
export function stepsOf(a: ApplicationFacts, today: string): Step[] {
  let reviewDue: string | null = null;
  const decided = a.state !== 'received';
  return STEPS[a.procedure].map((r, i) => {
    const from = r.key === 'posting' && reviewDue ? reviewDue : a.receivedOn;
    const d = r.deadline ? deadline(r.deadline, from) : null;
    if (r.key === 'review' && d) reviewDue = d.due;
    const done = i === 0 || decided;
    return {
      key: r.key,
      name: r.name,
      due: i === 0 ? a.receivedOn : (d?.due ?? null),
      basis: d?.basis ?? null,
      explanation: d?.explanation ?? null,
      provisional: (d?.provisional.length ?? 0) > 0,
      state: done ? 'done' : 'open',
      late: !done && d !== null && d.due < today,
    };
  });
}

/** The decision's due date and the working days left to it (negative: late; null when decided). */
export function remaining(a: ApplicationFacts, today: string): { due: string; daysLeft: number | null; late: boolean } {
  const due = deadline(decisionDeadline(a.procedure), a.receivedOn).due;
  if (a.state !== 'received') return { due, daysLeft: null, late: a.decidedOn !== null && a.decidedOn > due };
  const daysLeft = workingDaysLeft(today, due);
  return { due, daysLeft, late: daysLeft < 0 };
}

// ---- what the public status page may show -------------------------------------------------

/** "Nguyễn Văn An" → "N. V. An": the initials and the given name, enough to recognise one's own file. */
export function maskName(name: string): string {
  const parts = name.trim().split(/\s+/);
  if (parts.length === 1) return `${[...parts[0]!][0]}.`;
  return [...parts.slice(0, -1).map((p) => `${[...p][0]}.`), parts.at(-1)!].join(' ');
}

/** A Vietnamese personal ID number (căn cước, 12 digits): province (3), sex and century (1), year (2), serial (6). */
export function personalIdProblem(id: string, birthDate: string): Text | null {
  if (!/^[0-9]{12}$/.test(id)) return { vi: 'Số định danh cá nhân gồm đúng 12 chữ số', en: 'A personal ID number has exactly 12 digits' };
  const century = Number(id[3]);
  const year = Number(id.slice(4, 6));
  // Thông tư 59/2021/TT-BCA Điều 7: the 4th digit is the sex and the century (0/1: 1900s, 2/3: 2000s, ...).
  const full = 1900 + Math.floor(century / 2) * 100 + year;
  if (century > 9 || full !== Number(birthDate.slice(0, 4)))
    return {
      vi: 'Số định danh không khớp với năm sinh (chữ số thứ 4 đến 6 mã hóa thế kỷ và năm sinh)',
      en: 'The ID number does not match the year of birth (digits 4 to 6 encode the century and year)',
    };
  return null;
}
