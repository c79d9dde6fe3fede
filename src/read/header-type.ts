/**
 * Document types: the type line a header may have, and the type its số ký
 * hiệu implies when it has none (Nghị định 30/2020/NĐ-CP, Phụ lục III: the
 * abbreviations of the types).
 */
import { DOCUMENT_TYPES } from '../evidence/document-types.js';
import { normalizeText } from '../text/normalize.js';

/** Type lines beyond DOCUMENT_TYPES that documents of the archive carry. */
const MORE_TYPES = [
  'thông tư liên tịch',
  'nghị quyết liên tịch',
  'bộ luật',
  'pháp lệnh',
  'lệnh',
  'hiến pháp',
  'điều lệ',
  'phương án',
  'chương trình hành động',
  'quy trình',
  'thông cáo',
  'giấy mời',
  'biên bản',
  'văn bản hợp nhất',
];

const TYPE_LINES = new Set<string>([...DOCUMENT_TYPES, ...MORE_TYPES].map((t) => normalizeText(t)));

/** A type line without markdown marks and a footnote number ("THÔNG TƯ1", "LUẬT[1]"). */
export function cleanTypeLine(line: string): string {
  return line
    .replace(/[*#_]/g, ' ')
    .replace(/(?:\[\d+\]|\d+)$/u, '')
    .trim();
}

/** Whether a line is a document type line ("KẾ HOẠCH", "Quyết định"). */
export function isTypeLine(line: string): boolean {
  return TYPE_LINES.has(normalizeText(cleanTypeLine(line)));
}

/** The type phrase a line starts with, followed by more words ("KẾ HOẠCH Triển khai…"). */
export function leadingType(line: string): { type: string; rest: string } | undefined {
  // "THÔNG TƯQuy định…": the type glued to a title in sentence case.
  const glued = /^([\p{Lu} ]+?)(\p{Lu}\p{Ll}.*)$/u.exec(line);
  if (glued && TYPE_LINES.has(normalizeText(glued[1])))
    return { type: glued[1].trim(), rest: glued[2] };
  const ws = line.split(/\s+/);
  for (let n = Math.min(4, ws.length - 1); n >= 1; n--) {
    const head = ws.slice(0, n).join(' ');
    const letters = head.replace(/[^\p{L}]/gu, '');
    if (letters !== letters.toUpperCase()) continue;
    if (TYPE_LINES.has(normalizeText(head))) return { type: head, rest: ws.slice(n).join(' ') };
  }
  return undefined;
}
