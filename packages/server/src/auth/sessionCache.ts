import { identityGeneration } from '../db/identityWatch.ts';

interface Entry<T> {
  value: T;
  until: number;
  generation: number;
}

/**
 * Resolved sessions kept for a short time, so a busy client does not look its session up on every
 * request. An entry is served only while it is younger than `ttlMs`, before the session's own
 * expiry, and while no identity write has happened in this process since it was read (see
 * `identityWatch`). `ttlMs` 0 turns the cache off. Bounded: the oldest entries go first.
 */
export function sessionCache<T>(ttlMs: number, max = 10_000) {
  const entries = new Map<string, Entry<T>>();
  return {
    get(id: string, now: number): T | undefined {
      const entry = entries.get(id);
      if (!entry) return undefined;
      if (entry.until > now && entry.generation === identityGeneration()) return entry.value;
      entries.delete(id);
      return undefined;
    },
    /** `generation` is the one read before the session was loaded, so a change made meanwhile wins. */
    set(id: string, value: T, now: number, expiresAt: number, generation: number): void {
      if (ttlMs <= 0 || generation !== identityGeneration()) return;
      if (entries.size >= max) entries.delete(entries.keys().next().value as string);
      entries.set(id, { value, until: Math.min(now + ttlMs, expiresAt), generation });
    },
  };
}
