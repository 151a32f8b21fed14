// What the benchmarks share: options from the command line, a free port, time formatting and
// the median.
import { createServer } from 'node:net';

/** `--name=value` from the command line, or the default. */
export const arg = (name: string, def: string): string => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? def;
/** Whether `--name` was given. */
export const flag = (name: string): boolean => process.argv.includes(`--${name}`);
/** Milliseconds as seconds with one decimal: "2.4 s". */
export const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A TCP port nobody listens on now (for a server the benchmark starts). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address() as { port: number };
      s.close(() => resolve(a.port));
    });
  });
}
