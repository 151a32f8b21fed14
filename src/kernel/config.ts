// Configuration read once from the environment; every other module receives it as a value.
import { isIP } from 'node:net';
import { resolve } from 'node:path';

/** Log levels of ANSINH_LOG, quietest first. */
export const LOG_LEVELS = ['off', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Folder of the embedded PGlite database; ignored when databaseUrl is set. */
  readonly dataDir: string;
  /** PostgreSQL server URL; when set it replaces the embedded database. */
  readonly databaseUrl: string | null;
  /**
   * Mark cookies Secure: ANSINH_SECURE_COOKIES=1, or by default when ANSINH_PUBLIC_URL is an
   * https:// address (ANSINH_SECURE_COOKIES=0 turns it off). A request that arrives over HTTPS
   * always gets Secure cookies.
   */
  readonly secureCookies: boolean;
  /** The address users reach the server at (ANSINH_PUBLIC_URL), when the operator gives one. */
  readonly publicUrl: string | null;
  /** Folder of the built web app. */
  readonly webDir: string;
  /**
   * Reverse proxies whose X-Forwarded-For is believed (addresses, CIDRs, or proxy-addr's
   * `loopback` / `linklocal` / `uniquelocal`). Empty: the header is ignored and the client is
   * the connection's address, so that nobody can forge the address of the sign-in lockout and
   * the audit log.
   */
  readonly trustProxy: readonly string[];
  /** Requests a minute one client address may make to each public /api/ route (0: no limit). */
  readonly publicRate: number;
  /** Where the audit chain's head is anchored daily (ANSINH_AUDIT_ANCHOR_DIR); null: not anchored by the server. */
  readonly auditAnchorDir: string | null;
  /** The server's log level (ANSINH_LOG): JSON lines on standard output; off writes none. */
  readonly log: LogLevel;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** ANSINH_PUBLIC_RATE: requests a minute per client address and public route; 120 by default, 0 turns the limit off. */
/** ANSINH_LOG: off, error, warn (the default), info (one line per request) or debug. */
function parseLogLevel(v: string | undefined): LogLevel {
  if (v === undefined || v.trim() === '') return 'warn';
  const l = v.trim().toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(l)) throw new ConfigError(`ANSINH_LOG must be one of ${LOG_LEVELS.join(', ')}, got "${v}"`);
  return l as LogLevel;
}

function parsePublicRate(v: string | undefined): number {
  if (v === undefined || v.trim() === '') return 120;
  if (!/^\d{1,7}$/.test(v.trim())) throw new ConfigError(`ANSINH_PUBLIC_RATE must be a whole number of requests a minute (0 for no limit), got "${v}"`);
  return Number(v.trim());
}

/** ANSINH_TRUST_PROXY: a comma list of proxy addresses or CIDRs; anything else is refused. */
export function parseTrustProxy(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  const out: string[] = [];
  for (const raw of value.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const [addr, prefix, ...rest] = entry.split('/');
    const family = isIP(addr ?? '');
    const okPrefix = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (!(PROXY_NAMES.has(entry) || (family !== 0 && okPrefix && rest.length === 0))) {
      throw new ConfigError(`ANSINH_TRUST_PROXY must list proxy addresses or CIDRs separated by commas (e.g. 127.0.0.1,10.0.0.0/8), got "${entry}"`);
    }
    out.push(entry);
  }
  return out;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535, got "${env.PORT}"`);
  }
  const databaseUrl = env.DATABASE_URL && env.DATABASE_URL.trim() !== '' ? env.DATABASE_URL.trim() : null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  return {
    port,
    host: env.HOST && env.HOST !== '' ? env.HOST : '127.0.0.1',
    dataDir: resolve(env.ANSINH_DATA_DIR && env.ANSINH_DATA_DIR !== '' ? env.ANSINH_DATA_DIR : './data'),
    databaseUrl,
    secureCookies:
      env.ANSINH_SECURE_COOKIES === '1' ||
      env.ANSINH_SECURE_COOKIES === 'true' ||
      (env.ANSINH_SECURE_COOKIES !== '0' && env.ANSINH_SECURE_COOKIES !== 'false' && /^https:\/\//i.test(env.ANSINH_PUBLIC_URL ?? '')),
    publicUrl: env.ANSINH_PUBLIC_URL && env.ANSINH_PUBLIC_URL.trim() !== '' ? env.ANSINH_PUBLIC_URL.trim() : null,
    webDir: resolve(env.ANSINH_WEB_DIR ?? new URL('../../web/dist', import.meta.url).pathname),
    trustProxy: parseTrustProxy(env.ANSINH_TRUST_PROXY),
    publicRate: parsePublicRate(env.ANSINH_PUBLIC_RATE),
    log: parseLogLevel(env.ANSINH_LOG),
    auditAnchorDir: env.ANSINH_AUDIT_ANCHOR_DIR && env.ANSINH_AUDIT_ANCHOR_DIR.trim() !== '' ? resolve(env.ANSINH_AUDIT_ANCHOR_DIR.trim()) : null,
  };
}
