// HTTP routes of emergency relief (issue 13 item 2): thin. An event of a unit, its list of
// registry households with the entitlement from law data, the date each was supported (days from
// the event measured), and the signature list (danh sách ký nhận) as CSV.
import type { FastifyRequest } from 'fastify';
import type { FeatureRoutes } from '../kernel/http.ts';
import { AppError } from '../kernel/errors.ts';
import { toCsv } from '../kernel/csv.ts';
import { text } from '../kernel/i18n.ts';
import { withActor } from '../access/scope.ts';
import { descendantIds, findUnitByCode } from '../units/store.ts';
import { RELIEF_EVENT_KINDS, RELIEF_SUPPORT_TYPES } from '../law/relief.ts';
import type { Who } from './commands.ts';
import { addEntry, approveList, createEvent, markSupported, registerOutside } from './relief-commands.ts';
import { bankTransferCsv } from '../payments/export.ts';
import { audit } from '../audit/store.ts';
import { assertCanReadCase, assertCanWriteCase } from './policy.ts';
import * as relief from './relief-store.ts';
import {
  ReliefCreated,
  ReliefEntryBody,
  ReliefEventBody,
  ReliefEventDetail,
  ReliefEntryCreated,
  ReliefEventList,
  Code,
  ReliefId,
  ReliefSupported,
  ReliefSupportedBody,
  ReliefReviewBody,
  ReliefRegistered,
  ReliefDecisionBody,
  ReliefApproved,
} from './schemas.ts';

const SUPPORT_VI: Record<string, string> = {
  food: 'Hỗ trợ lương thực',
  injury: 'Người bị thương nặng',
  funeral: 'Hỗ trợ mai táng',
  house_lost: 'Nhà đổ, sập, trôi, cháy hoàn toàn',
  relocation: 'Di dời khẩn cấp',
  house_damaged: 'Nhà hư hỏng nặng',
};
const DISTRIBUTION_VI: Record<string, string> = { cash: 'Tiền mặt', transfer: 'Chuyển khoản', in_kind: 'Hiện vật' };
const vnd = (n: number | null) => (n === null ? '' : n.toLocaleString('vi-VN'));
const masked = (s: string | null, keep: number) => (s === null ? null : `${'•'.repeat(Math.max(0, s.length - keep))}${s.slice(-keep)}`);
const inKind = (e: relief.EntryRow) => (e.distribution === 'in_kind' ? `${e.item} ${vnd(e.quantity)} ${e.quantity_unit}` : '');
const nameOf = (e: relief.EntryRow) => e.head_name ?? e.outside_name ?? '';

export const reliefRoutes: FeatureRoutes = async (app, { db }) => {
  const today = () => app.now().toISOString().slice(0, 10);
  const w = (req: FastifyRequest): Who => ({ actor: req.actor!, ip: req.ip, today: today() });
  const present = (e: relief.EntryRow) => ({
    id: e.id,
    household: e.household_id === null ? null : { id: e.household_id, code: e.household_code ?? '', headName: e.head_name },
    outside:
      e.outside_name === null
        ? null
        : {
            name: e.outside_name,
            personalId: masked(e.outside_personal_id, 3),
            village: e.outside_village,
            household: e.outside_household,
            registeredOn: e.registered_on,
          },
    supportType: e.support_type,
    distribution: e.distribution,
    item: e.item,
    quantity: e.quantity,
    quantityUnit: e.quantity_unit,
    account: masked(e.account, 4),
    persons: e.persons,
    amount: e.amount,
    riceKg: e.rice_kg,
    status: e.level_status,
    basis: e.level_basis,
    supportedOn: e.supported_on,
    days: e.days,
  });
  async function eventInScope(req: FastifyRequest, id: number) {
    return withActor(db, req.actor, async (tx) => {
      const ev = await relief.getEvent(tx, id);
      if (!ev) throw AppError.notFound(text('Không tìm thấy sự kiện', 'Event not found'));
      assertCanReadCase(req.actor, ev.unit_id);
      return { ev, items: await relief.entriesOf(tx, id), decision: await relief.decisionOf(tx, id), villages: await relief.villagesOf(tx, ev.unit_id) };
    });
  }

  app.post(
    '/api/relief/events',
    {
      config: { access: { permission: 'registry.write', unit: { body: 'unitCode' } } },
      schema: {
        tags: ['relief'],
        summary: 'Record a disaster event (storm, flood, landslide, fire…) of a unit',
        body: ReliefEventBody,
        response: { 201: ReliefCreated },
      },
    },
    async (req, reply) =>
      reply.status(201).send(
        await withActor(db, req.actor, async (tx) => {
          const u = await findUnitByCode(tx, req.body.unitCode);
          if (!u) throw AppError.notFound(text('Không tìm thấy đơn vị {code}', 'No unit {code}'), { code: req.body.unitCode });
          return createEvent(tx, w(req), { id: u.id, province_code: (await relief.provinceCodeOf(tx, u.id)) ?? '' }, req.body);
        }),
      ),
  );

  app.get(
    '/api/relief/units/:code/events',
    {
      config: { access: { permission: 'registry.read', unit: { param: 'code' } } },
      schema: {
        tags: ['relief'],
        summary: 'The disaster events of a unit and of its communes, newest first, with the size of each relief list and how many were supported',
        params: Code,
        response: { 200: ReliefEventList },
      },
    },
    async (req) =>
      withActor(db, req.actor, async (tx) => {
        const u = await findUnitByCode(tx, req.params.code);
        if (!u) throw AppError.notFound(text('Không tìm thấy đơn vị {code}', 'No unit {code}'), { code: req.params.code });
        assertCanReadCase(req.actor, u.id);
        const rows = await relief.listEvents(tx, await descendantIds(tx, u.id));
        return {
          items: rows.map((r) => ({
            id: r.id,
            unit: { code: r.unit_code, name: r.unit_name },
            kind: r.kind,
            name: r.name,
            date: r.date,
            entries: r.entries,
            supported: r.supported,
          })),
        };
      }),
  );

  app.get(
    '/api/relief/events/:id',
    {
      config: { access: { permission: 'registry.read', unit: 'record' } },
      schema: {
        tags: ['relief'],
        summary: 'An event with its relief list, entitlements and days from the event to each support',
        params: ReliefId,
        response: { 200: ReliefEventDetail },
      },
    },
    async (req) => {
      const { ev, items, decision, villages } = await eventInScope(req, req.params.id);
      const days = items.map((i) => i.days).filter((d): d is number => d !== null);
      return {
        event: { id: ev.id, unitCode: ev.unit_code, kind: ev.kind, name: ev.name, date: ev.date },
        items: items.map(present),
        decision: decision && { number: decision.number, date: decision.date, signer: decision.signer, lines: decision.lines, amount: decision.amount },
        villages,
        supported: days.length,
        total: items.length,
        maxDays: days.length ? Math.max(...days) : null,
      };
    },
  );

  app.post(
    '/api/relief/events/:id/entries',
    {
      config: { access: { permission: 'registry.write', unit: 'record' } },
      schema: {
        tags: ['relief'],
        summary: 'Add a registry household to the relief list of an event (entitlement from Decree 20/2021 ch. III data at the event date)',
        params: ReliefId,
        body: ReliefEntryBody,
        response: {
          201: ReliefEntryCreated,
        },
      },
    },
    async (req, reply) => {
      assertCanWriteCase(req.actor, null);
      return reply.status(201).send(await withActor(db, req.actor, (tx) => addEntry(tx, w(req), req.params.id, req.body)));
    },
  );

  app.post(
    '/api/relief/entries/:id/supported',
    {
      config: { access: { permission: 'registry.write', unit: 'record' } },
      schema: {
        tags: ['relief'],
        summary: 'Record the date the household received the support (not before the event, not in the future)',
        params: ReliefId,
        body: ReliefSupportedBody,
        response: { 200: ReliefSupported },
      },
    },
    async (req) => withActor(db, req.actor, (tx) => markSupported(tx, w(req), req.params.id, req.body.date)),
  );

  app.get(
    '/api/relief/events/:id/signatures.csv',
    {
      config: { access: { permission: 'registry.read', unit: 'record' } },
      schema: { tags: ['relief'], summary: 'The signature list (danh sách ký nhận) of an event as CSV (UTF-8 with BOM)', params: ReliefId },
    },
    async (req, reply) => {
      const { ev, items } = await eventInScope(req, req.params.id);
      const rows = [
        ['STT', 'Mã hộ', 'Họ và tên', 'Loại hỗ trợ', 'Số người', 'Hình thức', 'Số tiền (đồng)', 'Hiện vật', 'Ký nhận'],
        ...items
          .filter((e) => e.distribution !== 'transfer')
          .map((e, i) => [
            i + 1,
            e.household_code ?? '',
            nameOf(e),
            SUPPORT_VI[e.support_type] ?? e.support_type,
            e.persons,
            DISTRIBUTION_VI[e.distribution],
            e.distribution === 'in_kind' ? '' : vnd(e.amount),
            inKind(e),
            '',
          ]),
      ];
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="ky-nhan-su-kien-${ev.id}.csv"`);
      return toCsv(rows);
    },
  );

  app.post(
    '/api/relief/entries/:id/register',
    {
      config: { access: { permission: 'registry.write', unit: 'record' } },
      schema: {
        tags: ['relief'],
        summary:
          "After the officer's review, register a listed person outside the registry as the head of a new household (the registry's own command, validation and audit)",
        params: ReliefId,
        body: ReliefReviewBody,
        response: { 201: ReliefRegistered },
      },
    },
    async (req, reply) => reply.status(201).send(await withActor(db, req.actor, (tx) => registerOutside(tx, w(req), req.params.id, req.body))),
  );

  app.post(
    '/api/relief/events/:id/decision',
    {
      config: { access: { permission: 'registry.write', unit: 'record' } },
      schema: {
        tags: ['relief'],
        summary: "Record the decision (number, date, signer) that approves the event's list; the list is frozen from then on and support can be recorded",
        params: ReliefId,
        body: ReliefDecisionBody,
        response: { 201: ReliefApproved },
      },
    },
    async (req, reply) => reply.status(201).send(await withActor(db, req.actor, (tx) => approveList(tx, w(req), req.params.id, req.body))),
  );

  app.get(
    '/api/relief/events/:id/bank.csv',
    {
      config: { access: { permission: 'registry.write', unit: 'record' } },
      schema: {
        tags: ['relief'],
        summary: "The bank batch-transfer file of an approved list's transfer lines (the payments' bank CSV format; account numbers in full; audited)",
        params: ReliefId,
      },
    },
    async (req, reply) => {
      const out = await withActor(db, req.actor, async (tx) => {
        const ev = await relief.getEvent(tx, req.params.id);
        if (!ev) throw AppError.notFound(text('Không tìm thấy sự kiện', 'Event not found'));
        assertCanWriteCase(req.actor, ev.unit_id);
        const decision = await relief.decisionOf(tx, ev.id);
        if (!decision) throw AppError.conflict(text('Danh sách chưa có quyết định phê duyệt', 'The list is not yet approved by a decision'));
        const lines = (await relief.entriesOf(tx, ev.id)).filter((e) => e.distribution === 'transfer' && e.account !== null);
        await audit(tx, {
          actor: { userId: req.actor!.userId, username: req.actor!.username },
          action: 'relief_list.bank_export',
          entity: 'relief_event',
          entityId: ev.id,
          unitId: ev.unit_id,
          ip: req.ip,
          after: { lines: lines.length, entryIds: lines.map((l) => l.id) },
        });
        return { ev, decision, lines };
      });
      const note = `Ho tro khan cap QD ${out.decision.number}`;
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="cuu-tro-${out.ev.id}-ngan-hang.csv"`);
      return bankTransferCsv(out.lines.map((l) => [`CT${out.ev.id}-${l.id}`, l.account!, nameOf(l), l.amount ?? 0, note] as const));
    },
  );
};
