// The annual report (.docx) carries a chart per target with data (issue 5 parts 6–7): PNG
// images in word/media, each referenced from document.xml, each with the figures it draws as
// its text alternative, and those figures are the indicator's series the API serves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import JSZip from 'jszip';
import { testApp } from '../../test/helpers/app.ts';
import { createTestUser, sessionHeaders } from '../access/testing.ts';
import { formatNumberVi } from '../kernel/i18n.ts';
import { monitoringDb, seedFixture } from './fixture.ts';
import { rebuildAggregates } from './store.ts';
import { chartPoints, chartSpec, chartSvg, chartTable, chartYears, SERIES } from './chart.ts';

test('chart spec: the history, the projection from the latest value and the target line, nothing else', () => {
  const c = {
    title: 'Tỷ lệ hộ nghèo (%)',
    unit: '%',
    history: [
      { year: 2021, value: 30 },
      { year: 2025, value: 22 },
    ],
    projection: [
      { year: 2025, value: 22 },
      { year: 2030, value: 12 },
    ],
    target: { comparator: '<' as const, value: 10, year: 2030 },
  };
  assert.deepEqual(chartPoints(c), [
    { year: 2021, value: 30, series: SERIES.history },
    { year: 2025, value: 22, series: SERIES.history },
    { year: 2025, value: 22, series: SERIES.projection },
    { year: 2030, value: 12, series: SERIES.projection },
    { year: 2021, value: 10, series: SERIES.target },
    { year: 2030, value: 10, series: SERIES.target },
  ]);
  const spec = chartSpec(c) as { data: { values: unknown[] }; encoding: { y: { title: string | null } } };
  assert.deepEqual(spec.data.values, chartPoints(c));
  assert.equal(spec.encoding.y.title, '%');
});

test('chart for people (issue 15 item 4): one tick a year, Vietnamese words, the baseline and the target, decimal comma, a table alternative', async () => {
  const c = {
    title: 'Tỷ lệ hộ nghèo (%)',
    unit: '%',
    history: [
      { year: 2021, value: 3.55 },
      { year: 2023, value: 3 },
      { year: 2025, value: 2.6 },
    ],
    projection: [
      { year: 2025, value: 2.6 },
      { year: 2030, value: 1.25 },
    ],
    target: { comparator: '<' as const, value: 1.5, year: 2030 },
    baseline: { year: 2020, value: 3.9 },
  };
  assert.deepEqual(chartYears(c), [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
  const spec = chartSpec(c) as unknown as { encoding: { x: { axis: { values: number[] } }; color: { scale: { domain: string[] } } } };
  assert.deepEqual(spec.encoding.x.axis.values, chartYears(c));
  assert.deepEqual(spec.encoding.color.scale.domain, ['Số liệu', 'Dự báo', 'Mục tiêu', 'Năm gốc']);
  const svg = await chartSvg(c);
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
  const years = texts.filter((x) => /^\d{4}$/.test(x));
  assert.deepEqual(years, [...new Set(years)], 'no year twice on the axis');
  assert.equal(years.length, 11);
  for (const word of ['Năm', 'Số liệu', 'Dự báo', 'Mục tiêu', 'Năm gốc', '%']) assert.ok(texts.includes(word), `${word} in ${texts.join(' | ')}`);
  assert.ok(
    texts.some((x) => /^\d,\d+$/.test(x)),
    `a decimal comma on the y axis: ${texts.join(' | ')}`,
  );
  assert.ok(!texts.some((x) => /^\d\.\d+$/.test(x)), 'no decimal point');
  // Counts say their unit in words.
  const households = chartSpec({ ...c, unit: 'households' }) as unknown as { encoding: { y: { title: string } } };
  assert.equal(households.encoding.y.title, 'hộ');
  assert.deepEqual(chartTable(c), [
    { year: 2020, history: null, projection: null, baseline: 3.9, target: null },
    { year: 2021, history: 3.55, projection: null, baseline: null, target: null },
    { year: 2023, history: 3, projection: null, baseline: null, target: null },
    { year: 2025, history: 2.6, projection: null, baseline: null, target: null },
    { year: 2030, history: null, projection: 1.25, baseline: null, target: 1.5 },
  ]);
});

test("report.docx: a PNG chart per target with data, referenced in document.xml, its figures = the indicator's series", async () => {
  const db = await monitoringDb();
  const ids = await seedFixture(db);
  const { app, close } = await testApp(db);
  try {
    const k = db.k;
    const communes = (await sql<{ id: number }>`select id from units where parent_id = ${ids.province} order by code`.execute(k)).rows;
    for (const [i, c] of communes.entries()) {
      for (const year of [2021, 2022, 2023, 2024, 2025]) {
        const den = 1000 * (i + 1);
        await sql`insert into monitoring_submissions (unit_id, period, status) values (${c.id}, ${String(year)}, 'approved')`.execute(k);
        await sql`insert into monitoring_values (unit_id, indicator_code, period, disaggregation, numerator, denominator) values
          (${c.id}, 'poor_household_rate', ${String(year)}, '', ${Math.round(den * (0.3 - 0.02 * (year - 2021) - 0.01 * i))}, ${den})`.execute(k);
      }
    }
    await rebuildAggregates(db.k);
    const h = await sessionHeaders(db, await createTestUser(db, { username: 'tinh', role: 'approver', unitCode: '98' }));
    const dash = (await app.inject({ method: 'GET', url: '/api/monitoring/units/98/dashboard?year=2025', headers: h })).json();
    const withData = dash.rows.filter((r: { latest: unknown }) => r.latest !== null);
    assert.ok(withData.length >= 1 && withData.length < dash.rows.length, 'some targets have data, some not');

    const res = await app.inject({ method: 'GET', url: '/api/monitoring/units/98/report.docx?year=2025', headers: h });
    assert.equal(res.statusCode, 200);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const media = Object.keys(zip.files).filter((f) => /^word\/media\/.+\.png$/.test(f));
    assert.equal(media.length, withData.length);
    for (const f of media) {
      const png = await zip.file(f)!.async('nodebuffer');
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${f} is a PNG`);
      assert.equal(png.readUInt32BE(16), 1200, `${f} is 1200 px wide`);
    }
    const xml = await zip.file('word/document.xml')!.async('string');
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const embeds = [...xml.matchAll(/<a:blip r:embed="([^"]+)"/g)].map((m) => m[1]!);
    assert.equal(embeds.length, media.length);
    const targets = embeds.map(
      (id) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1],
    );
    assert.deepEqual(targets.map((t) => `word/${t}`).sort(), media.sort());
    assert.match(xml, /III\. DIỄN BIẾN VÀ DỰ BÁO CÁC CHỈ TIÊU/);
    assert.match(xml, /Biểu đồ 1\. /);

    // The poverty chart's figures are the API's series and projection, and the plan's target.
    const detail = (await app.inject({ method: 'GET', url: '/api/monitoring/units/98/indicators/poor_household_rate?year=2025', headers: h })).json();
    const descrs = [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"[^>]*title="([^"]*)"/g)].map((m) => ({ descr: m[1]!, title: m[2]! }));
    const poor = descrs.find((x) => x.title.startsWith('Tỷ lệ hộ nghèo'))!;
    assert.ok(poor, JSON.stringify(descrs.map((x) => x.title)));
    const f = (x: number) => formatNumberVi(x, 2);
    assert.equal(detail.history.length, 5);
    assert.match(poor.descr, new RegExp(`^Số liệu: ${detail.history.map((p: { year: number; value: number }) => `${p.year}: ${f(p.value)}`).join('; ')}\\. `));
    const proj = detail.progress.projection.at(-1);
    assert.ok(poor.descr.includes(`Dự báo ${proj.year}: ${f(proj.value)}`), poor.descr);
    assert.ok(poor.descr.includes(`Mục tiêu: dưới ${f(detail.target.value)} (${detail.target.year})`), poor.descr);
    // The web shows the same chart (SVG) and the same figures as a table.
    assert.equal(poor.descr, detail.chart.description);
    assert.deepEqual(
      detail.chart.table.filter((r: { history: number | null }) => r.history !== null).map((r: { year: number }) => r.year),
      detail.history.map((p: { year: number }) => p.year),
    );
    const svg = await app.inject({ method: 'GET', url: '/api/monitoring/units/98/indicators/poor_household_rate/chart.svg?year=2025', headers: h });
    assert.equal(svg.statusCode, 200);
    assert.match(svg.headers['content-type'] as string, /^image\/svg\+xml/);
    assert.match(svg.body, /<svg[^>]*>[\s\S]*Mục tiêu[\s\S]*<\/svg>/);
    assert.equal((await app.inject({ method: 'GET', url: '/api/monitoring/units/98/indicators/poor_household_rate/chart.svg?year=2025' })).statusCode, 401);
    // The units below as bars, in rank order (best first), the target as a rule.
    const bars = await app.inject({ method: 'GET', url: '/api/monitoring/units/98/children.svg?year=2025&indicator=poor_household_rate', headers: h });
    assert.equal(bars.statusCode, 200, bars.body);
    const kids = (await app.inject({ method: 'GET', url: '/api/monitoring/units/98/children?year=2025&indicator=poor_household_rate', headers: h })).json();
    const names = [...bars.body.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!).filter((x) => kids.rows.some((r: { name: string }) => r.name === x));
    assert.deepEqual(
      names,
      kids.rows.filter((r: { cells: { value: number | null }[] }) => r.cells[0]!.value !== null).map((r: { name: string }) => r.name),
    );
    assert.match(bars.body, /Mục tiêu: dưới 10/);
  } finally {
    await close();
  }
});
