// The list of CLI commands, in one place, as groups that load their feature's module only when
// one of their commands runs. Features export their commands from their folder. `npm run build`
// writes the commands' names, usage and options to dist/cli-manifest.json (scripts/build-server.mjs)
// so that `ansinh --help` and the dispatch read no feature module.
import type { CliCommand } from './kernel/cli.ts';

export interface CommandGroup {
  readonly load: () => Promise<readonly CliCommand[]>;
}

export const commandGroups: readonly CommandGroup[] = [
  {
    load: async () => {
      const m = await import('./system/commands.ts');
      return [m.serveCommand, m.migrateCommand, m.seedDemoCommand];
    },
  },
  { load: async () => [(await import('./units/commands.ts')).unitsImportCommand] },
  { load: async () => (await import('./access/commands.ts')).accessCommands },
  {
    load: async () => {
      const m = await import('./audit/commands.ts');
      return [m.auditVerifyCommand, m.auditAnchorCommand];
    },
  },
  { load: async () => (await import('./monitoring/commands.ts')).monitoringCommands },
  { load: async () => [(await import('./law/commands.ts')).evaluateCommand] },
  { load: async () => (await import('./indicators/commands.ts')).indicatorCommands },
  { load: async () => (await import('./plans/commands.ts')).planCommands },
  { load: async () => [(await import('./plans/import.ts')).planImportCommand] },
  { load: async () => (await import('./registry/commands.ts')).registryCommands },
  { load: async () => (await import('./payments/commands.ts')).paymentsCommands },
  { load: async () => [(await import('./merit/cli.ts')).meritImportCommand] },
  { load: async () => (await import('./national/commands.ts')).nationalCommands },
];

/** Every command, in the order of the groups (loads every feature: for help without a manifest, and tests). */
export async function loadAllCommands(): Promise<{ command: CliCommand; group: number }[]> {
  const out: { command: CliCommand; group: number }[] = [];
  for (const [group, g] of commandGroups.entries()) for (const command of await g.load()) out.push({ command, group });
  return out;
}
