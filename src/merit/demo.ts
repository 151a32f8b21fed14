// Demo merit profiles in Xã Thu Lũm: one synthetic household (TL-NCC-01, not real people) whose
// members hold a relative-of-two-martyrs profile, a war-invalid profile (61%) and a sick-soldier
// profile (85%), so the household page shows allowances with their annex rows. Idempotent.
import type { Db } from '../db/connection.ts';
import { communeByCode, householdByCode, registerHousehold } from '../registry/store.ts';
import type { PersonInput } from '../registry/model.ts';
import * as store from './store.ts';

export const DEMO_MERIT_HOUSEHOLD = 'TL-NCC-01';

const person = (o: Partial<PersonInput> & Pick<PersonInput, 'fullName' | 'dateOfBirth' | 'sex' | 'relation'>): PersonInput => ({
  personalId: null,
  ethnicCode: '01',
  disability: 'none',
  pension: false,
  socialInsurance: 'none',
  healthInsurance: true,
  schooling: 'none',
  conditions: [],
  merit: true,
  ...o,
});

export async function seedDemoMerit(db: Db, log: (l: string) => void): Promise<void> {
  const commune = await communeByCode(db.k, '03439');
  if (!commune || (await householdByCode(db.k, commune.id, DEMO_MERIT_HOUSEHOLD))) return;
  const meta = { by: 'demo', reason: 'dữ liệu mẫu (tổng hợp, không phải người thật)' };
  await db.k.transaction().execute(async (tx) => {
    const { personIds } = await registerHousehold(
      tx,
      commune,
      {
        code: DEMO_MERIT_HOUSEHOLD,
        villageId: null,
        address: 'Bản Thu Lũm',
        area: 'rural',
        incomePerMonth: 2_600_000,
        deprivations: {},
        disadvantagedArea: false,
        merit: true,
      },
      [
        person({ fullName: 'Hoàng Thị Lan', dateOfBirth: '1948-02-03', sex: 'F', relation: 'head' }),
        person({ fullName: 'Lò Văn Minh', dateOfBirth: '1946-09-20', sex: 'M', relation: 'spouse' }),
        person({ fullName: 'Lò Văn Tâm', dateOfBirth: '1955-01-12', sex: 'M', relation: 'sibling' }),
      ],
      meta,
    );
    const refs = await Promise.all(personIds.map((id) => store.personRef(tx, id)));
    const decision = (n: number) => ({
      decisionNumber: `${n}/QĐ-LĐTBXH`,
      decisionDate: '2021-06-20',
      decisionBody: 'Sở Lao động - Thương binh và Xã hội tỉnh Lai Châu',
      startMonth: '2021-07',
      endMonth: null,
    });
    await store.insertProfile(
      tx,
      refs[0]!,
      {
        category: 'relative',
        facts: {
          relativeOf: 'martyr',
          martyrs: [
            { name: 'Lò Văn Sơn', relation: 'mother' },
            { name: 'Lò Văn Hải', relation: 'mother' },
          ],
        },
        ...decision(125),
      },
      'demo',
      meta.reason,
    );
    await store.insertProfile(
      tx,
      refs[1]!,
      { category: 'war_invalid', facts: { injuryRate: 61, invalidType: 'invalid' }, ...decision(126) },
      'demo',
      meta.reason,
    );
    await store.insertProfile(tx, refs[2]!, { category: 'sick_soldier', facts: { injuryRate: 85 }, ...decision(127) }, 'demo', meta.reason);
  });
  log(`hồ sơ người có công mẫu: hộ ${DEMO_MERIT_HOUSEHOLD} (3 hồ sơ)`);
}
