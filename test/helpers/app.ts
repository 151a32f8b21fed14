// An in-process app on a fresh test database: tests send real HTTP requests with inject().
import { buildApp } from '../../src/server.ts';
import { readConfig } from '../../src/kernel/config.ts';
import { version } from '../../src/kernel/version.ts';
import type { Db } from '../../src/db/connection.ts';
import { testDb } from './db.ts';

/** `now` fixes the server's clock (sessions, "today" of work lists and deadlines). */
export async function testApp(db?: Db, opts: { now?: () => Date } = {}) {
  const d = db ?? (await testDb());
  const config = readConfig({ ...process.env, ANSINH_DATA_DIR: '/nonexistent', DATABASE_URL: '' });
  const app = await buildApp({ db: d, config, version }, { serveWeb: false, ...opts });
  return {
    app,
    db: d,
    async close() {
      await app.close();
      await d.close();
    },
  };
}
