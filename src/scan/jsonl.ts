/**
 * Archives in JSON Lines: one document per line, `{ "id", "text", "meta"? }`,
 * as the corpus generator and many export tools write them. A bad line is an
 * error row; the other lines are read.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** One document of a JSONL archive. */
export interface JsonlDocument {
  id: string;
  text: string;
  meta?: Record<string, unknown>;
}

/** What a JSONL archive holds: its documents and its unreadable lines. */
export interface JsonlContents {
  documents: JsonlDocument[];
  errors: Array<{ line: number; message: string }>;
}

/** Read a JSONL archive. Throws only when the file itself cannot be read. */
export async function readJsonl(path: string): Promise<JsonlContents> {
  const documents: JsonlDocument[] = [];
  const errors: JsonlContents['errors'] = [];
  const seen = new Set<string>();
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    const line = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      errors.push({ line: n, message: `not valid JSON (${(error as Error).message})` });
      continue;
    }
    const doc = value as Partial<JsonlDocument> | null;
    if (typeof doc !== 'object' || doc === null || typeof doc.text !== 'string') {
      errors.push({ line: n, message: 'expected an object with a "text" string (and an "id")' });
      continue;
    }
    const id =
      typeof doc.id === 'string' || typeof doc.id === 'number' ? String(doc.id) : `line-${n}`;
    if (seen.has(id)) {
      errors.push({ line: n, message: `the id "${id}" appears twice: ids must be unique` });
      continue;
    }
    seen.add(id);
    const meta =
      typeof doc.meta === 'object' && doc.meta !== null && !Array.isArray(doc.meta)
        ? doc.meta
        : undefined;
    documents.push(meta ? { id, text: doc.text, meta } : { id, text: doc.text });
  }
  return { documents, errors };
}
