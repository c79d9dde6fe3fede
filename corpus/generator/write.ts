/**
 * Write a generated archive to a folder: plans/, directives/, archive.jsonl and truth.json.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Archive, ArchiveFile } from './archive.js';
import { docx } from './docx.js';

/** Version of the truth.json format. */
export const TRUTH_VERSION = 1;

function bytesOf(file: ArchiveFile): Uint8Array {
  if (file.format === 'docx') return docx(file.text);
  return file.encoding === 'latin1'
    ? Buffer.from(file.text, 'latin1')
    : Buffer.from(file.text, 'utf8');
}

/** The truth.json object of an archive. */
export function truthJson(archive: Archive) {
  return {
    format: 'saochep-corpus-truth',
    version: TRUTH_VERSION,
    generator: {
      seed: archive.options.seed,
      plans: archive.options.plans,
      formats: archive.options.formats,
    },
    offsets:
      'UTF-16 code units into the text of each file as read: .txt as UTF-8, or one byte per character when "encoding" is "latin1"; .docx as its paragraphs joined with "\\n".',
    directives: archive.truth.directives,
    plans: archive.truth.plans,
  };
}

/** JSON with one directive or plan per line: compact, and diffs stay readable. */
function formatTruth(truth: ReturnType<typeof truthJson>): string {
  const { directives, plans, ...head } = truth;
  const list = (items: object[]) => `[\n${items.map((x) => JSON.stringify(x)).join(',\n')}\n]`;
  const fields = Object.entries(head).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n${[...fields, `"directives": ${list(directives)}`, `"plans": ${list(plans)}`].join(',\n')}\n}\n`;
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
    for (const d of archive.truth.directives) {
      lines.push(
        JSON.stringify({
          id: d.id,
          text: archive.files.get(d.id)!.text,
          meta: {
            kind: 'directive',
            unit: d.issuer,
            number: d.number,
            date: d.date,
            title: d.title,
          },
        }),
      );
    }
    for (const p of archive.truth.plans) {
      lines.push(
        JSON.stringify({
          id: p.id,
          text: archive.files.get(p.id)!.text,
          meta: { unit: p.unit, number: p.number, date: p.date, title: p.title },
        }),
      );
    }
    out.set('archive.jsonl', Buffer.from(lines.join('\n') + '\n', 'utf8'));
  }
  out.set('truth.json', Buffer.from(formatTruth(truthJson(archive)), 'utf8'));
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
