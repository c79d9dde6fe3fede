/** The number of pages (image file directories) of a TIFF file, read from its header. */

/** Pages of a TIFF file: 1 when the chain of directories cannot be followed (BigTIFF, damage). */
export function tiffPageCount(bytes: Uint8Array): number {
  if (bytes.length < 8) return 1;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[0] === 0x49 && bytes[1] === 0x49;
  if (!little && !(bytes[0] === 0x4d && bytes[1] === 0x4d)) return 1;
  if (view.getUint16(2, little) !== 42) return 1;
  const seen = new Set<number>();
  let offset = view.getUint32(4, little);
  let pages = 0;
  // A loop in the chain (a damaged file) ends at a directory seen before.
  while (offset !== 0 && offset + 2 <= bytes.length && !seen.has(offset)) {
    seen.add(offset);
    pages++;
    const entries = view.getUint16(offset, little);
    const next = offset + 2 + entries * 12;
    if (next + 4 > bytes.length) break;
    offset = view.getUint32(next, little);
  }
  return Math.max(1, pages);
}
