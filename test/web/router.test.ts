// The client-side route table: every page has one address, params are decoded, and the first
// matching route wins (web/src/routes.ts lists them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findRoute, matchPath } from '../../web/src/lib/match.ts';

test('patterns match whole paths and decode params', () => {
  assert.deepEqual(matchPath('/', '/'), {});
  assert.deepEqual(matchPath('/don-vi/:code', '/don-vi/03439'), { code: '03439' });
  assert.deepEqual(matchPath('/don-vi/:code', '/don-vi/03439/'), { code: '03439' });
  assert.deepEqual(matchPath('/q/:name', '/q/Ho%E1%BA%B1ng%20Ph%C3%BA'), { name: 'Hoằng Phú' });
  assert.equal(matchPath('/don-vi/:code', '/don-vi'), null);
  assert.equal(matchPath('/don-vi', '/don-vi/03439'), null);
  assert.equal(matchPath('/', '/ke-hoach'), null);
  assert.equal(matchPath('/q/:name', '/q/%E0%A4%A'), null); // malformed escape
});

test('the first matching route wins', () => {
  const routes = [{ path: '/quan-tri' }, { path: '/quan-tri/nguoi-dung' }, { path: '/quan-tri/:x' }];
  assert.equal(findRoute(routes, '/quan-tri/nguoi-dung')?.route.path, '/quan-tri/nguoi-dung');
  assert.deepEqual(findRoute(routes, '/quan-tri/nhat-ky')?.params, { x: 'nhat-ky' });
  assert.equal(findRoute(routes, '/khong-co'), null);
});
