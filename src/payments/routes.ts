// HTTP routes of enrolment and payments: benefit decisions (recorded, a person's page with them, a
// life-event proposal confirmed into one), the monthly payroll of a commune
// (generated as a job; read, approve), exports (bank batch CSV/XLSX, signature list), statement
// reconciliation, and the cashless share.
import {
  Approved,
  ApproveQuery,
  Code,
  DecisionBody,
  DecideBody,
  DecisionRecorded,
  ExportQuery,
  Id,
  MeritPayrollSummary,
  PayrollDetail,
  PayrollList,
  PayrollMonthBody,
  PersonDetail,
  ProposalDecided,
  StatementBody,
  StatementResult,
} from './schemas.ts';
import type { FastifyRequest } from 'fastify';
import type { FeatureRoutes } from '../kernel/http.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { withActor } from '../access/scope.ts';
import { assertCanApprovePayroll, assertCanDecideBenefit, assertCanPreparePayroll } from './policy.ts';
import { can } from '../access/model.ts';
import { audit, auditRead } from '../audit/store.ts';
import { communeByCode, getPerson, personHistory } from '../registry/store.ts';
import { FullQuery } from '../registry/schemas.ts';
import { disclosure, wantsFull } from '../registry/full-read.ts';
import { openProposal } from '../registry/events.ts';
import { assertCanDecideProposal } from '../registry/policy.ts';
import { decideProposal, type ProposalDecision } from './proposals.ts';
import { monthNumber } from '../kernel/month.ts';
import { maskAccount, noStore, presentPerson, presentPersonVersion, proposalDecidedView, versionView, type Disclosure } from '../registry/presenters.ts';
import { payrollTotals, sharedAccounts } from './model.ts';
import { inBankFile, payrollLineView, payrollView, presentDecision, presentRecordedDecision } from './presenters.ts';
import * as pay from './store.ts';
import { bankBatchCsv, bankBatchXlsx, signatureListXlsx } from './export.ts';
import { runMeritPayroll } from './merit.ts';
import { enqueuePayroll } from './payroll-job.ts';
import { recordDecision, type DecisionInput } from './decisions.ts';
import { getJob, jobWorker } from '../jobs/runner.ts';
import { JobView, jobView } from '../jobs/schemas.ts';
import { auditActor } from '../audit/actor.ts';

const badMonth = (m: number, path: string) => {
  if (!monthNumber.isValid(m)) throw AppError.validation([{ path, message: text('Tháng phải có dạng YYYYMM', 'Month must be YYYYMM') }]);
};

type PayrollView = 'screen' | 'bank' | 'signatures';

/**
 * What a payroll view shows in full to this reader. Categories (which tell a disability or
 * HIV) need the full-read permission; account numbers, the right to prepare or approve the
 * payments (the bank file is for those who send it). ID numbers are never needed here.
 */
function payrollDisclosure(req: FastifyRequest, unitId: number, view: PayrollView): Disclosure {
  return {
    personalId: false,
    health: view !== 'bank' && can(req.actor, 'registry.person.read_full', unitId),
    accounts: view === 'bank' && (can(req.actor, 'payments.prepare', unitId) || can(req.actor, 'payments.approve', unitId)),
  };
}

/** Audits what a payroll view disclosed, naming the persons whose lines showed it. */
async function auditDisclosure(
  tx: Transaction<DB>,
  req: FastifyRequest,
  p: { id: number; unit_id: number },
  d: Disclosure,
  lines: readonly pay.PayrollLineRow[],
): Promise<void> {
  const fields = [...(d.health ? ['category'] : []), ...(d.accounts ? ['account'] : [])];
  if (fields.length === 0) return;
  const shown = d.accounts && !d.health ? lines.filter(inBankFile) : lines;
  await auditRead(tx, {
    actor: auditActor(req),
    entity: 'payroll',
    entityId: p.id,
    unitId: p.unit_id,
    fields,
    personIds: shown.map((l) => l.person_id),
    ip: req.ip,
  });
}

export const paymentRoutes: FeatureRoutes = (app, { db }) => {
  // The registry's person page and proposal decision: their data is payments' (decisions).
  app.get(
    '/api/registry/persons/:id',
    {
      config: { access: { permission: 'registry.read', unit: 'record' } },
      schema: {
        tags: ['registry'],
        summary: 'A person with history and benefit decisions (full=true for sensitive fields, audited)',
        params: Id,
        querystring: FullQuery,
        response: { 200: PersonDetail },
      },
    },
    async (req, reply) =>
      withActor(db, req.actor, async (tx) => {
        const p = await getPerson(tx, req.params.id);
        if (!p) throw AppError.notFound(text('Không tìm thấy nhân khẩu', 'Person not found'));
        // One disclosure for the whole page: the record, its versions and its decisions (whose
        // category and legal basis would otherwise tell a masked disability).
        const d = disclosure(await wantsFull(tx, req, req.query.full, 'person', p.id, p.unit_id, [p.id]));
        if (d.personalId) noStore(reply);
        const history = (await personHistory(tx, p.id)).map((v) => versionView(presentPersonVersion(v, d)));
        return { person: presentPerson(p, d), history, decisions: (await pay.decisionsOf(tx, p.id)).map((x) => presentDecision(x, d)) };
      }),
  );

  app.post(
    '/api/registry/proposals/:id/decide',
    {
      config: { access: { permission: 'benefits.decide', unit: 'record' } },
      schema: { tags: ['registry'], summary: 'Confirm or reject a proposal', params: Id, body: DecideBody, response: { 200: ProposalDecided } },
    },
    async (req) =>
      withActor(db, req.actor, async (tx) => {
        const open = await openProposal(tx, req.params.id); // read once, locked
        if (open) assertCanDecideProposal(req.actor, open); // the chair of the person's commune (policy.ts)
        const r = open && (await decideProposal(tx, open, req.body.state, req.actor!.username, req.body.decision as ProposalDecision | undefined));
        if (!r) throw AppError.notFound(text('Không tìm thấy đề xuất đang mở', 'No open proposal'));
        await audit(tx, {
          actor: auditActor(req),
          action: `proposal.${req.body.state}`,
          entity: 'life_event_proposal',
          entityId: r.id,
          unitId: r.unit_id,
          after: r,
          ip: req.ip,
        });
        // The decision's category tells a disability: masked as on the person's page.
        return proposalDecidedView(r, r.decision && presentRecordedDecision(r.decision, can(req.actor, 'registry.person.read_full', r.unit_id)));
      }),
  );

  app.post(
    '/api/registry/persons/:id/decisions',
    {
      config: { access: { permission: 'benefits.decide', unit: 'record' } },
      schema: {
        tags: ['payments'],
        summary: 'Record a benefit decision (start, change, stop); category, coefficient and amount come from the law engine',
        params: Id,
        body: DecisionBody,
        response: { 201: DecisionRecorded },
      },
    },
    async (req, reply) => {
      badMonth(req.body.startMonth, '/body/startMonth');
      const r = await withActor(db, req.actor, async (tx) => {
        const p = await getPerson(tx, req.params.id);
        if (!p) throw AppError.notFound(text('Không tìm thấy nhân khẩu', 'Person not found'));
        assertCanDecideBenefit(req.actor, p); // in the person's commune (policy.ts)
        const d = await recordDecision(tx, { decision: { personId: p.id, ...req.body } as DecisionInput, actor: auditActor(req)!, ip: req.ip });
        // The category the law engine gave tells a disability: the answer follows the same rule as
        // the person's page (a token narrowed to benefits.decide alone gets the amount only).
        return presentRecordedDecision(d, can(req.actor, 'registry.person.read_full', d.unitId));
      });
      return reply.status(201).send(r);
    },
  );

  app.get(
    '/api/payments/units/:code/payrolls',
    {
      config: { access: { permission: 'payments.read', unit: { param: 'code' } } },
      schema: { tags: ['payments'], summary: 'Payrolls of a commune, newest first, with the cashless share', params: Code, response: { 200: PayrollList } },
    },
    async (req) =>
      withActor(db, req.actor, async (tx) => {
        const c = await communeByCode(tx, req.params.code);
        if (!c) throw AppError.notFound();
        const payrolls = await pay.payrollsOf(tx, c.id);
        // The share is a month's (the latest month's payrolls, both programmes), never months added together.
        const latest = payrolls.filter((p) => p.month === payrolls[0]?.month);
        const sum = (k: 'cashless' | 'lines') => latest.reduce((s, p) => s + p[k], 0);
        return { items: payrolls, cashless: latest.length ? { month: latest[0]!.month, numerator: sum('cashless'), denominator: sum('lines') } : null };
      }),
  );

  app.post(
    '/api/payments/units/:code/payrolls',
    {
      config: { access: { permission: 'payments.prepare', unit: { param: 'code' } } },
      schema: {
        tags: ['payments'],
        summary:
          'Generate (or regenerate, while a draft) the payroll of a month (current month + arrears) as a job: follow it at /api/jobs/{id}; when done its result is the payroll summary (payrollId, lines, total, arrears, unknown months)',
        params: Code,
        body: PayrollMonthBody,
        response: { 202: JobView },
      },
    },
    async (req, reply) => {
      badMonth(req.body.month, '/body/month');
      const id = await withActor(db, req.actor, async (tx) => {
        const c = await communeByCode(tx, req.params.code);
        if (!c) throw AppError.notFound();
        return enqueuePayroll(tx, c.id, req.body.month, { actor: req.actor!, ip: req.ip });
      });
      jobWorker(db).kick();
      return reply.status(202).send(jobView((await getJob(db.k, id))!));
    },
  );

  app.get(
    '/api/payments/payrolls/:id',
    {
      config: { access: { permission: 'payments.read', unit: 'record' } },
      schema: {
        tags: ['payments'],
        summary: 'A payroll with its lines (personal ID and account masked; categories only with the full-read permission, audited)',
        params: Id,
        response: { 200: PayrollDetail },
      },
    },
    async (req, reply) =>
      withActor(db, req.actor, async (tx) => {
        const p = await pay.getPayroll(tx, req.params.id);
        if (!p) throw AppError.notFound(text('Không tìm thấy danh sách chi trả', 'Payroll not found'));
        const lines = await pay.payrollLines(tx, p.id);
        const d = payrollDisclosure(req, p.unit_id, 'screen');
        await auditDisclosure(tx, req, p, d, lines);
        if (d.health) noStore(reply);
        const shown = lines.map((l) => payrollLineView(l, d));
        // Accounts that several persons would be paid to, named for the approver (account masked as on the lines).
        const shared = sharedAccounts(lines).map((g) => ({
          account: d.accounts ? g.account : maskAccount(g.account),
          persons: g.lines.map((l) => ({ personId: l.person_id, fullName: l.full_name })),
        }));
        return { payroll: payrollView(p), lines: shown, totals: payrollTotals(lines), warnings: { sharedAccounts: shared } };
      }),
  );

  app.get(
    '/api/payments/payrolls/:id/export',
    {
      config: { access: { permission: 'payments.read', unit: 'record' } },
      schema: {
        tags: ['payments'],
        summary:
          'Bank batch (CSV/XLSX; account numbers in full only for those who prepare or approve payments) or signature list (XLSX; categories only with the full-read permission)',
        params: Id,
        querystring: ExportQuery,
      },
    },
    async (req, reply) => {
      const out = await withActor(db, req.actor, async (tx) => {
        const p = await pay.getPayroll(tx, req.params.id);
        if (!p) throw AppError.notFound(text('Không tìm thấy danh sách chi trả', 'Payroll not found'));
        const lines = await pay.payrollLines(tx, p.id);
        const d = payrollDisclosure(req, p.unit_id, req.query.format === 'signatures' ? 'signatures' : 'bank');
        await audit(tx, {
          actor: auditActor(req),
          action: 'payroll.export',
          entity: 'payroll',
          entityId: p.id,
          unitId: p.unit_id,
          after: { format: req.query.format },
          ip: req.ip,
        });
        await auditDisclosure(tx, req, p, d, lines);
        return { p, lines, d };
      });
      noStore(reply); // payees' names, amounts and (for those who send it) account numbers
      const name = `chi-tra-${out.p.programme === 'merit' ? 'nguoi-co-cong-' : ''}${out.p.month}`;
      if (req.query.format === 'bank-csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}-ngan-hang.csv"`)
          .send(bankBatchCsv(out.p.id, out.p.month, out.lines, out.d, out.p.programme));
      const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      if (req.query.format === 'bank-xlsx')
        return reply
          .type(xlsx)
          .header('content-disposition', `attachment; filename="${name}-ngan-hang.xlsx"`)
          .send(await bankBatchXlsx(out.p.id, out.p.month, out.lines, out.d, out.p.programme));
      return reply
        .type(xlsx)
        .header('content-disposition', `attachment; filename="${name}-ky-nhan.xlsx"`)
        .send(await signatureListXlsx({ id: out.p.id, month: out.p.month, unitName: out.p.unit_name, programme: out.p.programme }, out.lines, out.d));
    },
  );

  app.post(
    '/api/payments/units/:code/merit-payrolls',
    {
      config: { access: { permission: 'payments.prepare', unit: { param: 'code' } } },
      schema: {
        tags: ['payments'],
        summary:
          'Generate (or regenerate, while a draft) the merit payroll of a month (the monthly allowances of people with meritorious service, current month + arrears); months the law data cannot price are listed, never paid',
        params: Code,
        body: PayrollMonthBody,
        response: { 201: MeritPayrollSummary },
      },
    },
    async (req, reply) => {
      badMonth(req.body.month, '/body/month');
      const r = await withActor(db, req.actor, async (tx) => {
        const c = await communeByCode(tx, req.params.code);
        if (!c) throw AppError.notFound();
        const s = await runMeritPayroll(tx, { actor: req.actor!, ip: req.ip }, c.id, req.body.month);
        // the reasons can tell an injury: the full-read permission
        const full = can(req.actor, 'registry.person.read_full', c.id);
        return { ...s, unknown: s.unknown.map((u) => ({ ...u, reasons: full ? u.reasons : [] })) };
      });
      return reply.status(201).send(r);
    },
  );

  app.post(
    '/api/payments/payrolls/:id/approve',
    {
      config: { access: { permission: 'payments.approve', unit: 'record' } },
      schema: {
        tags: ['payments'],
        summary:
          'Approve a draft payroll (it can no longer be regenerated). When two or more persons would be paid to one account, the approval needs ?acknowledgeSharedAccounts=true (else 409 naming them)',
        params: Id,
        querystring: ApproveQuery,
        response: { 200: Approved },
      },
    },
    async (req) =>
      withActor(db, req.actor, async (tx) => {
        const p = await pay.getPayroll(tx, req.params.id);
        if (!p) throw AppError.notFound(text('Không tìm thấy danh sách chi trả', 'Payroll not found'));
        assertCanApprovePayroll(req.actor, p); // in the payroll's commune (policy.ts)
        const shared = sharedAccounts(await pay.payrollLines(tx, p.id));
        if (shared.length > 0 && req.query.acknowledgeSharedAccounts !== true) {
          const names = shared.map((g) => g.lines.map((l) => l.full_name).join(', ')).join('; ');
          throw AppError.conflict(
            text(
              'Có {n} tài khoản nhận tiền của nhiều người ({names}). Kiểm tra lại trước khi phê duyệt, hoặc xác nhận vẫn phê duyệt.',
              '{n} accounts would receive the money of several persons ({names}). Check them before approving, or confirm the approval.',
            ),
            { n: shared.length, names },
          );
        }
        await pay.approvePayroll(tx, p.id, req.actor!.username);
        await audit(tx, {
          actor: auditActor(req),
          action: 'payroll.approve',
          entity: 'payroll',
          entityId: p.id,
          unitId: p.unit_id,
          ...(shared.length ? { after: { sharedAccountsAcknowledged: shared.map((g) => g.lines.map((l) => l.person_id)) } } : {}),
          ip: req.ip,
        });
        return { ok: true };
      }),
  );

  app.post(
    '/api/payments/payrolls/:id/statement',
    {
      config: { access: { permission: 'payments.prepare', unit: 'record' } },
      schema: {
        tags: ['payments'],
        summary: 'Reconcile a bank or post-office statement: paid, failed, returned',
        params: Id,
        body: StatementBody,
        response: { 200: StatementResult },
      },
    },
    async (req) =>
      withActor(db, req.actor, async (tx) => {
        const p = await pay.getPayroll(tx, req.params.id);
        if (!p) throw AppError.notFound(text('Không tìm thấy danh sách chi trả', 'Payroll not found'));
        assertCanPreparePayroll(req.actor, p); // in the payroll's commune (policy.ts)
        const r = await pay.applyStatement(tx, p.id, req.body.rows);
        await audit(tx, {
          actor: auditActor(req),
          action: 'payroll.reconcile',
          entity: 'payroll',
          entityId: p.id,
          unitId: p.unit_id,
          after: { applied: r.updates.length, problems: r.problems.length },
          ip: req.ip,
        });
        return r;
      }),
  );
};
