// The living-standard indicator of people with meritorious service (issue 12 item 5): "người có
// công có mức sống bằng hoặc cao hơn mức sống trung bình" = merit households of the year's review
// neither poor nor near-poor / merit households classified, computed by the registry
// (src/registry/indicators.ts) and prefilled on the commune's monitoring form (decision 006).
// A merit household: flagged so, or with a living member flagged or holding a merit profile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import * as reg from '../registry/store.ts';
import { registryIndicators } from '../registry/indicators.ts';
import { insertProfile } from './store.ts';
import type { HouseholdInput, PersonInput } from '../registry/model.ts';

const hh = (code: string, merit: boolean): HouseholdInput => ({
  code,
  villageId: null,
  address: '',
  area: 'rural',
  incomePerMonth: 3_000_000,
  deprivations: {},
  disadvantagedArea: false,
  merit,
});
const pp = (merit: boolean): PersonInput => ({
  personalId: null,
  fullName: 'Lò Thị Hiền',
  dateOfBirth: '1950-01-01',
  sex: 'F',
  ethnicCode: '01',
  relation: 'head',
  disability: 'none',
  pension: false,
  socialInsurance: 'none',
  healthInsurance: true,
  schooling: 'none',
  conditions: [],
  merit,
});

test('merit households above the average: flagged households, flagged members and profile holders; poor and near-poor are not; on the form from the registry', async () => {
  const { app, db, close } = await testApp();
  try {
    const c = (await reg.communeByCode(db.k, '03439'))!;
    const meta = { by: 'test', reason: 'đăng ký mới' };
    const add = async (code: string, householdMerit: boolean, personMerit: boolean, cls: string) => {
      const r = await reg.registerHousehold(db.k, c, hh(code, householdMerit), [pp(personMerit)], meta);
      await sql`insert into household_classifications (household_id, year, province_code, unit_id, class, household_version)
        values (${r.householdId}, 2026, ${c.provinceCode}, ${c.id}, ${cls}, 1)`.execute(db.k);
      return r.personIds[0]!;
    };
    await add('A', true, false, 'average'); // flagged household, average: counts above
    await add('B', false, true, 'poor'); // flagged member, poor: merit, not above
    const holder = await add('C', false, false, 'none'); // a profile holder, above the near-poor line
    await insertProfile(
      db.k,
      { id: holder, unit_id: c.id, province_code: c.provinceCode, full_name: '', death_date: null },
      {
        category: 'heroic_mother',
        facts: {},
        decisionNumber: '1/QĐ',
        decisionDate: '2020-01-01',
        decisionBody: 'Chủ tịch nước',
        startMonth: '2020-01',
        endMonth: null,
      },
      'test',
      'ghi hồ sơ',
    );
    await add('D', false, false, 'near_poor'); // merit nowhere: not counted
    await add('E', true, false, 'near_poor'); // flagged household, near-poor: merit, not above
    const v = (await registryIndicators(db.k, c.id, 2026)).find((x) => x.code === 'merit_households_above_average');
    assert.deepEqual(v, { code: 'merit_households_above_average', numerator: 2, denominator: 4 });

    const officer = await sessionHeaders(db, await createTestUser(db, { username: 'canbo-ncc', role: 'officer', unitCode: '03439' }));
    const form = (await app.inject({ method: 'GET', url: '/api/monitoring/units/03439/periods/2026/form', headers: officer })).json();
    const f = form.registry.values.find((x: { indicatorCode: string }) => x.indicatorCode === 'merit_households_above_average');
    assert.deepEqual(f, { indicatorCode: 'merit_households_above_average', numerator: 2, denominator: 4, value: null });
  } finally {
    await close();
  }
});
