// Loads the official unit lists shipped in reference/units (Statistics Office lists before and
// after 1 July 2025, and the merger lineage) into an empty database.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { ancestorSets, kindOfName, provinceName, splitKind } from './model.ts';
import { reserveUnitIds, writeLineage, writeUnits, REFORM_DATE, REFORM_LAST_DAY, type NewUnit } from './store.ts';

const DIR = new URL('../../reference/units/', import.meta.url);

function csv(file: string): Record<string, string>[] {
  return parse(readFileSync(new URL(file, DIR)), { columns: true, skip_empty_lines: true, trim: true, bom: true });
}

export function currentUnits(): NewUnit[] {
  const provinces = csv('provinces-2025.csv').map((r): NewUnit => {
    const p = provinceName(r['Tên 34 tỉnh sau sáp nhập']!);
    return { code: r['Mã số']!.padStart(2, '0'), name: p.name, level: 'province', kind: p.kind, parentCode: null, parentLevel: null };
  });
  const communes = csv('communes-2025.csv').map((r): NewUnit => ({
    code: r.commune_code!,
    name: r.commune_name!,
    level: 'commune',
    kind: splitKind(r.commune_name!).kind ?? 'Xã',
    parentCode: r.province_code!,
    parentLevel: 'province',
  }));
  return [...provinces, ...communes];
}

export function formerUnits(): NewUnit[] {
  const rows = csv('units-before-2025-07.csv');
  const provinces = new Map<string, NewUnit>();
  const districts = new Map<string, NewUnit>();
  const communes: NewUnit[] = [];
  for (const r of rows) {
    if (!provinces.has(r.province_code!)) {
      const kind = r.province_type === 'Thành phố Trung ương' ? 'Thành phố Trung ương' : 'Tỉnh';
      provinces.set(r.province_code!, { code: r.province_code!, name: r.province_name!, level: 'province', kind, parentCode: null, parentLevel: null });
    }
    if (!districts.has(r.district_code!)) {
      districts.set(r.district_code!, {
        code: r.district_code!,
        name: r.district_name!,
        level: 'district',
        kind: r.district_type!,
        parentCode: r.province_code!,
        parentLevel: 'province',
      });
    }
    communes.push({
      code: r.commune_code!,
      name: r.commune_name!,
      level: 'commune',
      kind: kindOfName(r.commune_name!, 'commune') ?? r.commune_type!,
      parentCode: r.district_code!,
      parentLevel: 'district',
    });
  }
  // Island districts without communes became special zones (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa,
  // Lý Sơn, Côn Đảo): they appear only in the lineage, by their 3-digit district code. District
  // codes are numbered in blocks per province, so the district with the nearest lower code
  // tells the province.
  const known = [...districts.values()].sort((a, b) => a.code.localeCompare(b.code));
  for (const r of csv('lineage-2025.csv')) {
    if (r.old_code!.length !== 3 || districts.has(r.old_code!)) continue;
    const below = known.filter((d) => d.code < r.old_code!).at(-1);
    districts.set(r.old_code!, {
      code: r.old_code!,
      name: r.old_name!,
      level: 'district',
      kind: splitKind(r.old_name!).kind ?? 'Huyện',
      parentCode: below?.parentCode ?? null,
      parentLevel: below ? 'province' : null,
    });
  }
  return [...provinces.values(), ...districts.values(), ...communes];
}

/**
 * Loads reference/units into an empty database (does nothing when units exist). Ids are taken
 * from the sequence first, so parents, lineage and the scope ancestry (`ancestorSets`, the
 * same rule as `computeAncestors`) are resolved in memory and every row is written once.
 */
export async function loadUnitsReference(db: Db, log: (line: string) => void): Promise<void> {
  const have = await sql<{ n: number }>`select count(*)::int as n from units`.execute(db.k);
  if ((have.rows[0]?.n ?? 0) > 0) return;
  const t0 = Date.now();
  const eras = [
    { units: currentUnits(), validFrom: REFORM_DATE, validTo: null, former: false },
    { units: formerUnits(), validFrom: null, validTo: REFORM_LAST_DAY, former: true },
  ];
  const lineage = [
    ...csv('lineage-2025.csv').map((r) => ({
      newCode: r.new_code!,
      oldCode: r.old_code!,
      part: r.part as 'full' | 'partial',
      level: r.old_code!.length === 3 ? 'district' : 'commune',
    })),
    ...csv('province-lineage-2025.csv').map((r) => ({ newCode: r.new_code!, oldCode: r.old_code!, part: r.part as 'full' | 'partial', level: 'province' })),
  ];
  await db.k.transaction().execute(async (tx) => {
    const total = eras.reduce((n, e) => n + e.units.length, 0);
    const ids = await reserveUnitIds(tx, total);
    const key = (former: boolean, level: string, code: string) => `${former ? 'old' : 'new'}:${level}:${code}`;
    const idOf = new Map<string, number>();
    let next = 0;
    for (const e of eras) for (const u of e.units) idOf.set(key(e.former, u.level, u.code), ids[next++]!);
    const rows = eras.flatMap((e) =>
      e.units.map((u) => ({
        id: idOf.get(key(e.former, u.level, u.code))!,
        code: u.code,
        name: u.name,
        level: u.level,
        kind: u.kind,
        parentId: u.parentCode && u.parentLevel ? (idOf.get(key(e.former, u.parentLevel, u.parentCode)) ?? null) : null,
        validFrom: e.validFrom,
        validTo: e.validTo,
        former: e.former,
      })),
    );
    const links = lineage.flatMap((l) => {
      const successorId = idOf.get(key(false, l.level === 'province' ? 'province' : 'commune', l.newCode));
      const predecessorId = idOf.get(key(true, l.level, l.oldCode));
      return successorId && predecessorId ? [{ successorId, predecessorId, part: l.part }] : [];
    });
    if (links.length !== lineage.length) log(`cảnh báo: ${lineage.length - links.length} dòng quan hệ sáp nhập không khớp mã đơn vị`);
    const anc = ancestorSets(rows, links);
    const order = { province: 0, district: 1, commune: 2, village: 3 } as const;
    rows.sort((a, b) => order[a.level] - order[b.level]);
    await writeUnits(
      tx,
      rows.map((r) => ({ ...r, ancestors: anc.get(r.id)! })),
    );
    await writeLineage(tx, links);
  });
  const n = await sql<{
    level: string;
    current: boolean;
    n: number;
  }>`select level, valid_to is null as current, count(*)::int as n from units group by 1, 2 order by 2 desc, 1`.execute(db.k);
  const levelName: Record<string, string> = { province: 'cấp tỉnh', district: 'cấp huyện', commune: 'cấp xã', village: 'thôn, bản' };
  log(
    `đơn vị hành chính: ${n.rows.map((r) => `${r.n} ${levelName[r.level] ?? r.level}${r.current ? '' : ' (trước 01/07/2025)'}`).join(', ')} (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
}
