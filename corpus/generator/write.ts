/**
 * Write a generated archive held in memory to a folder: plans/, directives/,
 * archive.jsonl and truth.json (stream.ts writes large archives without holding them).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Archive, ArchiveFile, ArchiveOptions, DirectiveTruth, PlanTruth } from './archive.js';
import { docx } from './docx.js';

/** Version of the truth.json format. */
export const TRUTH_VERSION = 1;

/** The bytes of a file as it is on disk. */
export function bytesOf(file: ArchiveFile): Uint8Array {
  if (file.format === 'docx') return docx(file.text);
  return file.encoding === 'latin1'
    ? Buffer.from(file.text, 'latin1')
    : Buffer.from(file.text, 'utf8');
}

/** The fields of truth.json before its lists. */
export function truthHead(options: Required<ArchiveOptions>) {
  return {
    format: 'saochep-corpus-truth',
    version: TRUTH_VERSION,
    generator: { seed: options.seed, plans: options.plans, formats: options.formats },
    offsets:
      'UTF-16 code units into the text of each file as read: .txt as UTF-8, or one byte per character when "encoding" is "latin1"; .docx as its paragraphs joined with "\\n".',
  };
}

/** The truth.json object of an archive. */
export function truthJson(archive: Archive) {
  return {
    ...truthHead(archive.options),
    directives: archive.truth.directives,
    plans: archive.truth.plans,
  };
}

/**
 * truth.json is JSON with one directive or plan per line: compact, and diffs stay
 * readable. It is written in three parts so that it can be streamed: the head and
 * the directives, the plans joined by `TRUTH_SEPARATOR`, and `TRUTH_END`.
 */
export function truthStart(
  options: Required<ArchiveOptions>,
  directives: DirectiveTruth[],
): string {
  const fields = Object.entries(truthHead(options)).map(
    ([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`,
  );
  const list = `[\n${directives.map((x) => JSON.stringify(x)).join(',\n')}\n]`;
  return `{\n${[...fields, `"directives": ${list}`].join(',\n')},\n"plans": [\n`;
}

/** Between two plans of truth.json. */
export const TRUTH_SEPARATOR = ',\n';

/** After the last plan of truth.json. */
export const TRUTH_END = '\n]\n}\n';

function formatTruth(archive: Archive): string {
  const plans = archive.truth.plans.map((p) => JSON.stringify(p)).join(TRUTH_SEPARATOR);
  return truthStart(archive.options, archive.truth.directives) + plans + TRUTH_END;
}

/** The archive.jsonl line of a directive (without its newline). */
export function directiveLine(d: DirectiveTruth, text: string): string {
  return JSON.stringify({
    id: d.id,
    text,
    meta: { kind: 'directive', unit: d.issuer, number: d.number, date: d.date, title: d.title },
  });
}

/** The archive.jsonl line of a plan (without its newline). */
export function planLine(p: PlanTruth, text: string): string {
  return JSON.stringify({
    id: p.id,
    text,
    meta: { unit: p.unit, number: p.number, date: p.date, title: p.title },
  });
}

/** Everything the archive writes, path → bytes. */
export function archiveOutputs(
  archive: Archive,
  options: { jsonl: boolean },
): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const file of archive.files.values()) out.set(file.path, bytesOf(file));
  if (options.jsonl) {
    const lines: string[] = [];
    for (const d of archive.truth.directives)
      lines.push(directiveLine(d, archive.files.get(d.id)!.text));
    for (const p of archive.truth.plans) lines.push(planLine(p, archive.files.get(p.id)!.text));
    out.set('archive.jsonl', Buffer.from(lines.join('\n') + '\n', 'utf8'));
  }
  out.set('truth.json', Buffer.from(formatTruth(archive), 'utf8'));
  return out;
}

/** Write the archive into `dir` (its plans/ and directives/ are replaced). */
export function writeArchive(archive: Archive, dir: string, options: { jsonl: boolean }): number {
  rmSync(join(dir, 'plans'), { recursive: true, force: true });
  rmSync(join(dir, 'directives'), { recursive: true, force: true });
  let bytes = 0;
  for (const [path, data] of archiveOutputs(archive, options)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, data);
    bytes += data.length;
  }
  return bytes;
}
