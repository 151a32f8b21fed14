// The open work of a commune for the home work list (src/home): applications waiting for a
// decision and complaints not settled, each with the earliest deadline and whether one is late.
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { remaining } from './model.ts';
import { workingDaysLeft } from '../law/deadlines.ts';
import * as store from './store.ts';
import { newComments } from './posted-store.ts';

export interface OpenWork {
  readonly applications: { count: number; due: string | null; late: boolean };
  readonly complaints: { count: number; due: string | null; late: boolean };
}

const earliest = (dates: readonly (string | null)[]) => dates.filter((d): d is string => d !== null).sort()[0] ?? null;

export async function openWork(tx: Transaction<DB>, unitId: number, today: string): Promise<OpenWork> {
  const { applications, complaints } = await store.openCounts(tx, unitId);
  const dues = applications.map((a) => remaining({ procedure: a.procedure, receivedOn: a.received_on, state: a.state, decidedOn: a.decided_on }, today).due);
  const cdues = complaints.map((c) => (c.state === 'received' ? c.accept_due : c.settle_due));
  const ad = earliest(dues);
  const cd = earliest(cdues);
  return {
    applications: { count: applications.length, due: ad, late: ad !== null && ad < today },
    complaints: { count: complaints.length, due: cd, late: cd !== null && cd < today },
  };
}

/** Citizens' comments on the commune's posted lists that wait for the officer's answer, with the oldest day. */
export const postedComments = (tx: Transaction<DB>, unitId: number) => newComments(tx, unitId);

/** Open applications and complaints of a commune whose current deadline falls within the next `within` working days (not yet late). */
export async function dueSoon(tx: Transaction<DB>, unitId: number, today: string, within = 3): Promise<{ count: number; due: string | null }> {
  const { applications, complaints } = await store.openCounts(tx, unitId);
  const dues = [
    ...applications.map((a) => remaining({ procedure: a.procedure, receivedOn: a.received_on, state: a.state, decidedOn: a.decided_on }, today).due),
    ...complaints.map((c) => (c.state === 'received' ? c.accept_due : c.settle_due)),
  ].filter((d): d is string => d !== null && d >= today && workingDaysLeft(today, d) <= within);
  return { count: dues.length, due: earliest(dues) };
}
