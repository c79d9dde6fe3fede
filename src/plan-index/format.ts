/**
 * The binary format of a saved index. Little-endian throughout:
 *
 *   0   8   magic "SAOCHEPX"
 *   8   4   format version (u32)
 *   12  4   header length H (u32)
 *   16  H   header: UTF-8 JSON { saochep, normalization, options, documents, … }
 *   …       sections, each u32-aligned: documents JSON ([id, meta, reference, date]), texts
 *           (UTF-8 byte lengths, 0xffffffff for none, then the bytes), shingle counts (u32),
 *           band keys (u32), anchor counts (u32) and anchors (u32), fingerprint counts (u32),
 *           fingerprint code lengths (u32) and codes (u32, Elias-Fano), title shingle counts
 *           (u32) and title shingles (u32), stock-phrase counter pairs (u32), reference shingles (u32)
 *   end-8 4 total length (u32)
 *   end-4 4 CRC-32 of everything before it
 *
 * The tables (band buckets, anchor postings) are rebuilt on load from the
 * band keys and anchors, so the format carries no pointers.
 */
import { SaochepError } from '../errors.js';
import { NORMALIZATION_VERSION } from '../text/version.js';
import { encodedWords } from '../sketch/fingerprints.js';
import { crc32 } from './crc32.js';
import type { ResolvedIndexOptions } from './options.js';
import type { StoredDocument, StoredState } from './types.js';

export const MAGIC = 'SAOCHEPX';
/** The format this saochep writes. */
export const FORMAT_VERSION = 2;
/**
 * The oldest format this saochep reads. Version 1 (saochep 0.1 before passages)
 * counted the administrative frame in its sketches: those do not compare with
 * version 2 sketches, so a version 1 index must be rebuilt.
 */
export const OLDEST_READABLE_VERSION = 2;

/** What the header of a saved index says. */
export interface SavedHeader {
  saochep: string;
  normalization: number;
  options: ResolvedIndexOptions;
  documents: number;
  anchors: number;
  /** 32-bit words of fingerprint codes, all documents together. */
  fingerprintWords: number;
  titleShingles: number;
  frequencyPairs: number;
  referenceShingles: number;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

class Writer {
  private chunks: Uint8Array[] = [];
  length = 0;

  bytes(data: Uint8Array): void {
    this.chunks.push(data);
    this.length += data.length;
    const pad = (4 - (data.length % 4)) % 4;
    if (pad > 0) {
      this.chunks.push(new Uint8Array(pad));
      this.length += pad;
    }
  }

  u32(value: number): void {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, value, true);
    this.bytes(b);
  }

  /** A typed array's elements, little-endian. */
  array(data: Uint32Array): void {
    if (LITTLE_ENDIAN) {
      this.bytes(new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice());
      return;
    }
    const b = new Uint8Array(data.byteLength);
    const view = new DataView(b.buffer);
    for (let i = 0; i < data.length; i++) view.setUint32(i * 4, data[i], true);
    this.bytes(b);
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.length + 8);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    const view = new DataView(out.buffer);
    view.setUint32(at, out.length, true);
    view.setUint32(at + 4, crc32(out.subarray(0, at + 4)), true);
    return out;
  }
}

const NO_TEXT = 0xffffffff;

function concat(arrays: Uint32Array[]): Uint32Array {
  const out = new Uint32Array(arrays.reduce((s, a) => s + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

/** Serialise an index's options and documents. */
export function encodeIndex(
  options: ResolvedIndexOptions,
  docs: StoredDocument[],
  state: StoredState,
  version: string,
): Uint8Array {
  const anchorCount = docs.reduce((s, d) => s + d.anchors.length, 0);
  const fpWords = docs.reduce((s, d) => s + d.fingerprintCode.length, 0);
  const header: SavedHeader = {
    saochep: version,
    normalization: NORMALIZATION_VERSION,
    options,
    documents: docs.length,
    anchors: anchorCount,
    fingerprintWords: fpWords,
    titleShingles: docs.reduce((s, d) => s + d.titleShingles.length, 0),
    frequencyPairs: state.frequencies.length,
    referenceShingles: state.referenceShingles.length,
  };
  const utf8 = new TextEncoder();
  const w = new Writer();
  w.bytes(utf8.encode(MAGIC));
  w.u32(FORMAT_VERSION);
  const headerBytes = utf8.encode(JSON.stringify(header));
  w.u32(headerBytes.length);
  w.bytes(headerBytes);
  const docBytes = utf8.encode(
    JSON.stringify(docs.map((d) => [d.id, d.meta ?? null, d.reference ? 1 : 0, d.date])),
  );
  w.u32(docBytes.length);
  w.bytes(docBytes);
  const texts = docs.map((d) => (d.text === undefined ? null : utf8.encode(d.text)));
  w.array(Uint32Array.from(texts, (t) => (t === null ? NO_TEXT : t.length)));
  const textBytes = new Uint8Array(texts.reduce((s, t) => s + (t?.length ?? 0), 0));
  let textAt = 0;
  for (const t of texts) {
    if (t === null) continue;
    textBytes.set(t, textAt);
    textAt += t.length;
  }
  w.bytes(textBytes);
  w.array(Uint32Array.from(docs, (d) => d.size));
  const bandKeys = new Uint32Array(docs.length * options.bands);
  docs.forEach((d, k) => bandKeys.set(d.bandKeys, k * options.bands));
  w.array(bandKeys);
  w.array(Uint32Array.from(docs, (d) => d.anchors.length));
  const anchors = new Uint32Array(anchorCount);
  let at = 0;
  for (const d of docs) {
    anchors.set(d.anchors, at);
    at += d.anchors.length;
  }
  w.array(anchors);
  w.array(Uint32Array.from(docs, (d) => d.fingerprintCount));
  w.array(Uint32Array.from(docs, (d) => d.fingerprintCode.length));
  const codes = new Uint32Array(fpWords);
  at = 0;
  for (const d of docs) {
    codes.set(d.fingerprintCode, at);
    at += d.fingerprintCode.length;
  }
  w.array(codes);
  w.array(Uint32Array.from(docs, (d) => d.titleShingles.length));
  w.array(concat(docs.map((d) => d.titleShingles)));
  w.array(state.frequencies);
  w.array(state.referenceShingles);
  return w.finish();
}

function corrupt(reason: string): never {
  throw new SaochepError(
    'ERR_SAOCHEP_INDEX_CORRUPT',
    `PlanIndex.deserialize: this is not a valid saochep index (${reason}). The file may be truncated or altered: rebuild it from the documents (saochep index <folder> --out FILE).`,
  );
}

class Reader {
  private at = 0;
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly end: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private take(length: number, what: string): number {
    if (length < 0 || this.at + length > this.end) corrupt(`${what} runs past the end of the data`);
    const start = this.at;
    this.at += length + ((4 - (length % 4)) % 4);
    if (this.at > this.end) corrupt(`${what} runs past the end of the data`);
    return start;
  }

  u32(what: string): number {
    const at = this.take(4, what);
    return this.view.getUint32(at, true);
  }

  raw(length: number, what: string): Uint8Array {
    const at = this.take(length, what);
    return this.bytes.subarray(at, at + length);
  }

  u32s(count: number, what: string): Uint32Array {
    const at = this.take(count * 4, what);
    const out = new Uint32Array(count);
    for (let i = 0; i < count; i++) out[i] = this.view.getUint32(at + i * 4, true);
    return out;
  }

  get position(): number {
    return this.at;
  }
}

function parseJson<T>(bytes: Uint8Array, what: string): T {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as T;
  } catch {
    return corrupt(`${what} is not valid JSON`);
  }
}

/** Read a saved index: its header and documents. Refuses anything not exactly as written. */
export function decodeIndex(bytes: Uint8Array): {
  header: SavedHeader;
  docs: StoredDocument[];
  state: StoredState;
} {
  if (!(bytes instanceof Uint8Array)) corrupt('expected bytes (a Uint8Array)');
  if (bytes.length < 32) corrupt(`only ${bytes.length} bytes`);
  const magic = new TextDecoder().decode(bytes.subarray(0, 8));
  if (magic !== MAGIC) corrupt('it does not start with the saochep magic number');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Every format version ends with the length and a CRC-32: check them before trusting any byte,
  // so that a flipped bit in the version reads as the corruption it is.
  const end = bytes.length - 8;
  if (view.getUint32(end, true) !== bytes.length)
    corrupt('its recorded length does not match: truncated or extended');
  if (view.getUint32(end + 4, true) !== crc32(bytes.subarray(0, end + 4)))
    corrupt('the checksum does not match');
  const version = view.getUint32(8, true);
  if (version > FORMAT_VERSION) {
    throw new SaochepError(
      'ERR_SAOCHEP_INDEX_VERSION',
      `PlanIndex.deserialize: the index was saved in format version ${version} by a newer saochep; this one reads versions ${OLDEST_READABLE_VERSION}–${FORMAT_VERSION}. Upgrade saochep to load it.`,
    );
  }
  if (version < OLDEST_READABLE_VERSION) {
    throw new SaochepError(
      'ERR_SAOCHEP_INDEX_VERSION',
      `PlanIndex.deserialize: the index was saved in format version ${version}, which this saochep no longer reads (it reads ${OLDEST_READABLE_VERSION}–${FORMAT_VERSION}). Rebuild it from the documents (saochep index <folder> --out FILE).`,
    );
  }

  const r = new Reader(bytes, end);
  r.raw(8, 'magic');
  r.u32('version');
  const header = parseJson<SavedHeader>(r.raw(r.u32('header length'), 'header'), 'header');
  if (header.normalization !== NORMALIZATION_VERSION) {
    throw new SaochepError(
      'ERR_SAOCHEP_INDEX_INCOMPATIBLE',
      `PlanIndex.deserialize: the index was built with text normalisation version ${header.normalization}, this saochep uses ${NORMALIZATION_VERSION}: its shingles would not match new documents. Rebuild it from the documents.`,
    );
  }
  const n = header.documents;
  const list = parseJson<Array<[string, Record<string, unknown> | null, number, number | null]>>(
    r.raw(r.u32('documents length'), 'documents'),
    'documents',
  );
  if (!Array.isArray(list) || list.length !== n)
    corrupt('the document list does not match the header');
  const textLengths = r.u32s(n, 'text lengths');
  let textTotal = 0;
  for (const length of textLengths) if (length !== NO_TEXT) textTotal += length;
  const textBytes = r.raw(textTotal, 'texts');
  const sizes = r.u32s(n, 'shingle counts');
  const bands = header.options.bands;
  const bandKeys = r.u32s(n * bands, 'band keys');
  const anchorCounts = r.u32s(n, 'anchor counts');
  const anchors = r.u32s(header.anchors, 'anchors');
  const fpCounts = r.u32s(n, 'fingerprint counts');
  const fpLengths = r.u32s(n, 'fingerprint code lengths');
  const codes = r.u32s(header.fingerprintWords, 'fingerprint codes');
  const titleCounts = r.u32s(n, 'title shingle counts');
  const titles = r.u32s(header.titleShingles, 'title shingles');
  const frequencies = r.u32s(header.frequencyPairs, 'stock-phrase counts');
  const referenceShingles = r.u32s(header.referenceShingles, 'reference shingles');
  if (r.position !== end) corrupt('there are bytes after the last section');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const docs: StoredDocument[] = [];
  let a = 0;
  let f = 0;
  let t = 0;
  let x = 0;
  for (let k = 0; k < n; k++) {
    const entry = list[k];
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') corrupt(`document ${k} has no id`);
    if (
      a + anchorCounts[k] > anchors.length ||
      f + fpLengths[k] > codes.length ||
      t + titleCounts[k] > titles.length
    ) {
      corrupt(`document ${k} points past its data`);
    }
    if (fpLengths[k] !== encodedWords(fpCounts[k]) || fpCounts[k] > sizes[k]) {
      corrupt(`document ${k} has fingerprints of the wrong size`);
    }
    let text: string | undefined;
    if (textLengths[k] !== NO_TEXT) {
      try {
        text = utf8.decode(textBytes.subarray(x, x + textLengths[k]));
      } catch {
        corrupt(`the text of document ${k} is not valid UTF-8`);
      }
      x += textLengths[k];
    }
    docs.push({
      id: entry[0],
      meta: entry[1] ?? undefined,
      reference: entry[2] === 1,
      date: typeof entry[3] === 'number' ? entry[3] : null,
      text,
      size: sizes[k],
      bandKeys: bandKeys.subarray(k * bands, k * bands + bands),
      anchors: anchors.subarray(a, a + anchorCounts[k]),
      fingerprintCount: fpCounts[k],
      fingerprintCode: codes.subarray(f, f + fpLengths[k]),
      titleShingles: titles.subarray(t, t + titleCounts[k]),
    });
    a += anchorCounts[k];
    f += fpLengths[k];
    t += titleCounts[k];
  }
  if (a !== anchors.length || f !== codes.length || t !== titles.length)
    corrupt('the section sizes do not add up');
  return { header, docs, state: { frequencies, referenceShingles } };
}
