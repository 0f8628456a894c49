import { useCallback, useRef } from 'react';

/** RFC 4122 v4 UUID; `crypto.randomUUID` is missing outside secure contexts (plain-HTTP intranets). */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * An `Idempotency-Key` per submission: submitting the same data again (a retry after a network
 * failure, a double click) reuses the key, so the server applies the create once; changed data gets a new key.
 */
export function useIdempotencyKey(): (body: unknown) => string {
  const last = useRef<{ body: string; key: string } | null>(null);
  return useCallback((body: unknown) => {
    const serialized = JSON.stringify(body);
    if (last.current?.body === serialized) return last.current.key;
    const key = uuid();
    last.current = { body: serialized, key };
    return key;
  }, []);
}
