// Monitoring HTTP API: the report form of a unit and period (read, save draft, submit,
// approve, return, reopen), completeness, dashboards, and DHIS2 dataValueSets exchange.
import type { Static } from 'typebox';
import type { FeatureRoutes } from '../kernel/http.ts';
import { AppError } from '../kernel/errors.ts';
import { localize, type Locale } from '../kernel/i18n.ts';
import { requireUnit, getForm, completeness, asSystem, type Q } from './store.ts';
import { saveValues, act } from './report-commands.ts';
import { dashboard, indicatorDetail, childrenCompared, countryDashboard, chartInputs } from './dashboard.ts';
import { exportDataValueSet, importDataValueSet, DataValueSetSchema } from './dhis2.ts';
import { dashboardXlsx } from './xlsx.ts';
import { annualReportDocx } from './report.ts';
import { chartSvg, comparisonSpec, specSvg } from './chart.ts';
import { addAttachment, listAttachments, getAttachment } from './attachments.ts';
import { actorOf, auditFor, scoped } from './actor.ts';
import { assertCanDecide, canDecide } from './policy.ts';
import type { Issue } from './validation.ts';
import {
  UnitCode,
  PeriodId,
  FormParams,
  Num,
  ValueIn,
  SaveBody,
  ReasonBody,
  IssueOut,
  Loose,
  FormOut,
  ActionOut,
  YearQuery,
  UnitParams,
  CompletenessView,
  DashboardView,
  IndicatorDetailView,
  ChildrenView,
  CountryView,
  ImportSummaryView,
  Saved,
  Attachment,
  AttachmentList,
  AttachmentBody,
  AttachmentParams,
  IndicatorParams,
  ExportQuery,
  DryRunQuery,
} from './schemas.ts';

const issuesOut = (issues: readonly Issue[], locale: Locale) => issues.map((i) => ({ ...i, message: localize(i.message, locale) }));
const thisYear = () => new Date().getFullYear();

export const monitoringRoutes: FeatureRoutes = (app, { db }) => {
  const base = '/api/monitoring/units/:unitCode/periods/:period';
  const read = { permission: 'monitoring.read', unit: { param: 'unitCode' } } as const;
  const enter = { permission: 'monitoring.enter', unit: { param: 'unitCode' } } as const;
  const approve = { permission: 'monitoring.approve', unit: { param: 'unitCode' } } as const;

  app.get(
    `${base}/form`,
    {
      config: { access: read },
      schema: {
        tags: ['monitoring'],
        summary: 'Biểu mẫu báo cáo của đơn vị theo kỳ / the report form of a unit for a period',
        params: FormParams,
        response: { 200: FormOut },
      },
    },
    async (req) =>
      scoped(db, req, async (tx) => {
        const unit = await requireUnit(tx, req.params.unitCode);
        const f = await getForm(tx, unit, req.params.period);
        return {
          ...f,
          // The form names what it shows; the indicator's factor and population basis stay on the server.
          indicators: f.indicators.map(({ factor: _factor, population: _population, ...i }) => ({
            ...i,
            name: i.name[req.locale],
            disaggregations: [...i.disaggregations],
          })),
          values: f.values.map((v) => ({
            ...v,
            numerator: v.numerator ?? null,
            denominator: v.denominator ?? null,
            value: v.value ?? null,
            comment: v.comment ?? null,
          })),
          issues: issuesOut(f.issues, req.locale),
          registry: f.registry ? { asOf: f.registry.asOf, values: [...f.registry.values] } : null,
        };
      }),
  );

  app.put(
    `${base}/form`,
    {
      config: { access: enter },
      schema: { tags: ['monitoring'], summary: 'Lưu nháp số liệu / save draft values', params: FormParams, body: SaveBody, response: { 200: Saved } },
    },
    async (req) =>
      scoped(db, req, async (tx) => {
        const unit = await requireUnit(tx, req.params.unitCode);
        const r = await saveValues(tx, unit, req.params.period, req.body.values, actorOf(req)?.userId ?? null);
        return { ...r, issues: issuesOut(r.issues, req.locale) };
      }),
  );

  const action =
    (name: 'submit' | 'approve' | 'return' | 'reopen') =>
    async (req: { params: Static<typeof FormParams>; body?: unknown; locale: Locale } & Parameters<typeof actorOf>[0]) =>
      scoped(db, req, async (tx: Q) => {
        const unit = await requireUnit(tx, req.params.unitCode);
        const actor = actorOf(req);
        if (name !== 'submit' && actor) assertCanDecide(actor, unit); // the level above decides (policy.ts)
        const reason = (req.body as { reason?: string } | undefined)?.reason ?? null;
        const r = await act(tx, unit, req.params.period, { action: name, actorId: actor?.userId ?? null, reason, audit: auditFor(req) });
        return { status: r.status, issues: issuesOut(r.issues, req.locale) };
      });
  app.post(
    `${base}/submit`,
    { config: { access: enter }, schema: { tags: ['monitoring'], summary: 'Gửi báo cáo / submit', params: FormParams, response: { 200: ActionOut } } },
    action('submit'),
  );
  app.post(
    `${base}/approve`,
    {
      config: { access: approve },
      schema: { tags: ['monitoring'], summary: 'Duyệt báo cáo (khóa số liệu) / approve (locks)', params: FormParams, response: { 200: ActionOut } },
    },
    action('approve'),
  );
  app.post(
    `${base}/return`,
    {
      config: { access: approve },
      schema: {
        tags: ['monitoring'],
        summary: 'Trả lại báo cáo kèm lý do / return with a reason',
        params: FormParams,
        body: ReasonBody,
        response: { 200: ActionOut },
      },
    },
    action('return'),
  );
  app.post(
    `${base}/reopen`,
    {
      config: { access: approve },
      schema: {
        tags: ['monitoring'],
        summary: 'Mở lại báo cáo đã duyệt (ghi nhật ký) / reopen an approved report (audited)',
        params: FormParams,
        body: ReasonBody,
        response: { 200: ActionOut },
      },
    },
    action('reopen'),
  );

  app.get(
    `${base}/completeness`,
    {
      config: { access: read },
      schema: {
        tags: ['monitoring'],
        summary: 'Tỷ lệ đầy đủ và đúng hạn của báo cáo / completeness and timeliness',
        params: FormParams,
        response: { 200: CompletenessView },
      },
    },
    async (req) =>
      scoped(db, req, async (tx) => {
        const unit = await requireUnit(tx, req.params.unitCode);
        return completeness(tx, unit, req.params.period);
      }),
  );

  app.get(
    `${base}/attachments`,
    {
      config: { access: read },
      schema: {
        tags: ['monitoring'],
        summary: 'Tệp minh chứng của báo cáo / evidence attached to a report',
        params: FormParams,
        response: { 200: AttachmentList },
      },
    },
    async (req) => scoped(db, req, async (tx) => ({ items: await listAttachments(tx, await requireUnit(tx, req.params.unitCode), req.params.period) })),
  );

  app.post(
    `${base}/attachments`,
    {
      config: { access: enter },
      schema: {
        tags: ['monitoring'],
        summary: 'Đính kèm tệp minh chứng (PDF, JPEG, PNG, DOCX, XLSX; tối đa 2 MB) / attach evidence',
        params: FormParams,
        body: AttachmentBody,
        response: { 201: Attachment },
      },
    },
    async (req, reply) => {
      const a = await scoped(db, req, async (tx) =>
        addAttachment(
          tx,
          await requireUnit(tx, req.params.unitCode),
          req.params.period,
          { fileName: req.body.fileName, content: Buffer.from(req.body.contentBase64, 'base64') },
          actorOf(req)?.userId ?? null,
        ),
      );
      return reply.status(201).send(a);
    },
  );

  app.get(
    `${base}/attachments/:attachmentId`,
    {
      config: { access: read },
      schema: { tags: ['monitoring'], summary: 'Tải tệp minh chứng / download an attachment', params: AttachmentParams },
    },
    async (req, reply) => {
      const a = await scoped(db, req, async (tx) => getAttachment(tx, await requireUnit(tx, req.params.unitCode), req.params.attachmentId));
      if (!a) throw AppError.notFound({ vi: 'Không có tệp minh chứng này', en: 'No such attachment' });
      return reply
        .header('content-type', a.contentType)
        .header('content-disposition', `attachment; filename="${encodeURIComponent(a.fileName)}"`)
        .send(Buffer.from(a.content));
    },
  );

  app.get(
    '/api/monitoring/units/:unitCode/dashboard',
    {
      config: { access: read },
      schema: {
        tags: ['monitoring'],
        summary: 'Bảng chỉ tiêu với trạng thái tiến độ / targets with progress status',
        params: UnitParams,
        querystring: YearQuery,
        response: { 200: DashboardView },
      },
    },
    async (req) => scoped(db, req, async (tx) => dashboard(tx, await requireUnit(tx, req.params.unitCode), req.query.year ?? thisYear(), req.locale)),
  );

  app.get(
    '/api/monitoring/units/:unitCode/dashboard.xlsx',
    {
      config: { access: read },
      schema: { tags: ['monitoring'], summary: 'Bảng chỉ tiêu dạng Excel / the targets table as .xlsx', params: UnitParams, querystring: YearQuery },
    },
    async (req, reply) => {
      const d = await scoped(db, req, async (tx) => dashboard(tx, await requireUnit(tx, req.params.unitCode), req.query.year ?? thisYear(), req.locale));
      const buf = await dashboardXlsx(d, req.locale);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="chi-tieu-${d.unit.code}-${d.year}.xlsx"`)
        .send(buf);
    },
  );

  app.get(
    '/api/monitoring/units/:unitCode/report.docx',
    {
      config: { access: read },
      schema: {
        tags: ['monitoring'],
        summary: 'Báo cáo kết quả thực hiện năm (Word, Nghị định 30/2020) / annual report (.docx)',
        params: UnitParams,
        querystring: YearQuery,
      },
    },
    async (req, reply) => {
      const { d, charts } = await scoped(db, req, async (tx) => {
        const unit = await requireUnit(tx, req.params.unitCode);
        const year = req.query.year ?? thisYear();
        const d = await dashboard(tx, unit, year, 'vi');
        return { d, charts: await chartInputs(tx, unit, year, d.rows) };
      });
      const issuer = `ỦY BAN NHÂN DÂN ${d.unit.name.toUpperCase()}`;
      const buf = await annualReportDocx(
        d,
        { issuerParent: '', issuer, place: d.unit.name.replace(/^(Tỉnh|Xã|Phường|Thành phố|Đặc khu) /, ''), date: new Date() },
        charts,
      );
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="bao-cao-${d.unit.code}-${d.year}.docx"`)
        .send(buf);
    },
  );

  app.get(
    '/api/monitoring/units/:unitCode/indicators/:indicatorCode',
    {
      config: { access: read },
      schema: {
        tags: ['monitoring'],
        summary: 'Diễn biến một chỉ tiêu, dự báo và mục tiêu / one indicator: history, projection, target',
        params: IndicatorParams,
        querystring: YearQuery,
        response: { 200: IndicatorDetailView },
      },
    },
    async (req) =>
      scoped(db, req, async (tx) => {
        const d = await indicatorDetail(tx, await requireUnit(tx, req.params.unitCode), req.params.indicatorCode, req.query.year ?? thisYear(), req.locale);
        if (!d) throw AppError.notFound({ vi: 'Không có chỉ tiêu {code}', en: 'No indicator {code}' }, { code: req.params.indicatorCode });
        return d;
      }),
  );

  app.get(
    '/api/monitoring/units/:unitCode/indicators/:indicatorCode/chart.svg',
    {
      config: { access: read },
      schema: {
        tags: ['monitoring'],
        summary: "Biểu đồ một chỉ tiêu (SVG; cùng biểu đồ với báo cáo năm) / one indicator's chart as SVG (the annual report's chart)",
        params: IndicatorParams,
        querystring: YearQuery,
      },
    },
    async (req, reply) => {
      const d = await scoped(db, req, async (tx) =>
        indicatorDetail(tx, await requireUnit(tx, req.params.unitCode), req.params.indicatorCode, req.query.year ?? thisYear(), 'vi'),
      );
      if (!d) throw AppError.notFound({ vi: 'Không có chỉ tiêu {code}', en: 'No indicator {code}' }, { code: req.params.indicatorCode });
      return reply
        .header('content-type', 'image/svg+xml; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(await chartSvg(d.chart.input));
    },
  );

  app.get(
    '/api/monitoring/units/:unitCode/children',
    {
      config: { access: read },
      schema: {
        tags: ['monitoring'],
        summary: 'So sánh các đơn vị cấp dưới (xếp hạng) / child units compared (ranked)',
        params: UnitParams,
        querystring: YearQuery,
        response: { 200: ChildrenView },
      },
    },
    async (req) =>
      scoped(db, req, async (tx) =>
        childrenCompared(tx, await requireUnit(tx, req.params.unitCode), req.query.year ?? thisYear(), req.locale, req.query.indicator),
      ),
  );

  app.get(
    '/api/monitoring/units/:unitCode/children.svg',
    {
      config: { access: read },
      schema: {
        tags: ['monitoring'],
        summary: 'Biểu đồ cột so sánh các đơn vị cấp dưới theo một chỉ tiêu (SVG) / child units compared on one indicator, as a bar chart',
        params: UnitParams,
        querystring: YearQuery,
      },
    },
    async (req, reply) => {
      const k = await scoped(db, req, async (tx) =>
        childrenCompared(tx, await requireUnit(tx, req.params.unitCode), req.query.year ?? thisYear(), 'vi', req.query.indicator),
      );
      const col = k.columns[0];
      if (!col) throw AppError.notFound({ vi: 'Không có chỉ tiêu để so sánh', en: 'No indicator to compare' });
      const svg = await specSvg(
        comparisonSpec({
          title: `${col.indicator.name}${col.indicator.unit === '%' ? ' (%)' : ''}, năm ${req.query.year ?? thisYear()}`,
          unit: col.indicator.unit,
          rows: k.rows.map((r) => ({ name: r.name, value: r.cells[0]?.value ?? null, meetsTarget: r.cells[0]?.meetsTarget ?? null })),
          target: col.target,
        }),
      );
      return reply.header('content-type', 'image/svg+xml; charset=utf-8').header('cache-control', 'private, max-age=300').send(svg);
    },
  );

  app.get(
    '/api/monitoring/country/dashboard',
    {
      config: { access: { permission: 'monitoring.read', unit: 'none' } },
      schema: {
        tags: ['monitoring'],
        summary: 'Số liệu toàn quốc tổng hợp từ các tỉnh / national totals from the provinces',
        querystring: YearQuery,
        response: { 200: CountryView },
      },
    },
    async (req) =>
      // National totals are aggregated statistics without personal data: every holder of
      // monitoring.read may see them, so they are read past the actor's unit scope.
      scoped(db, req, (tx) => asSystem(tx, () => countryDashboard(tx, req.query.year ?? thisYear(), req.locale))),
  );

  app.get(
    '/api/monitoring/dataValueSets',
    {
      config: { access: { permission: 'monitoring.read', unit: { query: 'orgUnit' } } },
      schema: {
        tags: ['monitoring'],
        summary: 'Xuất dữ liệu theo định dạng DHIS2 dataValueSets / DHIS2 dataValueSets export',
        querystring: ExportQuery,
        response: { 200: DataValueSetSchema },
      },
    },
    async (req) =>
      scoped(db, req, async (tx) => {
        const unit = await requireUnit(tx, req.query.orgUnit);
        return exportDataValueSet(tx, unit, { period: req.query.period, children: req.query.children ?? true, approvedOnly: req.query.approvedOnly ?? false });
      }),
  );

  app.post(
    '/api/monitoring/dataValueSets',
    {
      config: { access: { permission: 'monitoring.approve', unit: 'none' } },
      schema: {
        tags: ['monitoring'],
        summary: 'Nhập dữ liệu DHIS2 dataValueSets (đã duyệt) / import DHIS2 dataValueSets (as approved)',
        querystring: DryRunQuery,
        body: DataValueSetSchema,
        response: { 200: ImportSummaryView },
      },
    },
    async (req) =>
      scoped(db, req, async (tx) => {
        const actor = actorOf(req);
        const summary = await importDataValueSet(tx, req.body, {
          dryRun: req.query.dryRun ?? false,
          actorId: actor?.userId ?? null,
          allowUnit: (unit) => canDecide(actor, unit), // values come in as approved: the level above's decision (policy.ts)
        });
        return { ...summary, conflicts: summary.conflicts.map((c) => ({ ...c, message: localize(c.message, req.locale) })) };
      }),
  );
};
