import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import { z } from 'zod';
import type { KeyRing } from './keyring.ts';
import { randomBytes } from './random.ts';

/**
 * AES-256-GCM envelope: each value has its own data key (DEK), wrapped by a key-encryption key.
 * AAD binds the ciphertext to its place (`table:id:field`), so a value copied into another
 * record or field does not decrypt.
 */
export const Envelope = z.object({
  v: z.literal(1),
  kid: z.string(),
  wiv: z.string(),
  wdek: z.string(),
  iv: z.string(),
  ct: z.string(),
});
export type Envelope = z.infer<typeof Envelope>;

function gcmSeal(key: Buffer, plaintext: Buffer, aad: Buffer): { iv: Buffer; ct: Buffer } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { iv, ct };
}

function gcmOpen(key: Buffer, iv: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
}

export function seal(ring: KeyRing, plaintext: string, aad: string): Envelope {
  const kek = ring.keys.get(ring.activeKid);
  if (!kek) throw new Error('active key missing from key ring');
  const dek = randomBytes(32);
  const aadBytes = Buffer.from(aad);
  const data = gcmSeal(dek, Buffer.from(plaintext, 'utf8'), aadBytes);
  const wrapped = gcmSeal(kek, dek, Buffer.from(`dek:${aad}`));
  return {
    v: 1,
    kid: ring.activeKid,
    wiv: wrapped.iv.toString('base64'),
    wdek: wrapped.ct.toString('base64'),
    iv: data.iv.toString('base64'),
    ct: data.ct.toString('base64'),
  };
}

/** Throws when the key is unknown or the ciphertext, its AAD or the wrapped key was tampered with. */
export function open(ring: KeyRing, envelope: Envelope, aad: string): string {
  const kek = ring.keys.get(envelope.kid);
  if (!kek) throw new Error(`encryption key ${envelope.kid} is not in the key ring`);
  const dek = gcmOpen(kek, Buffer.from(envelope.wiv, 'base64'), Buffer.from(envelope.wdek, 'base64'), Buffer.from(`dek:${aad}`));
  return gcmOpen(dek, Buffer.from(envelope.iv, 'base64'), Buffer.from(envelope.ct, 'base64'), Buffer.from(aad)).toString('utf8');
}

/** Normalises for exact matching: Unicode NFKC, lower-cased (locale-independent), whitespace collapsed. */
export function normaliseForIndex(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Keyed hash for equality search on an encrypted field; `context` separates fields. */
export function blindIndex(ring: KeyRing, context: string, value: string): string {
  return createHmac('sha256', ring.indexKey)
    .update(`${context}\u0000${normaliseForIndex(value)}`)
    .digest('hex');
}

/**
 * One data key per record: wrapped once under a key-encryption key, used for every restricted field
 * of the record (each with its own IV and AAD). Rotation re-wraps the data key only.
 */
export const WrappedKey = z.object({ v: z.literal(1), kid: z.string(), wiv: z.string(), wdek: z.string() });
export type WrappedKey = z.infer<typeof WrappedKey>;

export const SealedField = z.object({ iv: z.string(), ct: z.string() });
export type SealedField = z.infer<typeof SealedField>;

function wrap(ring: KeyRing, dek: Buffer, aad: string): WrappedKey {
  const kek = ring.keys.get(ring.activeKid);
  if (!kek) throw new Error('active key missing from key ring');
  const wrapped = gcmSeal(kek, dek, Buffer.from(`dek:${aad}`));
  return { v: 1, kid: ring.activeKid, wiv: wrapped.iv.toString('base64'), wdek: wrapped.ct.toString('base64') };
}

export function newRecordKey(ring: KeyRing, recordAad: string): { dek: Buffer; wrapped: WrappedKey } {
  const dek = randomBytes(32);
  return { dek, wrapped: wrap(ring, dek, recordAad) };
}

export function unwrapRecordKey(ring: KeyRing, wrapped: WrappedKey, recordAad: string): Buffer {
  const kek = ring.keys.get(wrapped.kid);
  if (!kek) throw new Error(`encryption key ${wrapped.kid} is not in the key ring`);
  return gcmOpen(kek, Buffer.from(wrapped.wiv, 'base64'), Buffer.from(wrapped.wdek, 'base64'), Buffer.from(`dek:${recordAad}`));
}

/** The same data key wrapped under the active key-encryption key (key rotation). */
export function rewrapRecordKey(ring: KeyRing, wrapped: WrappedKey, recordAad: string): WrappedKey {
  return wrapped.kid === ring.activeKid ? wrapped : wrap(ring, unwrapRecordKey(ring, wrapped, recordAad), recordAad);
}

export function sealField(dek: Buffer, plaintext: string, aad: string): SealedField {
  const { iv, ct } = gcmSeal(dek, Buffer.from(plaintext, 'utf8'), Buffer.from(aad));
  return { iv: iv.toString('base64'), ct: ct.toString('base64') };
}

export function openField(dek: Buffer, sealed: SealedField, aad: string): string {
  return gcmOpen(dek, Buffer.from(sealed.iv, 'base64'), Buffer.from(sealed.ct, 'base64'), Buffer.from(aad)).toString('utf8');
}

/** Binary values (a photo) under a record's data key: the 12-byte IV, then ciphertext and tag. */
export function sealBytes(dek: Buffer, plaintext: Buffer, aad: string): Buffer {
  const { iv, ct } = gcmSeal(dek, plaintext, Buffer.from(aad));
  return Buffer.concat([iv, ct]);
}

export function openBytes(dek: Buffer, sealed: Buffer, aad: string): Buffer {
  return gcmOpen(dek, sealed.subarray(0, 12), sealed.subarray(12), Buffer.from(aad));
}
