import { createHash, randomBytes } from 'node:crypto';
import { hashInPool, verifyInPool } from './hash-pool.ts';

/**
 * Passwords are hashed with argon2id at OWASP's baseline (19 MiB memory, 2 iterations, 1 lane),
 * stored in the standard PHC string format. hash-wasm runs argon2 in WebAssembly: no native addon
 * to compile or to crash on a platform whose prebuilt binary does not fit. It runs in worker
 * threads (hash-pool.ts) so that a burst of sign-ins does not block the event loop.
 */
const ARGON2 = { memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 } as const;

export function hashPassword(password: string): Promise<string> {
  return hashInPool(password, randomBytes(16), ARGON2);
}

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) return false;
  try {
    return await verifyInPool(password, hash);
  } catch {
    return false;
  }
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Tokens are looked up by their SHA-256: a leaked table does not leak usable tokens. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A readable one-time password: 4 groups of 5 characters without look-alikes. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(20);
  let out = '';
  for (let i = 0; i < 20; i++) {
    if (i > 0 && i % 5 === 0) out += '-';
    out += alphabet[bytes[i]! % alphabet.length];
  }
  return out;
}

export const PASSWORD_MIN_LENGTH = 12;
