/**
 * JSON text written in pieces. The report of a 100,000-plan scan is longer
 * than the longest string V8 can hold (about 512 MB), so it cannot go through
 * one `JSON.stringify`: its outer objects and arrays are written one member
 * at a time instead, and the pieces joined are exactly the text
 * `JSON.stringify(value, null, indent)` would give.
 */

/** Options of {@link jsonChunks}. */
export interface JsonChunksOptions {
  /** Spaces per level of indentation, as the third argument of `JSON.stringify`. Default 0. */
  indent?: number;
  /**
   * How many levels of objects and arrays are written member by member;
   * deeper values are written whole. Default 2 (a report's `plans` are one
   * piece each).
   */
  depth?: number;
}

function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function* pieces(value: unknown, indent: number, depth: number, level: number): Generator<string> {
  const outer = ' '.repeat(indent * level);
  const streamable =
    depth > 0 &&
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (!streamable) {
    const text = JSON.stringify(value, null, indent);
    yield indent > 0 ? text.replaceAll('\n', `\n${outer}`) : text;
    return;
  }
  const newline = indent > 0 ? `\n${' '.repeat(indent * (level + 1))}` : '';
  const close = indent > 0 ? `\n${outer}` : '';
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i > 0 ? ',' : ''}${newline}`;
      const item: unknown = value[i];
      if (omitted(item)) yield 'null';
      else yield* pieces(item, indent, depth - 1, level + 1);
    }
    yield `${close}]`;
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => !omitted(v));
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  const colon = indent > 0 ? ': ' : ':';
  yield '{';
  for (let i = 0; i < entries.length; i++) {
    const [key, v] = entries[i];
    yield `${i > 0 ? ',' : ''}${newline}${JSON.stringify(key)}${colon}`;
    yield* pieces(v, indent, depth - 1, level + 1);
  }
  yield `${close}}`;
}

/**
 * The JSON text of `value` as a sequence of strings whose concatenation equals
 * `JSON.stringify(value, null, options.indent)`; no single piece is larger than
 * the largest member at `options.depth`.
 */
export function jsonChunks(value: unknown, options: JsonChunksOptions = {}): Iterable<string> {
  if (omitted(value))
    throw new TypeError(`jsonChunks: ${typeof value} has no JSON text; pass an object.`);
  return pieces(value, options.indent ?? 0, options.depth ?? 2, 0);
}
