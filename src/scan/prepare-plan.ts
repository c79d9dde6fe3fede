/**
 * One document of an archive made ready for the index: read from its file
 * (or taken from a JSONL line), its header parsed, dated, and sketched. Runs
 * in worker threads as well as inline: plain data in, plain data out.
 */
import { stat } from 'node:fs/promises';
import { SaochepError } from '../errors.js';
import { isoDate, parseMetaDate } from '../evidence/dates.js';
import type { PlanIndex, SketchedDocument } from '../plan-index/plan-index.js';
import { parseHeader } from '../read/header.js';
import type { OcrMode, OcrOptions } from '../read/ocr/ocr-options.js';
import {
  type FileText,
  type ReadBy,
  checkDocumentText,
  readDocumentFile,
} from '../read/read-file.js';
import type { ReadLimits } from '../read/read-limits.js';
import { type TextEncoding, decodeLegacy, detectEncoding } from '../text/encoding.js';
import { detectLanguage } from '../text/language.js';

/** Where a document comes from: a file, or a line of a JSONL archive. */
export type PlanSource =
  | { kind: 'file'; id: string; path: string | Uint8Array }
  | { kind: 'text'; id: string; file: string; text: string; meta?: Record<string, unknown> };

/** Where a plan's date came from. */
export type DateSource = 'meta' | 'date-line' | 'file-time' | 'none';

/** What the scan knows about a document besides its sketch. */
export interface PlanRecord {
  id: string;
  /** The file it was read from (for JSONL documents: the archive and line). */
  file: string;
  format: FileText['format'] | 'jsonl';
  /** How a text file's bytes were read. */
  byteEncoding?: string;
  /** From the file's text, by OCR, or both. */
  readBy: ReadBy;
  /** Pages read by OCR. */
  ocrPages?: number;
  /** The text's encoding as the text stage recognised it. */
  encoding: TextEncoding;
  /** ISO 639-1 code from tinyld, '' when unsure. */
  language: string;
  unit?: string;
  number?: string;
  title?: string;
  /** Document type as its header line writes it ("KẾ HOẠCH", "CÔNG VĂN"). */
  type?: string;
  /** ISO date, when one was found. */
  date?: string;
  dateSource: DateSource;
  characters: number;
  text: string;
  meta?: Record<string, unknown>;
}

/** A document that could not be used, with the reason. */
export interface PlanError {
  file: string;
  code: string;
  message: string;
}

/** A prepared document, or the reason it could not be prepared. */
export type PreparedPlan =
  { ok: true; record: PlanRecord; sketch: SketchedDocument } | { ok: false; error: PlanError };

/** The name of a source in the report: a file's id, or a JSONL archive and line. */
export function sourceFile(source: PlanSource): string {
  return source.kind === 'file' ? source.id : source.file;
}

/** The text, format and date of a source, before sketching. */
async function loadSource(
  source: PlanSource,
  limits: ReadLimits,
  ocr: OcrMode | OcrOptions | undefined,
): Promise<Omit<PlanRecord, 'encoding' | 'language' | 'characters'>> {
  if (source.kind === 'text') {
    checkDocumentText(source.file, source.text, 'jsonl', limits);
    const header = parseHeader(source.text);
    const metaDate = parseMetaDate(source.meta?.date);
    const date = metaDate !== undefined ? isoDate(metaDate) : header.date;
    return {
      id: source.id,
      file: source.file,
      format: 'jsonl',
      readBy: 'text',
      ...pick(header),
      ...pickMeta(source.meta),
      date,
      dateSource: metaDate !== undefined ? 'meta' : header.date ? 'date-line' : 'none',
      text: source.text,
      meta: source.meta,
    };
  }
  const file = await readDocumentFile(source.path, {
    limits,
    ...(ocr !== undefined ? { ocr } : {}),
  });
  const header = parseHeader(file.text);
  let date = header.date;
  let dateSource: DateSource = date ? 'date-line' : 'none';
  if (!date) {
    try {
      const fsPath = typeof source.path === 'string' ? source.path : Buffer.from(source.path);
      date = isoDate(Math.floor((await stat(fsPath)).mtimeMs / 86_400_000));
      dateSource = 'file-time';
    } catch {
      // No file time either: undated.
    }
  }
  return {
    id: source.id,
    file: source.id,
    format: file.format,
    readBy: file.readBy,
    ...(file.ocrPages ? { ocrPages: file.ocrPages } : {}),
    ...(file.byteEncoding ? { byteEncoding: file.byteEncoding } : {}),
    ...pick(header),
    date,
    dateSource,
    text: file.text,
  };
}

function pick(header: ReturnType<typeof parseHeader>): Partial<PlanRecord> {
  const out: Partial<PlanRecord> = {};
  if (header.unit) out.unit = header.unit;
  if (header.number) out.number = header.number;
  if (header.title) out.title = header.title;
  if (header.type) out.type = header.type;
  return out;
}

function pickMeta(meta: Record<string, unknown> | undefined): Partial<PlanRecord> {
  const out: Partial<PlanRecord> = {};
  for (const key of ['unit', 'number', 'title', 'type'] as const) {
    const v = meta?.[key];
    if (typeof v === 'string' && v !== '') out[key] = v;
  }
  return out;
}

/**
 * Read, date and sketch one document with `index` (which it does not change),
 * under `limits`; `ocr` says how scanned pages and images are read.
 */
export async function preparePlan(
  source: PlanSource,
  index: PlanIndex,
  reference: boolean,
  limits: ReadLimits,
  ocr?: OcrMode | OcrOptions,
): Promise<PreparedPlan> {
  const file = sourceFile(source);
  try {
    const loaded = await loadSource(source, limits, ocr);
    const encoding = detectEncoding(loaded.text);
    const sample = loaded.text.slice(0, 5000);
    const record: PlanRecord = {
      ...loaded,
      encoding,
      language: detectLanguage(encoding === 'unicode' ? sample : decodeLegacy(sample, encoding)),
      characters: loaded.text.length,
    };
    const meta: Record<string, unknown> = { ...(loaded.meta ?? {}), file: record.file };
    if (record.date) meta.date = record.date;
    for (const key of ['unit', 'number', 'title'] as const)
      if (record[key]) meta[key] = record[key];
    const sketch = index.sketch({ id: record.id, text: record.text, meta }, { reference });
    return { ok: true, record, sketch };
  } catch (error) {
    const e = error as { code?: unknown; message?: string };
    return {
      ok: false,
      error: {
        file,
        code:
          error instanceof SaochepError
            ? error.code
            : typeof e.code === 'string'
              ? e.code
              : 'ERR_SAOCHEP_READ_FAILED',
        message: e.message ?? String(error),
      },
    };
  }
}
