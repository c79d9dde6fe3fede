/**
 * A generated document: lines made of sentence pieces, each piece either the
 * document's own text or a copy of a piece of an earlier document, so that
 * every copied passage is known exactly.
 */

/** How a copied piece was disguised. */
export type Obfuscation = 'none' | 'renamed' | 'edited';

/** Where a piece came from and what was done to it. */
export interface CopyInfo {
  source: GeneratedDoc;
  /** Index of the piece in `source.pieces`. */
  sourcePiece: number;
  /** Replacements applied in order, each to every occurrence: `text.split(from).join(to)`. */
  replacements: Array<[string, string]>;
  obfuscation: Obfuscation;
  /** The document the text first appeared in (following copies of copies). */
  root: string;
}

export interface Piece {
  text: string;
  copy?: CopyInfo;
}

/**
 * frame: header, title and footer; preamble: the opening sentence that cites
 * the directive (every plan writes its own); heading: section headings; body:
 * the plan's content.
 */
export type LineRole = 'frame' | 'preamble' | 'heading' | 'body';

export interface Line {
  role: LineRole;
  /** Written before the pieces ("- ", "1. "). */
  prefix: string;
  pieces: Piece[];
  /** The section of the document the line belongs to. */
  section?: string;
}

/** A piece placed in the assembled text. */
export interface PlacedPiece extends Piece {
  start: number;
  end: number;
  role: LineRole;
  line: number;
}

export interface GeneratedDoc {
  id: string;
  lines: Line[];
  /** The assembled clean text: lines joined by "\n", pieces by " ". */
  text: string;
  pieces: PlacedPiece[];
}

/** Apply a copy's replacements to a source piece's text. */
export function applyReplacements(
  text: string,
  replacements: ReadonlyArray<[string, string]>,
): string {
  let out = text;
  for (const [from, to] of replacements) out = out.split(from).join(to);
  return out;
}

/** Join lines into text and record where every piece landed. */
export function assemble(id: string, lines: Line[]): GeneratedDoc {
  const parts: string[] = [];
  const pieces: PlacedPiece[] = [];
  let length = 0;
  lines.forEach((line, index) => {
    if (index > 0) {
      parts.push('\n');
      length++;
    }
    parts.push(line.prefix);
    length += line.prefix.length;
    line.pieces.forEach((piece, k) => {
      if (k > 0) {
        parts.push(' ');
        length++;
      }
      const start = length;
      parts.push(piece.text);
      length += piece.text.length;
      // Literals, not a spread: V8 clones spread objects slowly, and a document has hundreds.
      const placed: PlacedPiece = piece.copy
        ? { text: piece.text, copy: piece.copy, start, end: length, role: line.role, line: index }
        : { text: piece.text, start, end: length, role: line.role, line: index };
      pieces.push(placed);
    });
  });
  return { id, lines, text: parts.join(''), pieces };
}

/** A line of the document's own text. */
export function ownLine(role: LineRole, prefix: string, ...texts: string[]): Line {
  return { role, prefix, pieces: texts.map((text) => ({ text })) };
}

/** The same lines, marked as belonging to `section`. */
export function inSection(section: string, lines: Line[]): Line[] {
  return lines.map((line) => ({
    role: line.role,
    prefix: line.prefix,
    pieces: line.pieces,
    section,
  }));
}

/**
 * Copy one placed piece of `source`: `renames` (names, numbers, dates) then
 * `synonyms` (a copier's word swaps) are applied; the obfuscation says which
 * of them changed the text.
 */
export function copyPiece(
  source: GeneratedDoc,
  sourcePiece: number,
  renames: ReadonlyArray<[string, string]> = [],
  synonyms: ReadonlyArray<[string, string]> = [],
): Piece {
  const original = source.pieces[sourcePiece];
  const replacements: Array<[string, string]> = [];
  let text = original.text;
  let renamed = false;
  let edited = false;
  for (const [list, isSynonym] of [
    [renames, false],
    [synonyms, true],
  ] as const) {
    for (const [from, to] of list) {
      if (from === to || !text.includes(from)) continue;
      text = text.split(from).join(to);
      replacements.push([from, to]);
      if (isSynonym) edited = true;
      else renamed = true;
    }
  }
  const obfuscation: Obfuscation = edited ? 'edited' : renamed ? 'renamed' : 'none';
  return {
    text,
    copy: {
      source,
      sourcePiece,
      replacements,
      obfuscation,
      root: original.copy ? original.copy.root : source.id,
    },
  };
}
