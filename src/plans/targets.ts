// The plans' targets as other features read them (monitoring's dashboard and demo): the plans
// feature owns plan_targets and plans; others call this module instead of reading the tables.
import { sql } from 'kysely';
import type { Comparator } from '../indicators/vocabulary.ts';
import type { Executor as Q } from '../db/executor.ts';

export interface TargetRow {
  readonly id: number;
  readonly planId: number;
  readonly planNumber: string | null;
  readonly unitId: number;
  readonly indicatorCode: string;
  readonly comparator: Comparator;
  readonly value: number;
  readonly unit: string;
  readonly year: number | null;
  readonly baselineYear: number | null;
  readonly baselineValue: number | null;
  readonly confirmed: boolean;
  readonly inherited: boolean;
}

/**
 * The targets that apply to a unit: its own plans' targets and, for an indicator its plans do
 * not target, the nearest unit above whose plan does (marked inherited).
 */
export async function targetsFor(q: Q, unit: { readonly id: number }): Promise<TargetRow[]> {
  const r = await sql<Omit<TargetRow, 'inherited'> & { depth: number }>`
    with recursive c(id, parent_id, depth) as (
      select id, parent_id, 0 from units where id = ${unit.id}
      union all select u.id, u.parent_id, c.depth + 1 from units u join c on u.id = c.parent_id where c.depth < 10)
    select t.id, t.plan_id as "planId", p.number as "planNumber", t.unit_id as "unitId", t.indicator_code as "indicatorCode",
      t.comparator, t.value, t.unit, t.year, t.baseline_year as "baselineYear", t.baseline_value as "baselineValue", t.confirmed, c.depth
    from plan_targets t join plans p on p.id = t.plan_id join c on c.id = t.unit_id
    order by c.depth, t.indicator_code, t.year nulls last, t.id`.execute(q);
  const nearest = new Map<string, number>();
  for (const t of r.rows) if (!nearest.has(t.indicatorCode)) nearest.set(t.indicatorCode, t.depth);
  return r.rows.filter((t) => nearest.get(t.indicatorCode) === t.depth).map(({ depth, ...t }) => ({ ...t, inherited: depth > 0 }));
}
