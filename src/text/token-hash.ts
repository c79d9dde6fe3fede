/**
 * The hash of a token: 32-bit FNV-1a over its canonical lower-case UTF-16 code
 * units. The scanner computes it while it reads the letters; `fnv1a` computes
 * the same value from a token string.
 */

/** FNV-1a offset basis, as an int32. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
/** FNV-1a prime. */
export const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units, as an unsigned 32-bit integer. */
export function fnv1a(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** The hash of every all-digit token: all numbers hash like "0", so copies with changed numbers and dates still match. */
export const NUMBER_TOKEN_HASH = fnv1a('0');

function isDigits(token: string): boolean {
  if (token.length === 0) return false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** The 32-bit hash of one token as `tokenize` returns it. */
export function tokenHash(token: string): number {
  return isDigits(token) ? NUMBER_TOKEN_HASH : fnv1a(token);
}
