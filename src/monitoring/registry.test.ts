// Registry-computed indicators on the report form (issue 5 part 4, issue 6 part 9), over HTTP:
// a commune that keeps a social registry gets the poverty, assistance, cashless and health-
// insurance figures on its form, computed from its households and persons, marked with their
// source; a typed value that differs from the registry is a warning that needs a comment
// (docs/decisions/006-registry-indicators-in-monitoring.md). A commune without a registry
// gets no registry block and no extra indicators.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp } from '../../test/helpers/app.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import { generateRegistry, bulkInsertRegistry } from '../registry/synthetic.ts';
import { enqueueJob, runJob } from '../jobs/runner.ts';

test("Thu Lũm's form carries the registry's poverty figures with their source; a different value needs a comment", async () => {
  const { app, db, close } = await testApp();
  try {
    const k = db.k;
    const thuLum = (await sql<{ id: number }>`select id from units where code = '03439' and valid_to is null`.execute(k)).rows[0]!.id;
    const data = generateRegistry(515, 60, [{ unitId: thuLum, provinceCode: '12', villageIds: [], codePrefix: 'T-' }], '2026-11-01');
    await db.k.transaction().execute((tx) => bulkInsertRegistry(tx, data, { by: 'test', reason: 'kiểm thử' }));
    await runJob(db, await enqueueJob(db.k, 'annual_review', { year: 2026, unitId: thuLum }, { unitId: thuLum, by: 'test' }));
    // The registry's own counts, read here straight from its tables.
    const c = (
      await sql<{ poor: number; total: number }>`select count(*) filter (where class = 'poor')::int as poor, count(*)::int as total
      from household_classifications where year = 2026 and unit_id = ${thuLum}`.execute(k)
    ).rows[0]!;
    const p = (
      await sql<{ insured: number; living: number }>`select count(*) filter (where health_insurance)::int as insured, count(*)::int as living
      from persons where death_date is null and unit_id = ${thuLum}`.execute(k)
    ).rows[0]!;
    assert.equal(c.total, 60);

    const officer = {
      ...(await sessionHeaders(db, await createTestUser(db, { username: 'canbo', role: 'officer', unitCode: '03439' }))),
      'accept-language': 'vi',
    };
    const url = '/api/monitoring/units/03439/periods/2026';
    const form = (await app.inject({ method: 'GET', url: `${url}/form`, headers: officer })).json();
    assert.ok(form.registry, 'a registry block');
    assert.ok(/^2026-\d{2}-\d{2}$/.test(form.registry.asOf));
    const reg = (code: string) => form.registry.values.find((v: { indicatorCode: string }) => v.indicatorCode === code);
    assert.deepEqual(reg('poor_household_rate'), { indicatorCode: 'poor_household_rate', numerator: c.poor, denominator: 60, value: null });
    assert.deepEqual(reg('health_insurance_coverage_registry'), {
      indicatorCode: 'health_insurance_coverage_registry',
      numerator: p.insured,
      denominator: p.living,
      value: null,
    });
    assert.deepEqual(reg('poor_households'), { indicatorCode: 'poor_households', numerator: null, denominator: null, value: c.poor });
    const codes = form.indicators.map((i: { code: string }) => i.code);
    for (const code of ['poor_household_rate', 'near_poor_household_rate', 'poor_households', 'health_insurance_coverage_registry'])
      assert.ok(codes.includes(code), code);
    assert.equal(form.indicators.find((i: { code: string }) => i.code === 'poor_household_rate').source, 'registry');

    // The registry's figure as entered: no warning. One household more: a warning at the field.
    const same = await app.inject({
      method: 'PUT',
      url: `${url}/form`,
      headers: officer,
      payload: { values: [{ indicatorCode: 'poor_household_rate', disaggregation: '', numerator: c.poor, denominator: 60 }] },
    });
    assert.equal(same.statusCode, 200);
    assert.deepEqual(
      same.json().issues.filter((i: { rule: string }) => i.rule === 'registry_mismatch'),
      [],
    );
    const off = await app.inject({
      method: 'PUT',
      url: `${url}/form`,
      headers: officer,
      payload: { values: [{ indicatorCode: 'poor_household_rate', disaggregation: '', numerator: c.poor + 1, denominator: 60 }] },
    });
    const w = off.json().issues.find((i: { rule: string }) => i.rule === 'registry_mismatch');
    assert.equal(w.severity, 'warning');
    assert.equal(w.path, '/values/0/numerator');
    assert.match(w.message, new RegExp(`đã nhập ${c.poor + 1}/60, cơ sở dữ liệu an sinh tính được ${c.poor}/60`));
    const refused = await app.inject({ method: 'POST', url: `${url}/submit`, headers: officer });
    assert.equal(refused.statusCode, 400);
    assert.ok(refused.json().errors.some((e: { message: string }) => /cơ sở dữ liệu an sinh.*cần ghi chú để gửi/.test(e.message)));
    await app.inject({
      method: 'PUT',
      url: `${url}/form`,
      headers: officer,
      payload: {
        values: [
          { indicatorCode: 'poor_household_rate', disaggregation: '', numerator: c.poor + 1, denominator: 60, comment: 'Một hộ mới tách, chưa nhập sổ hộ' },
        ],
      },
    });
    const ok = await app.inject({ method: 'POST', url: `${url}/submit`, headers: officer });
    assert.equal(ok.statusCode, 200, ok.body);

    // Beneficiaries are the persons whose latest decision grants a benefit, though no payment
    // list of the month exists yet: three enrolled in January, one of them stopped in March.
    const ids = (await sql<{ id: number }>`select id from persons where unit_id = ${thuLum} and death_date is null order by id limit 3`.execute(k)).rows.map(
      (r) => r.id,
    );
    let n = 0;
    const decide = (person: number, kind: string, month: number) =>
      sql`insert into benefit_decisions (province_code, unit_id, person_id, number, decided_on, signer, kind, category, start_month)
      values ('12', ${thuLum}, ${person}, ${`T-${++n}/QĐ-UBND`}, '2026-01-05', 'Chủ tịch UBND xã', ${kind}, '5.1', ${month})`.execute(k);
    for (const id of ids) await decide(id, 'start', 202601);
    await decide(ids[0]!, 'stop', 202603);
    assert.equal((await sql<{ n: number }>`select count(*)::int as n from payrolls where unit_id = ${thuLum}`.execute(k)).rows[0]!.n, 0, 'no payment list yet');
    const after = (await app.inject({ method: 'GET', url: `${url}/form`, headers: officer })).json();
    assert.deepEqual(
      after.registry.values.find((v: { indicatorCode: string }) => v.indicatorCode === 'social_assistance_beneficiaries'),
      { indicatorCode: 'social_assistance_beneficiaries', numerator: null, denominator: null, value: 2 },
    );

    // A period not begun has nothing to count yet.
    const next = new Date().getFullYear() + 1;
    assert.equal((await app.inject({ method: 'GET', url: `/api/monitoring/units/03439/periods/${next}/form`, headers: officer })).json().registry, null);

    // A commune without a registry: no registry block, no registry indicators added.
    const other = {
      ...(await sessionHeaders(db, await createTestUser(db, { username: 'khac', role: 'officer', unitCode: '03430' }))),
      'accept-language': 'vi',
    };
    const plain = await app.inject({ method: 'GET', url: '/api/monitoring/units/03430/periods/2026/form', headers: other });
    assert.equal(plain.statusCode, 200, plain.body);
    assert.equal(plain.json().registry, null);
    assert.equal(
      plain.json().indicators.some((i: { code: string }) => i.code === 'poor_household_rate'),
      false,
    );
  } finally {
    await close();
  }
});
