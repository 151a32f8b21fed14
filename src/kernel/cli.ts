// The shape of a CLI command. Features export their commands; src/cli.ts dispatches.
import type { ParseArgsConfig } from 'node:util';
import type { Config } from './config.ts';
import type { Db } from '../db/connection.ts';

export interface CliContext {
  readonly config: Config;
  /** Opens the configured database once (migrated, reference data loaded); later calls return the same one. */
  db(): Promise<Db>;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

export interface CliCommand {
  /** One or two words: "serve", "units import". */
  readonly name: string;
  readonly summary: string;
  /** Usage line after "ansinh ", e.g. "units import FILE [--dry-run]". */
  readonly usage: string;
  readonly options?: ParseArgsConfig['options'];
  /** Longer help: accepted formats, examples. */
  readonly help?: string;
  run(args: { positionals: string[]; values: Record<string, string | boolean | string[] | boolean[] | undefined> }, ctx: CliContext): Promise<number | void>;
}

/** A failure the CLI prints as one line, without a stack trace. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
