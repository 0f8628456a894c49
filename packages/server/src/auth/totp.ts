import { generate, generateSecret, generateURI, verify } from 'otplib';

const period = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: 'Haven', label: account, secret });
}

/**
 * Checks a code, allowing one period of clock drift either way. Returns the time step it matched,
 * so the caller can refuse a code that was already used (replay), or null when it does not match.
 */
export async function matchTotp(secret: string, token: string, now: Date): Promise<number | null> {
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verify({ secret, token, epoch, epochTolerance: period });
  return result.valid ? Math.floor(epoch / period) + result.delta : null;
}

/** The current code (used by tests and the demo seed's documentation, never by the server's checks). */
export function totpCode(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}
