/**
 * NFC that remembers where each output code unit came from, so that tokens
 * found in normalised text can be shown at their place in the original.
 */

function isCombining(c: number): boolean {
  return (
    (c >= 0x0300 && c <= 0x036f) ||
    (c >= 0x1ab0 && c <= 0x1aff) ||
    (c >= 0x1dc0 && c <= 0x1dff) ||
    (c >= 0x20d0 && c <= 0x20ff) ||
    (c >= 0xfe20 && c <= 0xfe2f)
  );
}

/** Text with, for each code unit, the index in the source it came from (null: unchanged). */
export interface MappedText {
  text: string;
  origins: Int32Array | null;
}

/**
 * NFC of `text`, applied to each character with the combining marks that
 * follow it; every output code unit maps to the start of its character.
 */
export function nfcWithOrigins(text: string): MappedText {
  const nfc = text.normalize('NFC');
  if (nfc === text) return { text, origins: null };
  const parts: string[] = [];
  const origins: number[] = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
    while (i < text.length && isCombining(text.charCodeAt(i))) i++;
    const piece = text.slice(start, i).normalize('NFC');
    parts.push(piece);
    for (let k = 0; k < piece.length; k++) origins.push(start);
  }
  return { text: parts.join(''), origins: Int32Array.from(origins) };
}

/** Compose: `outer` maps into the text that `inner` maps into the source. */
export function composeOrigins(
  outer: Int32Array | null,
  inner: Int32Array | null,
): Int32Array | null {
  if (outer === null) return inner;
  if (inner === null) return outer;
  return outer.map((i) =>
    i < inner.length ? inner[i] : inner.length === 0 ? 0 : inner[inner.length - 1] + 1,
  );
}

/** Source offset of position `i` (0…length) of a mapped text whose source has `sourceLength` units. */
export function sourceOffset(origins: Int32Array | null, i: number, sourceLength: number): number {
  if (origins === null) return i;
  return i < origins.length ? origins[i] : sourceLength;
}
