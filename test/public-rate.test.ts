// Public endpoints are rate-limited per client address for visitors (the brief: "public endpoints
// are rate-limited"); signed-in users and the health probe are not counted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../src/server.ts';
import { readConfig, ConfigError } from '../src/kernel/config.ts';
import { version } from '../src/kernel/version.ts';
import { testDb } from './helpers/db.ts';
import { createTestUser, sessionHeaders } from '../src/access/testing.ts';

async function appWithRate(rate: string) {
  const db = await testDb();
  const config = readConfig({ ...process.env, ANSINH_DATA_DIR: '/nonexistent', DATABASE_URL: '', ANSINH_PUBLIC_RATE: rate });
  const app = await buildApp({ db, config, version }, { serveWeb: false });
  return { app, db, close: async () => (await app.close(), await db.close()) };
}

test('a visitor past ANSINH_PUBLIC_RATE requests a minute on a public route gets 429 problem+json with Retry-After; another address and a signed-in user still get answers; health is never limited', async () => {
  const t = await appWithRate('5');
  try {
    const get = (url: string, remoteAddress = '203.0.113.7', headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url, remoteAddress, headers });
    for (let i = 0; i < 5; i++) assert.equal((await get('/api/units?q=ha%20noi')).statusCode, 200, `request ${i + 1}`);
    const refused = await get('/api/units?q=ha%20noi');
    assert.equal(refused.statusCode, 429);
    assert.match(String(refused.headers['content-type']), /application\/problem\+json/);
    assert.equal(refused.json().type.endsWith('too-many-requests'), true, refused.body);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    // Counted per address and per route.
    assert.equal((await get('/api/units?q=ha%20noi', '198.51.100.9')).statusCode, 200);
    assert.equal((await get('/api/registry/ethnic-groups')).statusCode, 200);
    // The health probe says limit: false.
    for (let i = 0; i < 8; i++) assert.equal((await get('/api/health')).statusCode, 200);
    // A signed-in officer behind the same address is not counted.
    const uid = await createTestUser(t.db, { username: 'canbo', role: 'officer', unitCode: null });
    const h = await sessionHeaders(t.db, uid);
    for (let i = 0; i < 8; i++) assert.equal((await get('/api/units?q=ha%20noi', '203.0.113.7', h)).statusCode, 200);
  } finally {
    await t.close();
  }
});

test('ANSINH_PUBLIC_RATE=0 turns the limit off; a value that is not a whole number is refused at start', async () => {
  const t = await appWithRate('0');
  try {
    for (let i = 0; i < 12; i++) assert.equal((await t.app.inject({ method: 'GET', url: '/api/units?q=hue', remoteAddress: '203.0.113.7' })).statusCode, 200);
  } finally {
    await t.close();
  }
  assert.throws(() => readConfig({ ANSINH_PUBLIC_RATE: 'nhiều' }), ConfigError);
});
