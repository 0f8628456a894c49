import { randomBytes } from '../crypto/random.ts';

/**
 * UUID version 7 (RFC 9562): time-ordered, so new rows land at the end of B-tree indexes.
 * Generated here because PostgreSQL 15 has no uuidv7().
 */
export function uuidv7(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const referenceAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I: read aloud at a border post

/** A short human reference such as `GR-7K3Q-9XW2`, unique per jurisdiction (checked by the database). */
export function childReference(jurisdiction: string): string {
  const bytes = randomBytes(8);
  let code = '';
  for (const b of bytes) code += referenceAlphabet[b % referenceAlphabet.length];
  return `${jurisdiction.slice(0, 2)}-${code.slice(0, 4)}-${code.slice(4)}`;
}
