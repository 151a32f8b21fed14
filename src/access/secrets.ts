// Password hashing (argon2id) and TOTP (RFC 6238, 30-second steps, 6 digits) behind two small
// functions each, so that the rest of access control does not depend on the libraries.
import { hash, verify, Algorithm } from '@node-rs/argon2';
import { generateSecret, generate, verify as verifyTotp, generateURI } from 'otplib';
import { randomInt } from 'node:crypto';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const ARGON = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash no password matches, verified when the username is unknown so timing does not tell. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('ansinh-no-such-user');
  return dummy;
}

/** A temporary password for resets: 14 characters without look-alikes (0/O, 1/l/I). */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let s = '';
  for (let i = 0; i < 14; i++) s += alphabet[randomInt(alphabet.length)];
  return s;
}

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: 'ansinh', label: username, secret });
}

/**
 * The 30-second time step of a valid code: the current step or the one before or after (clock
 * drift); null when the code is wrong. The caller refuses a step already used (single use).
 */
export async function checkTotp(secret: string, code: string, now: Date): Promise<number | null> {
  if (!/^\d{6}$/.test(code.trim())) return null;
  try {
    const r = await verifyTotp({ secret, token: code.trim(), epoch: Math.floor(now.getTime() / 1000), epochTolerance: 30 });
    if (!r.valid) return null;
    return 'timeStep' in r && typeof r.timeStep === 'number'
      ? r.timeStep
      : Math.floor(now.getTime() / 30_000) + ('delta' in r && typeof r.delta === 'number' ? r.delta : 0);
  } catch {
    return null;
  }
}

export function totpCode(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}
