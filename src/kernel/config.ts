// Configuration read once from the environment; every other module receives it as a value.
import { resolve } from 'node:path';

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Folder of the embedded PGlite database; ignored when databaseUrl is set. */
  readonly dataDir: string;
  /** PostgreSQL server URL; when set it replaces the embedded database. */
  readonly databaseUrl: string | null;
  /** Mark cookies Secure (behind HTTPS). */
  readonly secureCookies: boolean;
  /** Folder of the built web app. */
  readonly webDir: string;
  /** Where the audit chain's head is anchored daily (ANSINH_AUDIT_ANCHOR_DIR); null: not anchored by the server. */
  readonly auditAnchorDir: string | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
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
    secureCookies: env.ANSINH_SECURE_COOKIES === '1' || env.ANSINH_SECURE_COOKIES === 'true',
    webDir: resolve(env.ANSINH_WEB_DIR ?? new URL('../../web/dist', import.meta.url).pathname),
    auditAnchorDir: env.ANSINH_AUDIT_ANCHOR_DIR && env.ANSINH_AUDIT_ANCHOR_DIR.trim() !== '' ? resolve(env.ANSINH_AUDIT_ANCHOR_DIR.trim()) : null,
  };
}
