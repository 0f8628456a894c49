/**
 * Memoises a pure function of a string key in a bounded map (cleared when full): the same names are
 * romanised and compared many times when candidates are ranked.
 */
export function memoise<T>(compute: (key: string) => T, limit = 20_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key: string): T => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
    return value;
  };
}
