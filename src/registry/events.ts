// Life events → dated proposals for the officer to confirm (issue 6 part 6): a death (stop from
// the month after death, Decree 20/2021 Art. 8), a move to another commune (the old commune,
// which holds the decision and pays, stops it from the month after the move; the new commune
// reviews a start from that month), turning 75 (cl. 5b) or 80 (cl. 5c / 5a coefficient 2.0), a
// child turning 4 (the 2.5 coefficient becomes 1.5) or 16 (child categories end unless
// studying). The rules are pure; detectLifeEvents writes the proposals of one commune
// (idempotent per person, kind and date).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { formatDateVi, text, type Text } from '../kernel/i18n.ts';
import { AppError } from '../kernel/errors.ts';
import { communeById } from './store.ts';
import { birthdayAt } from './model.ts';
import { monthNumber, type MonthNumber } from '../kernel/month.ts';
import type { Executor as Q } from '../db/executor.ts';

export type EventKind = 'death' | 'move' | 'move_in' | 'age75' | 'age80' | 'age4' | 'age16';

export interface EventPerson {
  readonly id: number;
  readonly unitId: number;
  readonly dateOfBirth: string;
  readonly deathDate: string | null;
  readonly pension: boolean;
  readonly disadvantagedArea: boolean;
  /** The commune of the person's active decision (as the caller sees it), null when not receiving. */
  readonly enrolledUnitId: number | null;
  readonly enrolledCategory: string | null;
}

/** What a proposal asks the commune to decide: a benefit decision, or a review of the case. */
export const PROPOSAL_ACTIONS = ['start', 'change', 'stop', 'review'] as const;
/** A proposal is open until confirmed (the decision recorded) or rejected. */
export const PROPOSAL_STATES = ['open', 'confirmed', 'rejected'] as const;
/** How an open proposal is decided (POST …/proposals/:id/decide). */
export const PROPOSAL_DECISIONS = ['confirmed', 'rejected'] as const satisfies readonly (typeof PROPOSAL_STATES)[number][];

export interface Proposal {
  readonly personId: number;
  readonly unitId: number;
  readonly kind: EventKind;
  readonly eventDate: string;
  readonly effectiveMonth: MonthNumber;
  readonly action: (typeof PROPOSAL_ACTIONS)[number];
  readonly detail: Text;
}

/** Proposals for the events of one person that fall in [from, to] (ISO dates). */
export function lifeEventProposals(p: EventPerson, from: string, to: string): Proposal[] {
  const out: Proposal[] = [];
  // Still receiving in the commune they left: that commune's move stop ends the decision (from
  // the month after the move, before any later event takes effect) and this one reviews the
  // person on arrival (moveProposals); a stop or change filed here would act on a decision of
  // another commune.
  if (p.enrolledUnitId !== null && p.enrolledUnitId !== p.unitId) return out;
  const inWindow = (d: string) => d >= from && d <= to;
  const base = { personId: p.id, unitId: p.unitId };
  if (p.deathDate && inWindow(p.deathDate) && p.enrolledUnitId !== null) {
    const m = monthNumber.add(monthNumber.of(p.deathDate), 1);
    out.push({
      ...base,
      kind: 'death',
      eventDate: p.deathDate,
      effectiveMonth: m,
      action: 'stop',
      detail: text(
        `Đã mất ngày ${formatDateVi(p.deathDate)}: thôi hưởng từ tháng ${monthNumber.formatVi(m)} (Điều 8 Nghị định 20/2021/NĐ-CP); đề xuất hỗ trợ mai táng`,
        `Died on ${formatDateVi(p.deathDate)}: stop from ${monthNumber.formatVi(m)} (Decree 20/2021 Art. 8); propose funeral support`,
      ),
    });
  }
  if (p.deathDate && p.deathDate < from) return out;
  const turn = (age: number) => birthdayAt(p.dateOfBirth, age);
  const b75 = turn(75);
  if (inWindow(b75) && p.disadvantagedArea && p.enrolledUnitId === null) {
    out.push({
      ...base,
      kind: 'age75',
      eventDate: b75,
      effectiveMonth: monthNumber.of(b75),
      action: 'review',
      detail: text(
        'Đủ 75 tuổi, sống ở xã/thôn đặc biệt khó khăn: xem xét diện khoản 5 điểm b Điều 5 (nếu hộ nghèo, cận nghèo) hoặc trợ cấp hưu trí xã hội',
        'Turns 75 in an especially disadvantaged area: review clause 5b (if poor or near-poor) or the social pension',
      ),
    });
  }
  const b80 = turn(80);
  if (inWindow(b80) && !p.pension) {
    out.push({
      ...base,
      kind: 'age80',
      eventDate: b80,
      effectiveMonth: monthNumber.of(b80),
      action: p.enrolledUnitId === null ? 'start' : 'change',
      detail:
        p.enrolledUnitId === null
          ? text(
              `Đủ 80 tuổi, không có lương hưu: đề xuất hưởng theo khoản 5 điểm c Điều 5 từ tháng ${monthNumber.formatVi(monthNumber.of(b80))}`,
              `Turns 80 without a pension: propose clause 5c from ${monthNumber.formatVi(monthNumber.of(b80))}`,
            )
          : text('Đủ 80 tuổi: xem xét điều chỉnh hệ số (điểm a: 1,5 → 2,0)', 'Turns 80: review the coefficient (point a: 1.5 → 2.0)'),
    });
  }
  if (p.enrolledUnitId !== null) {
    const b4 = turn(4);
    if (inWindow(b4))
      out.push({
        ...base,
        kind: 'age4',
        eventDate: b4,
        effectiveMonth: monthNumber.of(b4),
        action: 'change',
        detail: text('Trẻ đủ 4 tuổi: hệ số 2,5 chuyển sang 1,5 (Điều 6)', 'Child turns 4: coefficient 2.5 becomes 1.5 (Art. 6)'),
      });
    const b16 = turn(16);
    if (inWindow(b16))
      out.push({
        ...base,
        kind: 'age16',
        eventDate: b16,
        effectiveMonth: monthNumber.of(b16),
        action: 'review',
        detail: text(
          'Đủ 16 tuổi: thôi diện trẻ em; nếu đang đi học xem xét khoản 2 Điều 5 (đến 22 tuổi)',
          'Turns 16: child categories end; if studying review clause 2 (to age 22)',
        ),
      });
  }
  return out;
}

/** A beneficiary who left the commune of their decision: a row of ansinh_moved_beneficiaries (migration 067). */
export interface Move {
  readonly personId: number;
  readonly movedOn: string;
  readonly fromUnitId: number;
  readonly fromUnitName: string;
  readonly toUnitId: number;
  readonly toUnitName: string;
  /** The old commune's active decision (seen by the old commune only), null otherwise. */
  readonly decisionId: number | null;
}

/**
 * The proposals of a move, each filed under the commune that acts on it: the old commune stops
 * its active decision from the month after the move (it pays up to the month of the move); the
 * new commune reviews the person's eligibility and, if eligible, records a start from that same
 * month, so that no month is paid twice or missed.
 */
export function moveProposals(m: Move): Proposal[] {
  const month = monthNumber.add(monthNumber.of(m.movedOn), 1);
  const base = { personId: m.personId, eventDate: m.movedOn, effectiveMonth: month };
  const day = formatDateVi(m.movedOn);
  const out: Proposal[] = [];
  if (m.decisionId !== null) {
    out.push({
      ...base,
      unitId: m.fromUnitId,
      kind: 'move',
      action: 'stop',
      detail: text(
        `Chuyển đến ${m.toUnitName} ngày ${day}: thôi hưởng tại xã từ tháng ${monthNumber.formatVi(month)}, gửi hồ sơ cho xã nơi cư trú mới`,
        `Moved to ${m.toUnitName} on ${day}: stop here from ${monthNumber.formatVi(month)} and send the file to the new commune`,
      ),
    });
  }
  out.push({
    ...base,
    unitId: m.toUnitId,
    kind: 'move_in',
    action: 'review',
    detail: text(
      `Chuyển đến từ ${m.fromUnitName} ngày ${day}, đang hưởng trợ cấp xã hội hằng tháng ở đó: xem xét điều kiện, nếu đủ thì ra quyết định hưởng từ tháng ${monthNumber.formatVi(month)} (tháng xã cũ thôi chi trả)`,
      `Moved in from ${m.fromUnitName} on ${day}, receiving monthly social assistance there: review eligibility and, if eligible, record a start from ${monthNumber.formatVi(month)} (the month the old commune stops paying)`,
    ),
  });
  return out;
}

/** The moves that concern a commune (either side), as the caller's scope allows. */
export async function movesOf(q: Q, unitId: number): Promise<Move[]> {
  const r = await sql<{
    person_id: number;
    moved_on: string;
    from_unit_id: number;
    from_unit_name: string;
    to_unit_id: number;
    to_unit_name: string;
    decision_id: number | null;
  }>`
    select person_id, moved_on::text as moved_on, from_unit_id, from_unit_name, to_unit_id, to_unit_name, decision_id from ansinh_moved_beneficiaries(${unitId})`.execute(
    q,
  );
  return r.rows.map((x) => ({
    personId: x.person_id,
    movedOn: x.moved_on,
    fromUnitId: x.from_unit_id,
    fromUnitName: x.from_unit_name,
    toUnitId: x.to_unit_id,
    toUnitName: x.to_unit_name,
    decisionId: x.decision_id,
  }));
}

/**
 * Finds the events of [from, to] for the persons of a commune and files new proposals; a move is
 * filed whatever the window, as long as it waits for the commune's action (the old commune
 * still holds an active decision; the new commune has recorded none).
 */
export async function detectLifeEvents(q: Q, unitId: number, from: string, to: string): Promise<number> {
  const commune = await communeById(q, unitId);
  if (!commune) throw AppError.notFound(text('Không tìm thấy xã', 'Commune not found'));
  const r = await sql<{
    id: number;
    unit_id: number;
    date_of_birth: string;
    death_date: string | null;
    pension: boolean;
    disadvantaged_area: boolean;
    enrolled_unit: number | null;
    category: string | null;
  }>`
    select p.id, p.unit_id, p.date_of_birth, p.death_date, p.pension, h.disadvantaged_area, d.unit_id as enrolled_unit, d.category
    from persons p join households h on h.id = p.household_id
    left join lateral ansinh_latest_decision(p.id) d on d.kind <> 'stop'
    where p.unit_id = ${unitId}`.execute(q);
  const props = r.rows.flatMap((row) =>
    lifeEventProposals(
      {
        id: row.id,
        unitId: row.unit_id,
        dateOfBirth: row.date_of_birth,
        deathDate: row.death_date,
        pension: row.pension,
        disadvantagedArea: row.disadvantaged_area,
        enrolledUnitId: row.enrolled_unit,
        enrolledCategory: row.category,
      },
      from,
      to,
    ),
  );
  for (const m of await movesOf(q, unitId)) props.push(...moveProposals(m).filter((p) => p.unitId === unitId));
  let n = 0;
  for (const p of props) {
    const ins = await sql`insert into life_event_proposals (province_code, unit_id, person_id, kind, event_date, effective_month, action, detail)
      values (${commune.provinceCode}, ${p.unitId}, ${p.personId}, ${p.kind}, ${p.eventDate}::date, ${p.effectiveMonth}, ${p.action}, ${JSON.stringify(p.detail)}::jsonb)
      on conflict (person_id, kind, event_date) do nothing`.execute(q);
    n += Number(ins.numAffectedRows ?? 0);
  }
  return n;
}

/**
 * A commune's proposals with the person's name; household_id is null for a person who has moved
 * away (the old commune reads the name through ansinh_moved_beneficiaries, not the record).
 */
export async function listProposals(q: Q, unitId: number, state: string | null) {
  const r = await sql<{
    id: number;
    person_id: number;
    household_id: number | null;
    full_name: string;
    kind: string;
    event_date: string;
    effective_month: number;
    action: string;
    detail: Text;
    state: string;
    decision_id: number | null;
  }>`
    select lp.id, lp.person_id, p.household_id, coalesce(p.full_name, m.full_name) as full_name, lp.kind, lp.event_date, lp.effective_month, lp.action, lp.detail, lp.state, lp.decision_id
    from life_event_proposals lp left join persons p on p.id = lp.person_id
      left join ansinh_moved_beneficiaries(${unitId}) m on m.person_id = lp.person_id and p.id is null
    where lp.unit_id = ${unitId} and (${state}::text is null or lp.state = ${state}) order by lp.event_date, lp.id`.execute(q);
  return r.rows;
}

/** An open proposal, locked for its decision (read once: the policy check and decideProposal use it). */
export interface OpenProposal {
  readonly id: number;
  readonly unit_id: number;
  readonly person_id: number;
  readonly kind: EventKind;
  readonly action: string;
  readonly effective_month: number;
}

/** The open proposal with this id, locked for update, or null. */
export async function openProposal(q: Q, id: number): Promise<OpenProposal | null> {
  const open = await sql<OpenProposal>`
    select id, unit_id, person_id, kind, action, effective_month from life_event_proposals where id = ${id} and state = 'open' for update`.execute(q);
  return open.rows[0] ?? null;
}

/**
 * Closes an open proposal as confirmed or rejected, linked to the benefit decision its
 * confirmation recorded (src/payments/proposals.ts `decideProposal` records it), or to none.
 */
export async function closeProposal(q: Q, p: OpenProposal, state: 'confirmed' | 'rejected', by: string | null, decisionId: number | null) {
  const r = await sql<{
    id: number;
    unit_id: number;
    person_id: number;
    action: string;
    effective_month: number;
    decision_id: number | null;
  }>`update life_event_proposals
    set state = ${state}, decided_by = ${by}, decided_at = now(), decision_id = ${decisionId}
    where id = ${p.id} returning id, unit_id, person_id, action, effective_month, decision_id`.execute(q);
  return r.rows[0]!;
}
