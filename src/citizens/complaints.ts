// Complaints, denunciations and petitions (issue 14 item 4), pure: the vocabularies, which legal
// deadline applies to a case in each state (src/law/deadlines.ts: Law on Complaints 2011 Art.
// 27, 28, 37; Law on Denunciations 2018 Art. 30 with up to two extensions), and the time left.
// A petition (kiến nghị, phản ánh) has no deadline in the law data: its due date is unknown,
// never guessed.
import type { Text } from '../kernel/i18n.ts';
import { toDay } from '../law/calendar.ts';
import { deadline, type Deadline, type DeadlineCode } from '../law/deadlines.ts';

export const COMPLAINT_KINDS = ['complaint', 'denunciation', 'petition'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];
export const COMPLAINT_CHANNELS = ['counter', 'letter', 'online'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export const COMPLAINT_STATES = ['received', 'accepted', 'settled'] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

export const KIND_TEXT: Readonly<Record<ComplaintKind, Text>> = {
  complaint: { vi: 'Khiếu nại', en: 'Complaint' },
  denunciation: { vi: 'Tố cáo', en: 'Denunciation' },
  petition: { vi: 'Kiến nghị, phản ánh', en: 'Petition' },
};

/** A denunciation is extended at most twice (especially complex), each by up to 30 days (Law on Denunciations 2018 Art. 30 cl. 1). */
export const MAX_EXTENSIONS = 2;

/** The rule for accepting a case of this kind (null: none in the law data). */
export function acceptRule(kind: ComplaintKind): DeadlineCode | null {
  // Law on Complaints 2011 Art. 27 (first) and Art. 36 (second): 10 days; Law on Denunciations Art. 29.
  return kind === 'complaint' ? 'complaint.accept' : kind === 'denunciation' ? 'denunciation.accept' : null;
}

/** The rule for settling an accepted case: by round, remoteness and complexity (Art. 28, 37), or the denunciation's 30 days (Art. 30). */
export function settleRule(c: { kind: ComplaintKind; round: number; remote: boolean; complex: boolean }): DeadlineCode | null {
  if (c.kind === 'denunciation') return 'denunciation.settle';
  if (c.kind !== 'complaint') return null;
  const base = c.round === 2 ? 'complaint.second' : 'complaint.first';
  return `${base}${c.remote ? '.remote' : ''}${c.complex ? '.complex' : ''}` as DeadlineCode;
}

/** The accepting deadline from the day of receipt. */
export const acceptDeadline = (kind: ComplaintKind, receivedOn: string): Deadline | null => {
  const r = acceptRule(kind);
  return r ? deadline(r, receivedOn) : null;
};

/** The settling deadline from the day of acceptance. */
export const settleDeadline = (c: { kind: ComplaintKind; round: number; remote: boolean; complex: boolean }, acceptedOn: string): Deadline | null => {
  const r = settleRule(c);
  return r ? deadline(r, acceptedOn) : null;
};

/** The deadline after one more extension of a denunciation: 30 more days from the previous due date (Art. 30 cl. 1). */
export const extendedDeadline = (previousDue: string): Deadline => deadline('denunciation.extension', previousDue);

/** Calendar days from today to the due date (0 on the day; negative when late; null when unknown). */
export function daysLeft(today: string, due: string | null): number | null {
  return due ? toDay(due) - toDay(today) : null;
}

/** The date a settled case was due, and whether it was settled on time. */
export function onTime(due: string | null, settledOn: string | null): boolean | null {
  if (!due || !settledOn) return null;
  return settledOn <= due;
}
