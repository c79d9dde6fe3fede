/**
 * Archives in JSON Lines: one document per line, `{ "id", "text", "meta"? }`,
 * as the corpus generator and many export tools write them. A bad line is an
 * error row with its line number; the other lines are read. Lines are read
 * as bytes under the read limits: a line longer than `lineBytes` is skipped
 * without being held in memory, and JSON nested deeper than `jsonDepth` is
 * refused before it is parsed (a parser or a copy to a worker thread would
 * overflow its stack on it).
 */
import { createReadStream } from 'node:fs';
import { READ_LIMIT_DEFAULTS, type ReadLimits } from '../read/read-limits.js';

/** One document of a JSONL archive. */
export interface JsonlDocument {
  id: string;
  text: string;
  meta?: Record<string, unknown>;
  /** Its line in the archive, from 1. */
  line: number;
}

/** What a JSONL archive holds: its documents and its unreadable lines. */
export interface JsonlContents {
  documents: JsonlDocument[];
  errors: Array<{ line: number; message: string; code: string }>;
}

/** The deepest nesting of objects and arrays in JSON text, strings skipped; stops once past `max`. */
export function jsonDepth(text: string, max: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > max) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** The lines of a file as bytes; a line past `maxBytes` comes as its length only. */
async function* linesOf(
  path: string,
  maxBytes: number,
): AsyncGenerator<{ bytes: Buffer } | { tooLong: number }> {
  let parts: Buffer[] = [];
  let length = 0;
  let skipping = false;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let start = 0;
    while (start <= chunk.length) {
      const end = chunk.indexOf(0x0a, start);
      const piece = chunk.subarray(start, end < 0 ? chunk.length : end);
      length += piece.length;
      if (!skipping) {
        if (length > maxBytes) {
          skipping = true;
          parts = [];
        } else if (piece.length > 0) parts.push(piece);
      }
      if (end < 0) break;
      yield skipping ? { tooLong: length } : { bytes: Buffer.concat(parts) };
      parts = [];
      length = 0;
      skipping = false;
      start = end + 1;
    }
  }
  if (length > 0 || parts.length > 0)
    yield skipping ? { tooLong: length } : { bytes: Buffer.concat(parts) };
}

/** Read a JSONL archive under `limits`. Throws only when the file itself cannot be read. */
export async function readJsonl(
  path: string,
  limits: Pick<ReadLimits, 'jsonDepth' | 'lineBytes'> = READ_LIMIT_DEFAULTS,
): Promise<JsonlContents> {
  const documents: JsonlDocument[] = [];
  const errors: JsonlContents['errors'] = [];
  const seen = new Set<string>();
  const invalid = (line: number, message: string) =>
    errors.push({ line, message, code: 'ERR_SAOCHEP_INVALID_DOCUMENT' });
  const limit = (line: number, message: string) =>
    errors.push({ line, message, code: 'ERR_SAOCHEP_LIMIT_EXCEEDED' });
  let n = 0;
  for await (const read of linesOf(path, limits.lineBytes)) {
    n++;
    if ('tooLong' in read) {
      limit(
        n,
        `the line is ${read.tooLong} bytes, beyond the read limit lineBytes (${limits.lineBytes}; raise it with --max-line-mb)`,
      );
      continue;
    }
    let line = read.bytes.toString('utf8');
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (n === 1) line = line.replace(/^\uFEFF/, '');
    if (line.trim() === '') continue;
    const depth = jsonDepth(line, limits.jsonDepth);
    if (depth > limits.jsonDepth) {
      limit(
        n,
        `the JSON is nested more than ${limits.jsonDepth} deep, beyond the read limit jsonDepth (raise it with --max-json-depth)`,
      );
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      invalid(n, `not valid JSON (${(error as Error).message})`);
      continue;
    }
    const doc = value as Partial<JsonlDocument> | null;
    if (typeof doc !== 'object' || doc === null || typeof doc.text !== 'string') {
      invalid(n, 'expected an object with a "text" string (and an "id")');
      continue;
    }
    const id =
      typeof doc.id === 'string' || typeof doc.id === 'number' ? String(doc.id) : `line-${n}`;
    if (seen.has(id)) {
      invalid(n, `the id "${id}" appears twice: ids must be unique`);
      continue;
    }
    seen.add(id);
    const meta =
      typeof doc.meta === 'object' && doc.meta !== null && !Array.isArray(doc.meta)
        ? doc.meta
        : undefined;
    documents.push(meta ? { id, text: doc.text, meta, line: n } : { id, text: doc.text, line: n });
  }
  return { documents, errors };
}
