/**
 * How many bytes the XML members of a zip package (a .docx) really inflate
 * to, found by inflating them and throwing the output away, before an
 * office-document reader inflates them into memory: a zip bomb (a 1 MB file
 * whose document.xml is gigabytes) fails here in a bounded time and memory.
 * The sizes a zip's headers declare are not trusted: bombs lie in them.
 */
import { createInflateRaw } from 'node:zlib';

/** Why a package cannot be checked, or which limit it passed. */
export type InflatedCheck =
  | { ok: true; total: number }
  | { ok: false; reason: 'member'; name: string; limit: number }
  | { ok: false; reason: 'total'; limit: number }
  | { ok: false; reason: 'damaged'; message: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;

/** The members mammoth parses: XML parts and relationships. Media are not inflated by it. */
const PARSED = /\.(xml|rels)$/i;

interface Entry {
  name: string;
  method: number;
  compressed: number;
  offset: number;
}

/** The central directory's entries, or a reason the package is damaged. */
function entriesOf(bytes: Uint8Array): Entry[] | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--)
    if (view.getUint32(at, true) === EOCD) {
      end = at;
      break;
    }
  if (end < 0) return 'no end of central directory';
  let count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (
    (count === 0xffff || at === 0xffffffff) &&
    end >= 20 &&
    view.getUint32(end - 20, true) === ZIP64_LOCATOR
  ) {
    const z = Number(view.getBigUint64(end - 12, true));
    if (z + 56 > bytes.length || view.getUint32(z, true) !== ZIP64_EOCD)
      return 'bad zip64 directory';
    count = Number(view.getBigUint64(z + 32, true));
    at = Number(view.getBigUint64(z + 48, true));
  }
  const entries: Entry[] = [];
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL)
      return 'bad central directory';
    const method = view.getUint16(at + 10, true);
    let compressed = view.getUint32(at + 20, true);
    const uncompressed = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let offset = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // Zip64 extended information: the 8-byte values of the fields that are 0xFFFFFFFF, in order.
    let extra = at + 46 + nameLength;
    const extraEnd = Math.min(extra + extraLength, bytes.length);
    while (extra + 4 <= extraEnd) {
      const id = view.getUint16(extra, true);
      const size = view.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let field = extra + 4;
        const next = () => {
          const value = field + 8 <= extraEnd ? Number(view.getBigUint64(field, true)) : 0;
          field += 8;
          return value;
        };
        if (uncompressed === 0xffffffff) next();
        if (compressed === 0xffffffff) compressed = next();
        if (offset === 0xffffffff) offset = next();
      }
      extra += 4 + size;
    }
    entries.push({ name, method, compressed, offset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Inflate `data` counting its bytes, stopping past `limit`: the count, -1 past the limit, or the inflate error. */
function inflatedLength(data: Uint8Array, limit: number): Promise<number | Error> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let total = 0;
    let settled = false;
    const settle = (value: number | Error) => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        settle(-1);
        inflate.destroy();
      }
    });
    inflate.on('error', (error) => settle(error));
    inflate.on('end', () => settle(total));
    inflate.end(data);
  });
}

/**
 * Check that each XML member of the zip package `bytes` inflates to at most
 * `memberBytes`, and all of them together to at most `totalBytes`.
 */
export async function checkInflatedSizes(
  bytes: Uint8Array,
  memberBytes: number,
  totalBytes: number,
): Promise<InflatedCheck> {
  const entries = entriesOf(bytes);
  if (typeof entries === 'string') return { ok: false, reason: 'damaged', message: entries };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of entries) {
    if (!PARSED.test(entry.name)) continue;
    const at = entry.offset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL)
      return { ok: false, reason: 'damaged', message: `bad local header of ${entry.name}` };
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressed));
    const room = Math.min(memberBytes, totalBytes - total);
    let size: number | Error;
    if (entry.method === 0) size = data.length <= room ? data.length : -1;
    else if (entry.method === 8) size = await inflatedLength(data, room);
    else continue; // A method mammoth cannot read either: it reports the damage.
    if (size instanceof Error)
      return { ok: false, reason: 'damaged', message: `${entry.name}: ${size.message}` };
    if (size < 0)
      return room === memberBytes
        ? { ok: false, reason: 'member', name: entry.name, limit: memberBytes }
        : { ok: false, reason: 'total', limit: totalBytes };
    total += size;
  }
  return { ok: true, total };
}
