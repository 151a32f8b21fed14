// The list of CLI commands, in one place. Features export theirs from their folder.
import type { CliCommand } from './kernel/cli.ts';
import { planImportCommand } from './plans/import.ts';
import { serveCommand, migrateCommand, seedDemoCommand } from './system/commands.ts';
import { unitsImportCommand } from './units/commands.ts';
import { accessCommands } from './access/commands.ts';
import { auditVerifyCommand } from './audit/commands.ts';
import { monitoringCommands } from './monitoring/commands.ts';
import { evaluateCommand } from './law/commands.ts';
import { indicatorCommands } from './indicators/commands.ts';
import { planCommands } from './plans/commands.ts';
import { registryCommands } from './registry/commands.ts';

export const commands: CliCommand[] = [
  serveCommand,
  migrateCommand,
  seedDemoCommand,
  unitsImportCommand,
  ...accessCommands,
  auditVerifyCommand,
  ...monitoringCommands,
  evaluateCommand,
  ...indicatorCommands,
  ...planCommands,
  planImportCommand,
  ...registryCommands,
];
