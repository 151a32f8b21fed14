// System commands: serve the app, migrate the database, load the demo.
import { sql } from 'kysely';
import type { CliCommand } from '../kernel/cli.ts';
import { buildApp } from '../server.ts';
import { version } from '../kernel/version.ts';
import { seedDemo, demoLogins } from '../demo/seed.ts';
import { loadReferenceData } from '../reference.ts';
import { migrate } from '../db/migrate.ts';
import { openDb, type Db } from '../db/connection.ts';
import { jobWorker } from '../jobs/runner.ts';
import { startAnchoring } from '../audit/anchor.ts';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Start the web server (migrates, loads demo data on first start)',
  usage: 'serve [--no-demo]',
  options: { 'no-demo': { type: 'boolean' } },
  async run({ values }, ctx) {
    const db = await ctx.db();
    const first = await isEmpty(db);
    if (first && !values['no-demo']) {
      ctx.stdout.write('Lần chạy đầu: đang nạp dữ liệu mẫu (demo)...\n');
      await seedDemo(db, (l) => ctx.stdout.write(`  ${l}\n`));
    } else {
      await loadReferenceData(db, (l) => ctx.stdout.write(`  ${l}\n`));
    }
    const app = await buildApp({ db, config: ctx.config, version }, { logger: ctx.config.log });
    const address = await app.listen({ port: ctx.config.port, host: ctx.config.host });
    const shown = address.replace('127.0.0.1', 'localhost');
    ctx.stdout.write(
      [
        '',
        `ansinh ${version} đang chạy tại / is running at ${shown}`,
        `Cơ sở dữ liệu / database: ${db.kind} (${db.location})`,
        ...(demoLogins.length
          ? ['Tài khoản mẫu / demo logins:', ...demoLogins.map((l) => `  ${l.username.padEnd(22)} ${l.password.padEnd(16)} ${l.role}`)]
          : []),
        'Nhấn Ctrl+C để dừng / press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
    // Jobs a previous process left unfinished resume from their last committed chunk; then the
    // worker polls for jobs queued by commands or left by a process that died.
    const worker = jobWorker(db, (l) => ctx.stdout.write(`${l}\n`));
    worker.start();
    // The audit chain's head, anchored once now and daily, when the operator chose a place.
    const stopAnchoring = ctx.config.auditAnchorDir ? startAnchoring(db.k, ctx.config.auditAnchorDir, (l) => ctx.stdout.write(`${l}\n`)) : () => {};
    const stop = async () => {
      stopAnchoring();
      await worker.stop();
      await app.close();
      await db.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await new Promise(() => {});
  },
};

async function isEmpty(db: Db): Promise<boolean> {
  const s = await sql<{ n: number }>`select count(*)::int as n from demo_state`.execute(db.k);
  return (s.rows[0]?.n ?? 0) === 0;
}

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'Apply pending database migrations',
  usage: 'migrate',
  async run(_a, ctx) {
    // ctx.db() migrates on open; report what it did.
    const db = await openDb({ databaseUrl: ctx.config.databaseUrl, dataDir: ctx.config.dataDir });
    try {
      const r = await migrate(db);
      ctx.stdout.write(
        r.applied.length
          ? `Applied ${r.applied.map((m) => `${String(m.version).padStart(3, '0')}_${m.name}`).join(', ')}; now at ${r.current}\n`
          : `Up to date at ${r.current}\n`,
      );
    } finally {
      await db.close();
    }
  },
};

export const seedDemoCommand: CliCommand = {
  name: 'seed-demo',
  summary: 'Load the demo data (reference units and indicators, demo users, plans, reports, registry)',
  usage: 'seed-demo',
  async run(_a, ctx) {
    const db = await ctx.db();
    await seedDemo(db, (l) => ctx.stdout.write(`${l}\n`));
    ctx.stdout.write('Demo data loaded.\n');
  },
};
