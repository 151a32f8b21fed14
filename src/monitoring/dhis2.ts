// DHIS2 dataValueSets JSON, export and import, so that data can flow to and from DHIS2.
// Mapping (idScheme CODE): orgUnit = the unit's official code; dataElement = the indicator
// code for counts, averages and levels, and `<code>.numerator` / `<code>.denominator` for rates
// (DHIS2 keeps rates as indicators computed from two data elements, after aggregation, as we
// do); averages also carry their weight as `<code>.denominator`; categoryOptionCombo =
// `default` for the total, else our disaggregation key (`sex=female`); value is a string.
// Import is all-or-nothing: any conflict leaves the database as it was.
import { Type, type Static } from 'typebox';
import { sql } from 'kysely';
import type { Text } from '../kernel/i18n.ts';
import { isDisaggregationKey, parsePeriod, usesRatio, TOTAL } from './model.ts';
import { indicatorDefs, findUnit, refreshAggregatesForUnit, rebuildAggregates, asSystem, type Q, type UnitRef } from './store.ts';

export const DATASET = 'ansinh-nq42';

const DataValue = Type.Object({
  dataElement: Type.String({ minLength: 1, maxLength: 120 }),
  period: Type.Optional(Type.String({ maxLength: 10 })),
  orgUnit: Type.Optional(Type.String({ maxLength: 20 })),
  categoryOptionCombo: Type.Optional(Type.String({ maxLength: 80 })),
  attributeOptionCombo: Type.Optional(Type.String({ maxLength: 80 })),
  value: Type.Union([Type.String({ maxLength: 50 }), Type.Number()]),
  comment: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  storedBy: Type.Optional(Type.String()),
  lastUpdated: Type.Optional(Type.String()),
  followup: Type.Optional(Type.Boolean()),
});

export const DataValueSetSchema = Type.Object({
  dataSet: Type.Optional(Type.String()),
  completeDate: Type.Optional(Type.String()),
  period: Type.Optional(Type.String({ maxLength: 10 })),
  orgUnit: Type.Optional(Type.String({ maxLength: 20 })),
  attributeOptionCombo: Type.Optional(Type.String()),
  dataValues: Type.Array(DataValue, { maxItems: 500000 }),
});
export type DataValueSet = Static<typeof DataValueSetSchema>;

const coc = (key: string) => (key === TOTAL ? 'default' : key);

/** Values of the unit (and, with children, every unit beneath it) as a DHIS2 dataValueSet. */
export async function exportDataValueSet(q: Q, unit: UnitRef, opts: { period?: string; children?: boolean; approvedOnly?: boolean }): Promise<DataValueSet> {
  const r = await sql<{
    org: string;
    code: string;
    period: string;
    disaggregation: string;
    numerator: number | null;
    denominator: number | null;
    value: number | null;
    comment: string | null;
    aggregation: string;
    kind: string;
  }>`
    select u.code as org, v.indicator_code as code, v.period, v.disaggregation, v.numerator, v.denominator, v.value, v.comment, i.aggregation, i.kind
    from monitoring_values v join units u on u.id = v.unit_id join indicators i on i.code = v.indicator_code
    ${opts.approvedOnly ? sql`join monitoring_submissions s on s.unit_id = v.unit_id and s.period = v.period and s.status = 'approved'` : sql``}
    where ${opts.children ? sql`${unit.id} = any(u.ancestors)` : sql`v.unit_id = ${unit.id}`}
      ${opts.period ? sql`and v.period = ${opts.period}` : sql``}
    order by u.code, v.period, v.indicator_code, v.disaggregation`.execute(q);
  const dataValues: Static<typeof DataValue>[] = [];
  for (const x of r.rows) {
    const common = { period: x.period, orgUnit: x.org, categoryOptionCombo: coc(x.disaggregation), ...(x.comment ? { comment: x.comment } : {}) };
    const ratio = usesRatio({ aggregation: x.aggregation as never, kind: x.kind });
    if (ratio || x.aggregation === 'weighted_mean') {
      if (x.numerator !== null && ratio) dataValues.push({ dataElement: `${x.code}.numerator`, ...common, value: String(x.numerator) });
      if (x.denominator !== null) dataValues.push({ dataElement: `${x.code}.denominator`, ...common, value: String(x.denominator) });
      if (x.value !== null && (!ratio || x.numerator === null)) dataValues.push({ dataElement: x.code, ...common, value: String(x.value) });
    } else if (x.value !== null) {
      dataValues.push({ dataElement: x.code, ...common, value: String(x.value) });
    }
  }
  return { dataSet: DATASET, ...(opts.period ? { period: opts.period } : {}), orgUnit: unit.code, dataValues };
}

export interface ImportConflict {
  readonly object: string;
  readonly index: number;
  readonly value: string;
  readonly message: Text;
}

export interface ImportSummary {
  readonly status: 'SUCCESS' | 'WARNING' | 'ERROR';
  readonly dryRun: boolean;
  readonly importCount: { imported: number; updated: number; ignored: number; deleted: number };
  readonly conflicts: readonly ImportConflict[];
}

type Field = 'numerator' | 'denominator' | 'value';

/**
 * Imports a dataValueSet as approved data (it comes from an official system): new values are
 * imported, changed ones updated, identical ones ignored; values of a report already approved
 * here are locked (a conflict unless identical). Any conflict means nothing is written.
 */
export async function importDataValueSet(
  q: Q,
  set: DataValueSet,
  opts: { dryRun?: boolean; actorId?: number | null; allowUnit?: (unit: UnitRef) => boolean | Promise<boolean> } = {},
): Promise<ImportSummary> {
  const conflicts: ImportConflict[] = [];
  const units = new Map<string, UnitRef | null>();
  const defs = await indicatorDefs(q);
  const cells = new Map<
    string,
    { unit: UnitRef; code: string; period: string; dis: string; fields: Partial<Record<Field, number>>; comment: string | null; rows: number[] }
  >();
  const allowed = new Map<number, boolean>();

  for (const [i, dv] of set.dataValues.entries()) {
    const period = dv.period ?? set.period;
    const org = dv.orgUnit ?? set.orgUnit;
    const bad = (object: string, value: string, message: Text) => conflicts.push({ object, index: i, value, message });
    if (!period || !parsePeriod(period)) {
      bad('period', period ?? '', { vi: `Kỳ báo cáo "${period ?? ''}" không hợp lệ (dạng 2025, 2025Q3, 202507)`, en: `Invalid period "${period ?? ''}"` });
      continue;
    }
    if (!org) {
      bad('orgUnit', '', { vi: 'Thiếu mã đơn vị (orgUnit)', en: 'Missing orgUnit' });
      continue;
    }
    if (!units.has(org)) units.set(org, await findUnit(q, org));
    const unit = units.get(org)!;
    if (!unit) {
      bad('orgUnit', org, { vi: `Không có đơn vị hành chính mã ${org}`, en: `No administrative unit with code ${org}` });
      continue;
    }
    if (opts.allowUnit) {
      if (!allowed.has(unit.id)) allowed.set(unit.id, await opts.allowUnit(unit));
      if (!allowed.get(unit.id)) {
        bad('orgUnit', org, {
          vi: `Số liệu của đơn vị ${org} do cấp trên trực tiếp của đơn vị duyệt, trong phạm vi của mình`,
          en: `Values of unit ${org} are approved by the level directly above it, within its scope`,
        });
        continue;
      }
    }
    const m = /^(.+?)(?:\.(numerator|denominator))?$/.exec(dv.dataElement)!;
    const code = m[1]!;
    const ind = defs.get(code);
    if (!ind) {
      bad('dataElement', dv.dataElement, { vi: `Không có chỉ tiêu mã ${code}`, en: `No indicator with code ${code}` });
      continue;
    }
    const field: Field = (m[2] as Field | undefined) ?? 'value';
    const dis = dv.categoryOptionCombo === undefined || dv.categoryOptionCombo === 'default' || dv.categoryOptionCombo === '' ? TOTAL : dv.categoryOptionCombo;
    if (!isDisaggregationKey(dis) || (dis !== TOTAL && !ind.disaggregations.includes(dis.split('=')[0]!))) {
      bad('categoryOptionCombo', dv.categoryOptionCombo ?? '', {
        vi: `Phân tổ "${dv.categoryOptionCombo}" không có ở chỉ tiêu ${code}`,
        en: `No breakdown "${dv.categoryOptionCombo}" for ${code}`,
      });
      continue;
    }
    const num = typeof dv.value === 'number' ? dv.value : dv.value.trim() === '' ? NaN : Number(dv.value);
    if (!Number.isFinite(num)) {
      bad('value', String(dv.value), { vi: `Giá trị "${dv.value}" không phải là số`, en: `Value "${dv.value}" is not a number` });
      continue;
    }
    if (num < 0) {
      bad('value', String(dv.value), { vi: 'Giá trị không được âm', en: 'Value must not be negative' });
      continue;
    }
    const key = `${unit.id}|${code}|${period}|${dis}`;
    const c = cells.get(key) ?? { unit, code, period, dis, fields: {}, comment: null, rows: [] };
    if (c.fields[field] !== undefined) {
      bad('dataElement', dv.dataElement, {
        vi: `Giá trị trùng lặp cho ${dv.dataElement}, ${org}, ${period}`,
        en: `Duplicate value for ${dv.dataElement}, ${org}, ${period}`,
      });
      continue;
    }
    c.fields[field] = num;
    if (dv.comment) c.comment = dv.comment;
    c.rows.push(i);
    cells.set(key, c);
  }

  // Compare with what is stored.
  let imported = 0;
  let updated = 0;
  let ignored = 0;
  const writes: typeof cells extends Map<string, infer V> ? V[] : never = [];
  for (const c of cells.values()) {
    const cur = (
      await sql<{ numerator: number | null; denominator: number | null; value: number | null; comment: string | null; status: string | null }>`
      select v.numerator, v.denominator, v.value, v.comment, s.status from monitoring_values v
      left join monitoring_submissions s on s.unit_id = v.unit_id and s.period = v.period
      where v.unit_id = ${c.unit.id} and v.indicator_code = ${c.code} and v.period = ${c.period} and v.disaggregation = ${c.dis}`.execute(q)
    ).rows[0];
    const next = { numerator: c.fields.numerator ?? null, denominator: c.fields.denominator ?? null, value: c.fields.value ?? null };
    const same =
      cur && cur.numerator === next.numerator && cur.denominator === next.denominator && cur.value === next.value && (cur.comment ?? null) === c.comment;
    if (same) {
      ignored += c.rows.length;
      continue;
    }
    const status =
      cur?.status ??
      (await sql<{ status: string }>`select status from monitoring_submissions where unit_id = ${c.unit.id} and period = ${c.period}`.execute(q)).rows[0]
        ?.status ??
      null;
    if (status === 'approved' || status === 'submitted') {
      for (const i of c.rows)
        conflicts.push({
          object: 'dataValue',
          index: i,
          value: `${c.unit.code}/${c.period}/${c.code}`,
          message: {
            vi: `Báo cáo ${c.period} của đơn vị ${c.unit.code} đã ${status === 'approved' ? 'được duyệt (đã khóa)' : 'gửi, chờ duyệt'}; không ghi đè`,
            en: `The ${c.period} report of ${c.unit.code} is ${status}; not overwritten`,
          },
        });
      continue;
    }
    if (cur) updated += c.rows.length;
    else imported += c.rows.length;
    writes.push(c);
  }
  const failed = conflicts.length > 0;
  if (!failed && !opts.dryRun) {
    const touched = new Map<string, { unitId: number; period: string }>();
    for (const c of writes) {
      await sql`insert into monitoring_values (unit_id, indicator_code, period, disaggregation, numerator, denominator, value, comment, updated_by)
        values (${c.unit.id}, ${c.code}, ${c.period}, ${c.dis}, ${c.fields.numerator ?? null}, ${c.fields.denominator ?? null}, ${c.fields.value ?? null}, ${c.comment}, ${opts.actorId ?? null})
        on conflict (unit_id, indicator_code, period, disaggregation) do update set numerator = excluded.numerator, denominator = excluded.denominator,
          value = excluded.value, comment = excluded.comment, updated_by = excluded.updated_by, updated_at = now()`.execute(q);
      touched.set(`${c.unit.id}|${c.period}`, { unitId: c.unit.id, period: c.period });
    }
    for (const t of touched.values()) {
      await sql`insert into monitoring_submissions (unit_id, period, status, submitted_at, decided_at, decided_by) values (${t.unitId}, ${t.period}, 'approved', now(), now(), ${opts.actorId ?? null})
        on conflict (unit_id, period) do nothing`.execute(q);
    }
    await asSystem(q, async () => {
      if (touched.size > 200) await rebuildAggregates(q);
      else for (const t of touched.values()) await refreshAggregatesForUnit(q, t.unitId, t.period);
    });
  }
  return {
    status: failed ? 'ERROR' : 'SUCCESS',
    dryRun: opts.dryRun ?? false,
    importCount: failed ? { imported: 0, updated: 0, ignored: set.dataValues.length, deleted: 0 } : { imported, updated, ignored, deleted: 0 },
    conflicts,
  };
}
