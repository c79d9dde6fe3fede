/**
 * One stored document as bytes, the value of its field in the archive's
 * record hash: what a check reads of a candidate (id, meta, reference flag,
 * date, size, fingerprints) and what a removal needs to undo its postings
 * (band keys, anchors, title shingles).
 */
import type { StoredDocument } from '../plan-index/types.js';

const NO_DATE = -0x80000000;
const NO_META = 0xffffffff;
/** flags, date, size, fingerprint count, and the lengths of four arrays and two strings. */
const HEADER_WORDS = 10;

/** What the record hash holds for a document (its text is kept apart). */
export type DocumentRecord = Omit<StoredDocument, 'text'>;

/** The bytes of a document's record. */
export function encodeRecord(doc: DocumentRecord): Buffer {
  const id = Buffer.from(doc.id, 'utf8');
  const meta = doc.meta === undefined ? null : Buffer.from(JSON.stringify(doc.meta), 'utf8');
  const arrays = [doc.bandKeys, doc.anchors, doc.fingerprintCode, doc.titleShingles];
  const words = HEADER_WORDS + arrays.reduce((n, a) => n + a.length, 0);
  const out = Buffer.alloc(words * 4 + id.length + (meta?.length ?? 0));
  let o = 0;
  const u32 = (v: number) => (o = out.writeUInt32LE(v >>> 0, o));
  u32(doc.reference ? 1 : 0);
  o = out.writeInt32LE(doc.date ?? NO_DATE, o);
  u32(doc.size);
  u32(doc.fingerprintCount);
  for (const a of arrays) u32(a.length);
  u32(id.length);
  u32(meta === null ? NO_META : meta.length);
  for (const a of arrays) for (let i = 0; i < a.length; i++) u32(a[i]);
  o += id.copy(out, o);
  if (meta !== null) meta.copy(out, o);
  return out;
}

/** A record from its bytes. */
export function decodeRecord(bytes: Buffer): DocumentRecord {
  let o = 0;
  const u32 = () => {
    const v = bytes.readUInt32LE(o);
    o += 4;
    return v;
  };
  const reference = u32() === 1;
  const date = bytes.readInt32LE(o);
  o += 4;
  const size = u32();
  const fingerprintCount = u32();
  const lengths = [u32(), u32(), u32(), u32()];
  const idLength = u32();
  const metaLength = u32();
  const [bandKeys, anchors, fingerprintCode, titleShingles] = lengths.map((n) => {
    const a = new Uint32Array(n);
    for (let i = 0; i < n; i++) a[i] = u32();
    return a;
  });
  const id = bytes.toString('utf8', o, o + idLength);
  o += idLength;
  const meta =
    metaLength === NO_META
      ? undefined
      : (JSON.parse(bytes.toString('utf8', o, o + metaLength)) as Record<string, unknown>);
  return {
    id,
    meta,
    reference,
    date: date === NO_DATE ? null : date,
    size,
    bandKeys,
    anchors,
    fingerprintCount,
    fingerprintCode,
    titleShingles,
  };
}

/** Unsigned 32-bit values as little-endian bytes (how Lua scripts receive lists): a view of a Uint32Array's own bytes where they already are, so it must not change until sent. */
export function packU32(values: ArrayLike<number>): Buffer {
  if (values instanceof Uint32Array && LITTLE_ENDIAN)
    return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  const out = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i++) out.writeUInt32LE(values[i] >>> 0, i * 4);
  return out;
}

/** Whether a Uint32Array's bytes are already little-endian here (they are on x86 and ARM). */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
