/**
 * Text PostgreSQL can store: no NUL (text cannot hold it) and no lone UTF-16 surrogate (no UTF-8
 * encoding exists: a jsonb value refuses it, a text value would silently become U+FFFD).
 * With the `u` flag a well-formed pair is one code point, so `\p{Cs}` matches only a lone half.
 */
const loneSurrogate = /\p{Cs}/u;

export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !loneSurrogate.test(text);
}
