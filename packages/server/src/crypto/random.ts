import { randomFillSync } from 'node:crypto';

const poolSize = 4096;
const pool = Buffer.alloc(poolSize);
let offset = poolSize;

/**
 * Cryptographically secure random bytes, drawn from a pool filled by the operating system's CSPRNG
 * a page at a time: a registration needs a dozen small values (ids, data key, IVs), and one system
 * call per value cost more than the encryption itself. Each value is copied out and its bytes in
 * the pool are zeroed, so a data key does not linger there.
 */
export function randomBytes(size: number): Buffer {
  if (size > poolSize) return randomFillSync(Buffer.alloc(size));
  if (offset + size > poolSize) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + size));
  pool.fill(0, offset, offset + size);
  offset += size;
  return bytes;
}
