// HTTP routes of funds: officers' books (receipts, allocations to cases, spending, bank statement
// import with matching) through the policy and commands, and the public ledger: no login,
// rate-limited, each fund's receipts and spending searchable by donor or use, amount and period,
// with totals that reconcile to the imported bank statements.
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FeatureRoutes } from '../kernel/http.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { withActor } from '../access/scope.ts';
import { fileTypeRefused, megabytes, notMultipart, readUpload } from '../kernel/upload.ts';
import { importStatement, linkLine, recordAllocation, recordReceipt, recordSpending, createFund, markPublished, type Who } from './commands.ts';
import { assertCanReadFund, assertCanWriteFund } from './policy.ts';
import { foldDonor, parseAmount } from './model.ts';
import { MAX_STATEMENT_BYTES, statementRows } from './files.ts';
import {
  Created,
  FundId,
  FundList,
  FundView,
  ImportResult,
  LedgerQuery,
  LineParams,
  LinkLineBody,
  LinkResult,
  NewAllocationBody,
  NewFundBody,
  NewReceiptBody,
  NewSpendingBody,
  PublicFund,
  PublicReceipts,
  PublicSpendings,
  StatementUpload,
  UnitCode,
  UnmatchedList,
  presentFund,
  presentTotals,
  PublishBody,
} from './schemas.ts';
import * as store from './store.ts';

const publicAccess = { public: true as const, reason: 'Decree 03/2026/NĐ-CP: funds publish what they received and how it was used' };

export const fundRoutes: FeatureRoutes = async (app, { db }) => {
  const today = () => app.now().toISOString().slice(0, 10);
  const w = (req: FastifyRequest): Who => ({ actor: req.actor ?? null, ip: req.ip, today: today() });
  const view = async (q: Parameters<typeof store.getFund>[0], f: store.FundRow) => presentFund(f, await store.totals(q, f.id), await store.bankSide(q, f.id));

  app.post(
    '/api/funds',
    {
      config: { access: { permission: 'payments.prepare', unit: { body: 'unitCode' } } },
      schema: {
        tags: ['funds'],
        summary: 'Open a fund of a province or commune (Gratitude Fund, Fund for the Poor, relief donations)',
        body: NewFundBody,
        response: { 201: Created },
      },
    },
    async (req, reply) => reply.status(201).send(await withActor(db, req.actor, (tx) => createFund(tx, w(req), req.body))),
  );

  app.get(
    '/api/funds',
    {
      config: { access: { permission: 'payments.read', unit: 'none' } },
      schema: { tags: ['funds'], summary: "The funds in the actor's units with their totals and bank reconciliation", response: { 200: FundList } },
    },
    async (req) =>
      withActor(db, req.actor, async (tx) => {
        const funds = await store.fundsOfUnit(tx, null);
        return { items: await Promise.all(funds.map((f) => view(tx, f))) };
      }),
  );

  app.get(
    '/api/funds/:id',
    {
      config: { access: { permission: 'payments.read', unit: 'record' } },
      schema: { tags: ['funds'], summary: 'A fund with its totals and bank reconciliation', params: FundId, response: { 200: FundView } },
    },
    async (req) =>
      withActor(db, req.actor, async (tx) => {
        const f = await store.getFund(tx, req.params.id);
        if (!f) throw AppError.notFound(text('Không tìm thấy quỹ', 'Fund not found'));
        assertCanReadFund(req.actor, f.unit_id);
        return view(tx, f);
      }),
  );

  const write = <B>(
    path: string,
    summary: string,
    body: unknown,
    cmd: (tx: Parameters<typeof recordReceipt>[0], who: Who, id: number, b: B) => Promise<{ id: number }>,
  ) =>
    app.post(
      path,
      {
        config: { access: { permission: 'payments.prepare', unit: 'record' } },
        schema: { tags: ['funds'], summary, params: FundId, body: body as typeof NewReceiptBody, response: { 201: Created } },
      },
      async (req, reply) => {
        assertCanWriteFund(req.actor, null);
        const r = await withActor(db, req.actor, (tx) => cmd(tx, w(req), (req.params as { id: number }).id, req.body as B));
        return reply.status(201).send(r);
      },
    );
  write(
    '/api/funds/:id/receipts',
    'Record a receipt: donor, amount (VND, positive), date (not in the future), channel, purpose',
    NewReceiptBody,
    recordReceipt,
  );
  write('/api/funds/:id/allocations', 'Allocate money to a case (a housing case, a relief list, a visit: by kind and id)', NewAllocationBody, recordAllocation);
  write('/api/funds/:id/spendings', 'Record a spending (within the balance and its allocation)', NewSpendingBody, recordSpending);

  app.get(
    '/api/funds/:id/unmatched',
    {
      config: { access: { permission: 'payments.read', unit: 'record' } },
      schema: { tags: ['funds'], summary: 'Bank statement lines not matched to a receipt or a spending', params: FundId, response: { 200: UnmatchedList } },
    },
    async (req) =>
      withActor(db, req.actor, async (tx) => {
        const f = await store.getFund(tx, req.params.id);
        if (!f) throw AppError.notFound(text('Không tìm thấy quỹ', 'Fund not found'));
        assertCanReadFund(req.actor, f.unit_id);
        const rows = await store.unmatchedLines(tx, f.id);
        const pool = await store.linkCandidates(
          tx,
          f.id,
          rows.map((l) => l.amount),
        );
        return {
          items: rows.map((l) => ({
            id: l.id,
            lineNo: l.line_no,
            bookedOn: l.booked_on,
            amount: l.amount,
            reference: l.reference,
            description: l.description,
            candidates: pool.filter((c) => c.amount === Math.abs(l.amount) && (c.kind === 'receipt') === l.amount > 0),
          })),
        };
      }),
  );

  app.post(
    '/api/funds/:id/publications',
    {
      config: { access: { permission: 'payments.prepare', unit: 'record' } },
      schema: {
        tags: ['funds'],
        summary: "Mark a fund's year published (Decree 03/2026: receipts and spending published by 31/3); the home reminder ends",
        params: FundId,
        body: PublishBody,
        response: { 201: Created },
      },
    },
    async (req, reply) => reply.status(201).send(await withActor(db, req.actor, (tx) => markPublished(tx, w(req), req.params.id, req.body.year))),
  );

  app.post(
    '/api/funds/:id/lines/:lineId/link',
    {
      config: { access: { permission: 'payments.prepare', unit: 'record' } },
      schema: {
        tags: ['funds'],
        summary:
          'Link an unmatched bank line by hand: to a receipt or a spending of the same amount, or (money in) to a new receipt from a named donor (audited)',
        params: LineParams,
        body: LinkLineBody,
        response: { 200: LinkResult },
      },
    },
    async (req) => {
      assertCanWriteFund(req.actor, null);
      return withActor(db, req.actor, (tx) => linkLine(tx, w(req), req.params.id, req.params.lineId, req.body));
    },
  );

  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    await scope.register(multipart, { limits: { fileSize: MAX_STATEMENT_BYTES, files: 1, fields: 4, parts: 5 } });
    scope.post(
      '/api/funds/:id/statements',
      {
        config: { access: { permission: 'payments.prepare', unit: 'record' } },
        schema: {
          tags: ['funds'],
          summary: `Import a bank statement (multipart field "file": .csv or .xlsx, at most ${megabytes(MAX_STATEMENT_BYTES)}): balances checked, lines matched to receipts and spending; the same file twice changes nothing`,
          params: FundId,
          body: { content: { 'multipart/form-data': { schema: StatementUpload } } },
          response: { 200: ImportResult },
        },
      },
      async (req) => {
        assertCanWriteFund(req.actor, null);
        if (!req.isMultipart()) throw notMultipart('file');
        const { file, fields } = await readUpload(req, 'file', MAX_STATEMENT_BYTES, text('Tệp sao kê', 'The statement file'));
        if (!file)
          throw AppError.validation([{ path: '/body/file', message: text('Chọn một tệp sao kê .csv hoặc .xlsx', 'Choose a .csv or .xlsx statement') }]);
        if (!/\.(csv|xlsx|txt)$/i.test(file.name))
          throw fileTypeRefused('file', text('Tệp sao kê phải là .csv hoặc .xlsx', 'The statement must be a .csv or .xlsx file'));
        let rows: string[][];
        try {
          rows = await statementRows(file.content, file.name);
        } catch (e) {
          throw AppError.validation([
            { path: '/body/file', message: text(`Không đọc được tệp: ${(e as Error).message}`, `Cannot read the file: ${(e as Error).message}`) },
          ]);
        }
        const balance = (name: 'openingBalance' | 'closingBalance') => {
          const v = fields[name];
          if (v === undefined || v.trim() === '') return null;
          const n = parseAmount(v);
          if (n === null) throw AppError.validation([{ path: `/body/${name}`, message: text('Số dư không đọc được', 'Unreadable balance') }]);
          return n;
        };
        const input = {
          fileName: file.name,
          content: file.content,
          rows,
          opening: balance('openingBalance'),
          closing: balance('closingBalance'),
          createReceipts: fields.createReceipts === 'true',
        };
        return withActor(db, req.actor, (tx) => importStatement(tx, w(req), req.params.id, input));
      },
    );
  });

  // The public ledger: read through the owner connection (no actor, no unit scope), only the
  // public columns (src/funds/store.ts publicReceipts, publicSpendings).
  app.get(
    '/api/public/units/:code/funds',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['funds'],
        summary: 'The funds of a unit with their totals and bank reconciliation (public, rate-limited per visitor like every public route)',
        params: UnitCode,
        response: { 200: FundList },
      },
    },
    async (req, reply) => {
      const unit = await store.unitByCode(db.k, req.params.code);
      if (!unit) throw AppError.notFound(text('Không có đơn vị mã {code}', 'No unit with code {code}'), { code: req.params.code });
      const funds = await store.fundsOfUnit(db.k, unit.id);
      return { items: await Promise.all(funds.map((f) => view(db.k, f))) };
    },
  );

  const publicFund = async (id: number) => {
    const f = await store.getFund(db.k, id);
    if (!f) throw AppError.notFound(text('Không tìm thấy quỹ', 'Fund not found'));
    return f;
  };
  const ledgerQuery = (q: LedgerQuery) => {
    if (q.from && q.to && q.from > q.to)
      throw AppError.validation([{ path: '/querystring/to', message: text('Đến ngày trước từ ngày', 'The end is before the start') }]);
    return { q: q.q ?? null, amount: q.amount ?? null, from: q.from ?? null, to: q.to ?? null, limit: q.limit ?? 20, offset: q.offset ?? 0 };
  };
  const folded = (q: string | undefined) => {
    const f = q ? foldDonor(q) : '';
    return f.length ? f : null;
  };

  app.get(
    '/api/public/funds/:id',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['funds'],
        summary: "A fund's totals, in a period and overall, and its bank reconciliation (public, rate-limited per visitor like every public route)",
        params: FundId,
        querystring: LedgerQuery,
        response: { 200: PublicFund },
      },
    },
    async (req, reply) => {
      const f = await publicFund(req.params.id);
      const q = ledgerQuery(req.query);
      return { fund: await view(db.k, f), period: { from: q.from, to: q.to }, periodTotals: presentTotals(await store.totals(db.k, f.id, q.from, q.to)) };
    },
  );

  app.get(
    '/api/public/funds/:id/receipts',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['funds'],
        summary: "A fund's receipts: by donor (accent-insensitive), amount and period (public, rate-limited per visitor like every public route)",
        params: FundId,
        querystring: LedgerQuery,
        response: { 200: PublicReceipts },
      },
    },
    async (req, reply) => {
      const f = await publicFund(req.params.id);
      const r = await store.publicReceipts(db.k, f.id, ledgerQuery(req.query), folded(req.query.q));
      reply.header('cache-control', 'public, max-age=60');
      return {
        items: r.items.map((x) => ({ id: x.id, donor: x.donor, amount: x.amount, receivedOn: x.received_on, channel: x.channel, purpose: x.purpose })),
        total: r.total,
        sum: r.sum,
      };
    },
  );

  app.get(
    '/api/public/funds/:id/spendings',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['funds'],
        summary: "A fund's spending: by use, amount and period; beneficiaries as name and hamlet (public, rate-limited per visitor like every public route)",
        params: FundId,
        querystring: LedgerQuery,
        response: { 200: PublicSpendings },
      },
    },
    async (req, reply) => {
      const f = await publicFund(req.params.id);
      const r = await store.publicSpendings(db.k, f.id, ledgerQuery(req.query), folded(req.query.q));
      reply.header('cache-control', 'public, max-age=60');
      return {
        items: r.items.map((x) => ({
          id: x.id,
          amount: x.amount,
          spentOn: x.spent_on,
          purpose: x.purpose,
          caseKind: x.case_kind,
          beneficiary: x.beneficiary_name ? { name: x.beneficiary_name, hamlet: x.beneficiary_hamlet } : null,
        })),
        total: r.total,
        sum: r.sum,
      };
    },
  );
};
