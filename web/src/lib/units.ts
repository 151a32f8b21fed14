// Administrative units as the pages show them: the server's unit types (src/units/schemas.ts,
// type-only) and the few readings the pages share. Pure, tested in test/web/units.test.ts.
import type { UnitDetail, UnitSummary } from '../../../src/units/schemas.ts';

export type { UnitDetail, UnitSummary };

/** A unit another unit names: its province or parent, a lineage link, a unit sharing its code. */
export type UnitRef = Pick<UnitSummary['successors'][number], 'code' | 'name'> & { readonly part?: string; readonly current?: boolean };

/** A referenced unit's name, or its code when the name is empty. */
export const refName = (r: UnitRef): string => r.name || r.code;

/** "Xã Thu Lũm, Xã Ka Lăng": names (or codes) of referenced units. */
export function refNames(list: readonly UnitRef[]): string {
  return list.map(refName).join(', ');
}

/** The unit above: the parent, or for a pre-reform commune its district. */
export function parentOf(u: Pick<UnitSummary, 'parent' | 'district'>): UnitRef | null {
  return u.parent ?? u.district;
}
