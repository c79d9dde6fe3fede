/**
 * The lines of a document's header as extraction leaves them: merged lines
 * split again, and the quốc hiệu (or ĐẢNG CỘNG SẢN VIỆT NAM) taken out even
 * when it is broken over lines or interleaved with the other column.
 */
import { normalizeText } from '../text/normalize.js';

/** One line of the header; `blankBefore` when an empty line came before it. */
export interface HeaderLine {
  text: string;
  blankBefore: boolean;
}

const MOTTOS = [
  ['cộng', 'hòa', 'xã', 'hội', 'chủ', 'nghĩa', 'việt', 'nam'],
  ['đảng', 'cộng', 'sản', 'việt', 'nam'],
].map((m) => m.map((w) => normalizeText(w)));

/** Tiêu ngữ, also on a line it shares with the other column. */
export const TIEU_NGU = /Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc/iu;

/**
 * Split the header lines an extractor merged: before "Số" that follows other
 * text, after a date line's year, around " * ", and after a quốc hiệu or tiêu
 * ngữ written on the same line as something else.
 */
export function splitMerged(line: string): string[] {
  return line
    .replace(/\s+(Số\s*[:.]?\s*\d)/gu, '\n$1')
    .replace(/(ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s+(?=\S)/giu, '$1\n')
    .replace(/\s+\*\s+/g, '\n')
    .replace(
      /(CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM)/gu,
      '\n$1\n',
    )
    .replace(new RegExp(`(${TIEU_NGU.source})`, 'giu'), '\n$1\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function words(line: string): string[] {
  return line.split(/\s+/).filter((w) => w !== '');
}

function same(a: string, b: string): boolean {
  return normalizeText(a) === b;
}

/** How many words of `motto` from `at` the words `ws` from `from` match. */
function runLength(ws: string[], from: number, motto: string[], at: number): number {
  let k = 0;
  while (from + k < ws.length && at + k < motto.length && same(ws[from + k], motto[at + k])) k++;
  return k;
}

/**
 * Take one motto out of the lines, as whole runs of its words in order. A run
 * after the first must start or end its line (the other column's text sits
 * on the other side), so that a body's own "… VIỆT NAM" is kept. Nothing is
 * taken unless the whole motto is found.
 */
function removeMotto(lines: HeaderLine[], motto: string[]): HeaderLine[] {
  const cuts: Array<{ line: number; from: number; to: number }> = [];
  let pos = 0;
  for (let l = 0; l < lines.length && pos < motto.length; l++) {
    const ws = words(lines[l].text);
    let found = false;
    for (let i = 0; i < ws.length && !found; i++) {
      const k = runLength(ws, i, motto, pos);
      if (k === 0) continue;
      const done = pos + k === motto.length;
      const atEnd = i + k === ws.length;
      const ok = pos === 0 ? atEnd || done || k >= 2 : i === 0 || atEnd;
      if (!ok) continue;
      cuts.push({ line: l, from: i, to: i + k });
      pos += k;
      found = true;
      // The same line may hold the motto's next run after other words.
      if (pos < motto.length)
        for (let j = i + k + 1; j < ws.length; j++) {
          const k2 = runLength(ws, j, motto, pos);
          if (k2 > 0 && j + k2 === ws.length) {
            cuts.push({ line: l, from: j, to: j + k2 });
            pos += k2;
            break;
          }
        }
    }
    // A run that does not go on at the next line's start or end was something else.
    if (!found && pos > 0 && pos < 2 && cuts.length > 0) {
      cuts.length = 0;
      pos = 0;
    }
  }
  if (pos < motto.length) return lines;
  const out = lines.map((line, l) => {
    const mine = cuts.filter((c) => c.line === l);
    if (mine.length === 0) return line;
    const ws = words(line.text);
    const keep = ws.filter((_, i) => !mine.some((c) => i >= c.from && i < c.to));
    return { text: keep.join(' '), blankBefore: line.blankBefore };
  });
  return out;
}

/** The lines without the quốc hiệu and ĐẢNG CỘNG SẢN VIỆT NAM (lines left empty are kept empty). */
export function withoutMottos(lines: HeaderLine[]): HeaderLine[] {
  let out = lines;
  for (const motto of MOTTOS) out = removeMotto(out, motto);
  return out;
}
