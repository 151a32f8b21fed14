// The `ansinh` command: composition of every feature's CLI commands.
import { parseArgs } from 'node:util';
import { readConfig, ConfigError } from './kernel/config.ts';
import { CliError, type CliCommand, type CliContext } from './kernel/cli.ts';
import { existsSync, readFileSync } from 'node:fs';
import { AppError, toProblem } from './kernel/errors.ts';
import type { Db } from './db/connection.ts';
import { version } from './kernel/version.ts';
import { commandGroups, loadAllCommands } from './commands.ts';

/** A command as `--help` and the dispatch need it: its words, usage and options, and its group. */
export type CommandInfo = Pick<CliCommand, 'name' | 'summary' | 'usage' | 'options' | 'help'> & { readonly group: number };

const MANIFEST = new URL('./cli-manifest.json', import.meta.url);

/** The commands' descriptions: from the build's manifest when there is one, else by loading every feature. */
async function commandInfos(): Promise<CommandInfo[]> {
  if (existsSync(MANIFEST)) return JSON.parse(readFileSync(MANIFEST, 'utf8')) as CommandInfo[];
  return (await loadAllCommands()).map(({ command: c, group }) => ({
    name: c.name,
    summary: c.summary,
    usage: c.usage,
    options: c.options,
    help: c.help,
    group,
  }));
}

function usage(cmds: readonly CommandInfo[]): string {
  const width = Math.max(...cmds.map((c) => c.usage.length));
  return [
    `ansinh ${version}: kế hoạch, theo dõi chỉ tiêu và chi trả chính sách xã hội`,
    '',
    'Usage: ansinh COMMAND [options]',
    '',
    ...cmds.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command: --help, --debug (show stack traces).',
    'Environment: PORT, HOST, ANSINH_DATA_DIR, DATABASE_URL (see README).',
  ].join('\n');
}

function commandHelp(c: CommandInfo): string {
  const opts = Object.entries(c.options ?? {}).map(([k, o]) => `  --${k}${o.type === 'string' ? ' VALUE' : ''}${o.short ? `, -${o.short}` : ''}`);
  return [`Usage: ansinh ${c.usage}`, '', c.summary, ...(c.help ? ['', c.help] : []), ...(opts.length ? ['', 'Options:', ...opts] : [])].join('\n');
}

export async function runCli(argv: string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream } = process): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  const cmds = await commandInfos();
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    io.stdout.write(usage(cmds) + '\n');
    return args.length === 0 ? 2 : 0;
  }
  if (args[0] === '--version' || args[0] === '-v') {
    io.stdout.write(version + '\n');
    return 0;
  }
  // Longest match: "units import" before "units".
  const info = cmds.find((c) => c.name.split(' ').length === 2 && c.name === `${args[0]} ${args[1] ?? ''}`) ?? cmds.find((c) => c.name === args[0]);
  if (!info) {
    io.stderr.write(`ansinh: unknown command "${args.slice(0, 2).join(' ')}"; run "ansinh --help"\n`);
    return 2;
  }
  const rest = args.slice(info.name.split(' ').length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(commandHelp(info) + '\n');
    return 0;
  }
  const cmd = (await commandGroups[info.group]!.load()).find((c) => c.name === info.name)!;
  let db: Db | null = null;
  try {
    const parsed = parseArgs({ args: rest, options: cmd.options ?? {}, allowPositionals: true, strict: true });
    const config = readConfig();
    const ctx: CliContext = {
      config,
      stdout: io.stdout,
      stderr: io.stderr,
      async db() {
        if (!db) {
          // Loaded here, not at the top: a command that opens no database starts without them.
          const [{ openDb }, { migrate }, { loadReferenceData }, { registerJobHandlers }] = await Promise.all([
            import('./db/connection.ts'),
            import('./db/migrate.ts'),
            import('./reference.ts'),
            import('./job-handlers.ts'),
          ]);
          registerJobHandlers(); // every job kind (src/job-handlers.ts), for the commands that run or resume jobs
          db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
          await migrate(db);
          // Reference data (units, indicators) is part of the schema for every command.
          await loadReferenceData(db, (l) => io.stderr.write(`  ${l}\n`));
        }
        return db;
      },
    };
    const code = await cmd.run(parsed as never, ctx);
    return typeof code === 'number' ? code : 0;
  } catch (e) {
    const err = e as Error & { code?: string };
    if (debug) io.stderr.write((err.stack ?? String(err)) + '\n');
    let msg: string;
    if (err instanceof AppError) {
      // The CLI speaks Vietnamese unless ANSINH_LANG=en.
      const loc = process.env.ANSINH_LANG === 'en' ? 'en' : 'vi';
      const p = toProblem(err, loc);
      msg = p.errors?.length ? `${p.title}: ${p.errors.map((x) => `${x.path}: ${x.message}`).join('; ')}` : (p.detail ?? p.title);
    } else if (err instanceof CliError || err instanceof ConfigError || err.name === 'MigrationError') msg = err.message;
    else if (err.code?.startsWith('ERR_PARSE_ARGS')) msg = `${err.message}; run "ansinh ${cmd.name} --help"`;
    else if (err.code === 'ENOENT') msg = err.message.replace(/^ENOENT: /, 'file not found: ');
    else msg = debug ? err.message : `${err.message} (run with --debug for details)`;
    io.stderr.write(`ansinh ${cmd.name}: ${msg.split('\n')[0]}\n`);
    return err instanceof CliError ? err.exitCode : 1;
  } finally {
    if (db && cmd.name !== 'serve') await (db as Db).close();
  }
}

const isMain = process.argv[1] && /(ansinh(\.js)?|cli\.ts)$/.test(process.argv[1]);
if (isMain) {
  const code = await runCli(process.argv.slice(2));
  if (code !== 0 || process.argv[2] !== 'serve') process.exitCode = code;
  if (process.argv[2] !== 'serve') {
    // Let stdout drain, then leave even if a library keeps a handle open.
    setImmediate(() => process.exit(code));
  }
}
