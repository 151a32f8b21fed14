// Funds benchmark (issue 13 "done means"): a fund with N receipts (default 100,000) of synthetic
// Vietnamese donors; the public ledger's donor search (accent-insensitive substring, with its count
// and sum: src/funds/store.ts publicReceipts) timed over a mix of full names, given names and
// surnames, p50 and p95, with the trigram index and then, in the same run, without it (the
// baseline: the same query reading every receipt of the fund). Goal: p95 < 200 ms.
//   npm run bench -- funds [--receipts=100000] [--no-pglite] [--no-pg]
import { sql } from 'kysely';
import type { Db } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadReferenceData } from '../src/reference.ts';
import { foldDonor } from '../src/funds/model.ts';
import * as store from '../src/funds/store.ts';
import { arg, onBothBackends } from './lib.ts';

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Lò',
  'Hà',
  'Sùng',
  'Giàng',
];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Hữu', 'Xuân', 'Thu'];
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Đức',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Hoa',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Minh',
  'Nam',
  'Nga',
  'Phong',
  'Phúc',
  'Quang',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vân',
  'Pao',
  'Mé',
  'Sính',
  'Chứ',
];
const ORGS = ['Công ty TNHH', 'Hợp tác xã', 'Trường THCS', 'Ngân hàng', 'Chi đoàn'];

function donor(i: number): string {
  if (i % 17 === 0) return `${ORGS[i % ORGS.length]} ${GIVEN[(i * 7) % GIVEN.length]} ${GIVEN[(i * 11) % GIVEN.length]}`;
  return `${FAMILY[(i * 31) % FAMILY.length]} ${MIDDLE[(i * 7) % MIDDLE.length]} ${GIVEN[(i * 13) % GIVEN.length]}`;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

async function runOn(db: Db, label: string, n: number): Promise<void> {
  await migrate(db);
  await loadReferenceData(db);
  const unit = (
    await sql<{
      id: number;
      province_code: string;
    }>`select u.id, left(u.code, 2) as province_code from units u where u.level = 'commune' and u.valid_to is null order by u.code limit 1`.execute(db.k)
  ).rows[0]!;
  const fundId = await store.insertFund(db.k, unit, { kind: 'relief', name: 'Quỹ cứu trợ (bench)', bankName: null, accountNumber: null });
  const t0 = performance.now();
  for (let i = 0; i < n; i += 5000) {
    const k = Math.min(5000, n - i);
    const names = Array.from({ length: k }, (_, j) => donor(i + j));
    await sql`insert into fund_receipts (fund_id, unit_id, donor, donor_folded, amount, received_on, channel)
      select ${fundId}, ${unit.id}, d, f, 50000 * (1 + (o % 40)), date '2024-01-01' + (o % 600)::int, 'bank'
      from unnest(${names}::text[], ${names.map(foldDonor)}::text[]) with ordinality as x(d, f, o)`.execute(db.k);
  }
  await sql`analyze fund_receipts`.execute(db.k);
  console.log(`  ${label}: ${n.toLocaleString('en')} receipts inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const terms = [
    'Nguyễn Văn Hùng',
    'lo thi pao',
    'Giàng Mé',
    'sung',
    'Hoàng Ngọc Sính',
    'hop tac xa',
    'Vân',
    'Trần Thu Lan',
    'duong quoc',
    'Bùi Xuân Chứ',
    'ho huu',
    'ngân hàng phúc',
  ];
  const measure = async (rounds: number) => {
    const ms: number[] = [];
    let rows = 0;
    for (let r = 0; r < rounds; r++)
      for (const q of terms) {
        const t = performance.now();
        const res = await store.publicReceipts(db.k, fundId, { limit: 20, offset: 0 }, foldDonor(q));
        ms.push(performance.now() - t);
        rows += res.total;
      }
    return { p50: pct(ms, 0.5), p95: pct(ms, 0.95), rows };
  };
  await measure(1); // warm-up
  const indexed = await measure(5);
  await sql`drop index fund_receipts_donor_trgm`.execute(db.k);
  await measure(1);
  const bare = await measure(3);
  if (bare.rows / 3 !== indexed.rows / 5) console.log('  (the two runs found different rows: the comparison is void)');
  const f = (x: number) => `${x.toFixed(1)} ms`.padStart(9);
  console.log(`  donor search, trigram index:   p50 ${f(indexed.p50)}  p95 ${f(indexed.p95)}   (${terms.length} terms × 5)`);
  console.log(`  same query, no index (baseline): p50 ${f(bare.p50)}  p95 ${f(bare.p95)}   (${terms.length} terms × 3)`);
  console.log(`  ratio p95 indexed / baseline: ${(indexed.p95 / bare.p95).toFixed(2)}; goal p95 < 200 ms: ${indexed.p95 < 200 ? 'met' : 'NOT met'}`);
}

export async function run(): Promise<void> {
  const n = Number(arg('receipts', '100000'));
  await onBothBackends('ansinh_bench_funds', (db, backend) => runOn(db, backend, n), { poolSize: 2, dropAfter: true });
}
