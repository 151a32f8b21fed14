// The monitoring feature's HTTP contract: the report form and its actions, completeness, the
// dashboards (a unit's targets, one indicator, child units compared, the country) and the DHIS2
// import summary. Labels and rules come already in the reader's language.
import { Type, type Static } from 'typebox';
import { Nullable } from '../kernel/validate.ts';
import { List, ReadonlyArray } from '../kernel/schemas.ts';

export const UnitCode = Type.String({ pattern: '^[0-9A-Za-z-]{2,20}$', description: 'Mã đơn vị hành chính (official code)' });
// Years 1900–2199, the range src/monitoring/period.ts reads.
export const PeriodId = Type.String({ pattern: '^(19|2[01])\\d{2}(Q[1-4]|0[1-9]|1[0-2])?$', description: 'Kỳ báo cáo DHIS2: 2025, 2025Q3, 202507' });
export const FormParams = Type.Object({ unitCode: UnitCode, period: PeriodId });
export const Num = Type.Union([Type.Number(), Type.Null()]);
export const ValueIn = Type.Object(
  {
    indicatorCode: Type.String({ minLength: 1, maxLength: 80 }),
    disaggregation: Type.String({ maxLength: 80, default: '' }),
    numerator: Type.Optional(Num),
    denominator: Type.Optional(Num),
    value: Type.Optional(Num),
    comment: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export const SaveBody = Type.Object({ values: Type.Array(ValueIn, { maxItems: 2000 }) }, { additionalProperties: false });
export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
export const IssueOut = Type.Object({
  severity: Type.String(),
  rule: Type.String(),
  path: Type.String(),
  indicatorCode: Type.String(),
  disaggregation: Type.String(),
  message: Type.String(),
});
export const Loose = (props: Record<string, ReturnType<typeof Type.String> | ReturnType<typeof Type.Any>>) =>
  Type.Object(props, { additionalProperties: true });
export const FormOut = Type.Object({
  unit: Loose({ code: Type.String(), name: Type.String() }),
  period: Type.String(),
  status: Type.String(),
  returnReason: Type.Union([Type.String(), Type.Null()]),
  deadline: Type.String(),
  deadlineSource: Type.Union([Type.String(), Type.Null()]),
  indicators: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      unit: Type.String(),
      kind: Type.String(),
      direction: Type.String(),
      aggregation: Type.String(),
      source: Type.String(),
      area: Type.String(),
      disaggregations: Type.Array(Type.String()),
      keys: Type.Array(Type.String()),
    }),
  ),
  values: Type.Array(
    Type.Object({
      indicatorCode: Type.String(),
      disaggregation: Type.String(),
      numerator: Num,
      denominator: Num,
      value: Num,
      comment: Type.Union([Type.String(), Type.Null()]),
      updatedAt: Type.Optional(Type.String()),
    }),
  ),
  issues: Type.Array(IssueOut),
  registry: Type.Union([
    Type.Null(),
    Type.Object(
      {
        asOf: Type.String({ description: 'Ngày số liệu sổ hộ / the day the registry figures stand at' }),
        values: Type.Array(Type.Object({ indicatorCode: Type.String(), numerator: Num, denominator: Num, value: Num })),
      },
      { description: 'Số liệu do cơ sở dữ liệu an sinh tính / values the social registry computes' },
    ),
  ]),
});
export const ActionOut = Type.Object({ status: Type.String(), issues: Type.Array(IssueOut) });
export const YearQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  indicator: Type.Optional(Type.String({ maxLength: 80 })),
});
export const UnitParams = Type.Object({ unitCode: UnitCode });
export type FormOut = Static<typeof FormOut>;

const NullNum = Nullable(Type.Number());
const NullInt = Nullable(Type.Integer());
const Unit = Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() });
const IndicatorPick = Type.Object({ code: Type.String(), name: Type.String(), unit: Type.String(), direction: Type.String() });
/** A yearly observation; the numerator and denominator when it is a stored total. */
const Obs = Type.Object({ year: Type.Integer(), value: Type.Number(), numerator: Type.Optional(NullNum), denominator: Type.Optional(NullNum) });
const SeriesPoint = Type.Object({ year: Type.Integer(), value: Type.Number(), numerator: NullNum, denominator: NullNum });
const TargetOut = Type.Object({ comparator: Type.String(), value: Type.Number(), year: Type.Integer() });

/** Completeness and timeliness of the communes' reports at and below a unit for a period. */
export const CompletenessView = Type.Object({
  period: Type.String(),
  deadline: Type.String(),
  expected: Type.Integer(),
  received: Type.Integer(),
  onTime: Type.Integer(),
  completeness: NullNum,
  timeliness: NullNum,
  reports: ReadonlyArray(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      status: Type.String(),
      submittedAt: Nullable(Type.String()),
      onTime: Nullable(Type.Boolean()),
      returnReason: Nullable(Type.String()),
    }),
  ),
});
export type CompletenessView = Static<typeof CompletenessView>;

/** A target's progress (src/monitoring/progress.ts) with its status in words and the rule that gave it. */
const ProgressFields = {
  status: Type.String(),
  baseline: Nullable(Obs),
  latest: Nullable(Obs),
  target: TargetOut,
  neededPerYear: NullNum,
  trendPerYear: NullNum,
  projected: NullNum,
  statusLabel: Type.String(),
  rule: Type.String(),
};

/** A unit's targets as a traffic-light table, worst first, with the count per status. */
export const DashboardView = Type.Object({
  unit: Unit,
  year: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      ...ProgressFields,
      targetId: Type.Integer(),
      planNumber: Nullable(Type.String()),
      inherited: Type.Boolean(),
      indicator: IndicatorPick,
      baselineSource: Nullable(
        Type.Union([Type.Literal('plan'), Type.Literal('reported')], {
          description: "Năm gốc của kế hoạch, hoặc số liệu năm đầu đã báo cáo / the plan's baseline or the first reported value",
        }),
      ),
    }),
  ),
  counts: Type.Record(Type.String(), Type.Integer()),
});
export type DashboardView = Static<typeof DashboardView>;

/** One indicator at one unit: yearly history, the target that applies, progress and its projection line. */
export const IndicatorDetailView = Type.Object({
  unit: Unit,
  indicator: IndicatorPick,
  history: Type.Array(SeriesPoint),
  target: Nullable(
    Type.Object({
      comparator: Type.String(),
      value: Type.Number(),
      year: NullInt,
      planNumber: Nullable(Type.String()),
      inherited: Type.Boolean(),
      baselineYear: NullInt,
      baselineValue: NullNum,
    }),
  ),
  progress: Nullable(Type.Object({ ...ProgressFields, projection: ReadonlyArray(Obs) })),
  /** What chart.svg draws (src/monitoring/chart.ts), in words and as a table: its text alternative. */
  chart: Type.Object({
    description: Type.String(),
    table: ReadonlyArray(Type.Object({ year: Type.Integer(), history: NullNum, projection: NullNum, baseline: NullNum, target: NullNum })),
    input: Type.Object({
      title: Type.String(),
      unit: Type.String(),
      history: ReadonlyArray(Type.Object({ year: Type.Integer(), value: Type.Number() })),
      projection: ReadonlyArray(Type.Object({ year: Type.Integer(), value: Type.Number() })),
      target: Nullable(Type.Object({ comparator: Type.String(), value: Type.Number(), year: Type.Integer() })),
      baseline: Type.Optional(Nullable(Type.Object({ year: Type.Integer(), value: Type.Number() }))),
    }),
  }),
});
export type IndicatorDetailView = Static<typeof IndicatorDetailView>;

/** The child units side by side, one column per indicator, ranked on the first. */
export const ChildrenView = Type.Object({
  unit: Unit,
  year: Type.Integer(),
  columns: Type.Array(
    Type.Object({ indicator: IndicatorPick, target: Nullable(Type.Object({ comparator: Type.String(), value: Type.Number(), year: NullInt })) }),
  ),
  rows: Type.Array(
    Type.Object({
      rank: NullInt,
      code: Type.String(),
      name: Type.String(),
      cells: Type.Array(Type.Object({ value: NullNum, numerator: NullNum, denominator: NullNum, meetsTarget: Nullable(Type.Boolean()) })),
    }),
  ),
});
export type ChildrenView = Static<typeof ChildrenView>;

/** The country's yearly totals per indicator with the trend. */
export const CountryView = Type.Object({
  unit: Unit,
  year: Type.Integer(),
  rows: Type.Array(Type.Object({ indicator: IndicatorPick, latest: SeriesPoint, trendPerYear: NullNum, history: Type.Array(SeriesPoint) })),
});
export type CountryView = Static<typeof CountryView>;

/** What a DHIS2 import did (or would do, dry run), with conflicts in the reader's language. */
export const ImportSummaryView = Type.Object({
  status: Type.String(),
  dryRun: Type.Boolean(),
  importCount: Type.Object({ imported: Type.Integer(), updated: Type.Integer(), ignored: Type.Integer(), deleted: Type.Integer() }),
  conflicts: Type.Array(Type.Object({ object: Type.String(), index: Type.Integer(), value: Type.String(), message: Type.String() })),
});

// Request schemas and small answers of the routes, in the order of routes.ts.
export const Saved = Type.Object({ saved: Type.Integer(), deleted: Type.Integer(), issues: Type.Array(IssueOut) });
/** Evidence attached to a report. */
export const Attachment = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  uploadedAt: Type.String(),
});
export const AttachmentList = List(Attachment);
export const AttachmentBody = Type.Object(
  { fileName: Type.String({ minLength: 1, maxLength: 200 }), contentBase64: Type.String({ minLength: 1, maxLength: 2_900_000 }) },
  { additionalProperties: false },
);
export const AttachmentParams = Type.Object({ unitCode: UnitCode, period: PeriodId, attachmentId: Type.Integer({ minimum: 1 }) });
export const IndicatorParams = Type.Object({ unitCode: UnitCode, indicatorCode: Type.String({ maxLength: 80 }) });
export const ExportQuery = Type.Object({
  orgUnit: UnitCode,
  period: Type.Optional(PeriodId),
  children: Type.Optional(Type.Boolean()),
  approvedOnly: Type.Optional(Type.Boolean()),
});
export const DryRunQuery = Type.Object({ dryRun: Type.Optional(Type.Boolean()) });
