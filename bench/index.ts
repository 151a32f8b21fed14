// `npm run bench`: runs every benchmark module in turn. Each prints its measurements next to a
// baseline measured in the same run, as ratios. Pass a name to run one: `npm run bench -- monitoring`.
const modules: Record<string, () => Promise<{ run(args: string[]): Promise<void> }>> = {
  // name: () => import('./name.ts'),
  load: () => import('./load.ts'),
  'page-cpu': () => import('./page-cpu.ts'),
  funds: () => import('./funds.ts'),
  merit: () => import('./merit.ts'),
  monitoring: () => import('./monitoring.ts'),
  plans: () => import('./plans.ts'),
  recovery: () => import('./recovery.ts'),
  registry: () => import('./registry.ts'),
  startup: () => import('./startup.ts'),
};

const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const names = Object.keys(modules).filter((n) => only.length === 0 || only.includes(n));
if (names.length === 0) {
  console.log(only.length ? `no benchmark named ${only.join(', ')}; have: ${Object.keys(modules).join(', ')}` : 'no benchmarks yet');
}
for (const n of names) {
  console.log(`\n=== ${n}`);
  const m = await modules[n]!();
  await m.run(process.argv.slice(2));
}
process.exit(0);
