import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** A 256-bit session token for the cookie; only its SHA-256 is stored. */
export function newSessionToken(): { token: string; id: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, id: sessionIdOf(token) };
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** CSRF tokens are derived from the session, so nothing more is stored and they die with it. */
export function csrfKey(indexKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', indexKey, Buffer.alloc(0), 'haven csrf', 32));
}

export function csrfTokenFor(key: Buffer, sessionId: string): string {
  return createHmac('sha256', key).update(sessionId).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Recovery codes: 10 random codes like `k7qm-2xfp-9cda`, shown once, stored as keyed hashes. */
export function newRecoveryCodes(count = 10): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(12);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

export function recoveryCodeHash(indexKey: Buffer, userId: string, code: string): string {
  return createHmac('sha256', indexKey).update(`recovery\u0000${userId}\u0000${code.trim().toLowerCase()}`).digest('hex');
}
