// Plan extraction benchmark (issue 18 High 3): extraction time of texts of 40 KB, 200 KB and
// 1 MB (characters), for three shapes of text, and each size's time per KB as a ratio to the
// 40 KB run of the same shape measured in the same run: about 1 at every size means linear (the
// extractor used to be quadratic: 200k characters of digits took 36.6 s), and the growth from the
// size before (time ratio over size ratio: 1 linear, 5 quadratic for sizes ×5). Each time is the
// best of --repeat runs. In the process, no worker: this is the extractor's own time.
//   npm run bench -- plans [--sizes=40000,200000,1000000] [--repeat=2]
import { readFileSync } from 'node:fs';
import { extractPlan } from '../src/plans/extract/index.ts';
import { arg } from './lib.ts';

const plans = ['lai-chau-province-action-program-nq42', 'thu-lum-commune-2026-152-KH-DU', 'hoang-kim-commune-2024'].map((f) =>
  readFileSync(new URL(`../reference/plans/${f}.txt`, import.meta.url), 'utf8'),
);

/** The shapes: the shared plans one after another; an objectives section that is all targets; one line of digits. */
const shapes: Record<string, (n: number) => string> = {
  plans: (n) => fill(plans.join('\n\n'), n),
  targets: (n) =>
    'KẾ HOẠCH\n\nII. MỤC TIÊU\n\n' +
    fill('- Tỷ lệ hộ nghèo giảm bình quân trên 3%/năm; trên 95% dân số tham gia BHYT; 100% trẻ em dưới 6 tuổi được cấp thẻ BHYT.\n', n),
  digits: (n) => fill('1234567890', n),
};

function fill(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

export async function run(): Promise<void> {
  const sizes = arg('sizes', '40000,200000,1000000').split(',').map(Number);
  const repeat = Math.max(1, Number(arg('repeat', '2')));
  extractPlan(plans[1]!); // warm up the catalogue matcher and the JIT
  console.log('shape    size (chars)   time      ms per KB   ratio to the smallest   growth from the size before');
  for (const [name, make] of Object.entries(shapes)) {
    let base: number | null = null;
    let prev: { n: number; ms: number } | null = null;
    for (const n of sizes) {
      const text = make(n);
      let ms = Infinity;
      let targets = 0;
      for (let k = 0; k < repeat; k++) {
        const t0 = performance.now();
        targets = extractPlan(text).targets.length;
        ms = Math.min(ms, performance.now() - t0);
      }
      const perKb = ms / (n / 1000);
      base ??= perKb;
      const growth = prev ? (ms / prev.ms / (n / prev.n)).toFixed(2) : '-';
      console.log(
        `${name.padEnd(8)} ${String(n).padStart(12)}   ${(ms / 1000).toFixed(2).padStart(6)} s   ${perKb.toFixed(2).padStart(9)}   ${(perKb / base).toFixed(2).padStart(21)}   ${growth.padStart(6)}   (${targets} targets)`,
      );
      prev = { n, ms };
    }
  }
}
