// Demo villages (synthetic names) under Xã Thu Lũm, so that households have a village.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { findUnitByCode } from './store.ts';

export const demoVillages = ['Bản Thu Lũm', 'Bản Ka Lăng', 'Bản Pa Thắng', 'Bản Lò Ma', 'Bản Hà Xa', 'Bản Phìn Khò', 'Bản U Ma', 'Bản Nậm Pục'];

export async function seedDemoVillages(db: Db, log: (l: string) => void): Promise<void> {
  const commune = await findUnitByCode(db.k, '03439', 'commune');
  if (!commune) return;
  let n = 0;
  for (const [i, name] of demoVillages.entries()) {
    const code = `03439-${String(i + 1).padStart(2, '0')}`;
    const r = await sql`insert into units (code, name, level, kind, parent_id, valid_from, name_folded)
      select ${code}, ${name}, 'village', 'Bản', ${commune.id}, date '2025-07-01', ansinh_fold(${name})
      where not exists (select 1 from units where code = ${code} and level = 'village')`.execute(db.k);
    n += Number(r.numAffectedRows ?? 0);
  }
  // a village's scope ancestry is its commune's plus itself (no lineage below communes)
  if (n > 0)
    await sql`update units v set ancestors = c.ancestors || v.id from units c where c.id = v.parent_id and v.level = 'village' and v.ancestors = '{}'`.execute(
      db.k,
    );
  log(`bản (thôn) mẫu của xã Thu Lũm: ${n}`);
}
