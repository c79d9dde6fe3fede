/**
 * One catalogue of saochep's errors: each has a stable `code` that programs can
 * test and a message that says how to fix the problem.
 */

/** Every error code saochep throws. */
export type SaochepErrorCode = 'ERR_SAOCHEP_INVALID_ARGUMENT' | 'ERR_SAOCHEP_INVALID_OPTION';

/** An error raised by saochep, with a stable {@link SaochepErrorCode}. */
export class SaochepError extends Error {
  /** Stable machine-readable code. */
  readonly code: SaochepErrorCode;

  constructor(code: SaochepErrorCode, message: string) {
    super(message);
    this.name = 'SaochepError';
    this.code = code;
  }
}

/** A value of the wrong type was passed; also a `TypeError`, so `instanceof TypeError` holds. */
export class SaochepTypeError extends TypeError {
  /** Stable machine-readable code. */
  readonly code: SaochepErrorCode;

  constructor(code: SaochepErrorCode, message: string) {
    super(message);
    this.name = 'SaochepTypeError';
    this.code = code;
  }
}

/** A short description of a value for error messages: "number (42)", "null", "Buffer". */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `string (${JSON.stringify(value.slice(0, 20))})`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `${typeof value} (${String(value)})`;
  }
  if (typeof value === 'object') {
    const name = (value as object).constructor?.name;
    return name && name !== 'Object' ? `${name} object` : 'object';
  }
  return typeof value;
}

/** Throw a SaochepTypeError unless `value` is a string. */
export function assertText(fn: string, value: unknown, name = 'text'): asserts value is string {
  if (typeof value === 'string') return;
  const hint =
    typeof value === 'object' && value !== null && 'byteLength' in value
      ? ' Decode the bytes first, e.g. new TextDecoder().decode(bytes) or readFile(path, "utf8").'
      : ' Pass the document text as a string.';
  throw new SaochepTypeError(
    'ERR_SAOCHEP_INVALID_ARGUMENT',
    `${fn}: ${name} must be a string, got ${describeValue(value)}.${hint}`,
  );
}
